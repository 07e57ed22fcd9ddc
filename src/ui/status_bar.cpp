#include "ui/status_bar.hpp"

#include "render/decorations.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace em {

std::string format_lon_lat(GeoPoint p) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f %c  %.2f %c", std::abs(p.lat), p.lat >= 0 ? 'N' : 'S', std::abs(p.lon),
                  p.lon >= 0 ? 'E' : 'W');
    return buf;
}

void draw_status_bar(const StatusInfo& info) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float height = ImGui::GetFrameHeight() + 6;
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - height));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, height));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav;
    ImGui::Begin("##status", nullptr, flags);
    ImGui::TextUnformatted(info.cursor ? format_lon_lat(*info.cursor).c_str() : "-");
    ImGui::SameLine(180);
    const double bar = nice_scale_length(info.metres_per_pixel * 100);
    if (bar >= 1000) {
        ImGui::Text("scale: %.0f km per %.0f px", bar / 1000, bar / info.metres_per_pixel);
    } else {
        ImGui::Text("scale: %.0f m per %.0f px", bar, bar / std::max(info.metres_per_pixel, 1e-9));
    }
    ImGui::SameLine(420);
    ImGui::Text("frame %.1f ms", info.frame_ms);
    ImGui::SameLine(540);
    ImGui::TextUnformatted(info.detail.c_str());
    if (!info.message.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.75f, 0.2f, 0.1f, 1), "%s", info.message.c_str());
    }
    ImGui::End();
}

}  // namespace em
