#include "ui/inspector_panel.hpp"

#include <imgui.h>

#include "render/actor_style.hpp"

namespace em {

namespace {
const char* precision_text(const FuzzyDate& d) {
    switch (d.precision) {
        case DatePrecision::kDay: return "day";
        case DatePrecision::kMonth: return "month only";
        case DatePrecision::kYear: return "year only";
    }
    return "";
}

void field(const char* name, const std::string& value) {
    if (value.empty()) return;
    ImGui::TextDisabled("%s", name);
    ImGui::SameLine(100);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 420);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopTextWrapPos();
}
}  // namespace

void draw_event_details(const Event& e) {
    const Color c = party_color(e.party());
    ImGui::TextColored(ImVec4(c.r, c.g, c.b, 1), "%s  %s", e.id.c_str(), std::string(kind_name(e.kind)).c_str());
    std::string when = e.date.display() + " (" + precision_text(e.date) + ")";
    if (e.end_date) when += " to " + e.end_date->display();
    field("date", when);
    field("actor", e.actor);
    field("country", e.country);
    field("from", e.from ? e.from->name : "");
    field("to", e.to.name);
    field("size", e.size);
    field("people", e.participants);
    field("what", e.description);
    field("source", e.source);
    if (e.uncertain()) {
        ImGui::TextDisabled("confidence");
        ImGui::SameLine(100);
        ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), "%s", e.confidence.c_str());
    } else {
        field("confidence", e.confidence);
    }
    field("file", e.file + ":" + std::to_string(e.line));
}

void draw_inspector_panel(const Event*& pinned) {
    if (!pinned) return;
    bool open = true;
    ImGui::SetNextWindowSize(ImVec2(540, 0), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Event", &open)) draw_event_details(*pinned);
    ImGui::End();
    if (!open) pinned = nullptr;
}

}  // namespace em
