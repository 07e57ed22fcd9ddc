#include "events/places.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "support/test_paths.hpp"

namespace em {
namespace {

const std::string kHeader = "place,country,iso_a3,lat,lon,is_capital,note,confidence\n";

std::string data_places() { return (test::source_dir() / "data" / "places.csv").string(); }

bool has_problem(const PlaceTable& t, const std::string& prefix, const std::string& words) {
    for (const auto& p : t.problems)
        if (p.rfind(prefix, 0) == 0 && p.find(words) != std::string::npos) return true;
    return false;
}

std::string all_problems(const PlaceTable& t) {
    std::string s;
    for (const auto& p : t.problems) s += p + "\n";
    return s;
}

TEST(PlacesTest, ShippedPlacesLoadWithoutProblems) {
    auto table = load_places(data_places());
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_TRUE(table->problems.empty()) << all_problems(table.value());
    // data/places.csv: 36 lines, one of them the header (35 places since issue 14 added Dakar, Abidjan, al-Jufra,
    // Brak al-Shati and al-Khadim).
    EXPECT_EQ(table->places.size(), 35u);
    for (const auto& p : table->places) {
        EXPECT_FALSE(p.name.empty());
        EXPECT_EQ(p.iso_a3.size(), 3u) << p.name;
        EXPECT_GE(p.position.lat, -90);
        EXPECT_LE(p.position.lat, 90);
    }
}

TEST(PlacesTest, ShippedPlacesHaveBamakoAsMaliCapital) {
    auto table = load_places(data_places());
    ASSERT_TRUE(table) << table.error().message;
    const Place* bamako = table->find("Bamako");
    ASSERT_NE(bamako, nullptr);
    EXPECT_DOUBLE_EQ(bamako->position.lat, 12.64);
    EXPECT_DOUBLE_EQ(bamako->position.lon, -8.00);
    EXPECT_EQ(bamako->country, "Mali");
    EXPECT_EQ(bamako->iso_a3, "MLI");
    EXPECT_TRUE(bamako->is_capital);
    EXPECT_EQ(bamako->confidence, "well-known");
    const Place* kubinka = table->find("Kubinka");
    ASSERT_NE(kubinka, nullptr);
    EXPECT_FALSE(kubinka->is_capital);
    EXPECT_EQ(kubinka->note, "Patriot Park exhibition centre (Army forums), approx.");  // quoted, with a comma
    EXPECT_NE(table->find("Ab\xC3\xA9""ch\xC3\xA9"), nullptr);  // UTF-8 name
    EXPECT_EQ(table->find("bamako"), nullptr);                  // exact match only
}

TEST(PlacesTest, MissingFileIsAnErrorNamingIt) {
    auto table = load_places("/nonexistent/places.csv");
    ASSERT_FALSE(table);
    EXPECT_NE(table.error().message.find("/nonexistent/places.csv"), std::string::npos);
}

TEST(PlacesTest, MissingHeaderOrRequiredColumnsIsAnError) {
    auto empty = parse_places("", "empty.csv");
    ASSERT_FALSE(empty);
    EXPECT_NE(empty.error().message.find("empty.csv"), std::string::npos);
    auto no_lat = parse_places("place,lon\nX,1\n", "nolat.csv");
    ASSERT_FALSE(no_lat);
    EXPECT_NE(no_lat.error().message.find("nolat.csv:1"), std::string::npos) << no_lat.error().message;
}

TEST(PlacesTest, ExtraColumnsAreIgnoredAndOrderIsFree) {
    auto table = parse_places("lon,extra,place,lat\n2.13,zzz,Niamey,13.51\n", "p.csv");
    ASSERT_TRUE(table) << table.error().message;
    ASSERT_EQ(table->places.size(), 1u);
    EXPECT_EQ(table->places[0].name, "Niamey");
    EXPECT_DOUBLE_EQ(table->places[0].position.lon, 2.13);
    EXPECT_DOUBLE_EQ(table->places[0].position.lat, 13.51);
    EXPECT_TRUE(table->problems.empty()) << all_problems(table.value());
}

class BadRowsTest : public ::testing::Test {
protected:
    void SetUp() override {
        const std::string text = kHeader +
                                 "Bamako,Mali,MLI,12.64,-8.00,yes,,well-known\n"        // 2 good
                                 "Gao,Mali,MLI,16.27\n"                                   // 3 too few columns
                                 "Kidal,Mali,MLI,north,1.41,no,,well-known\n"             // 4 lat not a number
                                 "Niamey,Niger,NER,13.51,2.13,yes,,well-known\n"          // 5 good
                                 "Far,Nowhere,XXX,10.0,181.5,no,,well-known\n"            // 6 lon out of range
                                 "Bamako,Mali,MLI,12.65,-8.01,yes,,duplicate\n"           // 7 duplicate
                                 "Mopti,Mali,MLI,14.48,-4.20,no,,well-known,extra\n"      // 8 too many columns
                                 "South,Nowhere,XXX,-90.5,0,no,,x\n"                      // 9 lat out of range
                                 ",Mali,MLI,1,1,no,,x\n"                                  // 10 empty name
                                 "Gao2,Mali,MLI,16.27,-0.04,no,,well-known\n";            // 11 good
        auto parsed = parse_places(text, "bad_places.csv");
        ASSERT_TRUE(parsed) << parsed.error().message;
        table = std::move(parsed).value();
    }
    PlaceTable table;
};

TEST_F(BadRowsTest, GoodRowsStillLoad) {
    ASSERT_EQ(table.places.size(), 3u) << all_problems(table);
    EXPECT_EQ(table.places[0].name, "Bamako");
    EXPECT_DOUBLE_EQ(table.places[0].position.lat, 12.64);  // the first Bamako wins over the duplicate
    EXPECT_EQ(table.places[1].name, "Niamey");
    EXPECT_EQ(table.places[2].name, "Gao2");
}

TEST_F(BadRowsTest, EveryBadRowIsReportedOnceWithPathLineAndColumn) {
    EXPECT_EQ(table.problems.size(), 7u) << all_problems(table);
    EXPECT_TRUE(has_problem(table, "bad_places.csv:3:5: ", "expected 8 columns, found 4")) << all_problems(table);
    EXPECT_TRUE(has_problem(table, "bad_places.csv:4:4: ", "latitude 'north'")) << all_problems(table);
    EXPECT_TRUE(has_problem(table, "bad_places.csv:6:5: ", "longitude '181.5'")) << all_problems(table);
    EXPECT_TRUE(has_problem(table, "bad_places.csv:7:1: ", "duplicate place 'Bamako'")) << all_problems(table);
    EXPECT_TRUE(has_problem(table, "bad_places.csv:8:9: ", "expected 8 columns, found 9")) << all_problems(table);
    EXPECT_TRUE(has_problem(table, "bad_places.csv:9:4: ", "latitude '-90.5'")) << all_problems(table);
    EXPECT_TRUE(has_problem(table, "bad_places.csv:10:1: ", "empty place name")) << all_problems(table);
}

TEST(PlacesTest, CsvProblemsAreReportedWithPathLineAndColumn) {
    auto table = parse_places(kHeader + "Ga\"o,Mali,MLI,16.27,-0.04,no,,x\nGao,Mali,MLI,16.27,-0.04,no,,x\n", "q.csv");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_TRUE(has_problem(table.value(), "q.csv:2:1: ", "stray quote")) << all_problems(table.value());
    ASSERT_EQ(table->places.size(), 1u);
    EXPECT_EQ(table->places[0].name, "Gao");
}

TEST(PlacesTest, NumbersMayHaveSurroundingSpacesButNotJunk) {
    auto table = parse_places("place,lat,lon\nA, 12.5 , -8 \nB,12.5x,1\nC,nan,1\nD,1,inf\n", "n.csv");
    ASSERT_TRUE(table) << table.error().message;
    ASSERT_EQ(table->places.size(), 1u) << all_problems(table.value());
    EXPECT_DOUBLE_EQ(table->places[0].position.lat, 12.5);
    EXPECT_DOUBLE_EQ(table->places[0].position.lon, -8);
    EXPECT_TRUE(has_problem(table.value(), "n.csv:3:2: ", "12.5x"));
    EXPECT_TRUE(has_problem(table.value(), "n.csv:4:2: ", "nan"));
    EXPECT_TRUE(has_problem(table.value(), "n.csv:5:3: ", "inf"));
}

TEST(PlacesTest, LoadReadsCrlfFileWithBom) {
    const auto dir = test::temp_dir("places-crlf");
    const auto path = (dir / "places.csv").string();
    {
        std::ofstream out(path, std::ios::binary);
        out << "\xEF\xBB\xBFplace,lat,lon\r\nS\xC3\xA9gou,13.43,-6.26\r\n";
    }
    auto table = load_places(path);
    ASSERT_TRUE(table) << table.error().message;
    ASSERT_EQ(table->places.size(), 1u) << all_problems(table.value());
    EXPECT_EQ(table->places[0].name, "S\xC3\xA9gou");
    EXPECT_DOUBLE_EQ(table->places[0].position.lon, -6.26);
}

}  // namespace
}  // namespace em
