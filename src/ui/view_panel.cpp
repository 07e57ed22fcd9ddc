#include "ui/view_panel.hpp"

#include <imgui.h>

#include "ui/panel_section.hpp"

namespace em {

ViewCommands draw_view_panel(const Projection& current, const std::vector<std::string>& keys,
                             const std::vector<std::string>& labels) {
    ViewCommands out;
    if (!begin_section("View")) {
        end_section();
        return out;
    }
    // Preset buttons flow onto as many lines as the sidebar's width needs.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;
    for (size_t i = 0; i < keys.size(); ++i) {
        if (ImGui::Button(labels[i].c_str())) out.preset = keys[i];
        note_item("View/" + labels[i]);
        if (i + 1 < keys.size()) {
            const float next = ImGui::CalcTextSize(labels[i + 1].c_str()).x + 2 * style.FramePadding.x;
            if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + next < right) ImGui::SameLine();
        }
    }
    ImGui::PushStyleColor(ImGuiCol_Text, style.Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("Home: default view; drag: pan; wheel, +/-: zoom; arrows: move");
    ImGui::PopStyleColor();
    const auto names = Projection::names();
    for (const auto& name : names) {
        const Projection p = *Projection::from_name(name);
        if (ImGui::RadioButton(p.label().c_str(), current.kind() == p.kind()) && current.kind() != p.kind())
            out.projection = p;
        note_item("View/" + p.label());
    }
    end_section();
    return out;
}

}  // namespace em
