#pragma once

#include <string>
#include <vector>

#include "events/time_filter.hpp"

namespace em {

// What the filters panel offers, taken from the loaded data.
struct FilterChoices {
    std::vector<std::string> parties;
    std::vector<std::string> countries;
};

// Text typed in the search box, kept between frames.
struct FilterUiState {
    char search[128] = "";
};

// The filters panel: actor (party), kind, country, confidence and text search, with shown/total counts.
// Returns true when the filter changed.
bool draw_filter_panel(EventFilter& filter, FilterUiState& ui, const FilterChoices& choices, std::size_t shown,
                       std::size_t total);

}  // namespace em
