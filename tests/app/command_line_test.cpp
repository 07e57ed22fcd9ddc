// The command lines defined with CLI11 in app/cli/command_line.cpp: every option checked, errors of one line
// naming the option and the value, exit 2, and --help listing every option.
#include "app/cli/command_line.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "app/cli/data_commands.hpp"
#include "app/cli/info_command.hpp"
#include "app/cli/render_options.hpp"
#include "app/window/window_app.hpp"
#include "geo/local_server.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

namespace fs = std::filesystem;
using Args = std::vector<std::string>;

// ---- Through the parsers ----------------------------------------------------------------------------------------

RenderOptions render_ok(Args args) {
    args.insert(args.begin(), {"-o", "a.png"});
    auto parsed = parse_render_args(args);
    EXPECT_TRUE(parsed) << (parsed ? "" : parsed.error().message);
    return parsed ? parsed->options : RenderOptions{};
}

std::string render_error(Args args) {
    args.insert(args.begin(), {"-o", "a.png"});
    auto parsed = parse_render_args(args);
    EXPECT_FALSE(parsed) << "accepted: " << ::testing::PrintToString(args);
    return parsed ? std::string() : parsed.error().message;
}

WindowOptions window_ok(const Args& args) {
    auto parsed = parse_window_args(args);
    EXPECT_TRUE(parsed) << (parsed ? "" : parsed.error().message);
    return parsed ? parsed.value() : WindowOptions{};
}

