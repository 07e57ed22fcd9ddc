#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/bbox.hpp"

namespace em {

// A named lon/lat extent the user can jump to.
struct ViewPreset {
    std::string key;    // command-line name
    std::string label;  // UI name
    BBox lon_lat;
};

// The presets, the default ("sahel-moscow": Gulf of Guinea to Moscow) first.
const std::vector<ViewPreset>& view_presets();

// The preset with this key (or label), if any.
std::optional<ViewPreset> find_view(std::string_view key);

// Parses "W,S,E,N" in degrees; nullopt when malformed or out of range (W < E, S < N required).
std::optional<BBox> parse_bbox(std::string_view text);

}  // namespace em
