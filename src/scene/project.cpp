#include "scene/project.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <sstream>

#include "core/color.hpp"
#include "export/png_writer.hpp"
#include "geo/projection.hpp"
#include "geo/source_policy.hpp"

namespace em {

namespace fs = std::filesystem;
using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;  // for writing: keys in a readable order

namespace {

// A malformed value, thrown inside the reader and turned into an Error by read_project.
struct Malformed {
    std::string where, what;
};

// The value as it appears in the file, shortened, for messages.
std::string shown(const json& j) {
    std::string s = j.dump(-1, ' ', false, json::error_handler_t::replace);
    if (s.size() > 40) s = s.substr(0, 37) + "...";
    return s;
}

[[noreturn]] void fail(const std::string& where, const std::string& expected, const json& got) {
    throw Malformed{where, "expected " + expected + ", got " + shown(got)};
}

std::string member(const std::string& where, const std::string& key) { return where.empty() ? key : where + "." + key; }
std::string element(const std::string& where, std::size_t i) { return where + "[" + std::to_string(i) + "]"; }

// Reads the members of one JSON object, noting the keys it was not asked about.
class ObjectReader {
public:
    ObjectReader(const json& j, std::string where, std::vector<std::string>& unknown)
        : j_(j), where_(std::move(where)), unknown_(unknown) {
        if (!j_.is_object()) fail(where_.empty() ? "(top level)" : where_, "an object", j_);
    }
    // Reports the keys outside `known` (as JSON paths).
    void allow(std::initializer_list<const char*> known) {
        for (const auto& [key, value] : j_.items()) {
            bool found = false;
            for (const char* k : known) found |= key == k;
            if (!found) unknown_.push_back(member(where_, key));
        }
    }
    const json* find(const char* key) const {
        auto it = j_.find(key);
        return it == j_.end() ? nullptr : &*it;
    }
    std::string at(const char* key) const { return member(where_, key); }

    void get(const char* key, bool& out) const {
        if (const json* v = find(key)) {
            if (!v->is_boolean()) fail(at(key), "true or false", *v);
            out = v->get<bool>();
        }
    }
    void get(const char* key, std::string& out) const {
        if (const json* v = find(key)) {
            if (!v->is_string()) fail(at(key), "a string", *v);
            out = v->get<std::string>();
        }
    }
    void get(const char* key, float& out, double lo, double hi) const {
        if (const json* v = find(key)) {
            if (!v->is_number() || !std::isfinite(v->get<double>()) || v->get<double>() < lo || v->get<double>() > hi)
                fail(at(key), "a number from " + number_text(lo) + " to " + number_text(hi), *v);
            out = static_cast<float>(v->get<double>());
        }
    }
    void get(const char* key, Color& out) const {
        if (const json* v = find(key)) {
            std::optional<Color> c;
            if (v->is_string()) c = parse_color(v->get<std::string>());
            if (!c) fail(at(key), "a colour #RRGGBB or #RRGGBBAA", *v);
            out = *c;
        }
    }
    // A date "YYYY-MM-DD", or null for none.
    void get(const char* key, std::optional<Date>& out) const {
        if (const json* v = find(key)) {
            if (v->is_null()) {
                out.reset();
                return;
            }
            std::optional<Date> d;
            if (v->is_string()) d = Date::parse(v->get<std::string>());
            if (!d) fail(at(key), "a real date \"YYYY-MM-DD\" or null", *v);
            out = d;
        }
    }
    // An array of strings, each checked by `valid` (which names what it expects, or "" when the text is fine).
    template <typename Check>
    void get_strings(const char* key, std::vector<std::string>& out, Check valid) const {
        if (const json* v = find(key)) {
            if (!v->is_array()) fail(at(key), "an array of strings", *v);
            out.clear();
            for (std::size_t i = 0; i < v->size(); ++i) {
                const json& item = (*v)[i];
                if (!item.is_string()) fail(element(at(key), i), "a string", item);
                const std::string s = item.get<std::string>();
                if (std::string expected = valid(s); !expected.empty()) fail(element(at(key), i), expected, item);
                out.push_back(s);
            }
        }
    }

