#include "ui/filter_panel.hpp"

#include <imgui.h>

#include "ui/panel_section.hpp"

#include "render/actor_style.hpp"
#include "ui/ui_theme.hpp"

namespace em {

bool draw_filter_panel(EventFilter& f, FilterUiState& ui, const FilterChoices& choices, std::size_t shown,
                       std::size_t total) {
    bool changed = false;
    if (!begin_section("Filters")) {
        end_section();
        return false;
    }
    ImGui::Text("%zu of %zu events in the window", shown, total);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##search", "search people and descriptions", ui.search, sizeof ui.search)) {
        f.text = ui.search;
        changed = true;
    }
    if (ImGui::TreeNodeEx("Actors", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (const auto& p : choices.parties) {
            bool on = !f.hidden_parties.count(p);
            const Color c = ui_party_color(p);
            ImGui::PushStyleColor(ImGuiCol_CheckMark, ImVec4(c.r, c.g, c.b, 1));
            if (ImGui::Checkbox(p.c_str(), &on)) {
                if (on) f.hidden_parties.erase(p); else f.hidden_parties.insert(p);
                changed = true;
            }
            note_item("Filters/" + p);
            ImGui::PopStyleColor();
        }
        ImGui::TreePop();
    }
    if (ImGui::TreeNodeEx("Kinds", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (EventKind k : all_kinds()) {
            bool on = !f.hidden_kinds.count(k);
            if (ImGui::Checkbox(std::string(kind_name(k)).c_str(), &on)) {
                if (on) f.hidden_kinds.erase(k); else f.hidden_kinds.insert(k);
                changed = true;
            }
        }
        ImGui::TreePop();
    }
    if (ImGui::TreeNodeEx("Countries", 0)) {
        ImGui::TextDisabled("none ticked: all countries");
        for (const auto& c : choices.countries) {
            bool on = f.countries.count(c) > 0;
            if (ImGui::Checkbox(c.c_str(), &on)) {
                if (on) f.countries.insert(c); else f.countries.erase(c);
                changed = true;
            }
        }
        ImGui::TreePop();
    }
    changed |= ImGui::Checkbox("hide uncertain events", &f.hide_uncertain);
    end_section();
    return changed;
}

}  // namespace em
