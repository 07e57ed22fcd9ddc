#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "events/event.hpp"
#include "events/presence.hpp"

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
    std::set<std::string> parties;    // shown parties (Event::party); empty: all (--actor)
    std::set<EventKind> hidden_kinds;
    std::set<std::string> countries;  // shown countries (ISO alpha-3); empty: all
    bool hide_uncertain = false;
    std::string text;  // case-insensitive, searched in participants, description, actor, id
    // Point events (incidents, ACLED rows) only; other events pass these three:
    std::set<std::string> event_types;  // shown ACLED event types ("Battles", ...); empty: all
    int min_fatalities = 0;             // incidents with fewer fatalities are hidden
    // Case-insensitive, in ACLED's actor1, assoc_actor_1, actor2, assoc_actor_2 (an event of our own schema:
    // its actor and participants).
    std::string actor_text;

    // True when the event passes every filter (time aside).
    bool matches(const Event& event) const;
    friend bool operator==(const EventFilter&, const EventFilter&) = default;
};

// The presence on `day` that passes the filter: its party shown (hidden_parties, parties), its country shown, and
// not both arrivals and departures hidden (presence is what they imply). With EventFilter::matches, the one
// place where the filter is applied; the map's overlay only groups what these return.
std::vector<const PresenceInterval*> visible_presence(const PresenceIndex& presence, Date day,
                                                      const EventFilter& filter);

// An event chosen for drawing, with its weight in the window.
struct VisibleEvent {
    const Event* event;
    float weight;
};

// The events that pass the filter and fall in the window, in the order of `events`. Looks at every event: for one
// window. A slider that moves many times over the same events and filter wants a VisibleEventIndex.
std::vector<VisibleEvent> visible_events(const std::vector<Event>& events, const TimeWindow& window,
                                         const EventFilter& filter);

// The events that pass a filter, with their first and last days worked out once and sorted by first day, so
// that the visible set of a window costs about O(visible + log n) instead of a pass over every event. Built once
// per load or filter change (the filter, text search included, is applied then); it points into the events,
// which must stay where they are while it is used.
class VisibleEventIndex {
public:
    VisibleEventIndex() = default;
    VisibleEventIndex(const std::vector<Event>& events, const EventFilter& filter);

    // Exactly visible_events(events, window, filter) for the events and filter it was built from: same events,
    // same weights, same order.
    std::vector<VisibleEvent> visible(const TimeWindow& window) const;
    // The same events ordered by first day, ties in the order of the events (a stable sort of visible() by
    // first day): what the map's overlay draws in, merged from the sorted bands instead of sorted per slider move.
    std::vector<VisibleEvent> visible_by_first_day(const TimeWindow& window) const;
    // Every event that passes the filter, whatever the time, in the order of the events (weight 1).
    std::vector<VisibleEvent> all() const;
    // True when built from this vector of events (same place, same size) and an equal filter. It cannot see
    // events changed in place: rebuild after loading.
    bool built_for(const std::vector<Event>& events, const EventFilter& filter) const;
    // How many events pass the filter.
    std::size_t size() const { return size_; }

private:
    struct Entry {
        int first, last;      // the event's first and last day (Date::days)
        std::uint32_t order;  // its position in the events
    };
    // Events whose length (last - first) is below a power of two, sorted by first day: an event of the band that
    // overlaps a window starts at most max_length days before the window does. Bands of similar lengths keep the
    // days scanned in proportion to the events found, whatever a few long events do.
    struct Band {
        int max_length = 0;
        std::vector<Entry> by_first;
    };
    // The entries of every band that overlap the window, each band's run in (first day, order), with their weights.
    struct Found {
        int first;
        std::uint32_t order;
        float weight;
    };
    std::vector<Found> found_in(const TimeWindow& window, std::vector<std::size_t>* run_ends) const;
    std::vector<Band> bands_;
    const Event* events_ = nullptr;
    std::size_t event_count_ = 0;  // all the events, filtered or not
    std::size_t size_ = 0;
    EventFilter filter_;
};

}  // namespace em