std::string window_error(const Args& args) {
    auto parsed = parse_window_args(args);
    EXPECT_FALSE(parsed) << "accepted: " << ::testing::PrintToString(args);
    return parsed ? std::string() : parsed.error().message;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

TEST(CommandLineTest, PointEventFiltersParseForRenderAndWindow) {
    const RenderOptions o = render_ok({"--event-type", "Battles", "--event-type", "Violence against civilians",
                                       "--min-fatalities", "10", "--actor-text", "Wagner"});
    EXPECT_EQ(o.filters.event_types, (std::vector<std::string>{"Battles", "Violence against civilians"}));
    EXPECT_EQ(o.filters.min_fatalities, 10);
    EXPECT_EQ(o.filters.actor_text, "Wagner");
    EXPECT_TRUE(any_filter_args(o.filters));
    ProjectTime time;
    ProjectFilters filters;
    apply_filter_args(o.filters, time, filters);
    EXPECT_EQ(filters.min_fatalities, 10);
    EXPECT_EQ(filters.actor_text, "Wagner");
    EXPECT_EQ(filters.event_types.size(), 2u);
    EXPECT_EQ(window_ok({"--min-fatalities", "3"}).filters.min_fatalities, 3);
    EXPECT_TRUE(starts_with(render_error({"--min-fatalities", "many"}), "--min-fatalities: ")) << render_error({"--min-fatalities", "many"});
    EXPECT_TRUE(starts_with(render_error({"--min-fatalities", "-1"}), "--min-fatalities: "));
    EXPECT_TRUE(starts_with(render_error({"--actor-text", ""}), "--actor-text: "));
}

TEST(CommandLineTest, NewRenderOptionsParse) {
    const RenderOptions o = render_ok({"--project", "p.json", "--save-project", "out.json", "--range",
                                       "2024-01-01:2024-03-31", "--actor", "France", "--actor", "Russia", "--kind",
                                       "meeting", "--kind", "size_change", "--country", "MLI", "--country", "NER",
                                       "--search", "Wagner group", "--hide-uncertain"});
    ASSERT_TRUE(o.project);
    EXPECT_EQ(*o.project, "p.json");
    ASSERT_TRUE(o.save_project);
    EXPECT_EQ(*o.save_project, "out.json");
    ASSERT_TRUE(o.filters.range_start && o.filters.range_end);
    EXPECT_EQ(o.filters.range_start->iso(), "2024-01-01");
    EXPECT_EQ(o.filters.range_end->iso(), "2024-03-31");
    EXPECT_FALSE(o.filters.cumulative);
    EXPECT_EQ(o.filters.actors, (std::vector<std::string>{"France", "Russia"}));
    EXPECT_EQ(o.filters.kinds, (std::vector<EventKind>{EventKind::kMeeting, EventKind::kSizeChange}));
    EXPECT_EQ(o.filters.countries, (std::vector<std::string>{"MLI", "NER"}));
    ASSERT_TRUE(o.filters.search);
    EXPECT_EQ(*o.filters.search, "Wagner group");
    EXPECT_TRUE(o.filters.hide_uncertain);
    // A one-day range is allowed; --cumulative alone too.
    EXPECT_TRUE(render_ok({"--range", "2024-01-01:2024-01-01"}).filters.range_start);
    EXPECT_TRUE(render_ok({"--cumulative", "--date", "2024-01-01"}).filters.cumulative);
}

TEST(CommandLineTest, FiltersDefaultToEverything) {
    const RenderOptions o = render_ok({});
    EXPECT_FALSE(o.project);
    EXPECT_FALSE(o.save_project);
    EXPECT_FALSE(o.filters.range_start);
    EXPECT_FALSE(o.filters.cumulative);
    EXPECT_TRUE(o.filters.actors.empty());
    EXPECT_TRUE(o.filters.kinds.empty());
    EXPECT_TRUE(o.filters.countries.empty());
    EXPECT_FALSE(o.filters.search);
    EXPECT_FALSE(o.filters.hide_uncertain);
}

TEST(CommandLineTest, GivenRecordsTheOptionsOnTheCommandLine) {
    const RenderOptions o = render_ok({"--project", "p.json", "--size", "100x50", "--no-labels", "--kind", "call"});
    EXPECT_EQ(o.given, (std::set<std::string>{"--output", "--project", "--size", "--no-labels", "--kind"}));
    EXPECT_TRUE(o.size_given);
    EXPECT_FALSE(o.projection_given);
    EXPECT_TRUE(render_ok({"--projection", "mercator"}).projection_given);
    EXPECT_EQ(render_ok({"--no-legend"}).given.count("--legend"), 1u);
    const WindowOptions w = window_ok({"--view", "world", "--window", "7"});
    EXPECT_EQ(w.given, (std::set<std::string>{"--view", "--window"}));
    EXPECT_TRUE(w.view_given && w.window_given && !w.projection_given);
}

TEST(CommandLineTest, NewRenderOptionsRejectBadValues) {
    std::string msg = render_error({"--range", "2024-02-01:2024-01-01"});
    EXPECT_TRUE(starts_with(msg, "--range: '2024-02-01:2024-01-01'")) << msg;
    EXPECT_NE(msg.find("END is before START"), std::string::npos) << msg;
    for (const char* bad : {"2024-01-01", "2024-01-01:", "2024-13-01:2024-12-01", "a:b", "2024-01-01:2024-02-30"}) {
        SCOPED_TRACE(bad);
        msg = render_error({"--range", bad});
        EXPECT_TRUE(starts_with(msg, std::string("--range: '") + bad + "'")) << msg;
    }
    msg = render_error({"--kind", "dance"});
    EXPECT_TRUE(starts_with(msg, "--kind: unknown kind 'dance'")) << msg;
    for (const char* kind : {"meeting", "call", "arrival", "departure", "handover", "size_change", "announcement"})
        EXPECT_NE(msg.find(kind), std::string::npos) << kind;
    for (const char* bad : {"mali", "ML", "MLIX", "Mli", "123", ""}) {
        SCOPED_TRACE(bad);
        msg = render_error({"--country", bad});
        EXPECT_TRUE(starts_with(msg, std::string("--country: '") + bad + "'")) << msg;
    }
    msg = render_error({"--cumulative", "--range", "2024-01-01:2024-02-01"});
    EXPECT_TRUE(starts_with(msg, "--cumulative: ")) << msg;
    EXPECT_NE(msg.find("--range"), std::string::npos) << msg;
    msg = render_error({"--window", "7", "--cumulative"});
    EXPECT_TRUE(starts_with(msg, "--cumulative: ")) << msg;
    EXPECT_NE(msg.find("--window"), std::string::npos) << msg;
    EXPECT_TRUE(starts_with(render_error({"--actor", ""}), "--actor: ")) << render_error({"--actor", ""});
    EXPECT_EQ(render_error({"--project"}), "--project: missing value");
    EXPECT_EQ(render_error({"--save-project"}), "--save-project: missing value");
    EXPECT_EQ(render_error({"--kind"}), "--kind: missing value");
}

TEST(CommandLineTest, RenderNumbersAndEnumsAreChecked) {
    struct Case {
        const char* option;
        const char* bad;
    };
    for (const Case c : {Case{"--size", "12xfoo"}, {"--samples", "abc"}, {"--window", "-3"}, {"--scale", "x"},
                         {"--dpi", "0"}, {"--dpi", "ninety"}, {"--max-tile", "big"}, {"--max-tile", "63"},
                         {"--frames", "2024-01-01:2024-02-01:often"}, {"--frames", "2024-01-01:2024-02-01:0d"},
                         {"--date", "2024-13-01"}, {"--projection", "robinson"}, {"--view", "mars"},
                         {"--base", "5m"}, {"--bbox", "1,2,3"}}) {
        SCOPED_TRACE(c.option);
        const std::string msg = render_error({c.option, c.bad});
        EXPECT_TRUE(starts_with(msg, std::string(c.option) + ": ")) << msg;
        // --frames names the part that is wrong (the step here).
        const std::string bad = std::string(c.option) == "--frames" ? std::string(c.bad).substr(22) : c.bad;
        EXPECT_NE(msg.find(bad), std::string::npos) << msg;
        EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
    }
}

TEST(CommandLineTest, RenderValidValuesLandInTheirFields) {
    const RenderOptions o = render_ok({"--dpi", "192", "--max-tile", "256", "--frames", "2024-01-01:2024-03-01:1m",
                                       "--base", "10m-220m", "--title", "T", "--subtitle", "S", "--legend", "--inset",
                                       "--no-scale-bar", "--no-attribution", "--world-file"});
    EXPECT_EQ(o.pixel_scale, 2.0f);
    EXPECT_EQ(o.max_tile, 256);
    ASSERT_TRUE(o.frames);
    EXPECT_EQ(*o.frames, "2024-01-01:2024-03-01:1m");
    EXPECT_EQ(o.base, "10m-220m");
    EXPECT_EQ(o.title, "T");
    EXPECT_EQ(o.subtitle, "S");
    ASSERT_TRUE(o.legend);
    EXPECT_TRUE(*o.legend);
    EXPECT_TRUE(o.inset);
    EXPECT_FALSE(o.scale_bar);
    EXPECT_FALSE(o.attribution);
    EXPECT_TRUE(o.world_file);
    EXPECT_FALSE(*render_ok({"--no-legend"}).legend);
    EXPECT_FALSE(render_ok({}).legend);
    // --dpi and --scale both set the scale: one at a time.
    EXPECT_TRUE(starts_with(render_error({"--dpi", "300", "--scale", "2"}), "--dpi: "));
}

TEST(CommandLineTest, WindowOptionsAreChecked) {
    struct Case {
        const char* option;
        const char* bad;
    };
    for (const Case c : {Case{"--size", "12xfoo"}, {"--samples", "abc"}, {"--samples", "17"}, {"--samples", "-1"},
                         {"--window", "-3"}, {"--window", "week"}, {"--frames", "0"}, {"--frames", "many"},
                         {"--date", "2024-13-01"}, {"--projection", "robinson"}, {"--view", "mars"},
                         {"--script", "dance"}, {"--bbox", "a,b,c,d"}, {"--kind", "dance"}, {"--country", "mali"},
                         {"--range", "2024-02-01:2024-01-01"}}) {
        SCOPED_TRACE(c.option);
        const std::string msg = window_error({c.option, c.bad});
        EXPECT_TRUE(starts_with(msg, std::string(c.option) + ": ")) << msg;
        EXPECT_NE(msg.find(c.bad), std::string::npos) << msg;
    }
    EXPECT_TRUE(starts_with(window_error({"--cumulative", "--window", "7"}), "--cumulative: "));
}

TEST(CommandLineTest, WindowValidValuesLandInTheirFields) {
    const WindowOptions o =
        window_ok({"first.shp", "--layer", "a.shp", "b.gpkg", "--layer", "c.geojson", "--samples", "0", "--size",
                   "800x600", "--window", "14", "--date", "2024-02-29", "--frames", "100", "--script", "sweep",
                   "--screenshot", "s.png", "--stats", "s.json", "--bbox", "-18,8,26,25", "--projection", "mercator",
                   "--view", "world", "--events", "e.csv", "--places", "p.csv", "--actor", "Mali",
                   "--kind", "arrival", "--country", "MLI", "--search", "x", "--hide-uncertain"});
    // Layers keep their command-line order, however they were given.
    EXPECT_EQ(o.layers, (std::vector<std::string>{"first.shp", "a.shp", "b.gpkg", "c.geojson"}));
    EXPECT_EQ(o.samples, 0);
    EXPECT_EQ(o.width, 800);
    EXPECT_EQ(o.height, 600);
    EXPECT_EQ(o.window_days, 14);
    EXPECT_EQ(*o.date, "2024-02-29");
    EXPECT_EQ(o.frames, 100);
    EXPECT_EQ(o.script, "sweep");
    EXPECT_EQ(o.screenshot, "s.png");
    EXPECT_EQ(o.stats, "s.json");
    ASSERT_TRUE(o.bbox);
    EXPECT_EQ(o.bbox->min_x, -18);
    EXPECT_EQ(o.projection, "mercator");
    EXPECT_EQ(o.view, "world");
    EXPECT_EQ(o.events, (std::vector<std::string>{"e.csv"}));
    EXPECT_EQ(o.places, "p.csv");
    EXPECT_FALSE(o.filters.cumulative);
    EXPECT_TRUE(window_ok({"--cumulative"}).filters.cumulative);
    EXPECT_EQ(o.filters.actors, (std::vector<std::string>{"Mali"}));
    EXPECT_EQ(o.filters.kinds, (std::vector<EventKind>{EventKind::kArrival}));
    EXPECT_EQ(o.filters.countries, (std::vector<std::string>{"MLI"}));
    EXPECT_TRUE(o.filters.hide_uncertain);
    EXPECT_EQ(window_ok({}).samples, 4);
    EXPECT_TRUE(window_ok({"--layer", "a.shp", "--help"}).help);
}

TEST(CommandLineTest, CheckPresenceAndInfoArguments) {
    auto check = parse_check_args({"--places", "p.csv", "a.csv", "b.geojson"});
    ASSERT_TRUE(check) << check.error().message;
    EXPECT_EQ(check->places, "p.csv");
    EXPECT_EQ(check->files, (std::vector<std::string>{"a.csv", "b.geojson"}));
    EXPECT_EQ(parse_check_args({"--places"}).error().message, "--places: missing value");
    EXPECT_TRUE(starts_with(parse_check_args({"--bogus", "a.csv"}).error().message, "--bogus: unknown option"));
    EXPECT_TRUE(starts_with(parse_check_args({}).error().message, "no file given"));
    EXPECT_TRUE(parse_check_args({"--help"})->help);

    auto presence = parse_presence_args({"--date", "2024-02-29", "--events", "e.csv", "--format", "json"});
    ASSERT_TRUE(presence) << presence.error().message;
    EXPECT_EQ(presence->date, "2024-02-29");
    EXPECT_EQ(presence->events, "e.csv");
    EXPECT_EQ(presence->format, "json");
    EXPECT_EQ(parse_presence_args({"--date", "2024-13-01"}).error().message,
              "--date: '2024-13-01' is not a real date YYYY-MM-DD");
    EXPECT_EQ(parse_presence_args({"--date", "2024-01-01", "--format", "xml"}).error().message,
              "--format: expected csv or json, got 'xml'");
    EXPECT_TRUE(starts_with(parse_presence_args({}).error().message, "--date: missing"));

    auto info = parse_info_args({"a.shp", "b.gpkg"});
    ASSERT_TRUE(info) << info.error().message;
    EXPECT_EQ(info->paths, (std::vector<std::string>{"a.shp", "b.gpkg"}));
    EXPECT_TRUE(starts_with(parse_info_args({"--bogus", "x.shp"}).error().message, "--bogus: unknown option"));
}

// Every option each command accepts appears in its --help, generated from the same definitions.
TEST(CommandLineTest, AllowNetworkIsAFlagOfEveryCommand) {
    EXPECT_FALSE(parse_render_args({"-o", "x.png"})->options.allow_network);
    EXPECT_TRUE(parse_render_args({"-o", "x.png", "--allow-network"})->options.allow_network);
    EXPECT_FALSE(parse_window_args({})->allow_network);
    EXPECT_TRUE(parse_window_args({"--allow-network"})->allow_network);
    EXPECT_TRUE(parse_check_args({"--allow-network", "a.csv"})->allow_network);
    EXPECT_FALSE(parse_check_args({"a.csv"})->allow_network);
    EXPECT_TRUE(parse_presence_args({"--date", "2024-01-01", "--allow-network"})->allow_network);
    EXPECT_TRUE(parse_info_args({"--allow-network", "a.shp"})->allow_network);
    EXPECT_EQ(parse_info_args({"--allow-network=yes", "a.shp"}).error().message, "--allow-network: takes no value");
    for (const std::string& help : {render_help(), main_help(), check_help(), presence_help(), info_help()})
        EXPECT_NE(help.find("  --allow-network"), std::string::npos) << help;
}

TEST(CommandLineTest, EveryHelpListsEveryOption) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> helps = {
        {render_help(),
         {"-o, --output PATH", "--size WxH", "--view NAME", "--bbox W,S,E,N", "--projection NAME", "--layer PATH",
          "--date YYYY-MM-DD", "--window DAYS", "--events FILE", "--places FILE", "--samples N", "--scale K",
          "--title TEXT", "--subtitle TEXT", "--legend, --no-legend", "--scale-bar, --no-scale-bar", "--inset",
          "--no-attribution", "--dpi N", "--frames S:E:STEP", "--max-tile N", "--world-file", "--base LEVEL",
          "--no-labels", "--no-graticule", "--no-cache", "--timings", "--project FILE", "--save-project FILE",
          "--range START:END", "--cumulative", "--actor PARTY", "--kind KIND", "--country ISO3", "--search TEXT",
          "--hide-uncertain", "--event-type TYPE", "--min-fatalities N", "--actor-text TEXT", "-h, --help"}},
        {main_help(),
         {"--layer PATH", "--project FILE", "--view NAME", "--projection NAME", "--size WxH", "--bbox W,S,E,N",
          "--date YYYY-MM-DD", "--window DAYS", "--events FILE", "--places FILE", "--samples N", "--no-settings",
          "--range START:END", "--cumulative", "--actor PARTY", "--kind KIND", "--country ISO3", "--search TEXT",
          "--hide-uncertain", "--frames N", "--script NAME", "--screenshot PNG", "--stats FILE", "-h, --help",
          "EVENTMAP_DATA_DIR", "eventmap render"}},
        {check_help(), {"Usage: eventmap check", "--places FILE", "FILE...", "-h, --help"}},
        {presence_help(),
         {"Usage: eventmap presence", "--date YYYY-MM-DD", "--events FILE", "--places FILE", "--format FORMAT",
          "-h, --help"}},
        {info_help(), {"Usage: eventmap info PATH...", "PATH...", "-h, --help"}},
    };
    for (const auto& [help, options] : helps) {
        for (const auto& option : options) {
            // Options and arguments are listed indented; usage lines and the like anywhere.
            const bool listed = option[0] == '-' || (option.back() == '.' && option.find(' ') == std::string::npos);
            EXPECT_NE(help.find((listed ? "  " : "") + option), std::string::npos) << option << "\n" << help;
        }
    }
    // The descriptions came along.
    EXPECT_NE(render_help().find("multisample anti-aliasing"), std::string::npos);
    EXPECT_NE(render_help().find("(EGL on Mesa's surfaceless platform)"), std::string::npos);
}

