#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "events/event.hpp"
#include "scene/project.hpp"

namespace em {

// The event filters the command line can set, for `eventmap render` and the window alike (parsed and
// checked by app/cli/command_line.cpp). Empty lists mean "no restriction".
struct EventFilterArgs {
    std::optional<Date> range_start, range_end;  // --range START:END (START <= END): events between the two days
    bool cumulative = false;                     // --cumulative: everything up to the date (not with --range/--window)
    std::vector<std::string> actors;             // --actor PARTY, repeatable: show only these parties
    std::vector<EventKind> kinds;                // --kind KIND, repeatable: show only these kinds
    std::vector<std::string> countries;          // --country ISO3, repeatable: show only these countries
    std::optional<std::string> search;           // --search TEXT: case-insensitive text search
    bool hide_uncertain = false;                 // --hide-uncertain
    std::vector<std::string> event_types;        // --event-type TYPE, repeatable: point events of these types
    std::optional<int> min_fatalities;           // --min-fatalities N: point events with at least N
    std::optional<std::string> actor_text;       // --actor-text TEXT: text in the actors
};

// Applies the filter options to a document's clock and filters (only what was given; the rest is kept).
void apply_filter_args(const EventFilterArgs& args, ProjectTime& time, ProjectFilters& filters);

// True if any filter option was given (events are then drawn).
bool any_filter_args(const EventFilterArgs& args);

}  // namespace em
