#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/bbox.hpp"
#include "core/date.hpp"
#include "core/result.hpp"
#include "events/event.hpp"
#include "events/time_filter.hpp"
#include "scene/style.hpp"

namespace em {

// One user layer of a project: the file, its title in the Layers panel and how it is drawn.
struct ProjectLayer {
    // In memory always as read (absolute after read_project). The file stores it relative to the project
    // file's folder when it can (see write_project), so a project moved together with its data still works.
    std::filesystem::path path;
    std::string layer;  // the layer's name in its source (one of a GeoPackage's layers); empty: every layer
    std::string title;
    // Only these LayerStyle fields are saved: visible, fill_enabled, fill, outline (colours as #RRGGBBAA),
    // outline_width, opacity, marker.radius, color_field and label_field (the classification follows from the
    // field). The others keep their defaults on reading.
    LayerStyle style;
    // False: draw the layer in the loader's default style for its geometry (a layer named on the command line);
    // `style` is then not saved.
    bool styled = true;
};
// Equal when path, layer, title and the saved style fields are equal.
bool operator==(const ProjectLayer& a, const ProjectLayer& b);

// What the map shows: the projection by name (Projection::from_name) and a lon/lat box (empty: the default view).
// `frame` is the rectangle exactly as shown, in the projection's metres (empty when not known, e.g. in
// version 1 files): a projected rectangle's lon/lat box is larger than it outside equirectangular, so a map
// redrawn from `bbox` alone would be zoomed out; from `frame` it is the same picture.
struct ProjectView {
    std::string projection = "laea";
    BBox bbox;   // west, south, east, north in degrees
    BBox frame;  // min x, min y, max x, max y in the projection's metres
};
bool operator==(const ProjectView& a, const ProjectView& b);

// The clock (see TimeWindow). date empty: the last event of the data; range dates empty: not set.
struct ProjectTime {
    std::optional<Date> date;
    WindowMode mode = WindowMode::kTrailing;
    int days = 30;
    std::optional<Date> range_start, range_end;
    // How much of `date`'s day has passed, 0..1: a clip's clock between two days (fades, arcs drawing
    // themselves). Not saved in project files.
    double day_fraction = 0;
    // Clips: days over which events fade in and out and arcs draw themselves (render/clip_motion); 0 for a
    // still picture. Not saved in project files.
    double motion_days = 0;
    double clip_start = 0, clip_end = 0;  // clips: first and last moment (Date::days + fraction); motion eases
    friend bool operator==(const ProjectTime&, const ProjectTime&) = default;
};

// The event filters (see EventFilter); event kinds are stored by name ("meeting", "arrival", ...).
struct ProjectFilters {
    std::set<std::string> hidden_parties;
    std::set<std::string> parties;  // shown parties; empty: all
    std::set<EventKind> hidden_kinds;
    std::set<std::string> countries;  // ISO alpha-3; empty: all
    bool hide_uncertain = false;
    std::string text;
    std::set<std::string> event_types;  // point events (ACLED): shown event types; empty: all
    int min_fatalities = 0;             // point events: fatalities at least this
    std::string actor_text;             // point events: text in ACLED's actors (ours: actor, participants)
    friend bool operator==(const ProjectFilters&, const ProjectFilters&) = default;

