#include "ui/point_event_details.hpp"

#include <imgui.h>

#include <string>

#include "render/point_events.hpp"

namespace em {

namespace {
void row(const char* name, const std::string& value) {
    if (value.empty()) return;
    ImGui::TextDisabled("%s", name);
    ImGui::SameLine(100);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 420);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopTextWrapPos();
}

const char* time_precision_text(int p) {
    return p == 3 ? "the month only" : p == 2 ? "within a week of the date" : "the day";
}
const char* geo_precision_text(int p) {
    return p == 3 ? "a larger area (drawn at its centre)" : p == 2 ? "near the place, or part of a region" : "the place";
}
}  // namespace

void draw_point_event_details(const Event& e) {
    if (!e.point) return;
    const PointEventDetails& p = *e.point;
    const Color c = event_type_color(p.event_type);
    ImGui::TextDisabled("type");
    ImGui::SameLine(100);
    ImGui::TextColored(ImVec4(c.r, c.g, c.b, 1), "%s", (p.event_type + (p.sub_event_type.empty() ? "" : ": " + p.sub_event_type)).c_str());
    row("fatalities", std::to_string(p.fatalities));
    row("actor 1", p.actor1 + (p.assoc_actor_1.empty() ? "" : " (with " + p.assoc_actor_1 + ")"));
    row("actor 2", p.actor2 + (p.assoc_actor_2.empty() ? "" : " (with " + p.assoc_actor_2 + ")"));
    row("party", p.mapped_party.empty() ? "" : p.mapped_party + " (data/acled_actors.csv)");
    row("place", p.location + (p.admin1.empty() ? "" : ", " + p.admin1));
    row("as dated", p.date_text + ": " + time_precision_text(p.time_precision));
    row("as placed", geo_precision_text(p.geo_precision));
}

void draw_point_bin_summary(const PointBinSummary& bin) {
    ImGui::Text("%zu events in this hexagon", bin.count);
    row("fatalities", std::to_string(bin.fatalities));
    row("dates", bin.first == bin.last ? FuzzyDate::of(bin.first).display()
                                       : FuzzyDate::of(bin.first).display() + " to " + FuzzyDate::of(bin.last).display());
    for (const auto& [type, count] : bin.types) {
        const Color c = event_type_color(type);
        ImGui::TextColored(ImVec4(c.r, c.g, c.b, 1), "%6zu", count);
        ImGui::SameLine(100);
        ImGui::TextUnformatted(type.empty() ? "(no type)" : type.c_str());
    }
    if (!bin.parties.empty()) {
        std::string parties;
        for (const auto& [party, count] : bin.parties)
            parties += (parties.empty() ? "" : ", ") + party + " (" + std::to_string(count) + ")";
        row("outside", parties);
    }
}

}  // namespace em