    void get(const char* key, int& out, long long lo, long long hi) const {
        if (const json* v = find(key)) {
            if (!v->is_number_integer() || v->get<long long>() < lo || v->get<long long>() > hi)
                fail(at(key), "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi), *v);
            out = static_cast<int>(v->get<long long>());
        }
    }
    // true, false, or null for "not set".
    void get(const char* key, std::optional<bool>& out) const {
        if (const json* v = find(key)) {
            if (v->is_null()) return out.reset();
            if (!v->is_boolean()) fail(at(key), "true, false or null", *v);
            out = v->get<bool>();
        }
    }
    // Four finite numbers [x0, y0, x1, y1] with x0 < x1 and y0 < y1; `check` may narrow them further.
    template <typename Check>
    void get_box(const char* key, BBox& out, const char* expected, Check check) const {
        if (const json* box = find(key)) {
            const std::string where = at(key);
            if (!box->is_array() || box->size() != 4) fail(where, expected, *box);
            double c[4];
            for (std::size_t i = 0; i < 4; ++i) {
                if (!(*box)[i].is_number() || !std::isfinite((*box)[i].get<double>()))
                    fail(element(where, i), "a number", (*box)[i]);
                c[i] = (*box)[i].get<double>();
            }
            if (!(c[0] < c[2] && c[1] < c[3] && check(c))) fail(where, expected, *box);
            out = BBox::of(c[0], c[1], c[2], c[3]);
        }
    }

    static std::string number_text(double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v);
        return buf;
    }

private:
    const json& j_;
    std::string where_;
    std::vector<std::string>& unknown_;
};

// A float written in its shortest form that reads back as the same float ("0.6", not 0.6000000238418579).
double float_value(float v) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    double d = v;
    if (ec == std::errc()) std::from_chars(buf, end, d);
    return d;
}

// GDAL virtual paths, URLs and connection strings (PG:..., WFS:...) are kept as written, never made relative.
bool virtual_path(const fs::path& p) {
    if (p.string().rfind("/vsi", 0) == 0) return true;
    const SourceKind kind = classify_source(p.string());
    return kind == SourceKind::kNetwork || kind == SourceKind::kDatabase;
}

// Resolves symlinks as far as the path exists (so a project inside a symlinked folder still gets short paths).
fs::path canonical_as_far_as_possible(const fs::path& p) {
    std::error_code ec;
    fs::path c = fs::weakly_canonical(p, ec);
    return ec ? p.lexically_normal() : c;
}

bool climbs(const fs::path& rel) {
    for (const auto& part : rel)
        if (part == "..") return true;
    return false;
}

// Relative to the project's folder when the two share a folder below the root (/home/me/maps/p.json and
// /home/me/data/x.shp give ../data/x.shp); absolute when only the root is common (/usr/share/...), since such a
// path would break as soon as the project moved.
std::string stored_path(const fs::path& path, const fs::path& project_dir) {
    if (path.empty() || virtual_path(path)) return path.generic_string();
    std::error_code ec;
    const fs::path absolute = fs::absolute(path, ec).lexically_normal();
    if (ec || project_dir.empty()) return path.generic_string();
    const fs::path target = canonical_as_far_as_possible(absolute);
    const fs::path base = canonical_as_far_as_possible(fs::absolute(project_dir, ec));
    const fs::path rel = target.lexically_relative(base);
    if (rel.empty()) return absolute.generic_string();
    std::size_t ups = 0, base_parts = 0;
    for (const auto& part : rel) ups += part == "..";
    for (const auto& part : base.relative_path()) base_parts += !part.empty();
    if (ups >= base_parts) return absolute.generic_string();
    return rel.generic_string();
}

// A stored path made absolute. Paths that climb out of the folder are resolved from its real location (symlinks
// followed), as write_project made them; others from the folder as named, which keeps the user's own spelling.
fs::path resolved_path(const std::string& stored, const fs::path& project_dir) {
    const fs::path p(stored);
    if (p.is_absolute() || virtual_path(p)) return p;
    const fs::path dir = climbs(p) ? canonical_as_far_as_possible(project_dir) : project_dir;
    return (dir / p).lexically_normal();
}

std::string valid_party(const std::string& s) { return s.empty() ? "a party name" : ""; }
std::string valid_kind(const std::string& s) {
    if (parse_kind(s)) return "";
    std::string names;
    for (EventKind k : all_kinds()) names += (names.empty() ? "" : ", ") + std::string(kind_name(k));
    return "an event kind (" + names + ")";
}
std::string valid_country(const std::string& s) {
    const bool ok = s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    return ok ? "" : "an ISO 3166-1 alpha-3 country code (three capital letters)";
}

Project project_from_json(const json& root, const fs::path& project_dir, std::vector<std::string>& unknown) {
    Project p;
    ObjectReader top(root, "", unknown);
    top.allow({"version", "layers", "view", "time", "filters", "events", "decorations", "map", "output", "window"});
    if (const json* v = top.find("version")) {
        if (!v->is_number_integer() || v->get<long long>() < 1)
            fail("version", "a whole number from 1", *v);
        if (v->get<long long>() > kProjectFileVersion)
            throw Malformed{"version", "version " + shown(*v) + " is newer than this eventmap reads (" +
                                           std::to_string(kProjectFileVersion) + "); update eventmap"};
    }
    if (const json* layers = top.find("layers")) {
        if (!layers->is_array()) fail("layers", "an array of layers", *layers);
        for (std::size_t i = 0; i < layers->size(); ++i) {
            const std::string where = element("layers", i);
            ObjectReader l((*layers)[i], where, unknown);
            l.allow({"path", "layer", "title", "style"});
            ProjectLayer layer;
            const json* path = l.find("path");
            if (!path) throw Malformed{where, "has no \"path\""};
            if (!path->is_string() || path->get<std::string>().empty()) fail(l.at("path"), "a file path", *path);
            layer.path = resolved_path(path->get<std::string>(), project_dir);
            l.get("layer", layer.layer);
            l.get("title", layer.title);
            layer.styled = l.find("style") != nullptr;
            if (const json* style = l.find("style")) {
                ObjectReader s(*style, l.at("style"), unknown);
                s.allow({"visible", "fill_enabled", "fill", "outline", "outline_width", "opacity", "marker_radius",
                         "color_field", "label_field"});
                s.get("visible", layer.style.visible);
                s.get("fill_enabled", layer.style.fill_enabled);
                s.get("fill", layer.style.fill);
                s.get("outline", layer.style.outline);
                s.get("outline_width", layer.style.outline_width, 0.0, 100.0);
                s.get("opacity", layer.style.opacity, 0.0, 1.0);
                s.get("marker_radius", layer.style.marker.radius, 0.0, 100.0);
                s.get("color_field", layer.style.color_field);
                s.get("label_field", layer.style.label_field);
            }
            p.layers.push_back(std::move(layer));
        }
    }
    if (const json* view = top.find("view")) {
        ObjectReader v(*view, "view", unknown);
        v.allow({"projection", "bbox", "frame"});
        if (const json* proj = v.find("projection")) {
            std::string names;
            for (const auto& n : Projection::names()) names += (names.empty() ? "" : ", ") + n;
            if (!proj->is_string() || !Projection::from_name(proj->get<std::string>()))
                fail(v.at("projection"), "a projection name (" + names + ")", *proj);
            p.view.projection = proj->get<std::string>();
        }
        v.get_box("bbox", p.view.bbox,
                  "[W, S, E, N] in degrees with W < E within -180..180 and S < N within -90..90",
                  [](const double* c) { return c[0] >= -180 && c[2] <= 180 && c[1] >= -90 && c[3] <= 90; });
        v.get_box("frame", p.view.frame, "[X0, Y0, X1, Y1] in the projection's metres with X0 < X1 and Y0 < Y1",
                  [](const double* c) { return std::abs(c[0]) < 1e9 && std::abs(c[1]) < 1e9 && std::abs(c[2]) < 1e9 && std::abs(c[3]) < 1e9; });
    }
    if (const json* time = top.find("time")) {
        ObjectReader t(*time, "time", unknown);
        t.allow({"date", "window", "days", "range_start", "range_end"});
        t.get("date", p.time.date);
        if (const json* mode = t.find("window")) {
            std::optional<WindowMode> m;
            if (mode->is_string()) m = parse_window_mode(mode->get<std::string>());
            if (!m) fail(t.at("window"), "\"trailing\", \"cumulative\" or \"range\"", *mode);
            p.time.mode = *m;
        }
        if (const json* days = t.find("days")) {
            if (!days->is_number_integer() || days->get<long long>() < 0 || days->get<long long>() > 100000)
                fail(t.at("days"), "a whole number of days from 0 to 100000", *days);
            p.time.days = static_cast<int>(days->get<long long>());
        }
        t.get("range_start", p.time.range_start);
        t.get("range_end", p.time.range_end);
        if (p.time.range_start && p.time.range_end && *p.time.range_end < *p.time.range_start)
            throw Malformed{"time.range_end", "is before time.range_start (" + p.time.range_start->iso() + ")"};
    }
    if (const json* filters = top.find("filters")) {
        ObjectReader f(*filters, "filters", unknown);
        f.allow({"hidden_parties", "parties", "hidden_kinds", "countries", "hide_uncertain", "text", "event_types",
                 "min_fatalities", "actor_text"});
        std::vector<std::string> list;
        f.get_strings("hidden_parties", list, valid_party);
        p.filters.hidden_parties = {list.begin(), list.end()};
        list.clear();
        f.get_strings("parties", list, valid_party);
        p.filters.parties = {list.begin(), list.end()};
        list.clear();
        f.get_strings("hidden_kinds", list, valid_kind);
        for (const auto& k : list) p.filters.hidden_kinds.insert(*parse_kind(k));
        list.clear();
        f.get_strings("countries", list, valid_country);
        p.filters.countries = {list.begin(), list.end()};
        f.get("hide_uncertain", p.filters.hide_uncertain);
        f.get("text", p.filters.text);
        list.clear();
        f.get_strings("event_types", list, [](const std::string& t) { return t.empty() ? "an event type" : ""; });
        p.filters.event_types = {list.begin(), list.end()};
        f.get("min_fatalities", p.filters.min_fatalities, 0, 1000000);
        f.get("actor_text", p.filters.actor_text);
    }
    if (const json* events = top.find("events")) {
        ObjectReader e(*events, "events", unknown);
        e.allow({"show", "files", "places"});
        e.get("show", p.events.show);
        std::vector<std::string> files;
        e.get_strings("files", files, [](const std::string& f) { return f.empty() ? "a file path" : ""; });
        for (const auto& f : files) p.events.files.push_back(resolved_path(f, project_dir));
        std::string places;
        e.get("places", places);
        if (!places.empty()) p.events.places = resolved_path(places, project_dir);
    }
    if (const json* deco = top.find("decorations")) {
        ObjectReader d(*deco, "decorations", unknown);
        d.allow({"title", "subtitle", "legend", "scale_bar", "inset", "attribution"});
        d.get("title", p.decorations.title);
        d.get("subtitle", p.decorations.subtitle);
        d.get("legend", p.decorations.legend);
        d.get("scale_bar", p.decorations.scale_bar);
        d.get("inset", p.decorations.inset);
        d.get("attribution", p.decorations.attribution);
    }
    if (const json* map = top.find("map")) {
        ObjectReader m(*map, "map", unknown);
        m.allow({"labels", "graticule", "base", "theme"});
        m.get("labels", p.map.labels);
        m.get("graticule", p.map.graticule);
        m.get("base", p.map.base);
        std::string theme = theme_name(p.map.theme);
        m.get("theme", theme);
        if (auto t = parse_theme(theme)) {
            p.map.theme = *t;
        } else {
            fail(m.at("theme"), "\"light\" or \"dark\"", (*map)["theme"]);
        }
    }
    if (const json* output = top.find("output")) {
        ObjectReader o(*output, "output", unknown);
        o.allow({"width", "height", "pixel_scale", "samples"});
        o.get("width", p.output.width, 0, 16384);
        o.get("height", p.output.height, 0, 16384);
        o.get("pixel_scale", p.output.pixel_scale, 0.1, 16.0);
        o.get("samples", p.output.samples, 0, 16);
    }
    if (const json* window = top.find("window")) {
        ObjectReader w(*window, "window", unknown);
        w.allow({"sidebar_width", "inspector_width", "timeline_height", "sidebar_open", "inspector_open", "sections"});
        ProjectWindowLayout layout;
        w.get("sidebar_width", layout.sidebar_width, 0, 10000);
        w.get("inspector_width", layout.inspector_width, 0, 10000);
        w.get("timeline_height", layout.timeline_height, 0, 10000);
        w.get("sidebar_open", layout.sidebar_open);
        w.get("inspector_open", layout.inspector_open);
        if (const json* sections = w.find("sections")) {
            ObjectReader s(*sections, "window.sections", unknown);
            for (const auto& [title, open] : sections->items()) s.get(title.c_str(), layout.sections[title]);
        }
        p.window = layout;
    }
    return p;
}

std::string date_text(const std::optional<Date>& d) { return d ? d->iso() : std::string(); }

}  // namespace