    EventFilter to_event_filter() const;
    static ProjectFilters from(const EventFilter& filter);
};

// Where the events come from. Empty paths: the defaults (data/events.csv, data/places.csv).
struct ProjectEvents {
    bool show = true;  // false: a map without events (`eventmap render` with neither --date nor --events)
    std::vector<std::filesystem::path> files;
    std::filesystem::path places;
    friend bool operator==(const ProjectEvents&, const ProjectEvents&) = default;
};

// The report decorations of an export (title, legend, scale bar, sources line, locator inset).
struct ProjectDecorations {
    std::string title, subtitle;
    std::optional<bool> legend;  // empty: on when events are shown
    bool scale_bar = true;
    bool inset = false;
    bool attribution = true;
    friend bool operator==(const ProjectDecorations&, const ProjectDecorations&) = default;
};

// What the base map shows besides the land: labels and graticule; the base level by name (empty: by resolution);
// the map's theme (its whole style: map_style(theme)).
struct ProjectMap {
    bool labels = true;
    bool graticule = true;
    std::string base;
    MapTheme theme = MapTheme::kLight;
    friend bool operator==(const ProjectMap&, const ProjectMap&) = default;
};

// The picture an export makes: size in pixels (0: not set, the command's default), the scale of lines and
// text, multisampling.
struct ProjectOutput {
    int width = 0, height = 0;
    float pixel_scale = 1.0f;
    int samples = 0;
    friend bool operator==(const ProjectOutput&, const ProjectOutput&) = default;
};

// The window's frame when the project was saved (issue 13 item 6): the splitters' sizes (UI pixels at scale 1),
// the folded side panels and the sections folded or open, by title. Only the window reads it; `eventmap render`
// ignores it. Absent from older files and from projects written by the command line.
struct ProjectWindowLayout {
    float sidebar_width = 270, inspector_width = 300, timeline_height = 170;
    bool sidebar_open = true, inspector_open = true;
    std::map<std::string, bool> sections;  // "Filters": true (open), "Layers": false (folded), ...
    friend bool operator==(const ProjectWindowLayout&, const ProjectWindowLayout&) = default;
};

// A saved map: the user's layers, the view, the clock and the filters, the events' sources, the decorations and
// the output. JSON on disk (docs in write_project). The one document the window and the commands share: the
// window saves it and `eventmap render --project` draws it.
struct Project {
    std::vector<ProjectLayer> layers;
    ProjectView view;
    ProjectTime time;
    ProjectFilters filters;
    ProjectEvents events;
    ProjectDecorations decorations;
    ProjectMap map;
    ProjectOutput output;
    std::optional<ProjectWindowLayout> window;  // empty: the window keeps its own layout
    // Filled by read_project: one line per key it did not know and skipped ("FILE: layers[0].colour: unknown
    // key, ignored"). Never written; not part of equality.
    std::vector<std::string> warnings;
};
// Equal when everything but the warnings is.
bool operator==(const Project& a, const Project& b);

// The file format's version number, written as "version"; read_project refuses newer ones.
// Version 2 added view.frame, events, decorations, map and output; version 1 files still open.
inline constexpr int kProjectFileVersion = 2;

// Reads a project file. Relative layer paths are resolved against the file's folder. Every malformed value gives
// an Error naming the file and the JSON path of the value, e.g. "p.json: layers[2].style.fill: expected a colour
// #RRGGBB or #RRGGBBAA, got \"red\"". Missing keys keep their defaults; unknown keys go to Project::warnings.
Result<Project> read_project(const std::filesystem::path& path);

// Writes a project file atomically (temporary file beside it, then a rename). Layer paths are stored relative
// to the project file's folder (symlinks resolved on both sides) unless they are virtual GDAL paths (/vsi...);
// relative paths in memory are taken as relative to the current folder. Layout:
//   {"version": 1,
//    "layers": [{"path": "data/x.shp", "title": "X", "style": {"visible": true, "fill_enabled": true,
//               "fill": "#F1EEE8FF", "outline": "#9C9C9CFF", "outline_width": 0.6, "opacity": 1,
//               "marker_radius": 3.5}}],
//    "view": {"projection": "laea", "bbox": [W, S, E, N], "frame": [X0, Y0, X1, Y1]},  (omitted when empty)
//    "time": {"date": "2024-08-13", "window": "trailing|cumulative|range", "days": 30,
//             "range_start": "YYYY-MM-DD", "range_end": "YYYY-MM-DD"},   (dates omitted when not set)
//    "filters": {"hidden_parties": [], "parties": [], "hidden_kinds": ["call"], "countries": ["MLI"], "hide_uncertain": false,
//                "text": ""},
//    "events": {"show": true, "files": [], "places": ""},             (paths stored like layer paths)
//    "decorations": {"title": "", "subtitle": "", "legend": null, "scale_bar": true, "inset": false,
//                    "attribution": true},
//    "map": {"labels": true, "graticule": true, "base": "", "theme": "light|dark"},
//    "output": {"width": 0, "height": 0, "pixel_scale": 1, "samples": 0}}
Status write_project(const Project& project, const std::filesystem::path& path);

// The JSON text write_project writes (paths relative to project_dir when possible).
std::string project_to_json(const Project& project, const std::filesystem::path& project_dir);

// The time window a project's clock describes; `last_day` stands in for a date that is not set (the last event).
TimeWindow time_window(const ProjectTime& time, Date last_day);
// The clock of a time window, as a project keeps it (range dates only in range mode).
ProjectTime project_time(const TimeWindow& window);

// "trailing", "cumulative" or "range"; and back (nullopt when unknown).
std::string window_mode_name(WindowMode mode);
std::optional<WindowMode> parse_window_mode(std::string_view text);

}  // namespace em
