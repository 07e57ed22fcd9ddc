#include "ui/status_bar.hpp"

#include "render/decorations.hpp"
#include "ui/panel_section.hpp"

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

void draw_status_bar(const StatusInfo& info, const UiRect& rect) {
    ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
    ImGui::SetNextWindowSize(ImVec2(rect.w, rect.h));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav;
    begin_frame_window("##status", flags);
    note_window("status");
    const float em = ImGui::GetFontSize();
    ImGui::TextUnformatted(info.cursor ? format_lon_lat(*info.cursor).c_str() : "-");
    ImGui::SameLine(11 * em);
    const double bar = nice_scale_length(info.metres_per_pixel * 100);
    if (bar >= 1000) {
        ImGui::Text("scale: %.0f km per %.0f px", bar / 1000, bar / info.metres_per_pixel);
    } else {
        ImGui::Text("scale: %.0f m per %.0f px", bar, bar / std::max(info.metres_per_pixel, 1e-9));
    }
    ImGui::SameLine(26 * em);
    // The time to draw the last frame, not the wait for input between frames.
    ImGui::Text("draw %.1f ms", info.frame_ms);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("time to draw the last frame (the window sleeps between frames)");
    ImGui::SameLine(0, 2 * em);
    ImGui::TextUnformatted(info.detail.c_str());
    if (!info.message.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.75f, 0.2f, 0.1f, 1), "%s", info.message.c_str());
    }
    ImGui::End();
}

}  // namespace em