bool operator==(const ProjectLayer& a, const ProjectLayer& b) {
    const LayerStyle &s = a.style, &t = b.style;
    if (a.styled != b.styled) return false;
    if (!a.styled) return a.path == b.path && a.layer == b.layer && a.title == b.title;
    return a.path == b.path && a.layer == b.layer && a.title == b.title && s.visible == t.visible && s.fill_enabled == t.fill_enabled &&
           s.fill == t.fill && s.outline == t.outline && s.outline_width == t.outline_width &&
           s.opacity == t.opacity && s.marker.radius == t.marker.radius && s.color_field == t.color_field &&
           s.label_field == t.label_field;
}

namespace {
bool same_box(const BBox& a, const BBox& b) {
    if (a.empty() != b.empty()) return false;
    return a.empty() || (a.min_x == b.min_x && a.min_y == b.min_y && a.max_x == b.max_x && a.max_y == b.max_y);
}
}  // namespace

bool operator==(const ProjectView& a, const ProjectView& b) {
    return a.projection == b.projection && same_box(a.bbox, b.bbox) && same_box(a.frame, b.frame);
}

bool operator==(const Project& a, const Project& b) {
    return a.layers == b.layers && a.view == b.view && a.time == b.time && a.filters == b.filters &&
           a.events == b.events && a.decorations == b.decorations && a.map == b.map && a.output == b.output &&
           a.window == b.window;
}

