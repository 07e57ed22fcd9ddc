#pragma once

#include <set>
#include <string>
#include <vector>

#include "events/time_filter.hpp"

namespace em {

// What the filters panel offers, taken from the loaded data.
struct FilterChoices {
    std::vector<std::string> parties;
    std::vector<std::string> countries;
    std::vector<std::string> event_types;  // of the point events (ACLED rows) loaded; empty: none loaded
};

// Text typed in the search box, kept between frames.
struct FilterUiState {
    char search[128] = "";
    char actor_text[128] = "";  // point events: text in the actors
};

// Shows (on) or hides one event type. `shown` is EventFilter::event_types (empty: every type), `all` the types
// listed. Hiding one of all lists the others; showing the last hidden one empties the set again. The last type
// shown cannot be hidden (an empty set would mean all; the Kinds' "incident" box hides every point event):
// returns false then, and when nothing changed.
bool set_event_type_shown(std::set<std::string>& shown, const std::set<std::string>& all, const std::string& type,
                          bool on);

// Puts the filter's texts into the boxes (after a project, the settings or the command line set the filter).
void sync_filter_ui(FilterUiState& ui, const EventFilter& filter);

// The filters panel: actor (party), kind, country, confidence and text search, with shown/total counts; when point
// events are loaded, also their event type, fatalities at least N and actor text (the filter the command line's
// --event-type, --min-fatalities and --actor-text set, kept in projects).
// Returns true when the filter changed.
bool draw_filter_panel(EventFilter& filter, FilterUiState& ui, const FilterChoices& choices, std::size_t shown,
                       std::size_t total);

}  // namespace em