// ---- Through the real binary ------------------------------------------------------------------------------------

using test::BinaryRun;
using test::lines_of;

using test::quoted;

// Runs in a temporary folder of the current test's own (ctest -j runs these tests at the same time), or `folder`.
BinaryRun eventmap(const std::string& args, const std::string& folder = "") {
    return test::run_eventmap(
        folder.empty() ? "command-line-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name())
                       : folder,
        args);
}

// Issue 20: what a file names off this machine is not opened without --allow-network; one line says so.
TEST(CommandLineBinaryTest, InfoOpensAVrtsRemoteSourceOnlyWithAllowNetwork) {
    test::LocalServer server(true);
    const fs::path dir = test::temp_dir("command-line-network");
    const fs::path vrt = dir / "remote.vrt";
    std::ofstream(vrt) << "<OGRVRTDataSource><OGRVRTLayer name=\"remote\"><SrcDataSource>/vsicurl/" +
                              server.url("/remote.geojson") +
                              "</SrcDataSource><SrcLayer>remote</SrcLayer></OGRVRTLayer></OGRVRTDataSource>";
    ::setenv("NO_PROXY", "127.0.0.1", 1);  // inherited by eventmap: never a proxy for the local server
    ::setenv("no_proxy", "127.0.0.1", 1);
    BinaryRun refused = eventmap("info " + quoted(vrt.string()));
    EXPECT_EQ(refused.status, 1);
    EXPECT_EQ(lines_of(refused.err).size(), 1u) << refused.err;
    EXPECT_NE(refused.err.find("not opened: it points at 127.0.0.1:" + std::to_string(server.port()) +
                               "/remote.geojson"),
              std::string::npos)
        << refused.err;
    EXPECT_EQ(server.requests(), 0);
    // Naming the remote file itself on the command line is the user's own choice.
    BinaryRun named = eventmap("info /vsicurl/" + server.url("/named.geojson"));
    EXPECT_EQ(named.status, 0) << named.err;
    const int after_named = server.requests();
    EXPECT_GE(after_named, 1);
    BinaryRun allowed = eventmap("info --allow-network " + quoted(vrt.string()));
    EXPECT_EQ(allowed.status, 0) << allowed.err;
    EXPECT_GT(server.requests(), after_named);
    std::cout << "requests: named " << after_named << ", with --allow-network " << server.requests() - after_named
              << "\n";
}

