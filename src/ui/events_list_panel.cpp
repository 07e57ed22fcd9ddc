#include "ui/events_list_panel.hpp"

#include <imgui.h>

// GLFW key codes for the list's keys (ImGui 1.86 misses quick taps; ui/key_presses has every press).
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>

#include "render/actor_style.hpp"
#include "ui/inspector_panel.hpp"
#include "ui/panel_section.hpp"
#include "ui/ui_fonts.hpp"
#include "ui/ui_theme.hpp"

namespace em {

namespace {

constexpr EventColumn kColumns[] = {EventColumn::kDate, EventColumn::kKind, EventColumn::kParties, EventColumn::kPlace,
                                    EventColumn::kSource};
constexpr const char* kHeaders[] = {"Date", "Kind", "Parties", "Place", "Source"};
constexpr float kWidthsEm[] = {6.5f, 5.0f, 11.0f, 10.0f, 8.0f};

// Reads the table's sort order into the query; true when it changed.
bool take_sort_specs(EventRowsQuery& query) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || !specs->SpecsDirty || specs->SpecsCount == 0) return false;
    const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
    query.column = kColumns[s.ColumnUserID];
    query.ascending = s.SortDirection != ImGuiSortDirection_Descending;
    specs->SpecsDirty = false;
    return true;
}

// Up/Down/Page keys move the selection; returns the row reached, or nullptr.
const Event* keyboard_step(const std::vector<const Event*>& rows, const Event* pinned, const KeyPresses& keys) {
    const int page = 10;
    const int step = keys.count(GLFW_KEY_DOWN) - keys.count(GLFW_KEY_UP) +
                     page * (keys.count(GLFW_KEY_PAGE_DOWN) - keys.count(GLFW_KEY_PAGE_UP));
    if (step == 0) return nullptr;
    return step_row(rows, pinned, step);
}

bool same_days(const TimeWindow& a, const TimeWindow& b) { return a.first() == b.first() && a.last() == b.last(); }

}  // namespace

bool list_behind_clock(const EventsListState& st, const TimeWindow& window) {
    return !same_days(window, st.shown_window);
}

bool list_follows_clock(EventsListState& st, const TimeWindow& window, double now_s) {
    const bool moving = !same_days(window, st.last_frame_window);
    st.last_frame_window = window;
    if (same_days(window, st.shown_window)) return false;
    if (moving && now_s - st.shown_at_s < kListFollowsMovingClockS) return false;
    st.shown_at_s = now_s;
    return true;
}

EventsListAction draw_events_list(EventsListState& st, const VisibleEventIndex* index, const TimeWindow& window,
                                  const Event* pinned, const KeyPresses& keys) {
    EventsListAction action;
    const bool open = begin_section("Events");
    if (!open) {
        st.focused = false;
        end_section();
        return action;
    }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##events_search", "search the list (Army-2024, Bamako...)", st.search,
                                 sizeof st.search)) {
        st.query.search = st.search;
        st.stale = st.index_stale = true;
    }
    note_item("Events/search");
    constexpr ImGuiTableFlags kTable = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                       ImGuiTableFlags_ScrollX | ImGuiTableFlags_Resizable |
                                       ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Hideable |
                                       ImGuiTableFlags_SizingFixedFit;
    const float em = ImGui::GetFontSize();
    const float height = std::max(8 * em, ImGui::GetContentRegionAvail().y - ImGui::GetTextLineHeightWithSpacing());
    bool scroll_to_pinned = false;
    if (ImGui::BeginTable("##events", 5, kTable, ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        for (int c = 0; c < 5; ++c)
            ImGui::TableSetupColumn(kHeaders[c], c == 0 ? ImGuiTableColumnFlags_DefaultSort : 0, kWidthsEm[c] * em,
                                    static_cast<ImGuiID>(c));
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (int c = 0; c < 5; ++c) {
            if (!ImGui::TableSetColumnIndex(c)) continue;
            ImGui::TableHeader(kHeaders[c]);
            note_item(std::string("Events/header/") + kHeaders[c]);
        }
        if (take_sort_specs(st.query)) st.stale = st.index_stale = true;
        if (st.stale && index) {
            if (st.index_stale) st.row_index = EventRowIndex(index->all(), st.query);
            st.index_stale = false;
            st.rows = st.row_index.rows(window);
            st.stale = false;
        }
        st.focused = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !ImGui::GetIO().WantTextInput;
        if (st.focused) {
            if (const Event* reached = keyboard_step(st.rows, pinned, keys); reached && reached != pinned) {
                action.selected = reached;
                scroll_to_pinned = true;
            }
        }
        const Event* marked = action.selected ? action.selected : pinned;
        // The row reached with the keys is scrolled to the middle (rows are all one line high).
        if (scroll_to_pinned) {
            const float row_h = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y;
            for (size_t i = 0; i < st.rows.size(); ++i)
                if (st.rows[i] == marked) ImGui::SetScrollY(std::max(0.0f, i * row_h - height / 2));
        }
        const auto measure = [](std::string_view t) {
            return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x;
        };
        // What is visible of the current cell: its column's width, or less where the list's edge cuts the column
        // (the table scrolls sideways when its columns are wider than the inspector).
        const auto visible_width = [] {
            const float clip_right = ImGui::GetWindowDrawList()->GetClipRectMax().x;
            return std::min(ImGui::GetContentRegionAvail().x, clip_right - ImGui::GetCursorScreenPos().x);
        };
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(st.rows.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const Event& e = *st.rows[i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(i);
                const Color c = ui_party_color(e.party());
                // The date's cell is the row's selectable, spanning every column.
                const std::string date = event_cell(e, EventColumn::kDate);
                if (ImGui::Selectable("##row", &e == marked, ImGuiSelectableFlags_SpanAllColumns)) action.selected = &e;
                char name[32];
                std::snprintf(name, sizeof name, "Events/row/%d", i);
                note_item(name);
                if (ImGui::IsItemHovered()) {
                    action.hovered = &e;
                    ImGui::BeginTooltip();
                    draw_event_details(e);
                    ImGui::EndTooltip();
                }
                ImGui::SameLine(0, 0);
                // Cells narrower than their text end in an ellipsis; the row's tooltip above has the whole record.
                ImGui::TextColored(ImVec4(c.r, c.g, c.b, 1), "%s",
                                   ellipsize(date, visible_width(), measure).c_str());
                for (int col = 1; col < 5; ++col) {
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(
                        ellipsize(event_cell(e, kColumns[col]), visible_width(), measure).c_str());
                }
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    ImGui::PushFont(small_font());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    // In a child window of its own, as tall as the wrapped text: the count changes with the clock, and apart from it
    // the panel's draw list stays the same, so the window copies its picture (ui/panel_pictures).
    char count[96];
    std::snprintf(count, sizeof count, "%zu event%s. Up/Down: step; a header: sort", st.rows.size(),
                  st.rows.size() == 1 ? "" : "s");
    const float wrap = ImGui::GetContentRegionAvail().x;
    ImGui::BeginChild("##count", ImVec2(0, ImGui::CalcTextSize(count, nullptr, false, wrap).y), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    ImGui::TextWrapped("%s", count);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    end_section();
    return action;
}

}  // namespace em
