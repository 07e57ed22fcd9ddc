#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/cli/event_filter_args.hpp"
#include "core/bbox.hpp"
#include "core/result.hpp"

namespace em {

// What the window is opened with.
struct WindowOptions {
    std::vector<std::string> layers;
    bool allow_network = false;  // --allow-network: files may reach the network and databases without asking
    std::optional<std::string> project;  // a project file to open at start (layers, styles, view, time, filters)
    std::string view = "sahel-moscow";
    std::optional<BBox> bbox;  // lon/lat extent to start at (overrides view)
    std::string projection = "laea";
    int width = 1600, height = 900;
    int samples = 4;
    std::optional<std::string> date;  // start date (default: the last event)
    int window_days = 30;
    std::vector<std::string> events;  // default data/events.csv
    std::string places;               // default data/places.csv
    // Scripted runs, for benchmarks and tests: draw this many frames then quit (0: run until closed).
    int frames = 0;
    // "pan" drags the map every frame (inside the cached base map's margin); "sweep" drags it 64 px a frame, so the
    // base map is redrawn every 10 frames or so; "zoom" zooms in 4 wheel notches and lets the view rest (the base
    // map is redrawn at the new scale), then out, every 40 frames; "scrub" moves the clock 3 days a frame; "still": nothing, frames flat out;
    // "idle": nothing, frames only as an unscripted window draws them (10 a second while loading, then on input).
    std::string script;
    std::string screenshot;   // PNG of the last frame, written before quitting
    std::string stats;        // file to receive frame-time figures (mean, p95) as JSON
    std::string layout_dump;  // file to receive the panels' and test widgets' rectangles as JSON (window tests)
    float ui_scale = 0;       // --ui-scale: size of the UI (1 = 15 px text); 0: the monitor's content scale
    bool settings = true;     // restore and save time, window, filters, view and panel layout
    bool copy_unchanged_panels = true;  // copy the pictures of panels unchanged since the last frame (ui/panel_pictures)
    std::optional<std::string> theme;  // --theme light|dark: the interface and the map (else the settings')
    bool first_use_hint = false;  // --first-use-hint: show the first-launch hint even without settings (tests)
    bool projection_given = false, view_given = false, window_given = false;  // the command line wins
    EventFilterArgs filters;      // --range, --cumulative, --actor, --kind, --country, --search, --hide-uncertain
    std::set<std::string> given;  // long names of the options on the command line ("--view", ...)
    bool help = false;            // -h/--help anywhere: print main_help() and exit 0
};

// Parses the window's command line (everything that is not a command). Defined in app/cli/command_line.cpp.
Result<WindowOptions> parse_window_args(const std::vector<std::string>& args);

// Opens the window and runs until it is closed. Returns the exit code.
int run_window(const WindowOptions& options, const std::filesystem::path& executable);

}  // namespace em