// The render of a project whose layers point at an HTTP server, a database and S3: nothing reached, one warning line
// each, the rest of the map drawn; --allow-network: the requests are made. A layer named with --layer is fetched.
TEST(CommandLineBinaryTest, RenderProjectReachesNothingWithoutAllowNetwork) {
    test::LocalServer server(true);
    test::LocalServer database(false);
    ::setenv("NO_PROXY", "127.0.0.1", 1);
    ::setenv("no_proxy", "127.0.0.1", 1);
    const fs::path dir = test::temp_dir("command-line-render-network");
    const std::string pg = "PG:host=127.0.0.1 port=" + std::to_string(database.port()) + " dbname=news";
    std::ofstream(dir / "p.json") << R"({"version": 2, "layers": [{"path": "/vsicurl/)" + server.url("/sahel.geojson") +
                                         R"("}, {"path": ")" + pg + R"("}, {"path": "/vsis3/bucket/x.geojson"}]})";
    const std::string project = quoted((dir / "p.json").string());
    const std::string out = quoted((dir / "out.png").string());
    BinaryRun refused = eventmap("render --size 200x120 --project " + project + " -o " + out);
    EXPECT_EQ(refused.status, 0) << refused.err;
    EXPECT_TRUE(fs::exists(dir / "out.png"));
    EXPECT_EQ(lines_of(refused.err).size(), 3u) << refused.err;
    for (const std::string& what : {"127.0.0.1:" + std::to_string(server.port()) + "/sahel.geojson",
                                    std::string("PG: 127.0.0.1:") + std::to_string(database.port()) + "/news",
                                    std::string("s3: bucket/x.geojson")})
        EXPECT_NE(refused.err.find("not opened: it leads off this machine (" + what + ")"), std::string::npos)
            << what << "\n" << refused.err;
    EXPECT_EQ(server.requests(), 0);
    EXPECT_EQ(database.connections(), 0);

    BinaryRun named = eventmap("render --size 200x120 -o " + out + " --layer /vsicurl/" + server.url("/sahel.geojson"));
    EXPECT_EQ(named.status, 0) << named.err;
    const int after_named = server.requests();
    EXPECT_GE(after_named, 1);

    fs::remove(dir / "out.png");
    std::ofstream(dir / "p.json") << R"({"version": 2, "layers": [{"path": "/vsicurl/)" + server.url("/sahel.geojson") +
                                         R"("}]})";
    BinaryRun allowed = eventmap("render --allow-network --size 200x120 --project " + project + " -o " + out);
    EXPECT_EQ(allowed.status, 0) << allowed.err;
    EXPECT_GT(server.requests(), after_named);
    std::cout << "render requests: --layer " << after_named << ", project with --allow-network "
              << server.requests() - after_named << "\n";
}

