#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/bbox.hpp"
#include "core/result.hpp"

namespace em {

// Everything `eventmap render` can be told.
struct RenderOptions {
    std::string output;
    int width = 1920, height = 1080;
    bool size_given = false;
    std::string view = "sahel-moscow";
    std::optional<BBox> bbox;  // lon/lat, overrides view
    std::string projection = "laea";
    bool projection_given = false;
    std::vector<std::string> layers;
    int samples = 4;
    float pixel_scale = 1.0f;
    bool labels = true;
    bool graticule = true;
    bool timings = false;  // print where the time went to stderr
    bool use_cache = true;
    // Events: drawn when a date or an events file is given.
    std::optional<std::string> date;     // YYYY-MM-DD: the map's clock
    int window_days = 30;                // trailing window before the date
    std::vector<std::string> events;     // events files (default data/events.csv when a date is given)
    std::string places;                  // places table (default data/places.csv)
};

// What the command line asked for: help, or options to run.
struct ParsedRender {
    bool help = false;
    RenderOptions options;
};

// Parses the arguments after "render". Errors name the option and the reason.
Result<ParsedRender> parse_render_args(const std::vector<std::string>& args);

// The text of `eventmap render --help`.
std::string render_help();

// The text of `eventmap --help`.
std::string main_help();

}  // namespace em
