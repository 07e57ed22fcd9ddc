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

TEST(WindowArgsTest, UiScaleAndLayoutDump) {
    auto o = parse_window_args({"--ui-scale", "1.5", "--layout-dump", "layout.json"});
    ASSERT_TRUE(o) << o.error().message;
    EXPECT_FLOAT_EQ(o->ui_scale, 1.5f);
    EXPECT_EQ(o->layout_dump, "layout.json");
    EXPECT_EQ(parse_window_args({}).value().ui_scale, 0.0f);  // 0: the monitor's content scale
    EXPECT_EQ(parse_window_args({"--ui-scale", "9"}).error().message, "--ui-scale: '9' is not a scale from 0.5 to 4");
    EXPECT_EQ(parse_window_args({"--ui-scale", "1.5x"}).error().message,
              "--ui-scale: '1.5x' is not a scale from 0.5 to 4");
}

TEST(WindowArgsTest, ThemeAndFirstUseHint) {
    auto o = parse_window_args({"--theme", "dark", "--first-use-hint"});
    ASSERT_TRUE(o) << o.error().message;
    EXPECT_EQ(o->theme, "dark");
    EXPECT_TRUE(o->first_use_hint);
    auto none = parse_window_args({});
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->theme.has_value());  // the last session's
    EXPECT_FALSE(none->first_use_hint);
    auto bad = parse_window_args({"--theme", "night"});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message.rfind("--theme: ", 0), 0u) << bad.error().message;
}

TEST(WindowArgsTest, NoProjectByDefault) {
    auto o = parse_window_args({});
    ASSERT_TRUE(o);
    EXPECT_FALSE(o->project.has_value());
    EXPECT_TRUE(o->settings);
}

}  // namespace
}  // namespace em