// A word where a number belongs, for every numeric option of every command: exit 2 and one line on stderr,
// "eventmap COMMAND: --option: 'value' ...". (The window's fail before any window opens.)
TEST(CommandLineBinaryTest, EveryNumericOptionRejectsAWordWithOneLineAndExit2) {
    struct Case {
        std::string prefix, args, option, value;
    };
    const std::vector<Case> cases = {
        {"eventmap render", "render -o x.png --size 12xfoo", "--size", "12xfoo"},
        {"eventmap render", "render -o x.png --samples abc", "--samples", "abc"},
        {"eventmap render", "render -o x.png --window -3", "--window", "-3"},
        {"eventmap render", "render -o x.png --scale x", "--scale", "x"},
        {"eventmap render", "render -o x.png --dpi 0", "--dpi", "0"},
        {"eventmap render", "render -o x.png --max-tile huge", "--max-tile", "huge"},
        {"eventmap render", "render -o x.png --frames 2024-01-01:2024-02-01:xd", "--frames", "xd"},
        {"eventmap render", "render -o x.png --date 2024-13-01", "--date", "2024-13-01"},
        {"eventmap render", "render -o x.png --range 2024-02-01:2024-01-01", "--range", "2024-02-01:2024-01-01"},
        {"eventmap render", "render -o x.png --kind dance", "--kind", "dance"},
        {"eventmap render", "render -o x.png --country mali", "--country", "mali"},
        {"eventmap render", "render -o x.png --projection robinson", "--projection", "robinson"},
        {"eventmap render", "render -o x.png --base 5m", "--base", "5m"},
        {"eventmap", "--size 12xfoo", "--size", "12xfoo"},
        {"eventmap", "--samples abc", "--samples", "abc"},
        {"eventmap", "--window week", "--window", "week"},
        {"eventmap", "--frames many", "--frames", "many"},
        {"eventmap", "--date 2024-13-01", "--date", "2024-13-01"},
        {"eventmap", "--view mars", "--view", "mars"},
        {"eventmap presence", "presence --date 2024-13-01", "--date", "2024-13-01"},
        {"eventmap presence", "presence --date 2024-01-01 --format xml", "--format", "xml"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.args);
        const BinaryRun r = eventmap(c.args);
        EXPECT_EQ(r.status, 2) << r.err;
        EXPECT_TRUE(r.out.empty()) << r.out;
        const auto lines = lines_of(r.err);
        ASSERT_EQ(lines.size(), 1u) << r.err;
        EXPECT_TRUE(starts_with(lines[0], c.prefix + ": " + c.option + ": ")) << lines[0];
        EXPECT_NE(lines[0].find(c.value), std::string::npos) << lines[0];
    }
}

