#include "ui/inspector_panel.hpp"

#include <imgui.h>
#include <spawn.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <vector>

#include "events/event_loader.hpp"
#include "render/actor_style.hpp"
#include "ui/panel_section.hpp"
#include "ui/point_event_details.hpp"
#include "ui/ui_theme.hpp"

extern char** environ;

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

// Browsers started by "Open source", reaped without waiting once they have exited (xdg-open returns as soon as
// it has handed the address to the browser).
std::vector<pid_t>& spawned() {
    static std::vector<pid_t> pids;
    return pids;
}

void reap_spawned() {
    auto& pids = spawned();
    std::erase_if(pids, [](pid_t pid) { return waitpid(pid, nullptr, WNOHANG) != 0; });
}

// Opens a well-formed http(s) address with `xdg-open URL`: spawned directly (no shell), never waited for.
bool open_in_browser(const std::string& url) {
    if (!web_address_problem(url).empty()) return false;
    std::string program = "xdg-open", arg = url;
    char* argv[] = {program.data(), arg.data(), nullptr};
    pid_t pid = 0;
    if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv, environ) != 0) return false;
    spawned().push_back(pid);
    return true;
}

// A labelled value, wrapped at `right` (window x of the wrap).
void field(const char* name, const std::string& value, float right) {
    if (value.empty()) return;
    ImGui::TextDisabled("%s", name);
    ImGui::SameLine(5.5f * ImGui::GetFontSize());
    ImGui::PushTextWrapPos(right);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopTextWrapPos();
}
}  // namespace

void draw_event_details(const Event& e, float width) {
    // In a tooltip (width 0) the text wraps at a readable measure; in a panel, at its edge.
    const float right = width > 0 ? ImGui::GetCursorPosX() + width : ImGui::GetCursorPosX() + 34 * ImGui::GetFontSize();
    const Color c = ui_party_color(e.party());
    ImGui::TextColored(ImVec4(c.r, c.g, c.b, 1), "%s  %s", e.id.c_str(), std::string(kind_name(e.kind)).c_str());
    std::string when = e.date.display() + " (" + precision_text(e.date) + ")";
    if (e.end_date) when += " to " + e.end_date->display();
    field("date", when, right);
    field("actor", e.actor, right);
    field("country", e.country, right);
    field("from", e.from ? e.from->name : "", right);
    field("to", e.to.name, right);
    field("size", e.size, right);
    draw_point_event_details(e);  // ACLED rows: type, fatalities, actors, precision
    field("people", e.participants, right);
    field("what", e.description, right);
    field("source", e.source, right);
    field("link", e.url, right);
    if (e.uncertain()) {
        ImGui::TextDisabled("confidence");
        ImGui::SameLine(5.5f * ImGui::GetFontSize());
        ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), "%s", e.confidence.c_str());
    } else {
        field("confidence", e.confidence, right);
    }
    field("file", e.file + ":" + std::to_string(e.line), right);
}

void draw_inspector_panel(const Event*& pinned, std::optional<PointBinSummary>* pinned_bin) {
    reap_spawned();  // every frame, also after the event was unpinned
    bool keep = true;
    if (begin_section("Event")) {
        if (!pinned && pinned_bin && *pinned_bin) {
            draw_point_bin_summary(**pinned_bin);
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
            ImGui::TextWrapped("As binned when clicked; zoom in to see its events.");
            ImGui::PopStyleColor();
            if (ImGui::SmallButton("Unpin")) pinned_bin->reset();
            note_item("Event/Unpin");
        } else if (!pinned) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
            ImGui::TextWrapped("Click an event or a hexagon on the map, or a row of the list below, to pin it here.");
            ImGui::PopStyleColor();
        } else {
            draw_event_details(*pinned, ImGui::GetContentRegionAvail().x);
            if (ImGui::SmallButton("Unpin")) keep = false;
            note_item("Event/Unpin");
            const std::string& url = pinned->url;
            if (!url.empty()) {
                ImGui::SameLine();
                const std::string problem = web_address_problem(url);
                if (problem.empty()) {
                    static std::string failed;  // the address xdg-open could not be started for
                    if (ImGui::SmallButton("Open source")) failed = open_in_browser(url) ? "" : url;
                    if (ImGui::IsItemHovered()) ImGui::SetTooltip("xdg-open %s", url.c_str());
                    if (failed == url) ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), "could not start xdg-open");
                } else {
                    ImGui::TextDisabled("link not opened: %s", problem.c_str());
                }
            }
        }
    }
    end_section();
    if (!keep) pinned = nullptr;
}

}  // namespace em
