// `eventmap info`, run as the real binary through the shell, and its report function.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli/info_command.hpp"
#include "geo/vector_loader.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

using test::quoted;

struct InfoRun {
    int status = -1;
    std::string out, err;
};

// Runs `eventmap ARGS` from the source folder, stdout and stderr apart.
InfoRun eventmap(const std::string& args) {
    // One folder per test: ctest may run the tests at the same time.
    const auto dir = test::temp_dir(std::string("info-") +
                                    ::testing::UnitTest::GetInstance()->current_test_info()->name());
    InfoRun r;
    std::string ignored;
    // In a subshell: run_command adds 2>&1 to the whole line.
    r.status = test::run_command("(cd " + quoted(test::source_dir().string()) + " && " +
                                     quoted(test::eventmap_binary().string()) + " " + args + " >" +
                                     quoted((dir / "out").string()) + " 2>" + quoted((dir / "err").string()) + ")",
                                 &ignored);
    auto slurp = [](const std::filesystem::path& p) {
        std::ifstream in(p);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    };
    r.out = slurp(dir / "out");
    r.err = slurp(dir / "err");
    return r;
}

using test::lines_of;

bool has_line(const std::string& text, const std::string& line) {
    for (const auto& l : lines_of(text))
        if (l == line) return true;
    return false;
}

// The four numbers of the "extent:" line.
std::vector<double> extent_of(const std::string& text) {
    const std::regex re(R"(^  extent:    lon (\S+) \.\. (\S+), lat (\S+) \.\. (\S+) \(WGS84\)$)");
    for (const auto& l : lines_of(text)) {
        std::smatch m;
        if (std::regex_match(l, m, re))
            return {std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])};
    }
    return {};
}

TEST(InfoCommand, NaturalEarth110mCountries) {
    const InfoRun r = eventmap("info data/naturalearth/ne_110m_admin0_countries.shp");
    EXPECT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_TRUE(has_line(r.out, "data/naturalearth/ne_110m_admin0_countries.shp: 1 layer")) << r.out;
    EXPECT_TRUE(has_line(r.out, "layer 1: ne_110m_admin0_countries")) << r.out;
    EXPECT_TRUE(has_line(r.out, "  geometry:  polygon")) << r.out;
    EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(\n  features:  177 \([0-9,]+ parts, [0-9,]+ vertices\)\n)")))
        << r.out;
    EXPECT_TRUE(has_line(r.out, "  CRS:       EPSG:4326")) << r.out;
    EXPECT_TRUE(has_line(r.out, "  fields:    3, first non-empty values:")) << r.out;
    EXPECT_TRUE(has_line(r.out, "    id      242")) << r.out;
    EXPECT_TRUE(has_line(r.out, "    iso_a3  FJI")) << r.out;
    EXPECT_TRUE(has_line(r.out, "    name    Fiji")) << r.out;
    EXPECT_TRUE(has_line(r.out, "  warnings:  none")) << r.out;
    const auto e = extent_of(r.out);
    ASSERT_EQ(e.size(), 4u) << r.out;
    EXPECT_DOUBLE_EQ(e[0], -180.0);
    EXPECT_DOUBLE_EQ(e[1], 180.0);
    EXPECT_NEAR(e[2], -85.609038, 1e-6);
    EXPECT_NEAR(e[3], 83.645130, 1e-6);
}

TEST(InfoCommand, MissingFileExitsOneNamingTheFile) {
    const InfoRun r = eventmap("info data/no_such_layer.shp");
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "eventmap info: data/no_such_layer.shp: no such file\n");
}

TEST(InfoCommand, UnreadableFileExitsOneWithOneLine) {
    const std::string file = test::fixture("bad/not_a_shapefile.shp");
    const InfoRun r = eventmap("info " + quoted(file));
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
    EXPECT_NE(r.err.find(file), std::string::npos) << r.err;
}

// UTM zone 30N in metres; the extent is given in lon/lat after transformation (the fixture's source is lon -8..2,
// lat 0..25, see tools/make_test_fixtures.sh).
TEST(InfoCommand, ProjectedFixtureShowsLonLatExtent) {
    const std::string file = test::fixture("polygons_32630.shp");
    const InfoRun r = eventmap("info " + quoted(file));
    EXPECT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_TRUE(has_line(r.out, "  CRS:       EPSG:32630")) << r.out;
    EXPECT_TRUE(has_line(r.out, "    name   square_with_hole")) << r.out;
    const auto e = extent_of(r.out);
    ASSERT_EQ(e.size(), 4u) << r.out;
    EXPECT_NEAR(e[0], -8.0, 1e-5);
    EXPECT_NEAR(e[1], 2.0, 1e-5);
    EXPECT_NEAR(e[2], 0.0, 1e-5);
    EXPECT_NEAR(e[3], 25.0, 1e-5);
}

TEST(InfoCommand, WarningsAreListed) {
    const InfoRun r = eventmap("info " + quoted(test::fixture("latin1_nocpg.shp")) + " " +
                           quoted(test::fixture("noprj_lonlat.shp")));
    EXPECT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("not valid UTF-8"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("no CRS (missing .prj?)"), std::string::npos) << r.out;
    EXPECT_TRUE(has_line(r.out, "  CRS:       none (taken as WGS84 lon/lat)")) << r.out;
}

TEST(InfoCommand, FirstValuesAreUtf8) {
    const InfoRun r = eventmap("info " + quoted(test::fixture("latin1_regions.shp")));
    EXPECT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("S\xC3\xA9gou"), std::string::npos) << r.out;  // Ségou, from ISO-8859-1 bytes
}

TEST(InfoCommand, HelpAndBadArguments) {
    InfoRun r = eventmap("info --help");
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out, info_help());
    r = eventmap("info");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("no file given"), std::string::npos) << r.err;
    r = eventmap("info --bogus x.shp");
    EXPECT_EQ(r.status, 2);
    r = eventmap("--help");
    EXPECT_NE(r.out.find("eventmap info PATH"), std::string::npos) << r.out;
}

TEST(InfoCommand, ReportOfAnEmptyLayerAndLongValues) {
    VectorLayer l;
    l.name = "things";
    l.crs = "EPSG:4326";
    l.fields = {"note", "blank"};
    Feature f;
    f.values = {std::string(100, 'x') + "\nend", ""};
    l.features.push_back(f);
    const std::string text = describe_vector_source("things.geojson", {l});
    EXPECT_TRUE(has_line(text, "  extent:    none (no geometry)")) << text;
    EXPECT_TRUE(has_line(text, "    blank  (empty in every feature)")) << text;
    EXPECT_TRUE(has_line(text, "    note   " + std::string(60, 'x') + "\u2026")) << text;
}

}  // namespace
}  // namespace em