TEST(CommandLineBinaryTest, UnknownOptionsAndMissingValuesAreOneLineExit2) {
    for (const auto& [args, expected] : std::vector<std::pair<std::string, std::string>>{
             {"render -o x.png --frobnicate", "eventmap render: --frobnicate: unknown option"},
             {"render -o x.png --samples", "eventmap render: --samples: missing value"},
             {"--frobnicate", "eventmap: --frobnicate: unknown option"},
             {"check --frobnicate a.csv", "eventmap check: --frobnicate: unknown option"},
             {"presence --date 2024-01-01 --frobnicate", "eventmap presence: --frobnicate: unknown option"},
             {"info --frobnicate a.shp", "eventmap info: --frobnicate: unknown option"},
             {"check --places", "eventmap check: --places: missing value"},
             {"render -o x.png --inset=no", "eventmap render: --inset: takes no value"}}) {
        SCOPED_TRACE(args);
        const BinaryRun r = eventmap(args);
        EXPECT_EQ(r.status, 2);
        const auto lines = lines_of(r.err);
        ASSERT_EQ(lines.size(), 1u) << r.err;
        EXPECT_TRUE(starts_with(lines[0], expected)) << lines[0];
    }
}

TEST(CommandLineBinaryTest, EveryCommandHasHelp) {
    for (const auto& [args, usage] : std::vector<std::pair<std::string, std::string>>{
             {"--help", "eventmap - a map"},
             {"render --help", "Usage: eventmap render"},
             {"check --help", "Usage: eventmap check"},
             {"presence --help", "Usage: eventmap presence"},
             {"info --help", "Usage: eventmap info"},
             {"--layer a.shp --help", "eventmap - a map"}}) {
        SCOPED_TRACE(args);
        const BinaryRun r = eventmap(args);
        EXPECT_EQ(r.status, 0) << r.err;
        EXPECT_TRUE(r.err.empty()) << r.err;
        EXPECT_TRUE(starts_with(r.out, usage)) << r.out;
    }
}

}  // namespace
}  // namespace em

