#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "events/event.hpp"
#include "events/time_filter.hpp"

namespace em {

// How far a step moves the clock.
enum class StepUnit { kDay, kWeek, kMonth, kYear, kEvent };

// The clock's moving parts: the data's range, the window, and playback.
struct TimelineState {
    Date data_first{0}, data_last{0};  // the full range of the data
    TimeWindow window;
    bool playing = false;
    double days_per_second = 30.0;  // playback speed, from 1 day to 365 days per second
    bool loop = true;
    bool skip_empty = false;  // during playback, jump over stretches with no event
    double carry = 0;         // fraction of a day not yet applied
};

// The first and last day any event covers (today's date if there are none).
std::pair<Date, Date> data_range(const std::vector<Event>& events);

// Sorted unique first days of the events (for stepping to the next or previous event).
std::vector<Date> event_days(const std::vector<Event>& events);

// Moves the clock by one unit forwards (+1) or backwards (-1), staying within the data's range.
void step(TimelineState& state, StepUnit unit, int direction, const std::vector<Date>& days);

// Advances playback by `seconds` of wall time; at the end it loops or stops. Returns true if the date moved.
bool advance(TimelineState& state, double seconds, const std::vector<Date>& days);

// Sets the current date (clamped to the data's range).
void jump_to(TimelineState& state, Date day);

// Reads a date typed by a person: "2024-08-13", "2024-8-13", "13 Aug 2024", "Aug 2024" (1st), "2024-08" (1st),
// "2024" (1 Jan). nullopt when it is not a real date.
std::optional<Date> parse_typed_date(std::string_view text);

// Event counts per bin over [first, last] (bins of equal length), split by party: counts[bin][party index].
struct Histogram {
    Date first, last;
    int bins = 0;
    std::vector<std::string> parties;            // in a fixed order
    std::vector<std::vector<int>> counts;        // [bin][party]
    int max_total = 0;                           // largest bin total
};
Histogram event_histogram(const std::vector<Event>& events, const EventFilter& filter, Date first, Date last,
                          int bins);

}  // namespace em
