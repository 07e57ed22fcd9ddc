#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo_point.hpp"
#include "core/result.hpp"

namespace em {

// A named place (capital, base, city) events refer to.
struct Place {
    std::string name;
    std::string country;  // country name as written in the file
    std::string iso_a3;   // ISO 3166-1 alpha-3
    GeoPoint position;
    bool is_capital = false;
    std::string note;
    std::string confidence;
};

// The places known to a dataset.
struct PlaceTable {
    std::vector<Place> places;
    std::vector<std::string> problems;  // "file:line:column: message" for every row that was skipped

    // The place with exactly this name, or nullptr.
    const Place* find(std::string_view name) const;
};

// Reads places.csv (columns place,country,iso_a3,lat,lon,is_capital,note,confidence; extra columns ignored).
// Bad rows are listed in problems and skipped; a missing file or header is an Error.
Result<PlaceTable> load_places(const std::string& path);

// Parses CSV text of places; path is used in messages only.
Result<PlaceTable> parse_places(std::string_view text, const std::string& path);

}  // namespace em