namespace em {
namespace {

// Clips (issue 15): the animation options, what a clip needs and what only a clip takes.
Result<ParsedRender> parse_clip(std::vector<std::string> args) { return parse_render_args(args); }

TEST(CommandLineTest, AnimationOptionsParseAndPresetsSetTheSize) {
    auto p = parse_clip({"-o", "c.mp4", "--frames", "2024-07-15:2024-09-15:1d", "--fps", "24", "--duration", "12.5",
                         "--hold", "1"});
    ASSERT_TRUE(p) << p.error().message;
    EXPECT_EQ(p->options.fps, 24);
    EXPECT_DOUBLE_EQ(*p->options.duration, 12.5);
    EXPECT_DOUBLE_EQ(p->options.hold, 1.0);
    auto vertical = parse_clip({"-o", "c.gif", "--frames", "2024-07-15:2024-09-15:1d", "--preset", "vertical"});
    ASSERT_TRUE(vertical) << vertical.error().message;
    EXPECT_EQ(vertical->options.width, 1080);
    EXPECT_EQ(vertical->options.height, 1920);
    EXPECT_DOUBLE_EQ(*vertical->options.duration, 15.0);  // the preset's default
    auto with_fps = parse_clip({"-o", "c.webm", "--frames", "2024-07-15:2024-09-15:1d", "--preset", "720p", "--fps", "10"});
    ASSERT_TRUE(with_fps) << with_fps.error().message;
    EXPECT_FALSE(with_fps->options.duration);  // --fps alone: one frame per step
    EXPECT_EQ(with_fps->options.width, 1280);
}

TEST(CommandLineTest, AnimationMistakesAreOneLineNamingTheOption) {
    struct Case {
        std::vector<std::string> args;
        const char* starts;
    };
    for (const Case& c : {
             Case{{"-o", "c.avi", "--frames", "2024-07-15:2024-09-15:1d"},
                  "--output: c.avi: unknown animation format '.avi'; supported: .mp4 (H.264), .webm (VP9), .gif"},
             Case{{"-o", "c.mkv", "--fps", "10"}, "--output: c.mkv: unknown animation format '.mkv'"},
             Case{{"-o", "c.mp4", "--date", "2024-07-15"}, "--frames: required for an animation"},
             Case{{"-o", "c.png", "--frames", "2024-07-15:2024-09-15:1d", "--fps", "10"}, "--fps: only for an animation"},
             Case{{"-o", "c.mp4", "--frames", "2024-07-15:2024-09-15:1d", "--world-file"}, "--world-file: not with"},
             Case{{"-o", "c.mp4", "--frames", "2024-07-15:2024-09-15:1d", "--preset", "square", "--size", "10x10"},
                  "--preset: not with --size"},
             Case{{"-o", "c.mp4", "--frames", "2024-07-15:2024-09-15:1d", "--preset", "4k"}, "--preset: '4k' is not one of"},
             Case{{"-o", "c.mp4", "--frames", "2024-07-15:2024-09-15:1d", "--fps", "0"}, "--fps: '0' is not"},
             Case{{"-o", "c.mp4", "--frames", "2024-07-15:2024-09-15:1d", "--duration", "0"}, "--duration: '0' is not"},
             Case{{"-o", "c.mp4", "--frames", "2024-07-15:2024-09-15:0w"}, "--frames: step '0w' is zero"},
         }) {
        auto p = parse_clip(c.args);
        ASSERT_FALSE(p) << ::testing::PrintToString(c.args);
        EXPECT_EQ(p.error().message.rfind(c.starts, 0), 0u) << p.error().message;
        EXPECT_EQ(p.error().message.find('\n'), std::string::npos);
    }
}

}  // namespace
}  // namespace em
