#pragma once

#include <string>
#include <vector>

#include "events/presence.hpp"
#include "events/timeline.hpp"
#include "ui/key_presses.hpp"

namespace em {

// What the timeline keeps between frames besides the clock itself.
struct TimelineUiState {
    char date_text[32] = "";  // the editable date field
    bool editing_date = false;
    std::string date_error;
};

// The timeline along the bottom of the window: event-density histogram by party, presence bands per country
// and actor, the slider, play/pause, speed, loop, stepping and the window mode. Returns true when the clock
// or the window changed (the map must be rebuilt).
bool draw_timeline_panel(TimelineState& state, TimelineUiState& ui, const Histogram& histogram,
                         const std::vector<PresenceInterval>& presence, const std::vector<Date>& days);

// Height in pixels the timeline takes at the bottom of the window (the status bar comes below it).
float timeline_panel_height(std::size_t presence_rows);

// Keyboard shortcuts for the clock (Space, comma/period, [ ], N/P, W/Shift+W), each press acting once, so taps
// during a slow frame are not lost; does nothing while a text field has the keyboard (keyboard_taken). Returns
// true when the clock changed.
bool handle_timeline_keys(TimelineState& state, const std::vector<Date>& days, const KeyPresses& keys,
                          bool keyboard_taken);

}  // namespace em
