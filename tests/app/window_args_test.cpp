#include <gtest/gtest.h>

#include "app/window/window_app.hpp"

namespace em {
namespace {

TEST(WindowArgsTest, ProjectLayersAndPositionalFiles) {
    auto o = parse_window_args({"--project", "work/sahel.json", "--layer", "a.shp", "b.gpkg", "--no-settings"});
    ASSERT_TRUE(o) << o.error().message;
    ASSERT_TRUE(o->project.has_value());
    EXPECT_EQ(*o->project, "work/sahel.json");
    EXPECT_EQ(o->layers, (std::vector<std::string>{"a.shp", "b.gpkg"}));
    EXPECT_FALSE(o->settings);
}

TEST(WindowArgsTest, MissingValuesAndBadValuesAreErrors) {
    EXPECT_EQ(parse_window_args({"--project"}).error().message, "--project: missing value");
    EXPECT_EQ(parse_window_args({"--date", "2024-02-30"}).error().message,
              "--date: '2024-02-30' is not a real date YYYY-MM-DD");
    EXPECT_EQ(parse_window_args({"--size", "big"}).error().message, "--size: 'big' is not WIDTHxHEIGHT with positive whole numbers");
    EXPECT_EQ(parse_window_args({"--frobnicate"}).error().message,
              "--frobnicate: unknown option (see 'eventmap --help')");
}

TEST(WindowArgsTest, NoProjectByDefault) {
    auto o = parse_window_args({});
    ASSERT_TRUE(o);
    EXPECT_FALSE(o->project.has_value());
    EXPECT_TRUE(o->settings);
}

}  // namespace
}  // namespace em
