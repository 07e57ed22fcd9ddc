#include "ui/legend_panel.hpp"

#include <imgui.h>

#include "render/actor_style.hpp"
#include "ui/panel_section.hpp"
#include "ui/ui_fonts.hpp"
#include "ui/ui_theme.hpp"

namespace em {

namespace {
ImU32 col(const Color& c) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a)); }

void swatch(const Color& c) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float s = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + s, p.y + s - 2), col(c), 2.0f);
    ImGui::Dummy(ImVec2(s, s));
    ImGui::SameLine();
}

void shape(MarkerShape sh) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float s = ImGui::GetTextLineHeight();
    const ImVec2 c(p.x + s / 2, p.y + s / 2);
    const float r = s * 0.38f;
    ImDrawList* d = ImGui::GetWindowDrawList();
    const ImU32 k = ImGui::GetColorU32(ImGuiCol_Text);  // dark grey in light, light grey in dark
    switch (sh) {
        case kTriangleUp: d->AddTriangleFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y + r), ImVec2(c.x - r, c.y + r), k); break;
        case kTriangleDown: d->AddTriangleFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y - r), ImVec2(c.x, c.y + r), k); break;
        case kDiamond: d->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y), k); break;
        case kSquare: d->AddRectFilled(ImVec2(c.x - r * 0.8f, c.y - r * 0.8f), ImVec2(c.x + r * 0.8f, c.y + r * 0.8f), k); break;
        case kCircle: d->AddCircleFilled(c, r, k); break;
    }
    ImGui::Dummy(ImVec2(s, s));
    ImGui::SameLine();
}
}  // namespace

void draw_legend_panel(const std::vector<std::string>& parties) {
    // A card on the map: placed and sized by the window's layout, collapsible from its title bar.
    constexpr ImGuiWindowFlags kCard = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                       ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_NoFocusOnAppearing;
    if (!ImGui::Begin("Legend", nullptr, kCard)) {
        note_window("legend");
        ImGui::End();
        return;
    }
    note_window("legend");
    ImGui::PushFont(small_font());
    ImGui::TextDisabled("Actors (colour)");
    for (const auto& p : parties) {
        swatch(ui_party_color(p));
        ImGui::Text("%s (%s)", p.c_str(), party_code(p).c_str());
    }
    ImGui::Separator();
    ImGui::TextDisabled("Troop changes (shape)");
    const std::pair<MarkerShape, const char*> kinds[] = {{kTriangleUp, "arrival"},
                                                         {kTriangleDown, "departure"},
                                                         {kDiamond, "handover"},
                                                         {kSquare, "size change"},
                                                         {kCircle, "announcement"}};
    for (const auto& [s, name] : kinds) {
        shape(s);
        ImGui::TextUnformatted(name);
    }
    ImGui::Separator();
    ImGui::TextWrapped("Lines: meetings, from the visiting capital to the venue (arrow); dashed: phone calls; "
                       "x3: three meetings on that link in the window. Faded or hollow: uncertain. Older "
                       "events in the window fade. Country tint and badges (RU, FR...): foreign forces present "
                       "on the date.");
    ImGui::PopFont();
    ImGui::End();
}

}  // namespace em
