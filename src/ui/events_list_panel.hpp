#pragma once

#include <vector>

#include "events/time_filter.hpp"
#include "ui/events_table.hpp"
#include "ui/key_presses.hpp"

namespace em {

// What the events list keeps between frames.
struct EventsListState {
    char search[128] = "";
    EventRowsQuery query;
    std::vector<const Event*> rows;  // the visible events matching the search, sorted
    bool stale = true;               // the visible events changed: rebuild rows
    // Every filtered event matching the search, sorted: a clock step takes its rows from it without a sort.
    EventRowIndex row_index;
    bool index_stale = true;  // the filters, the search, the sort or the events changed: rebuild row_index
    bool focused = false;            // the list had the keyboard last frame (arrows move its selection)
    TimeWindow shown_window;         // what the rows were built for, to see when they are out of date
    TimeWindow last_frame_window;    // the window of the frame before: a different one means the clock is moving
    double shown_at_s = -1e9;        // when the rows last followed the clock (ImGui's time, seconds)
    EventFilter shown_filter;
    const Event* shown_first = nullptr;  // the events' storage the rows point into (loading again moves it)
    std::size_t shown_count = 0;
};

// While the clock keeps moving (the slider dragged, playback, a scripted scrub), the list's rows follow the time
// window at most this often; a change after a rest is followed at once. Rows that change every frame cannot be read,
// and redrawing the list cost llvmpipe ~2.4 ms of a 1920x1080 frame (4,100 vertices), where a list unchanged since
// the last frame is copied from its picture (ui/panel_pictures).
inline constexpr double kListFollowsMovingClockS = 0.25;

// Whether the rows should follow `window` now: it differs from the one they show and the clock has rested since the
// last frame, or the rows last followed it kListFollowsMovingClockS ago or more. Notes this frame's window.
bool list_follows_clock(EventsListState& state, const TimeWindow& window, double now_s);
// Whether the rows show another window than this one (the clock moved on since they last followed it).
bool list_behind_clock(const EventsListState& state, const TimeWindow& window);

// What the user did in the list this frame.
struct EventsListAction {
    const Event* selected = nullptr;  // a row clicked or reached with the keys: pin it, show it on the map
    const Event* hovered = nullptr;   // the row under the pointer: highlight it on the map
};

// The inspector's Events section: a table of the events in `window` that pass the filters (from `index`; null
// while it is being rebuilt, when the rows wait; set state.index_stale when the filters or the events change)
// with date (and its precision), kind, parties, place and source; sortable by any column, searched by the box
// above it; Up/Down/Page Up/Page Down move the selection while the list has focus. The pinned event's row is
// highlighted.
EventsListAction draw_events_list(EventsListState& state, const VisibleEventIndex* index, const TimeWindow& window,
                                  const Event* pinned, const KeyPresses& keys);

}  // namespace em
