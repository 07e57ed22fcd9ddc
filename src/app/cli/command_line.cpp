// Every command's options, defined once with CLI11 (Debian's libcli11-dev): parsing, checking and --help.
#include "app/cli/command_line.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <sstream>

#include "app/cli/data_commands.hpp"
#include "app/cli/info_command.hpp"
#include "app/cli/render_options.hpp"
#include "app/cli/vector_output.hpp"
#include "app/views.hpp"
#include "app/window/window_app.hpp"
#include "core/date.hpp"
#include "events/event.hpp"
#include "geo/projection.hpp"
#include "geo/source_policy.hpp"
#include "video/clip_timing.hpp"
#include "video/video_format.hpp"

namespace em {

namespace {

// ---- Values ---------------------------------------------------------------------------------------------------

std::optional<int> whole_number(const std::string& s) {
    int out = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
    return out;
}

std::optional<float> real_number(const std::string& s) {
    float out = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(out)) return std::nullopt;
    return out;
}

// "800x600" (or 800X600), both sides 1..16384.
std::optional<std::pair<int, int>> image_size(const std::string& s) {
    const auto x = s.find_first_of("xX");
    if (x == std::string::npos) return std::nullopt;
    const auto w = whole_number(s.substr(0, x)), h = whole_number(s.substr(x + 1));
    if (!w || !h || *w <= 0 || *h <= 0) return std::nullopt;
    return std::pair{*w, *h};
}

// "2024-01-01:2024-06-30": two real dates, START <= END.
struct DayRange {
    Date start, end;
};
std::optional<DayRange> day_range(const std::string& s) {
    const auto colon = s.find(':');
    if (colon == std::string::npos) return std::nullopt;
    const auto start = Date::parse(s.substr(0, colon)), end = Date::parse(s.substr(colon + 1));
    if (!start || !end) return std::nullopt;
    return DayRange{*start, *end};
}

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

std::vector<std::string> view_keys() {
    std::vector<std::string> keys;
    for (const auto& v : view_presets()) keys.push_back(v.key);
    return keys;
}

std::vector<std::string> kind_names() {
    std::vector<std::string> names;
    for (EventKind k : all_kinds()) names.emplace_back(kind_name(k));
    return names;
}

const std::vector<std::string> kBaseLevels = {"110m", "50m", "10m-900m", "10m-220m", "10m"};
const std::vector<std::string> kScripts = {"pan", "sweep", "zoom", "still", "scrub", "idle"};

// ---- Checks ---------------------------------------------------------------------------------------------------
// Each returns "" when the value is good, else the reason; CLI11 puts the option's name in front.

using Check = std::function<std::string(const std::string&)>;

CLI::Validator validator(Check check) {
    return CLI::Validator([check = std::move(check)](std::string& value) { return check(value); }, "");
}

std::string quote(const std::string& value) { return "'" + value + "'"; }

Check whole_from(int lo, int hi, const std::string& what) {
    return [=](const std::string& v) {
        const auto n = whole_number(v);
        return n && *n >= lo && *n <= hi ? std::string() : quote(v) + " is not " + what;
    };
}

// "595x842pt" (or 595.28X841.89pt): a PDF page in points, each side from 1 inch to 200 inches (PDF's largest).
std::optional<std::pair<double, double>> page_size_pt(const std::string& s) {
    if (s.size() < 3 || s.compare(s.size() - 2, 2, "pt") != 0) return std::nullopt;
    const std::string sides = s.substr(0, s.size() - 2);
    const auto x = sides.find_first_of("xX");
    if (x == std::string::npos) return std::nullopt;
    const auto w = real_number(sides.substr(0, x)), h = real_number(sides.substr(x + 1));
    if (!w || !h) return std::nullopt;
    return std::pair<double, double>{*w, *h};
}

std::string check_size(const std::string& v) {
    const auto size = image_size(v);
    if (!size) return quote(v) + " is not WIDTHxHEIGHT with positive whole numbers";
    if (size->first > 16384 || size->second > 16384) return v + " is larger than 16384x16384";
    return "";
}

// render's --size: pixels, or for a PDF a page in points (checked against the output in apply_paper).
std::string check_render_size(const std::string& v) {
    if (v.size() > 2 && v.compare(v.size() - 2, 2, "pt") == 0) {
        const auto page = page_size_pt(v);
        if (!page) return quote(v) + " is not WIDTHxHEIGHTpt with positive numbers of points";
        if (page->first < 72 || page->second < 72 || page->first > 14400 || page->second > 14400)
            return quote(v) + ": each side of a page must be from 72 to 14400 points (1 to 200 inches)";
        return "";
    }
    return check_size(v);
}

std::string check_view(const std::string& v) {
    return find_view(v) ? "" : "unknown view " + quote(v) + "; known: " + joined(view_keys(), " ");
}

std::string check_bbox(const std::string& v) {
    return parse_bbox(v) ? ""
                         : quote(v) + " is not W,S,E,N in degrees with W < E within -180..180 and S < N within -90..90";
}

std::string check_projection(const std::string& v) {
    return Projection::from_name(v) ? ""
                                    : "unknown projection " + quote(v) + "; known: " + joined(Projection::names(), " ");
}

std::string check_date(const std::string& v) { return Date::parse(v) ? "" : quote(v) + " is not a real date YYYY-MM-DD"; }

std::string check_scale(const std::string& v) {
    const auto k = real_number(v);
    return k && *k > 0.1f && *k <= 16.0f ? "" : quote(v) + " is not a number from 0.1 to 16";
}

std::string check_frames(const std::string& v) {
    auto seq = parse_frames(v);
    if (seq) return "";
    std::string why = seq.error().message;  // "--frames: ..."; CLI11 names the option itself
    if (why.rfind("--frames: ", 0) == 0) why = why.substr(10);
    return why;
}

Check one_of(const std::vector<std::string>& known) {
    return [known](const std::string& v) {
        return std::find(known.begin(), known.end(), v) != known.end() ? std::string()
                                                                         : quote(v) + " is not one of " + joined(known, " ");
    };
}

std::string check_range(const std::string& v) {
    const auto r = day_range(v);
    if (!r) return quote(v) + " is not START:END with real dates YYYY-MM-DD";
    if (r->end < r->start) return quote(v) + ": END is before START";
    return "";
}

std::string check_kind(const std::string& v) {
    return parse_kind(v) ? "" : "unknown kind " + quote(v) + "; known: " + joined(kind_names(), " ");
}

std::string check_country(const std::string& v) {
    const bool ok = v.size() == 3 && std::all_of(v.begin(), v.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    return ok ? "" : quote(v) + " is not a country code of 3 upper-case letters (ISO 3166-1 alpha-3, e.g. MLI)";
}

std::string check_not_empty(const std::string& v) { return v.empty() ? "empty value" : ""; }

std::string any_text(const std::string&) { return ""; }

Check real_from(double lo, double hi, const std::string& what) {
    return [=](const std::string& v) {
        const auto k = real_number(v);
        return k && *k >= lo && *k <= hi ? std::string() : quote(v) + " is not " + what;
    };
}

std::vector<std::string> clip_preset_names() {
    std::vector<std::string> names;
    for (const auto& p : clip_presets()) names.emplace_back(p.name);
    return names;
}

// ---- Help -----------------------------------------------------------------------------------------------------

// Help in the project's own layout: a usage line, what the command does, the options by group with their
// value names ("--size WxH"), and a footer.
class HelpFormatter : public CLI::Formatter {
public:
    explicit HelpFormatter(std::string usage) : usage_(std::move(usage)) {
        column_width(24);
        label("Positionals", "Arguments");
    }

    std::string make_help(const CLI::App* app, std::string, CLI::AppFormatMode mode) const override {
        std::stringstream out;
        out << usage_ << "\n";
        if (!app->get_description().empty()) out << "\n" << app->get_description() << "\n";
        out << make_positionals(app) << make_groups(app, mode);
        if (!app->get_footer().empty()) out << "\n" << app->get_footer() << "\n";
        std::string text = out.str();  // one blank line between groups
        for (auto at = text.find("\n\n\n"); at != std::string::npos; at = text.find("\n\n\n")) text.erase(at, 1);
        return text;
    }

    // -h, --help at the end of its group, as in the hand-written help texts before.
    std::string make_group(std::string group, bool positional, std::vector<const CLI::Option*> opts) const override {
        std::stable_partition(opts.begin(), opts.end(), [](const CLI::Option* opt) {
            return opt->get_lnames().empty() || opt->get_lnames().front() != "help";
        });
        return CLI::Formatter::make_group(std::move(group), positional, std::move(opts));
    }

    std::string make_option_name(const CLI::Option* opt, bool positional) const override {
        if (positional) return opt->get_option_text().empty() ? opt->get_name(true, false) : opt->get_option_text();
        std::vector<std::string> names;
        for (const auto& s : opt->get_snames()) names.push_back("-" + s);
        for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
        return joined(names, ", ");
    }

    std::string make_option_opts(const CLI::Option* opt) const override {
        const bool positional = opt->get_snames().empty() && opt->get_lnames().empty();
        return positional || opt->get_option_text().empty() ? "" : " " + opt->get_option_text();
    }

private:
    std::string usage_;
};

// An App with the project's conventions: later options win, lists collect every occurrence, our own -h/--help
// (so that help is a field like any other), unknown arguments left for us to report in our words.
std::unique_ptr<CLI::App> make_app(const std::string& name, const std::string& usage, const std::string& description,
                                   bool& help) {
    auto app = std::make_unique<CLI::App>(description, name);
    app->formatter(std::make_shared<HelpFormatter>(usage));
    app->set_help_flag();
    app->allow_extras();
    app->option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)->group("Options");
    app->option_defaults()->disable_flag_override();  // --inset=no is an error, not a quiet "no"
    app->add_flag("-h,--help", help, "this text");
    return app;
}

// A value option: the text shown after its name, its check, what to do with the (checked) value.
CLI::Option* value_option(CLI::App& app, const std::string& names, const std::string& value_name,
                          const std::string& description, Check check, std::function<void(const std::string&)> use) {
    return app.add_option_function<std::string>(names, std::move(use), description)
        ->option_text(value_name)
        ->check(validator(std::move(check)));
}

// A repeatable value option: every occurrence adds one value.
CLI::Option* list_option(CLI::App& app, const std::string& names, const std::string& value_name,
                         const std::string& description, Check check, std::vector<std::string>& into) {
    return app.add_option(names, into, description)
        ->option_text(value_name)
        ->check(validator(std::move(check)))
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

std::string first_line(std::string text) {
    const auto nl = text.find('\n');
    if (nl != std::string::npos) text.resize(nl);
    return text;
}

// Parses args (without the command's name); on failure an Error in our words: one line naming the option.
std::optional<Error> parse(CLI::App& app, const std::vector<std::string>& args, const std::string& help_command) {
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
    try {
        app.parse(reversed);
    } catch (const CLI::ArgumentMismatch& e) {
        const std::string what = e.what();
        const auto colon = what.find(": ");
        if (colon != std::string::npos && what.find(" missing") != std::string::npos)
            return Error{what.substr(0, colon) + ": missing value"};
        if (const auto at = what.find(" was given a disallowed flag override"); at != std::string::npos)
            return Error{(what.rfind('-', 0) == 0 ? "" : "--") + what.substr(0, at) + ": takes no value"};
        return Error{first_line(what)};
    } catch (const CLI::ParseError& e) {
        return Error{first_line(e.what())};
    }
    const auto extras = app.remaining();
    if (!extras.empty()) {
        const std::string& a = extras.front();
        const bool option = a.size() > 1 && a[0] == '-';
        return Error{a + (option ? ": unknown option" : ": unexpected argument") + " (see '" + help_command + "')"};
    }
    return std::nullopt;
}

// The long names ("--size") of the options given on the command line.
std::set<std::string> given_options(const CLI::App& app) {
    std::set<std::string> given;
    for (const CLI::Option* opt : app.get_options()) {
        if (opt->count() == 0 || opt->get_lnames().empty()) continue;
        given.insert("--" + opt->get_lnames().front());
    }
    return given;
}

// ---- Shared option sets ---------------------------------------------------------------------------------------

void add_allow_network(CLI::App& app, bool& into) {
    app.add_flag_callback("--allow-network", [&into] { into = true; },
                          "let paths inside files (projects, VRTs, ...) reach the network and databases,\n"
                          "and PROJ download grids (default: only sources named here; docs/security.md)");
}

constexpr const char* kFilterGroup = "Event filters";

// --range, --cumulative, --actor, --kind, --country, --search, --hide-uncertain: the same for render and window.
void add_filter_options(CLI::App& app, EventFilterArgs& f, std::vector<std::string>& kinds) {
    value_option(app, "--range", "START:END",
                 "show the events between two days, YYYY-MM-DD:YYYY-MM-DD with START <= END,\n"
                 "instead of a trailing window",
                 check_range,
                 [&f](const std::string& v) {
                     const auto r = day_range(v);
                     f.range_start = r->start;
                     f.range_end = r->end;
                 })
        ->group(kFilterGroup);
    app.add_flag_callback("--cumulative", [&f] { f.cumulative = true; },
                          "show every event up to the date instead of a trailing window (not with --range or\n"
                          "--window)")
        ->group(kFilterGroup);
    list_option(app, "--actor", "PARTY",
                "show only this party's events (the actor before ' (', e.g. France); repeatable",
                check_not_empty, f.actors)
        ->group(kFilterGroup);
    list_option(app, "--kind", "KIND", "show only this kind of event; repeatable. Kinds:\n" + joined(kind_names(), ", "),
                check_kind, kinds)
        ->group(kFilterGroup);
    list_option(app, "--country", "ISO3", "show only events in this country (ISO 3166-1 alpha-3, e.g. MLI); repeatable",
                check_country, f.countries)
        ->group(kFilterGroup);
    value_option(app, "--search", "TEXT",
                 "show only events whose participants, description, actor or id contain TEXT\n(any case)",
                 any_text, [&f](const std::string& v) { f.search = v; })
        ->group(kFilterGroup);
    app.add_flag_callback("--hide-uncertain", [&f] { f.hide_uncertain = true; },
                          "leave out events whose confidence is uncertain")
        ->group(kFilterGroup);
    // Point events (ACLED rows); other events pass these.
    list_option(app, "--event-type", "TYPE",
                "show only point events (ACLED rows) of this event type, e.g. Battles; repeatable",
                check_not_empty, f.event_types)
        ->group(kFilterGroup);
    value_option(app, "--min-fatalities", "N", "show only point events with at least N fatalities",
                 whole_from(0, 1000000, "a whole number of fatalities from 0 to 1000000"),
                 [&f](const std::string& v) { f.min_fatalities = *whole_number(v); })
        ->group(kFilterGroup);
    value_option(app, "--actor-text", "TEXT",
                 "show only events whose actors contain TEXT (any case; ACLED: actor1,\nassoc_actor_1, actor2, "
                 "assoc_actor_2)",
                 check_not_empty, [&f](const std::string& v) { f.actor_text = v; })
        ->group(kFilterGroup);
}

std::optional<Error> check_filter_combinations(const CLI::App& app) {
    if (app.count("--cumulative") && app.count("--range")) return Error{"--cumulative: not with --range (choose one)"};
    if (app.count("--cumulative") && app.count("--window"))
        return Error{"--cumulative: not with --window (a cumulative map has no window length)"};
    return std::nullopt;
}

void finish_filters(EventFilterArgs& f, const std::vector<std::string>& kinds) {
    for (const auto& k : kinds) f.kinds.push_back(*parse_kind(k));
}

// ---- render ---------------------------------------------------------------------------------------------------

struct RenderCli {
    std::unique_ptr<CLI::App> app;
    std::vector<std::string> kinds;
    bool dpi_given = false;
};

std::unique_ptr<RenderCli> render_cli(ParsedRender& parsed) {
    RenderOptions& o = parsed.options;
    auto cli = std::make_unique<RenderCli>();
    cli->app = make_app("eventmap render",
                        "Usage: eventmap render -o OUT.png [options]\n"
                        "       eventmap render -o OUT.mp4|OUT.webm|OUT.gif --frames S:E:STEP [--fps N | --duration SECONDS] [options]",
                        "Draws the map to a PNG through the same renderer as the window, with no window and no X "
                        "server\n(EGL on Mesa's surfaceless platform). Exit 0 on success; otherwise non-zero and one "
                        "line on stderr\n(exit 2 for bad arguments).",
                        parsed.help);
    CLI::App& app = *cli->app;
    app.footer("Options given beside --project override the project's.");
    const auto set = [](std::string& field) { return [&field](const std::string& v) { field = v; }; };
    value_option(app, "-o,--output", "PATH",
                 "PNG, PDF or SVG to write (required; the format by its extension), or a clip:\n"
                 ".mp4 (H.264), .webm (VP9) or .gif (with --frames); written to a temporary\n"
                 "file, then renamed",
                 check_not_empty, set(o.output));
    value_option(app, "--size", "WxH",
                 "image size in pixels (default 1920x1080; with --bbox and no --size the\n"
                 "height follows the box's shape); for a PDF also WxHpt, a page in points\n"
                 "(595x842pt is A4 portrait), laid out as with --paper",
                 check_render_size, [&o](const std::string& v) {
                     if (auto page = page_size_pt(v)) {
                         o.page_pt = page;
                         return;
                     }
                     std::tie(o.width, o.height) = *image_size(v);
                     o.size_given = true;
                 });
    value_option(app, "--view", "NAME", "view preset: " + joined(view_keys(), ", ") + "\n(default sahel-moscow)",
                 check_view, set(o.view));
    value_option(app, "--bbox", "W,S,E,N",
                 "extent in degrees (overrides --view); with --projection equirect the PNG\n"
                 "spans exactly that box, linear in lon/lat",
                 check_bbox, [&o](const std::string& v) { o.bbox = parse_bbox(v); });
    value_option(app, "--projection", "NAME",
                 joined(Projection::names(), ", ") +
                     " (default laea: Lambert azimuthal equal-area at 20E 25N;\n"
                     "with --bbox and no --projection: equirect)",
                 check_projection, [&o](const std::string& v) {
                     o.projection = v;
                     o.projection_given = true;
                 });
    list_option(app, "--layer", "PATH", "add a vector layer over the base map; repeatable", check_not_empty, o.layers);
    value_option(app, "--date", "YYYY-MM-DD",
                 "draw the events of the window ending on this date (meeting links, troop\n"
                 "changes, presence on that date); default events: data/events.csv",
                 check_date, [&o](const std::string& v) { o.date = v; });
    value_option(app, "--window", "DAYS",
                 "length of the trailing window before --date (default 30; older events fade)",
                 whole_from(0, 100000, "a number of days from 0 to 100000"),
                 [&o](const std::string& v) { o.window_days = *whole_number(v); });
    list_option(app, "--events", "FILE",
                "events file (CSV or GeoJSON, see docs/data-format.md); repeatable; without\n"
                "--date every event up to the last one is drawn",
                check_not_empty, o.events);
    value_option(app, "--places", "FILE", "places table for the events (default data/places.csv)", check_not_empty,
                 set(o.places));
    value_option(app, "--samples", "N",
                 "multisample anti-aliasing (default 0: lines, markers and text are anti-aliased\n"
                 "in their shaders and fills are edged by their outlines; 4 smooths fills drawn\n"
                 "without outline, at about twice the drawing time)",
                 whole_from(0, 16, "a whole number from 0 to 16"),
                 [&o](const std::string& v) { o.samples = *whole_number(v); });
    value_option(app, "--scale", "K", "scale lines, markers and text by K (e.g. 2 for print); not with --dpi",
                 check_scale, [&o](const std::string& v) { o.pixel_scale = *real_number(v); });
    value_option(app, "--title", "TEXT", "title drawn at the top left of the picture", any_text, set(o.title));
    value_option(app, "--subtitle", "TEXT", "subtitle under the title", any_text, set(o.subtitle));
    app.add_flag_function("--legend,!--no-legend", [&o](std::int64_t n) { o.legend = n > 0; },
                          "legend of what is shown (default: on when events are drawn)");
    app.add_flag_function("--scale-bar,!--no-scale-bar", [&o](std::int64_t n) { o.scale_bar = n > 0; },
                          "scale bar, true distance at the map centre (default on)");
    app.add_flag_callback("--inset", [&o] { o.inset = true; }, "locator map at the top right");
    app.add_flag_callback("--no-attribution", [&o] { o.attribution = false; }, "leave out the sources line");
    value_option(app, "--dpi", "N",
                 "scale lines, markers and text for N dots per inch (96 = 1x; A4 landscape at\n"
                 "300 dpi is --size 3508x2480 --dpi 300); not with --scale",
                 whole_from(24, 1200, "a whole number from 24 to 1200"),
                 [&o](const std::string& v) { o.pixel_scale = static_cast<float>(*whole_number(v)) / 96.0f; });
    value_option(app, "--paper", "NAME",
                 "PDF only: lay the map out on a page of this paper (a4, a3, letter) at --dpi\n"
                 "(default 300), inside --margin; the picture's size follows from them",
                 one_of({"a4", "a3", "letter"}), [&o](const std::string& v) { o.paper = v; })
        ->group("Vector output (-o OUT.pdf or OUT.svg)");
    value_option(app, "--orientation", "NAME", "with --paper: landscape (default) or portrait",
                 one_of({"landscape", "portrait"}), set(o.orientation))
        ->group("Vector output (-o OUT.pdf or OUT.svg)");
    value_option(app, "--margin", "MM",
                 "with --paper or --size WxHpt: white margin round the map in millimetres\n(default 10)",
                 [](const std::string& v) {
                     const auto mm = real_number(v);
                     return mm && *mm >= 0 && *mm <= 100 ? std::string() : quote(v) + " is not a number from 0 to 100";
                 },
                 [&o](const std::string& v) { o.margin_mm = *real_number(v); })
        ->group("Vector output (-o OUT.pdf or OUT.svg)");
    value_option(app, "--frames", "S:E:STEP",
                 "a numbered sequence OUT_0001.png ... from date S to E every STEP (7d, 2w, 1m,\n"
                 "1y), or the frames of a clip, with a progress line; needs events (draws\n"
                 "data/events.csv by default)",
                 check_frames, [&o](const std::string& v) { o.frames = v; });
    constexpr const char* kAnimation = "Animations (-o OUT.mp4, OUT.webm or OUT.gif with --frames)";
    value_option(app, "--fps", "N",
                 "frames a second (default 30); alone: one frame per step of --frames",
                 whole_from(1, 60, "a whole number from 1 to 60"), [&o](const std::string& v) { o.fps = *whole_number(v); })
        ->group(kAnimation);
    value_option(app, "--duration", "SECONDS",
                 "length of the clip; the clock runs smoothly from the first step date to the last\n"
                 "(events fade in and out, meeting arcs draw themselves)",
                 real_from(0.1, 3600, "a number of seconds from 0.1 to 3600"),
                 [&o](const std::string& v) { o.duration = *real_number(v); })
        ->group(kAnimation);
    value_option(app, "--hold", "SECONDS", "keep the first and the last frame this long (default 0)",
                 real_from(0, 60, "a number of seconds from 0 to 60"),
                 [&o](const std::string& v) { o.hold = *real_number(v); })
        ->group(kAnimation);
    value_option(app, "--preset", "NAME",
                 "1080p (1920x1080, 20 s), 720p (1280x720, 20 s), square (1080x1080, 15 s) or\n"
                 "vertical (1080x1920, 15 s): the size, the view refitted to it, and the duration\n"
                 "when neither --fps nor --duration is given; not with --size",
                 one_of(clip_preset_names()), set(o.preset))
        ->group(kAnimation);
    value_option(app, "--max-tile", "N", "draw in tiles of at most N pixels a side (default: GL's limit, at most 4096)",
                 whole_from(64, 65536, "a whole number from 64 to 65536"),
                 [&o](const std::string& v) { o.max_tile = *whole_number(v); });
    app.add_flag_callback("--world-file", [&o] { o.world_file = true; },
                          "write OUT.pgw, OUT.prj and OUT.png.aux.xml so GIS tools place the picture");
    value_option(app, "--base", "LEVEL",
                 "base-map detail: 110m, 50m, 10m-900m, 10m-220m (1:10m simplified to ~900 m or\n"
                 "~220 m, keeping shared borders) or 10m (as published); default: by resolution",
                 one_of(kBaseLevels), set(o.base));
    value_option(app, "--theme", "NAME", "the map's style: light (default; print, reports) or dark (presentations)",
                 one_of({"light", "dark"}), [&o](const std::string& v) { o.theme = *parse_theme(v); });
    app.add_flag_callback("--no-labels", [&o] { o.labels = false; }, "leave out country and capital labels");
    app.add_flag_callback("--no-graticule", [&o] { o.graticule = false; }, "leave out the graticule");
    app.add_flag_callback("--no-cache", [&o] { o.use_cache = false; },
                          "do not read or write the caches (prepared geometry, label glyphs)");
    app.add_flag_callback("--timings", [&o] { o.timings = true; }, "print where the time went to stderr");
    add_allow_network(app, o.allow_network);
    value_option(app, "--project", "FILE",
                 "start from a project file (layers and their styles, view, time, filters);\n"
                 "options given beside it override the project's",
                 check_not_empty, [&o](const std::string& v) { o.project = v; })
        ->group("Projects");
    value_option(app, "--save-project", "FILE", "also write what was drawn as a project file",
                 check_not_empty, [&o](const std::string& v) { o.save_project = v; })
        ->group("Projects");
    add_filter_options(app, o.filters, cli->kinds);
    return cli;
}

// ---- window ---------------------------------------------------------------------------------------------------

struct WindowCli {
    std::unique_ptr<CLI::App> app;
    std::vector<std::string> layers, files, kinds;
    CLI::Option *layer_option = nullptr, *file_option = nullptr;
};

std::unique_ptr<WindowCli> window_cli(WindowOptions& o) {
    auto cli = std::make_unique<WindowCli>();
    cli->app = make_app("eventmap", "Usage: eventmap [options] [FILE...]", "", o.help);
    CLI::App& app = *cli->app;
    const auto set = [](std::string& field) { return [&field](const std::string& v) { field = v; }; };
    cli->layer_option = list_option(app, "--layer", "PATH",
                                    "add a vector layer (any OGR source: .shp, .geojson, .gpkg, ...); repeatable",
                                    check_not_empty, cli->layers);
    value_option(app, "--project", "FILE", "open a project file (layers and their styles, view, time, filters)",
                 check_not_empty, [&o](const std::string& v) { o.project = v; });
    value_option(app, "--view", "NAME", "start at a view preset (" + joined(view_keys(), ", ") + ")", check_view,
                 [&o](const std::string& v) {
                     o.view = v;
                     o.view_given = true;
                 });
    value_option(app, "--projection", "NAME", "laea (default), equirect or mercator", check_projection,
                 [&o](const std::string& v) {
                     o.projection = v;
                     o.projection_given = true;
                 });
    value_option(app, "--size", "WxH", "window size (default 1600x900)", check_size,
                 [&o](const std::string& v) { std::tie(o.width, o.height) = *image_size(v); });
    value_option(app, "--bbox", "W,S,E,N", "start at this extent (degrees) instead of a view preset", check_bbox,
                 [&o](const std::string& v) { o.bbox = parse_bbox(v); });
    value_option(app, "--date", "YYYY-MM-DD", "start the clock at this date (default: the last event)", check_date,
                 [&o](const std::string& v) { o.date = v; });
    value_option(app, "--window", "DAYS", "trailing window length (default 30)",
                 whole_from(0, 100000, "a number of days from 0 to 100000"), [&o](const std::string& v) {
                     o.window_days = *whole_number(v);
                     o.window_given = true;
                 });
    list_option(app, "--events", "FILE", "events file(s) instead of data/events.csv; repeatable", check_not_empty,
                o.events);
    value_option(app, "--places", "FILE", "places table (default data/places.csv)", check_not_empty, set(o.places));
    value_option(app, "--samples", "N", "multisample anti-aliasing samples (default 4; 0 turns it off)",
                 whole_from(0, 16, "a whole number from 0 to 16"),
                 [&o](const std::string& v) { o.samples = *whole_number(v); });
    value_option(app, "--ui-scale", "X", "size of panels and text (1 = 15 px text; default: the monitor's scale)",
                 [](const std::string& v) {
                     char* end = nullptr;
                     const double x = std::strtod(v.c_str(), &end);
                     return end != v.c_str() && *end == '\0' && x >= 0.5 && x <= 4 ? std::string()
                                                                                   : quote(v) + " is not a scale from 0.5 to 4";
                 },
                 [&o](const std::string& v) { o.ui_scale = std::strtof(v.c_str(), nullptr); });
    app.add_flag_callback("--no-settings", [&o] { o.settings = false; },
                          "neither restore nor save the last session's time, view, filters and layout");
    value_option(app, "--theme", "NAME", "light or dark, for the panels and the map (default: the last session's)",
                 one_of({"light", "dark"}), [&o](const std::string& v) { o.theme = v; });
    app.add_flag_callback("--first-use-hint", [&o] { o.first_use_hint = true; },
                          "show the first-launch hint even if dismissed or without settings");
    add_allow_network(app, o.allow_network);
    cli->file_option = app.add_option("FILE", cli->files, "files to open as layers, as with --layer")
                           ->option_text("FILE...")
                           ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    add_filter_options(app, o.filters, cli->kinds);
    constexpr const char* kScripted = "Scripted runs (benchmarks and tests)";
    value_option(app, "--frames", "N", "draw N frames, then quit",
                 whole_from(1, 100000000, "a positive whole number"),
                 [&o](const std::string& v) { o.frames = *whole_number(v); })
        ->group(kScripted);
    value_option(app, "--script", "NAME",
                 "what happens each frame: pan, sweep, zoom, still, scrub or idle",
                 one_of(kScripts), set(o.script))
        ->group(kScripted);
    value_option(app, "--screenshot", "PNG", "write the last frame to this PNG before quitting", check_not_empty,
                 set(o.screenshot))
        ->group(kScripted);
    value_option(app, "--stats", "FILE", "write frame-time figures (mean, p95) as JSON to this file", check_not_empty,
                 set(o.stats))
        ->group(kScripted);
    app.add_flag_callback("--draw-every-panel", [&o] { o.copy_unchanged_panels = false; },
                          "draw every panel each frame, not copying the unchanged ones (tests compare the two)")
        ->group(kScripted);
    value_option(app, "--layout-dump", "FILE",
                 "keep the rectangles of the panels and of the widgets tests click in this JSON file", check_not_empty,
                 set(o.layout_dump))
        ->group(kScripted);
    return cli;
}

// ---- check, presence, info ------------------------------------------------------------------------------------

std::unique_ptr<CLI::App> check_cli(CheckOptions& o) {
    auto app = make_app("eventmap check", "Usage: eventmap check [--places FILE] FILE...",
                        "Checks events files (CSV as in docs/data-format.md, or GeoJSON) and prints every problem as\n"
                        "FILE:LINE:COLUMN: error|warning: message [column]. Exit 1 if any error, 0 otherwise.\n"
                        "Warnings (a byte-order mark, CRLF line ends, unknown columns) do not fail the check.\n"
                        "Exit 2 on bad arguments.",
                        o.help);
    value_option(*app, "--places", "FILE", "places table to resolve from/to (default: the shipped data/places.csv)",
                 check_not_empty, [&o](const std::string& v) { o.places = v; });
    add_allow_network(*app, o.allow_network);
    app->add_option("FILE", o.files, "events files to check (CSV or GeoJSON)")
        ->option_text("FILE...")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    return app;
}

std::unique_ptr<CLI::App> presence_cli(PresenceOptions& o) {
    auto app = make_app("eventmap presence",
                        "Usage: eventmap presence --date YYYY-MM-DD [--events FILE] [--places FILE] [--format csv|json]",
                        "Prints which outside forces are present in which country on the date: country, actor, since\n"
                        "(empty: before the data begins) and the id of the event that began it. Derived from "
                        "arrivals,\ndepartures and handovers as docs/data-format.md describes. Exit 2 on bad "
                        "arguments.",
                        o.help);
    value_option(*app, "--date", "YYYY-MM-DD", "the day (required)", check_date,
                 [&o](const std::string& v) { o.date = v; });
    value_option(*app, "--events", "FILE", "events file, CSV or GeoJSON (default data/events.csv)", check_not_empty,
                 [&o](const std::string& v) { o.events = v; });
    value_option(*app, "--places", "FILE", "places table (default data/places.csv)", check_not_empty,
                 [&o](const std::string& v) { o.places = v; });
    value_option(*app, "--format", "FORMAT", "csv (default) or json",
                 [](const std::string& v) {
                     return v == "csv" || v == "json" ? std::string() : "expected csv or json, got " + quote(v);
                 },
                 [&o](const std::string& v) { o.format = v; });
    add_allow_network(*app, o.allow_network);
    return app;
}

std::unique_ptr<CLI::App> info_cli(InfoOptions& o) {
    auto app = make_app(
        "eventmap info", "Usage: eventmap info PATH...",
        "Prints what eventmap sees in a vector file (any OGR source: .shp, .geojson, .gpkg, ...), read by\n"
        "the same loader the map uses: for each layer its geometry type, feature count, source CRS, extent\n"
        "in longitude/latitude after transformation to WGS84, the fields with their first non-empty values,\n"
        "and every warning (missing .prj, bad text encoding, features without geometry, ...).\n"
        "Exit 0 when every file was read; 1 when one could not be (one line on stderr naming the file and\n"
        "the reason); 2 on bad arguments.",
        o.help);
    add_allow_network(*app, o.allow_network);
    app->add_option("PATH", o.paths, "vector files or folders (any OGR source)")
        ->option_text("PATH...")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    return app;
}

// What an animation needs and what only an animation takes; a preset becomes the size.
std::optional<Error> check_animation_options(const CLI::App& app, RenderOptions& o) {
    const bool video = is_video_path(o.output);
    if (!video) {
        // A name that asks for a clip we do not write (.avi, .mov, ...) or animation options with a PNG.
        const auto dot = o.output.rfind('.');
        std::string ext = dot == std::string::npos ? "" : o.output.substr(dot + 1);
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
        static const std::vector<std::string> kOtherVideo = {"avi", "mov", "mkv", "m4v", "mpg", "mpeg", "ogv",
                                                             "wmv", "flv", "apng", "webp", "3gp", "ts"};
        const bool asks_video = std::find(kOtherVideo.begin(), kOtherVideo.end(), ext) != kOtherVideo.end();
        const bool animation_options = app.count("--fps") || app.count("--duration") || app.count("--hold");
        if (asks_video || (animation_options && ext != "png"))
            return Error{"--output: " + video_format_for_path(o.output).error().message};
        if (animation_options)
            return Error{std::string(app.count("--fps") ? "--fps" : app.count("--duration") ? "--duration" : "--hold") +
                         ": only for an animation (-o OUT.mp4, OUT.webm or OUT.gif)"};
    } else {
        if (!o.frames) return Error{"--frames: required for an animation (-o " + o.output + "); e.g. --frames 2024-07-15:2024-09-15:1d"};
        if (o.world_file) return Error{"--world-file: not with an animation (only a PNG is georeferenced)"};
    }
    if (!o.preset.empty()) {
        if (app.count("--size")) return Error{"--preset: not with --size (the preset is the size)"};
        const ClipPreset* p = find_clip_preset(o.preset);
        o.width = p->width;
        o.height = p->height;
        o.size_given = true;
        if (video && !o.fps && !o.duration) o.duration = p->seconds;
    }
    return std::nullopt;
}

}  // namespace

// ---- Public ---------------------------------------------------------------------------------------------------

Result<ParsedRender> parse_render_args(const std::vector<std::string>& args) {
    ParsedRender parsed;
    auto cli = render_cli(parsed);
    if (auto error = parse(*cli->app, args, "eventmap render --help")) return *error;
    RenderOptions& o = parsed.options;
    if (auto error = check_filter_combinations(*cli->app)) return *error;
    if (cli->app->count("--dpi") && cli->app->count("--scale"))
        return Error{"--dpi: not with --scale (both set the size of lines, markers and text)"};
    finish_filters(o.filters, cli->kinds);
    o.given = given_options(*cli->app);
    if (!parsed.help && o.output.empty()) return Error{"--output: missing; say where to write the PNG with -o OUT.png"};
    if (auto error = check_animation_options(*cli->app, o); error && !parsed.help) return *error;
    if (auto ok = apply_paper(o, cli->app->count("--dpi") > 0 || cli->app->count("--scale") > 0); !ok) return ok.error();
    if (o.bbox && !o.projection_given) o.projection = "equirect";
    return parsed;
}

std::string render_help() {
    ParsedRender unused;
    return render_cli(unused)->app->help();
}

Result<WindowOptions> parse_window_args(const std::vector<std::string>& args) {
    WindowOptions o;
    auto cli = window_cli(o);
    if (auto error = parse(*cli->app, args, "eventmap --help")) return *error;
    if (auto error = check_filter_combinations(*cli->app)) return *error;
    // Layers in command-line order, whether given with --layer or as bare files (from a file manager).
    std::map<const CLI::Option*, std::size_t> next;
    for (const CLI::Option* opt : cli->app->parse_order()) {
        if (opt == cli->layer_option) o.layers.push_back(cli->layers.at(next[opt]++));
        if (opt == cli->file_option) o.layers.push_back(cli->files.at(next[opt]++));
    }
    finish_filters(o.filters, cli->kinds);
    o.given = given_options(*cli->app);
    return o;
}

std::string main_help() {
    WindowOptions unused;
    auto cli = window_cli(unused);
    std::string options = cli->app->help();
    options = options.substr(options.find('\n') + 1);  // our usage line is above
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
           "Each command has its own --help. Bad arguments: one line on stderr naming the option, exit 2.\n"
           "\n"
           "The window (eventmap [options] [FILE...]):\n" +
           options +
           "\n"
           "Environment:\n"
           "  EVENTMAP_DATA_DIR   folder holding data/ and assets/ (default: found beside the program)\n"
           "  XDG_CACHE_HOME      prepared geometry and label glyphs are cached in $XDG_CACHE_HOME/eventmap\n"
           "                      (~/.cache/eventmap)\n";
}

Result<CheckOptions> parse_check_args(const std::vector<std::string>& args) {
    CheckOptions o;
    auto app = check_cli(o);
    if (auto error = parse(*app, args, "eventmap check --help")) return *error;
    if (!o.help && o.files.empty()) return Error{"no file given (see 'eventmap check --help')"};
    return o;
}

std::string check_help() {
    CheckOptions unused;
    return check_cli(unused)->help();
}

Result<PresenceOptions> parse_presence_args(const std::vector<std::string>& args) {
    PresenceOptions o;
    auto app = presence_cli(o);
    if (auto error = parse(*app, args, "eventmap presence --help")) return *error;
    if (!o.help && o.date.empty()) return Error{"--date: missing; say which day with --date YYYY-MM-DD"};
    return o;
}

std::string presence_help() {
    PresenceOptions unused;
    return presence_cli(unused)->help();
}

Result<InfoOptions> parse_info_args(const std::vector<std::string>& args) {
    InfoOptions o;
    auto app = info_cli(o);
    if (auto error = parse(*app, args, "eventmap info --help")) return *error;
    if (!o.help && o.paths.empty()) return Error{"no file given (see 'eventmap info --help')"};
    return o;
}

void apply_command_line_sources(bool allow_network, const std::vector<std::string>& named) {
    set_allow_network(allow_network);
    for (const auto& path : named) allow_source(path);
}

std::string info_help() {
    InfoOptions unused;
    return info_cli(unused)->help();
}

}  // namespace em