TimeWindow time_window(const ProjectTime& time, Date last_day) {
    TimeWindow w;
    w.mode = time.mode;
    w.at = time.date.value_or(last_day);
    w.days = time.days;
    w.range_start = time.range_start.value_or(w.at - time.days);
    w.range_end = time.range_end.value_or(w.at);
    return w;
}

ProjectTime project_time(const TimeWindow& window) {
    ProjectTime t;
    t.date = window.at;
    t.mode = window.mode;
    t.days = window.days;
    if (window.mode == WindowMode::kRange) t.range_start = window.range_start, t.range_end = window.range_end;
    return t;
}

EventFilter ProjectFilters::to_event_filter() const {
    EventFilter f;
    f.hidden_parties = hidden_parties;
    f.parties = parties;
    f.hidden_kinds = hidden_kinds;
    f.countries = countries;
    f.hide_uncertain = hide_uncertain;
    f.text = text;
    f.event_types = event_types;
    f.min_fatalities = min_fatalities;
    f.actor_text = actor_text;
    return f;
}

ProjectFilters ProjectFilters::from(const EventFilter& filter) {
    ProjectFilters f;
    f.hidden_parties = filter.hidden_parties;
    f.parties = filter.parties;
    f.hidden_kinds = filter.hidden_kinds;
    f.countries = filter.countries;
    f.hide_uncertain = filter.hide_uncertain;
    f.text = filter.text;
    f.event_types = filter.event_types;
    f.min_fatalities = filter.min_fatalities;
    f.actor_text = filter.actor_text;
    return f;
}

