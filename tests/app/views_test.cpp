#include "app/views.hpp"

#include <gtest/gtest.h>

#include <set>

namespace em {
namespace {

TEST(ViewsTest, DefaultPresetComesFirstAndSpansGulfOfGuineaToMoscow) {
    const auto& presets = view_presets();
    ASSERT_FALSE(presets.empty());
    EXPECT_EQ(presets.front().key, "sahel-moscow");
    const BBox& b = presets.front().lon_lat;
    EXPECT_TRUE(b.contains(-8.0029, 12.6392));  // Bamako
    EXPECT_TRUE(b.contains(37.6173, 55.7558));  // Moscow
    EXPECT_TRUE(b.contains(5.0, 3.0));          // Gulf of Guinea
}

TEST(ViewsTest, PresetsHaveUniqueKeysAndSaneBoxes) {
    std::set<std::string> keys;
    for (const auto& p : view_presets()) {
        EXPECT_TRUE(keys.insert(p.key).second) << p.key;
        EXPECT_FALSE(p.label.empty()) << p.key;
        EXPECT_FALSE(p.lon_lat.empty()) << p.key;
        EXPECT_GE(p.lon_lat.min_x, -180) << p.key;
        EXPECT_LE(p.lon_lat.max_x, 180) << p.key;
        EXPECT_GE(p.lon_lat.min_y, -90) << p.key;
        EXPECT_LE(p.lon_lat.max_y, 90) << p.key;
        EXPECT_GT(p.lon_lat.width(), 0) << p.key;
        EXPECT_GT(p.lon_lat.height(), 0) << p.key;
    }
    EXPECT_EQ(keys, (std::set<std::string>{"sahel-moscow", "sahel", "central-africa", "moscow", "world"}));
}

TEST(ViewsTest, FindViewByKeyOrLabel) {
    auto moscow = find_view("moscow");
    ASSERT_TRUE(moscow);
    EXPECT_EQ(moscow->label, "Moscow");
    EXPECT_TRUE(moscow->lon_lat.contains(37.6173, 55.7558));
    auto by_label = find_view("Sahel + Moscow");
    ASSERT_TRUE(by_label);
    EXPECT_EQ(by_label->key, "sahel-moscow");
    EXPECT_FALSE(find_view("MOSCOW"));
    EXPECT_FALSE(find_view(""));
    EXPECT_FALSE(find_view("mars"));
}

TEST(ViewsTest, ParseBboxAcceptsWestSouthEastNorth) {
    auto b = parse_bbox("-18,8,26,25");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->min_x, -18);
    EXPECT_EQ(b->min_y, 8);
    EXPECT_EQ(b->max_x, 26);
    EXPECT_EQ(b->max_y, 25);
    auto spaced = parse_bbox("-180, -90, 180, 90");
    ASSERT_TRUE(spaced);
    EXPECT_EQ(spaced->min_x, -180);
    EXPECT_EQ(spaced->max_y, 90);
    auto decimals = parse_bbox("0.5,1e1,2.25,20");
    ASSERT_TRUE(decimals);
    EXPECT_EQ(decimals->min_y, 10);
    EXPECT_EQ(decimals->max_x, 2.25);
}

TEST(ViewsTest, ParseBboxRejectsMalformedOrOutOfRange) {
    for (const char* bad : {"", "1,2,3", "1,2,3,4,5", "a,2,3,4", "1,,3,4", "1,2,3,4 ", "1;2;3;4", "10,0,0,10",
                            "0,10,10,0", "5,5,5,6", "5,5,6,5", "-180.1,0,1,1", "0,-90.5,1,1", "0,0,180.5,1",
                            "0,0,1,91", "nan,0,1,1", "0,0,inf,1"}) {
        EXPECT_FALSE(parse_bbox(bad)) << "'" << bad << "'";
    }
}

}  // namespace
}  // namespace em
