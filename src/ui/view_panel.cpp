#include "ui/view_panel.hpp"

#include <imgui.h>

namespace em {

ViewCommands draw_view_panel(const Projection& current, const std::vector<std::string>& keys,
                             const std::vector<std::string>& labels) {
    ViewCommands out;
    if (!ImGui::Begin("View")) {
        ImGui::End();
        return out;
    }
    for (size_t i = 0; i < keys.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        if (ImGui::Button(labels[i].c_str())) out.preset = keys[i];
    }
    ImGui::TextDisabled("Home: default view; drag: pan; wheel, +/-: zoom; arrows: move");
    const auto names = Projection::names();
    for (const auto& name : names) {
        const Projection p = *Projection::from_name(name);
        if (ImGui::RadioButton(p.label().c_str(), current.kind() == p.kind()) && current.kind() != p.kind())
            out.projection = p;
    }
    ImGui::End();
    return out;
}

}  // namespace em
