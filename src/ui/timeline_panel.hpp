#pragma once

#include <set>
#include <string>
#include <vector>

#include "events/presence.hpp"
#include "events/timeline.hpp"
#include "ui/key_presses.hpp"
#include "ui/window_layout.hpp"

namespace em {

// What the timeline keeps between frames besides the clock itself.
struct TimelineUiState {
    char date_text[32] = "";  // the editable date field
    bool editing_date = false;
    std::string date_error;
    std::set<std::string> collapsed;  // countries whose presence lanes are folded into one row
};

// The timeline in `rect` under the map: play/pause, stepping, the date, speed and window mode; the event-density
// histogram by party (counts on hover) over a date axis whose labels fit the width; then the presence lanes,
// labelled by actor and grouped under their country (a country folds into one row); the current window is
// shaded. Dragging over the histogram or the axis moves the clock. Returns true when the clock or the window
// changed (the map must be rebuilt).
bool draw_timeline_panel(TimelineState& state, TimelineUiState& ui, const Histogram& histogram,
                         const std::vector<PresenceInterval>& presence, const std::vector<Date>& days,
                         const UiRect& rect);

// Keyboard shortcuts for the clock (Space, comma/period, [ ], N/P, W/Shift+W), each press acting once, so taps
// during a slow frame are not lost; does nothing while a text field has the keyboard (keyboard_taken). Returns
// true when the clock changed.
bool handle_timeline_keys(TimelineState& state, const std::vector<Date>& days, const KeyPresses& keys,
                          bool keyboard_taken);

}  // namespace em
