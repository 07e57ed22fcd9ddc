#pragma once

#include <optional>
#include <utility>
#include <set>
#include <string>
#include <vector>

#include "app/cli/event_filter_args.hpp"
#include "core/bbox.hpp"
#include "core/result.hpp"
#include "scene/style.hpp"

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
    bool allow_network = false;  // --allow-network (docs/security.md)
    int samples = 0;  // lines, points and text are anti-aliased in their shaders; fills are edged by outlines
    float pixel_scale = 1.0f;
    bool labels = true;
    bool graticule = true;
    bool timings = false;  // print where the time went to stderr
    MapTheme theme = MapTheme::kLight;  // --theme: the map's style
    std::string base;      // base-map level by name (110m, 50m, 10m-900m, 10m-220m, 10m); empty: by resolution
    bool use_cache = true;
    // Events: drawn when a date or an events file is given.
    std::optional<std::string> date;     // YYYY-MM-DD: the map's clock
    int window_days = 30;                // trailing window before the date
    std::vector<std::string> events;     // events files (default data/events.csv when a date is given)
    std::string places;                  // places table (default data/places.csv)
    // Report decorations.
    std::string title, subtitle;
    std::optional<bool> legend;          // default: on when events are drawn
    bool scale_bar = true;
    bool inset = false;
    bool attribution = true;
    // Vector output (PDF): the paper the map is laid out on, and its margin (see app/cli/vector_output).
    std::optional<std::string> paper;     // a4, a3, letter
    std::optional<std::pair<double, double>> page_pt;  // --size WxHpt: a page of any size, width x height in points
    std::string orientation = "landscape";
    double margin_mm = 10;
    // Sequences and georeferencing.
    std::optional<std::string> frames;   // START:END:STEP, e.g. 2022-01-01:2024-12-31:1m
    bool world_file = false;             // write .pgw and .prj beside the PNG
    int max_tile = 0;                    // largest tile side (0: what GL allows, at most 4096); for tests
    // Animations (-o OUT.mp4|OUT.webm|OUT.gif with --frames; src/video, docs/architecture.md "Video export").
    std::optional<int> fps;              // frames a second (default 30)
    std::optional<double> duration;      // seconds: the clock runs smoothly from the first step to the last
    double hold = 0;                     // seconds the first and the last frame stay
    std::string preset;                  // 1080p, 720p, square, vertical: size (and default duration)
    // Projects: options given beside --project override the project's (see `given`).
    std::optional<std::string> project;       // --project FILE: start from a saved project
    std::optional<std::string> save_project;  // --save-project FILE: write what was drawn as a project
    EventFilterArgs filters;                  // --range, --cumulative, --actor, --kind, --country, --search, ...
    std::set<std::string> given;              // long names of the options on the command line ("--size", ...)
    // True if --NAME or --no-NAME was on the command line.
    bool was_given(const std::string& name) const { return given.count("--" + name) || given.count("--no-" + name); }
};

// A frame sequence: dates from start to end (inclusive) every step.
struct FrameSequence {
    std::vector<std::string> dates;  // YYYY-MM-DD
};

// Parses START:END:STEP with STEP like 1d, 7d, 2w, 1m, 1y; errors name --frames.
Result<FrameSequence> parse_frames(const std::string& text);

// "out.png" -> "out_0007.png" for frame 7.
std::string frame_path(const std::string& output, int index);

// What the command line asked for: help, or options to run.
struct ParsedRender {
    bool help = false;
    RenderOptions options;
};

// The parsers and help texts below are defined in app/cli/command_line.cpp (CLI11).

// Parses the arguments after "render". Errors name the option and the reason.
Result<ParsedRender> parse_render_args(const std::vector<std::string>& args);

// The text of `eventmap render --help`.
std::string render_help();

// The text of `eventmap --help`.
std::string main_help();

}  // namespace em
