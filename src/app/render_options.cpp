#include "app/render_options.hpp"

#include <charconv>
#include <cstdio>

#include "app/views.hpp"
#include "core/date.hpp"
#include "geo/projection.hpp"

namespace em {

namespace {

bool parse_int(const std::string& s, int& out) {
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

bool parse_size(const std::string& s, int& w, int& h) {
    const auto x = s.find_first_of("xX");
    if (x == std::string::npos) return false;
    return parse_int(s.substr(0, x), w) && parse_int(s.substr(x + 1), h) && w > 0 && h > 0;
}

}  // namespace

std::string main_help() {
    return "eventmap - a map of events in time and space\n"
           "\n"
           "Usage:\n"
           "  eventmap [--layer PATH]...        open the map window (default data: Natural Earth countries)\n"
           "  eventmap render -o OUT.png [...]  draw the map to a PNG without a window or X server\n"
           "  eventmap check FILE...            validate events files; exit 1 on errors\n"
           "  eventmap presence --date DAY      which foreign forces are where on a day (csv or json)\n"
           "  eventmap info PATH                what eventmap sees in a vector file: layers, CRS, extent, fields\n"
           "  eventmap --help                   this text; 'eventmap render --help' for the render options\n"
           "  eventmap --version                version, git revision, GDAL/GLFW/Dear ImGui versions\n"
           "\n"
           "Window options:\n"
           "  --layer PATH        add a vector layer (any OGR source: .shp, .geojson, .gpkg, ...); repeatable\n"
           "  --project FILE      open a project file (layers and their styles, view, time, filters)\n"
           "  --view NAME         start at a view preset (sahel-moscow, sahel, central-africa, moscow, world)\n"
           "  --projection NAME   laea (default), equirect or mercator\n"
           "  --size WxH          window size (default 1600x900)\n"
           "  --bbox W,S,E,N      start at this extent (degrees) instead of a view preset\n"
           "  --date YYYY-MM-DD   start the clock at this date (default: the last event)\n"
           "  --window DAYS       trailing window length (default 30)\n"
           "  --events FILE       events file(s) instead of data/events.csv; repeatable\n"
           "  --places FILE       places table (default data/places.csv)\n"
           "  --no-settings       neither restore nor save the last session's time, view, filters and layout\n"
           "\n"
           "Environment:\n"
           "  EVENTMAP_DATA_DIR   folder holding data/ and assets/ (default: found beside the program)\n"
           "  XDG_CACHE_HOME      prepared geometry is cached in $XDG_CACHE_HOME/eventmap (~/.cache/eventmap)\n";
}

std::string render_help() {
    std::string views;
    for (const auto& v : view_presets()) views += (views.empty() ? "" : ", ") + v.key;
    std::string projections;
    for (const auto& p : Projection::names()) projections += (projections.empty() ? "" : ", ") + p;
    return "Usage: eventmap render -o OUT.png [options]\n"
           "\n"
           "Draws the map to a PNG through the same renderer as the window, with no window and no X server\n"
           "(EGL on Mesa's surfaceless platform). Exit 0 on success; otherwise non-zero and one line on stderr.\n"
           "\n"
           "Options:\n"
           "  -o, --output PATH     PNG to write (required); written to a temporary file, then renamed\n"
           "  --size WxH            image size in pixels (default 1920x1080; with --bbox and no --size the\n"
           "                        height follows the box's shape)\n"
           "  --view NAME           view preset: " + views + " (default sahel-moscow)\n"
           "  --bbox W,S,E,N        extent in degrees (overrides --view); with --projection equirect the PNG\n"
           "                        spans exactly that box, linear in lon/lat\n"
           "  --projection NAME     " + projections + " (default laea: Lambert azimuthal equal-area at 20E 25N;\n"
           "                        with --bbox and no --projection: equirect)\n"
           "  --layer PATH          add a vector layer over the base map; repeatable\n"
           "  --date YYYY-MM-DD     draw the events of the window ending on this date (meeting links, troop\n"
           "                        changes, presence on that date); default events: data/events.csv\n"
           "  --window DAYS         length of the trailing window before --date (default 30; older events fade)\n"
           "  --events FILE         events file (CSV or GeoJSON, see docs/data-format.md); repeatable; without\n"
           "                        --date every event up to the last one is drawn\n"
           "  --places FILE         places table for the events (default data/places.csv)\n"
           "  --samples N           multisample anti-aliasing (default 0: lines, markers and text are anti-aliased\n"
           "                        in their shaders and fills are edged by their outlines; 4 smooths fills drawn\n"
           "                        without outline, at about twice the drawing time)\n"
           "  --scale K             scale lines, markers and text by K (e.g. 2 for print)\n"
           "  --title TEXT          title drawn at the top left of the picture\n"
           "  --subtitle TEXT       subtitle under the title\n"
           "  --legend, --no-legend legend of what is shown (default: on when events are drawn)\n"
           "  --scale-bar, --no-scale-bar  scale bar, true distance at the map centre (default on)\n"
           "  --inset               locator map at the top right\n"
           "  --no-attribution      leave out the sources line\n"
           "  --dpi N               scale lines, markers and text for N dots per inch (96 = 1x; A4 landscape at\n"
           "                        300 dpi is --size 3508x2480 --dpi 300)\n"
           "  --frames S:E:STEP     a numbered sequence OUT_0001.png ... from date S to E every STEP (7d, 2w, 1m,\n"
           "                        1y), with a progress line; needs events (draws data/events.csv by default)\n"
           "  --max-tile N          draw in tiles of at most N pixels a side (default: GL's limit, at most 4096)\n"
           "  --world-file          write OUT.pgw, OUT.prj and OUT.png.aux.xml so GIS tools place the picture\n"
           "  --base LEVEL          base-map detail: 110m, 50m, 10m-900m, 10m-220m (1:10m simplified to ~900 m or\n"
           "                        ~220 m, keeping shared borders) or 10m (as published); default: by resolution\n"
           "  --no-labels           leave out country and capital labels\n"
           "  --no-graticule        leave out the graticule\n"
           "  --no-cache            do not read or write the prepared-geometry cache\n"
           "  --timings             print where the time went to stderr\n"
           "  -h, --help            this text\n";
}

Result<FrameSequence> parse_frames(const std::string& text) {
    const auto c1 = text.find(':');
    const auto c2 = c1 == std::string::npos ? std::string::npos : text.find(':', c1 + 1);
    if (c2 == std::string::npos) return Error{"--frames: expected START:END:STEP, e.g. 2022-01-01:2024-12-31:1m"};
    const auto start = Date::parse(text.substr(0, c1));
    const auto end = Date::parse(text.substr(c1 + 1, c2 - c1 - 1));
    const std::string step = text.substr(c2 + 1);
    if (!start || !end) return Error{"--frames: '" + text + "': START and END must be real dates YYYY-MM-DD"};
    if (*end < *start) return Error{"--frames: END is before START"};
    int n = 0;
    char unit = 0;
    if (step.size() < 2 || !parse_int(step.substr(0, step.size() - 1), n) || n <= 0 ||
        std::string("dwmy").find(unit = step.back()) == std::string::npos)
        return Error{"--frames: step '" + step + "' is not like 1d, 7d, 2w, 1m or 1y"};
    FrameSequence seq;
    int y = start->year(), m = start->month(), d = start->day(), k = 0;
    for (Date at = *start; at <= *end; ++k) {
        seq.dates.push_back(at.iso());
        if (seq.dates.size() > 100000) return Error{"--frames: more than 100000 frames"};
        if (unit == 'd' || unit == 'w') {
            at = at + n * (unit == 'w' ? 7 : 1);
        } else {
            // Months and years counted from the start so the day of month stays put where it exists.
            const int months = (k + 1) * n * (unit == 'y' ? 12 : 1);
            int yy = y + (m - 1 + months) / 12, mm = (m - 1 + months) % 12 + 1, dd = d;
            while (dd > 28 && !Date::from_ymd(yy, mm, dd)) --dd;
            at = *Date::from_ymd(yy, mm, dd);
        }
    }
    return seq;
}

std::string frame_path(const std::string& output, int index) {
    char number[16];
    std::snprintf(number, sizeof number, "_%04d", index);
    const auto dot = output.rfind('.');
    const auto slash = output.rfind('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return output + number;
    return output.substr(0, dot) + number + output.substr(dot);
}

Result<ParsedRender> parse_render_args(const std::vector<std::string>& args) {
    ParsedRender parsed;
    RenderOptions& o = parsed.options;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](const char* name) -> Result<std::string> {
            if (i + 1 >= args.size()) return Error{std::string(name) + ": missing value"};
            return args[++i];
        };
        if (a.rfind("--", 0) == 0) {
            std::string name = a.substr(2);
            if (name.rfind("no-", 0) == 0) name = name.substr(3);
            o.given.insert(name);
        } else if (a == "-o") {
            o.given.insert("output");
        }
        if (a == "-h" || a == "--help") {
            parsed.help = true;
        } else if (a == "-o" || a == "--output") {
            auto v = value("--output");
            if (!v) return v.error();
            o.output = v.value();
        } else if (a == "--size") {
            auto v = value("--size");
            if (!v) return v.error();
            if (!parse_size(v.value(), o.width, o.height))
                return Error{"--size: '" + v.value() + "' is not WIDTHxHEIGHT with positive whole numbers"};
            if (o.width > 16384 || o.height > 16384)
                return Error{"--size: " + v.value() + " is larger than 16384x16384"};
            o.size_given = true;
        } else if (a == "--view") {
            auto v = value("--view");
            if (!v) return v.error();
            if (!find_view(v.value())) {
                std::string names;
                for (const auto& p : view_presets()) names += " " + p.key;
                return Error{"--view: unknown view '" + v.value() + "'; known:" + names};
            }
            o.view = v.value();
        } else if (a == "--bbox") {
            auto v = value("--bbox");
            if (!v) return v.error();
            o.bbox = parse_bbox(v.value());
            if (!o.bbox)
                return Error{"--bbox: '" + v.value() +
                             "' is not W,S,E,N in degrees with W < E within -180..180 and S < N within -90..90"};
        } else if (a == "--projection") {
            auto v = value("--projection");
            if (!v) return v.error();
            if (!Projection::from_name(v.value()))
                return Error{"--projection: unknown projection '" + v.value() + "'; known: equirect mercator laea"};
            o.projection = v.value();
            o.projection_given = true;
        } else if (a == "--layer") {
            auto v = value("--layer");
            if (!v) return v.error();
            o.layers.push_back(v.value());
        } else if (a == "--samples") {
            auto v = value("--samples");
            if (!v) return v.error();
            if (!parse_int(v.value(), o.samples) || o.samples < 0 || o.samples > 16)
                return Error{"--samples: '" + v.value() + "' is not a whole number from 0 to 16"};
        } else if (a == "--scale") {
            auto v = value("--scale");
            if (!v) return v.error();
            float k = 0;
            auto [ptr, ec] = std::from_chars(v.value().data(), v.value().data() + v.value().size(), k);
            if (ec != std::errc() || ptr != v.value().data() + v.value().size() || !(k > 0.1f && k <= 16.0f))
                return Error{"--scale: '" + v.value() + "' is not a number from 0.1 to 16"};
            o.pixel_scale = k;
        } else if (a == "--date") {
            auto v = value("--date");
            if (!v) return v.error();
            if (!Date::parse(v.value())) return Error{"--date: '" + v.value() + "' is not a real date YYYY-MM-DD"};
            o.date = v.value();
        } else if (a == "--window") {
            auto v = value("--window");
            if (!v) return v.error();
            if (!parse_int(v.value(), o.window_days) || o.window_days < 0 || o.window_days > 100000)
                return Error{"--window: '" + v.value() + "' is not a number of days from 0 to 100000"};
        } else if (a == "--events") {
            auto v = value("--events");
            if (!v) return v.error();
            o.events.push_back(v.value());
        } else if (a == "--places") {
            auto v = value("--places");
            if (!v) return v.error();
            o.places = v.value();
        } else if (a == "--title" || a == "--subtitle") {
            auto v = value(a.c_str());
            if (!v) return v.error();
            (a == "--title" ? o.title : o.subtitle) = v.value();
        } else if (a == "--legend" || a == "--no-legend") {
            o.legend = a == "--legend";
        } else if (a == "--scale-bar" || a == "--no-scale-bar") {
            o.scale_bar = a == "--scale-bar";
        } else if (a == "--inset") {
            o.inset = true;
        } else if (a == "--no-attribution") {
            o.attribution = false;
        } else if (a == "--dpi") {
            auto v = value("--dpi");
            if (!v) return v.error();
            int dpi = 0;
            if (!parse_int(v.value(), dpi) || dpi < 24 || dpi > 1200)
                return Error{"--dpi: '" + v.value() + "' is not a whole number from 24 to 1200"};
            o.pixel_scale = static_cast<float>(dpi) / 96.0f;
        } else if (a == "--frames") {
            auto v = value("--frames");
            if (!v) return v.error();
            if (auto seq = parse_frames(v.value()); !seq) return seq.error();
            o.frames = v.value();
        } else if (a == "--project" || a == "--save-project") {
            auto v = value(a.c_str());
            if (!v) return v.error();
            (a == "--project" ? o.project : o.save_project) = v.value();
        } else if (a == "--world-file") {
            o.world_file = true;
        } else if (a == "--max-tile") {
            auto v = value("--max-tile");
            if (!v) return v.error();
            if (!parse_int(v.value(), o.max_tile) || o.max_tile < 64)
                return Error{"--max-tile: '" + v.value() + "' is not a whole number of at least 64"};
        } else if (a == "--base") {
            auto v = value("--base");
            if (!v) return v.error();
            if (v.value() != "110m" && v.value() != "50m" && v.value() != "10m-900m" && v.value() != "10m-220m" &&
                v.value() != "10m")
                return Error{"--base: '" + v.value() + "' is not one of 110m 50m 10m-900m 10m-220m 10m"};
            o.base = v.value();
        } else if (a == "--no-labels") {
            o.labels = false;
        } else if (a == "--no-graticule") {
            o.graticule = false;
        } else if (a == "--no-cache") {
            o.use_cache = false;
        } else if (a == "--timings") {
            o.timings = true;
        } else {
            return Error{a + ": unknown option (see 'eventmap render --help')"};
        }
    }
    if (!parsed.help && o.output.empty()) return Error{"--output: missing; say where to write the PNG with -o OUT.png"};
    if (o.bbox && !o.projection_given) o.projection = "equirect";
    return parsed;
}

}  // namespace em