std::string window_mode_name(WindowMode mode) {
    switch (mode) {
        case WindowMode::kCumulative: return "cumulative";
        case WindowMode::kRange: return "range";
        case WindowMode::kTrailing: break;
    }
    return "trailing";
}

std::optional<WindowMode> parse_window_mode(std::string_view text) {
    if (text == "trailing") return WindowMode::kTrailing;
    if (text == "cumulative") return WindowMode::kCumulative;
    if (text == "range") return WindowMode::kRange;
    return std::nullopt;
}

std::string project_to_json(const Project& project, const fs::path& project_dir) {
    ordered_json root = ordered_json::object();
    root["version"] = kProjectFileVersion;
    ordered_json layers = ordered_json::array();
    for (const auto& l : project.layers) {
        const LayerStyle& s = l.style;
        ordered_json layer = {{"path", stored_path(l.path, project_dir)}, {"layer", l.layer}, {"title", l.title}};
        if (l.styled)
            layer["style"] = {{"visible", s.visible},
                              {"fill_enabled", s.fill_enabled},
                              {"fill", format_color(s.fill)},
                              {"outline", format_color(s.outline)},
                              {"outline_width", float_value(s.outline_width)},
                              {"opacity", float_value(s.opacity)},
                              {"marker_radius", float_value(s.marker.radius)},
                              {"color_field", s.color_field},
                              {"label_field", s.label_field}};
        layers.push_back(std::move(layer));
    }
    root["layers"] = std::move(layers);
    ordered_json view = {{"projection", project.view.projection}};
    for (const auto& [key, box] : {std::pair{"bbox", &project.view.bbox}, std::pair{"frame", &project.view.frame}})
        if (!box->empty()) view[key] = {box->min_x, box->min_y, box->max_x, box->max_y};
    root["view"] = std::move(view);
    ordered_json time = ordered_json::object();
    if (project.time.date) time["date"] = date_text(project.time.date);
    time["window"] = window_mode_name(project.time.mode);
    time["days"] = project.time.days;
    if (project.time.range_start) time["range_start"] = date_text(project.time.range_start);
    if (project.time.range_end) time["range_end"] = date_text(project.time.range_end);
    root["time"] = std::move(time);
    ordered_json kinds = ordered_json::array();
    for (EventKind k : project.filters.hidden_kinds) kinds.push_back(std::string(kind_name(k)));
    root["filters"] = {{"hidden_parties", project.filters.hidden_parties},
                       {"parties", project.filters.parties},
                       {"hidden_kinds", std::move(kinds)},
                       {"countries", project.filters.countries},
                       {"hide_uncertain", project.filters.hide_uncertain},
                       {"text", project.filters.text}};
    // Point-event filters (ACLED), written only when set so older readers' files stay as they were.
    if (!project.filters.event_types.empty()) root["filters"]["event_types"] = project.filters.event_types;
    if (project.filters.min_fatalities > 0) root["filters"]["min_fatalities"] = project.filters.min_fatalities;
    if (!project.filters.actor_text.empty()) root["filters"]["actor_text"] = project.filters.actor_text;
    ordered_json files = ordered_json::array();
    for (const auto& f : project.events.files) files.push_back(stored_path(f, project_dir));
    root["events"] = {{"show", project.events.show},
                      {"files", std::move(files)},
                      {"places", stored_path(project.events.places, project_dir)}};
    const ProjectDecorations& d = project.decorations;
    root["decorations"] = {{"title", d.title},
                           {"subtitle", d.subtitle},
                           {"legend", d.legend ? ordered_json(*d.legend) : ordered_json(nullptr)},
                           {"scale_bar", d.scale_bar},
                           {"inset", d.inset},
                           {"attribution", d.attribution}};
    root["map"] = {{"labels", project.map.labels}, {"graticule", project.map.graticule}, {"base", project.map.base},
                   {"theme", theme_name(project.map.theme)}};
    root["output"] = {{"width", project.output.width},
                      {"height", project.output.height},
                      {"pixel_scale", float_value(project.output.pixel_scale)},
                      {"samples", project.output.samples}};
    if (const auto& w = project.window) {
        ordered_json sections = ordered_json::object();
        for (const auto& [title, open] : w->sections) sections[title] = open;
        root["window"] = {{"sidebar_width", float_value(w->sidebar_width)},
                          {"inspector_width", float_value(w->inspector_width)},
                          {"timeline_height", float_value(w->timeline_height)},
                          {"sidebar_open", w->sidebar_open},
                          {"inspector_open", w->inspector_open},
                          {"sections", std::move(sections)}};
    }
    // Invalid UTF-8 in a title or filter text is written as U+FFFD rather than failing the save.
    return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

Result<Project> read_project(const fs::path& path) {
    const std::string name = path.string();
    std::ifstream in(path, std::ios::binary);
    std::error_code ec;
    if (!in) {
        if (!fs::exists(path, ec)) return Error{name + ": no such file"};
        if (fs::is_directory(path, ec)) return Error{name + ": is a folder, not a project file"};
        return Error{name + ": cannot read"};
    }
    std::ostringstream text;
    text << in.rdbuf();
    json root;
    try {
        root = json::parse(text.str());
    } catch (const json::exception& e) {
        // parse_error, or out_of_range for a number beyond a double (1e400): not only parse_error may come out.
        // nlohmann's message: "[json.exception.parse_error.101] parse error at line 3, column 5: ..."
        std::string why = e.what();
        if (const auto at = why.find("] "); at != std::string::npos) why = why.substr(at + 2);
        return Error{name + ": not valid JSON: " + why};
    }
    const fs::path dir = fs::absolute(path, ec).parent_path();
    std::vector<std::string> unknown;
    try {
        Project p = project_from_json(root, dir, unknown);
        for (const auto& key : unknown) p.warnings.push_back(name + ": " + key + ": unknown key, ignored");
        return p;
    } catch (const Malformed& m) {
        return Error{name + ": " + m.where + ": " + m.what};
    }
}

Status write_project(const Project& project, const fs::path& path) {
    std::error_code ec;
    const fs::path dir = fs::absolute(path, ec).parent_path();
    if (ec) return Error{path.string() + ": cannot resolve the folder: " + ec.message()};
    return write_file_atomically(path.string(), project_to_json(project, dir));
}

}  // namespace em
