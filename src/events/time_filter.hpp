#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "events/event.hpp"

namespace em {

// How the time slider selects events.
enum class WindowMode {
    kTrailing,    // the current date and the `days` before it; older events fade
    kCumulative,  // everything up to the current date
    kRange,       // between two dates
};

// The one clock of the map: a date and the window around it.
struct TimeWindow {
    WindowMode mode = WindowMode::kTrailing;
    Date at;            // the current date (trailing, cumulative)
    int days = 30;      // trailing window length
    Date range_start;   // range mode
    Date range_end;     // range mode

    // First and last day shown (inclusive). Cumulative starts at the earliest representable day.
    Date first() const;
    Date last() const;
};

// How strongly an event shows in the window: 0 when outside it; in a trailing window 1 for events still
// going on at the date, fading linearly to 0.25 for those that ended `days` ago. Events are intervals
// (precision and end_date included), so a month-precision event counts if any day of its month is inside.
float event_weight(const Event& event, const TimeWindow& window);

// What the user has chosen to see besides time: empty sets mean everything.
struct EventFilter {
    std::set<std::string> hidden_parties;
    std::set<EventKind> hidden_kinds;
    std::set<std::string> countries;  // shown countries (ISO alpha-3); empty: all
    bool hide_uncertain = false;
    std::string text;  // case-insensitive, searched in participants, description, actor, id

    // True when the event passes every filter (time aside).
    bool matches(const Event& event) const;
};

// An event chosen for drawing, with its weight in the window.
struct VisibleEvent {
    const Event* event;
    float weight;
};

// The events that pass the filter and fall in the window.
std::vector<VisibleEvent> visible_events(const std::vector<Event>& events, const TimeWindow& window,
                                         const EventFilter& filter);

}  // namespace em
