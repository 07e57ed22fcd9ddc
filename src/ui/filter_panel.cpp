#include "ui/filter_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <set>

#include "ui/panel_section.hpp"

#include "render/actor_style.hpp"
#include "ui/ui_theme.hpp"
#include "render/point_events.hpp"

namespace em {

bool set_event_type_shown(std::set<std::string>& shown, const std::set<std::string>& all, const std::string& type,
                          bool on) {
    std::set<std::string> next = shown.empty() ? all : shown;
    if (on) next.insert(type); else next.erase(type);
    if (next.empty()) return false;
    if (std::includes(next.begin(), next.end(), all.begin(), all.end())) next.clear();  // all: no type filter
    if (next == shown) return false;
    shown = std::move(next);
    return true;
}

void sync_filter_ui(FilterUiState& ui, const EventFilter& f) {
    std::snprintf(ui.search, sizeof ui.search, "%s", f.text.c_str());
    std::snprintf(ui.actor_text, sizeof ui.actor_text, "%s", f.actor_text.c_str());
}

namespace {

// Event type, fatalities and actor text, for point events. A type's box is ticked when it is shown.
bool draw_point_event_filters(EventFilter& f, FilterUiState& ui, const FilterChoices& choices) {
    const bool any_set = !f.event_types.empty() || f.min_fatalities > 0 || !f.actor_text.empty();
    if (choices.event_types.empty() && !any_set) return false;
    bool changed = false;
    if (!ImGui::TreeNodeEx("Point events (ACLED)", ImGuiTreeNodeFlags_DefaultOpen)) return false;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##actor_text", "actor text (actor 1, 2, associated)", ui.actor_text,
                                 sizeof ui.actor_text)) {
        f.actor_text = ui.actor_text;
        changed = true;
    }
    note_item("Filters/actor_text");
    ImGui::TextUnformatted("fatalities at least");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    int at_least = f.min_fatalities;
    if (ImGui::InputInt("##min_fatalities", &at_least, 1, 10) && std::max(at_least, 0) != f.min_fatalities) {
        f.min_fatalities = std::max(at_least, 0);
        changed = true;
    }
    note_item("Filters/min_fatalities");
    // Types the filter names that are not loaded (from a project) stay listed, so they can be cleared.
    std::set<std::string> types(choices.event_types.begin(), choices.event_types.end());
    types.insert(f.event_types.begin(), f.event_types.end());
    for (const std::string& t : types) {
        bool on = f.event_types.empty() || f.event_types.count(t) > 0;
        const Color c = event_type_color(t);
        ImGui::PushStyleColor(ImGuiCol_CheckMark, ImVec4(c.r, c.g, c.b, 1));
        if (ImGui::Checkbox(t.empty() ? "(no type)" : t.c_str(), &on)) {
            changed |= set_event_type_shown(f.event_types, types, t, on);
        }
        note_item("Filters/type/" + t);
        ImGui::PopStyleColor();
    }
    ImGui::TreePop();
    return changed;
}

}  // namespace

bool draw_filter_panel(EventFilter& f, FilterUiState& ui, const FilterChoices& choices, std::size_t shown,
                       std::size_t total) {
    bool changed = false;
    if (!begin_section("Filters")) {
        end_section();
        return false;
    }
    // In a child window of its own: its own draw list, so that the sidebar's stays the same while the clock moves and
    // the window copies its picture instead of drawing it (ui/panel_pictures).
    ImGui::BeginChild("##shown", ImVec2(0, ImGui::GetTextLineHeight()), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    ImGui::Text("%zu of %zu events in the window", shown, total);
    ImGui::EndChild();
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
            note_item("Filters/kind/" + std::string(kind_name(k)));
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
    changed |= draw_point_event_filters(f, ui, choices);
    changed |= ImGui::Checkbox("hide uncertain events", &f.hide_uncertain);
    end_section();
    return changed;
}

}  // namespace em
