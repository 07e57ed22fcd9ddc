#include "app/cli/render_options.hpp"
#include "app/cli/vector_output.hpp"
#include "app/window/window_app.hpp"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

namespace em {
namespace {

using Args = std::vector<std::string>;

ParsedRender parse_ok(const Args& args) {
    auto parsed = parse_render_args(args);
    EXPECT_TRUE(parsed) << (parsed ? "" : parsed.error().message);
    return parsed ? parsed.value() : ParsedRender{};
}

std::string parse_error(const Args& args) {
    auto parsed = parse_render_args(args);
    EXPECT_FALSE(parsed) << "accepted: " << ::testing::PrintToString(args);
    return parsed ? std::string() : parsed.error().message;
}

// The error message starts with the option it is about.
#define EXPECT_ERROR_NAMES(args, option)                                            \
    do {                                                                           \
        const std::string msg_ = parse_error(args);                                \
        EXPECT_EQ(msg_.rfind(std::string(option) + ": ", 0), 0u) << msg_;          \
    } while (0)

TEST(RenderOptionsTest, DefaultsWithOnlyOutput) {
    const ParsedRender p = parse_ok({"-o", "map.png"});
    EXPECT_FALSE(p.help);
    const RenderOptions& o = p.options;
    EXPECT_EQ(o.output, "map.png");
    EXPECT_EQ(o.width, 1920);
    EXPECT_EQ(o.height, 1080);
    EXPECT_FALSE(o.size_given);
    EXPECT_EQ(o.view, "sahel-moscow");
    EXPECT_FALSE(o.bbox);
    EXPECT_EQ(o.projection, "laea");
    EXPECT_FALSE(o.projection_given);
    EXPECT_TRUE(o.layers.empty());
    EXPECT_EQ(o.samples, 0);  // shader anti-aliasing; MSAA on request
    EXPECT_EQ(o.pixel_scale, 1.0f);
    EXPECT_TRUE(o.labels);
    EXPECT_TRUE(o.graticule);
    EXPECT_FALSE(o.timings);
    EXPECT_TRUE(o.use_cache);
}

TEST(RenderOptionsTest, EveryOptionIsParsed) {
    const ParsedRender p = parse_ok({"--output", "out/x.png", "--size", "800x600", "--view", "moscow", "--bbox",
                                     "-18,8,26,25", "--projection", "mercator", "--layer", "a.shp", "--layer",
                                     "b.geojson", "--samples", "4", "--scale", "2.5", "--no-labels", "--no-graticule",
                                     "--no-cache", "--timings"});
    const RenderOptions& o = p.options;
    EXPECT_FALSE(p.help);
    EXPECT_EQ(o.output, "out/x.png");
    EXPECT_EQ(o.width, 800);
    EXPECT_EQ(o.height, 600);
    EXPECT_TRUE(o.size_given);
    EXPECT_EQ(o.view, "moscow");
    ASSERT_TRUE(o.bbox);
    EXPECT_EQ(o.bbox->min_x, -18);
    EXPECT_EQ(o.bbox->min_y, 8);
    EXPECT_EQ(o.bbox->max_x, 26);
    EXPECT_EQ(o.bbox->max_y, 25);
    EXPECT_EQ(o.projection, "mercator");
    EXPECT_TRUE(o.projection_given);
    EXPECT_EQ(o.layers, (std::vector<std::string>{"a.shp", "b.geojson"}));
    EXPECT_EQ(o.samples, 4);
    EXPECT_EQ(o.pixel_scale, 2.5f);
    EXPECT_FALSE(o.labels);
    EXPECT_FALSE(o.graticule);
    EXPECT_FALSE(o.use_cache);
    EXPECT_TRUE(o.timings);
}

TEST(RenderOptionsTest, EventOptionsAreParsed) {
    const auto plain = parse_ok({"-o", "a.png"}).options;
    EXPECT_FALSE(plain.date);
    EXPECT_EQ(plain.window_days, 30);
    EXPECT_TRUE(plain.events.empty());
    const auto o = parse_ok({"-o", "a.png", "--date", "2024-02-29", "--window", "0", "--events", "a.csv", "--events",
                             "b.geojson", "--places", "p.csv"})
                       .options;
    ASSERT_TRUE(o.date);
    EXPECT_EQ(*o.date, "2024-02-29");
    EXPECT_EQ(o.window_days, 0);
    EXPECT_EQ(o.events, (std::vector<std::string>{"a.csv", "b.geojson"}));
    EXPECT_EQ(o.places, "p.csv");
}

TEST(RenderOptionsTest, BadDateOrWindowIsAnErrorNamingTheOption) {
    for (const char* bad : {"2023-02-29", "2024-13-01", "2024-1-1", "yesterday", ""}) {
        SCOPED_TRACE(bad);
        EXPECT_ERROR_NAMES((Args{"-o", "a.png", "--date", bad}), "--date");
    }
    for (const char* bad : {"-1", "100001", "week", "1.5"}) {
        SCOPED_TRACE(bad);
        EXPECT_ERROR_NAMES((Args{"-o", "a.png", "--window", bad}), "--window");
    }
}

TEST(RenderOptionsTest, HelpNeedsNoOutput) {
    EXPECT_TRUE(parse_ok({"--help"}).help);
    EXPECT_TRUE(parse_ok({"-h"}).help);
    EXPECT_TRUE(parse_ok({"--size", "10x10", "-h"}).help);
}

TEST(RenderOptionsTest, SizeAcceptsUpperCaseXAndTheLimit) {
    EXPECT_EQ(parse_ok({"-o", "a.png", "--size", "64X32"}).options.width, 64);
    const auto big = parse_ok({"-o", "a.png", "--size", "16384x1"}).options;
    EXPECT_EQ(big.width, 16384);
    EXPECT_EQ(big.height, 1);
}

TEST(RenderOptionsTest, BboxWithoutProjectionMeansEquirectangular) {
    EXPECT_EQ(parse_ok({"-o", "a.png", "--bbox", "0,0,10,10"}).options.projection, "equirect");
    // An explicit projection wins, whatever the order.
    EXPECT_EQ(parse_ok({"-o", "a.png", "--projection", "laea", "--bbox", "0,0,10,10"}).options.projection, "laea");
}

TEST(RenderOptionsTest, LaterOptionsOverrideEarlierOnes) {
    const auto o = parse_ok({"-o", "a.png", "-o", "b.png", "--view", "sahel", "--view", "world"}).options;
    EXPECT_EQ(o.output, "b.png");
    EXPECT_EQ(o.view, "world");
}

TEST(RenderOptionsTest, ViewAcceptsItsUiLabelToo) {
    EXPECT_EQ(parse_ok({"-o", "a.png", "--view", "Central Africa"}).options.view, "Central Africa");
}

TEST(RenderOptionsTest, MissingOutputIsAnErrorNamingOutput) {
    const std::string msg = parse_error({"--size", "64x64"});
    EXPECT_EQ(msg.rfind("--output: ", 0), 0u) << msg;
    EXPECT_NE(msg.find("-o"), std::string::npos) << msg;
    EXPECT_ERROR_NAMES((Args{}), "--output");
}

TEST(RenderOptionsTest, MissingValueIsAnErrorNamingTheOption) {
    for (const char* option : {"--size", "--view", "--bbox", "--projection", "--layer", "--samples", "--scale",
                               "--date", "--window", "--events", "--places"}) {
        EXPECT_EQ(parse_error({"-o", "a.png", option}), std::string(option) + ": missing value");
    }
    EXPECT_EQ(parse_error({"-o"}), "--output: missing value");
    EXPECT_EQ(parse_error({"--output"}), "--output: missing value");
}

TEST(RenderOptionsTest, BadSizeIsAnErrorNamingSize) {
    for (const char* bad : {"0x5", "5x0", "-5x5", "64", "64x", "x64", "64x64x", "axb", "64 x 64", "+64x64", "1.5x2",
                            "99999999999x1", "16385x10", "10x16385"}) {
        SCOPED_TRACE(bad);
        EXPECT_ERROR_NAMES((Args{"-o", "a.png", "--size", bad}), "--size");
    }
}

TEST(RenderOptionsTest, UnknownViewIsAnErrorListingTheKnownOnes) {
    const std::string msg = parse_error({"-o", "a.png", "--view", "mars"});
    EXPECT_EQ(msg.rfind("--view: unknown view 'mars'", 0), 0u) << msg;
    for (const char* key : {"sahel-moscow", "sahel", "central-africa", "moscow", "world"})
        EXPECT_NE(msg.find(key), std::string::npos) << key;
}

TEST(RenderOptionsTest, BadBboxIsAnErrorNamingBbox) {
    for (const char* bad : {"1,2,3", "10,0,0,10", "0,10,10,0", "-181,0,0,10", "0,-91,10,0", "0,0,181,10", "a,b,c,d",
                            "0,0,10,10,5", "", "nan,0,10,10"}) {
        SCOPED_TRACE(bad);
        EXPECT_ERROR_NAMES((Args{"-o", "a.png", "--bbox", bad}), "--bbox");
    }
}

TEST(RenderOptionsTest, UnknownProjectionIsAnErrorListingTheKnownOnes) {
    const std::string msg = parse_error({"-o", "a.png", "--projection", "robinson"});
    EXPECT_EQ(msg.rfind("--projection: unknown projection 'robinson'", 0), 0u) << msg;
    for (const char* name : {"equirect", "mercator", "laea"}) EXPECT_NE(msg.find(name), std::string::npos) << name;
}

TEST(RenderOptionsTest, BadSamplesAndScaleAreErrorsNamingThem) {
    for (const char* bad : {"-1", "17", "four", "2.5", ""}) {
        SCOPED_TRACE(bad);
        EXPECT_ERROR_NAMES((Args{"-o", "a.png", "--samples", bad}), "--samples");
    }
    for (const char* bad : {"0", "0.1", "16.5", "-2", "two", "nan", "inf", "2x"}) {
        SCOPED_TRACE(bad);
        EXPECT_ERROR_NAMES((Args{"-o", "a.png", "--scale", bad}), "--scale");
    }
    EXPECT_EQ(parse_ok({"-o", "a.png", "--samples", "16", "--scale", "16"}).options.samples, 16);
}

TEST(RenderOptionsTest, UnknownOptionIsAnErrorNamingIt) {
    EXPECT_ERROR_NAMES((Args{"-o", "a.png", "--colour"}), "--colour");
    EXPECT_ERROR_NAMES((Args{"-o", "a.png", "extra.png"}), "extra.png");
    EXPECT_ERROR_NAMES((Args{"-x"}), "-x");
    // Checked before the missing output.
    EXPECT_ERROR_NAMES((Args{"--bogus"}), "--bogus");
}

// Every option the help shows is accepted, and every option accepted is in the help.
// --paper sets the picture's pixels from the paper, orientation and margin at --dpi (300 by default), and is for
// PDFs only; the page options without --paper, or beside --size, are errors naming the option.
TEST(RenderOptionsTest, PaperGivesThePictureSize) {
    auto a4 = parse_render_args(Args{"-o", "m.pdf", "--paper", "a4", "--dpi", "150"});
    ASSERT_TRUE(a4) << a4.error().message;
    EXPECT_EQ(a4->options.width, 1636);  // (297 - 2 x 10) mm at 150 dpi, landscape by default
    EXPECT_EQ(a4->options.height, 1122);  // (210 - 2 x 10) mm
    EXPECT_FLOAT_EQ(a4->options.pixel_scale, 150.0f / 96.0f);
    auto portrait = parse_render_args(Args{"-o", "m.pdf", "--paper", "a3", "--orientation", "portrait", "--margin", "0"});
    ASSERT_TRUE(portrait) << portrait.error().message;
    EXPECT_EQ(portrait->options.width, 3508);  // 297 mm at the default 300 dpi
    EXPECT_EQ(portrait->options.height, 4961);  // 420 mm
    EXPECT_FLOAT_EQ(portrait->options.pixel_scale, 300.0f / 96.0f);
    for (const Args& bad : {Args{"-o", "m.svg", "--paper", "a4"}, Args{"-o", "m.pdf", "--paper", "a4", "--size", "10x10"},
                            Args{"-o", "m.pdf", "--orientation", "portrait"}, Args{"-o", "m.pdf", "--margin", "5"},
                            Args{"-o", "m.pdf", "--paper", "a5"}, Args{"-o", "m.pdf", "--paper", "a4", "--margin", "200"}}) {
        auto r = parse_render_args(bad);
        ASSERT_FALSE(r) << bad[2];
        EXPECT_EQ(r.error().message.find('\n'), std::string::npos) << r.error().message;
        EXPECT_NE(r.error().message.find("--"), std::string::npos) << r.error().message;
    }
}

// --size WxHpt (issue 16): a PDF page of any size in points, laid out as --paper is (inside --margin, at --dpi,
// 300 by default); the page is kept in points as given (pdf_page_for), not rounded through millimetres.
TEST(RenderOptionsTest, SizeInPointsIsAPdfPage) {
    auto a4 = parse_render_args(Args{"-o", "m.pdf", "--size", "595x842pt"});
    ASSERT_TRUE(a4) << a4.error().message;
    ASSERT_TRUE(a4->options.page_pt);
    EXPECT_DOUBLE_EQ(a4->options.page_pt->first, 595.0);
    EXPECT_DOUBLE_EQ(a4->options.page_pt->second, 842.0);
    EXPECT_FLOAT_EQ(a4->options.pixel_scale, 300.0f / 96.0f);
    EXPECT_EQ(a4->options.width, 2243);   // (595 pt = 209.9 mm) - 2 x 10 mm at 300 dpi
    EXPECT_EQ(a4->options.height, 3272);  // (842 pt = 297.0 mm) - 2 x 10 mm
    Project doc;
    doc.output.width = a4->options.width;
    doc.output.height = a4->options.height;
    doc.output.pixel_scale = a4->options.pixel_scale;
    const PdfPage page = pdf_page_for(a4->options, doc);
    EXPECT_DOUBLE_EQ(page.width_pt, 595.0);
    EXPECT_DOUBLE_EQ(page.height_pt, 842.0);
    EXPECT_NEAR(page.x_pt, (595.0 - 2243 * 72.0 / 300) / 2, 1e-9);  // centred
    EXPECT_NEAR(page.pt_per_px, 72.0 / 300, 1e-6);

    auto banner = parse_render_args(Args{"-o", "m.pdf", "--size", "1000X250pt", "--margin", "0", "--dpi", "72"});
    ASSERT_TRUE(banner) << banner.error().message;
    EXPECT_EQ(banner->options.width, 1000);  // points are pixels at 72 dpi
    EXPECT_EQ(banner->options.height, 250);

    for (const Args& bad : {Args{"-o", "m.png", "--size", "595x842pt"}, Args{"-o", "m.svg", "--size", "595x842pt"},
                            Args{"-o", "m.pdf", "--size", "595x842pt", "--paper", "a4"},
                            Args{"-o", "m.pdf", "--size", "595x842pt", "--orientation", "portrait"},
                            Args{"-o", "m.pdf", "--size", "10x842pt"}, Args{"-o", "m.pdf", "--size", "20000x842pt"},
                            Args{"-o", "m.pdf", "--size", "axbpt"}, Args{"-o", "m.pdf", "--size", "595pt"},
                            Args{"-o", "m.pdf", "--size", "14400x14400pt"},  // 60000 px at 300 dpi
                            Args{"-o", "m.mp4", "--frames", "2024-01-01:2024-02-01:1w", "--size", "595x842pt"}}) {
        auto r = parse_render_args(bad);
        ASSERT_FALSE(r) << bad[3];
        EXPECT_EQ(r.error().message.find('\n'), std::string::npos) << r.error().message;
        EXPECT_NE(r.error().message.find("--"), std::string::npos) << r.error().message;
    }
    // The window's --size is pixels only.
    EXPECT_FALSE(parse_window_args(Args{"--size", "595x842pt"}));
}

TEST(RenderOptionsTest, HelpDocumentsExactlyTheAcceptedOptions) {
    const std::string help = render_help();
    std::set<std::string> documented;
    const std::regex option_re(R"((^|[\s,])(--?[a-z][a-z-]*))");
    for (std::sregex_iterator it(help.begin(), help.end(), option_re), end; it != end; ++it) documented.insert((*it)[2]);
    // Update this list (and the help) when adding an option.
    const std::set<std::string> accepted = {"-o",        "--output",    "--size",   "--view",      "--bbox",
                                            "--projection", "--layer",  "--date",   "--window",    "--events",
                                            "--places",  "--samples",   "--scale",  "--no-labels", "--no-graticule",
                                            "--no-cache", "--timings",  "-h",       "--help",
                                            "--title",   "--subtitle",  "--legend", "--no-legend", "--scale-bar",
                                            "--no-scale-bar", "--inset", "--no-attribution", "--dpi", "--frames",
                                            "--world-file", "--base",   "--max-tile",
                                            "--project", "--save-project", "--range", "--cumulative", "--actor",
                                            "--kind", "--country", "--search", "--hide-uncertain",
                                            "--allow-network", "--fps", "--duration", "--hold", "--preset",
                                            "--paper", "--orientation", "--margin",
                                            "--event-type", "--min-fatalities", "--actor-text", "--theme"};
    EXPECT_EQ(documented, accepted);
    const std::map<std::string, std::string> example_value = {
        {"-o", "a.png"},         {"--output", "a.png"},     {"--size", "10x10"},     {"--view", "world"},
        {"--bbox", "0,0,1,1"},   {"--projection", "laea"},  {"--layer", "x.shp"},    {"--samples", "2"},
        {"--scale", "2"},        {"--date", "2024-01-31"},  {"--window", "7"},       {"--events", "e.csv"},
        {"--places", "p.csv"},   {"--title", "T"},          {"--subtitle", "S"},     {"--dpi", "300"},
        {"--frames", "2024-01-01:2024-02-01:1w"}, {"--base", "50m"}, {"--max-tile", "256"},
        {"--project", "p.json"}, {"--save-project", "q.json"}, {"--range", "2024-01-01:2024-02-01"},
        {"--actor", "France"},   {"--kind", "call"},        {"--country", "MLI"},    {"--search", "Wagner"},
        {"--fps", "24"},         {"--duration", "10"},      {"--hold", "1"},         {"--preset", "square"},
        {"--paper", "a4"},       {"--orientation", "portrait"}, {"--margin", "5"},
        {"--event-type", "Battles"}, {"--min-fatalities", "5"}, {"--actor-text", "Wagner"},
        {"--theme", "dark"}};
    const std::set<std::string> clip_only = {"--fps", "--duration", "--hold"};
    for (const auto& option : documented) {
        // The page options are for a PDF, and --orientation and --margin need --paper.
        const bool page = option == "--paper" || option == "--orientation" || option == "--margin";
        Args args{"-o", page ? "a.pdf" : "a.png", option};
        if (clip_only.count(option)) args = {"-o", "a.mp4", "--frames", "2024-01-01:2024-02-01:1w", option};
        if (auto v = example_value.find(option); v != example_value.end()) args.push_back(v->second);
        if (page && option != "--paper") args.insert(args.end(), {"--paper", "a4"});
        EXPECT_TRUE(parse_render_args(args)) << option;
    }
}

TEST(RenderOptionsTest, MainHelpMentionsRenderAndItsHelp) {
    const std::string help = main_help();
    EXPECT_NE(help.find("eventmap render"), std::string::npos);
    EXPECT_NE(help.find("render --help"), std::string::npos);
    EXPECT_NE(help.find("EVENTMAP_DATA_DIR"), std::string::npos);
}

}  // namespace
}  // namespace em
