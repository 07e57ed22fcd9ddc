// The window's preferences (panels' theme, first-use hint, recent files and projects) and its title. CPU only.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/window/window_preferences.hpp"
#include "app/window/window_title.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

namespace fs = std::filesystem;

TEST(WindowPreferences, RoundTripThroughTheFile) {
    const fs::path dir = test::temp_dir("window-preferences-roundtrip");
    WindowPreferences p;
    p.ui_theme = UiTheme::kDark;
    p.hint_dismissed = true;
    p.recent_files = {"/data/a.gpkg", "/data/b.geojson"};
    p.recent_projects = {"/work/brief.json"};
    ASSERT_TRUE(save_preferences(p, dir).ok());
    auto back = load_preferences(dir);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back.value(), p);
    for (const auto& e : fs::directory_iterator(dir))  // written atomically: no temporary left
        EXPECT_EQ(e.path().filename(), "preferences.json");
}

TEST(WindowPreferences, NoFileGivesTheDefaults) {
    const fs::path dir = test::temp_dir("window-preferences-none");
    auto p = load_preferences(dir);
    ASSERT_TRUE(p);
    EXPECT_EQ(p.value(), WindowPreferences{});
    EXPECT_FALSE(p->hint_dismissed);
    EXPECT_EQ(p->ui_theme, UiTheme::kLight);
}

TEST(WindowPreferences, WrongValuesKeepTheirDefaultsAndBrokenJsonNamesTheFile) {
    auto p = preferences_from_json(R"({"ui_theme": "purple", "hint_dismissed": "yes", "recent_files": [1, "", "/a"]})",
                                   "prefs.json");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->ui_theme, UiTheme::kLight);
    EXPECT_FALSE(p->hint_dismissed);
    EXPECT_EQ(p->recent_files, std::vector<std::string>{"/a"});
    auto bad = preferences_from_json("{not json", "/x/prefs.json");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message, "/x/prefs.json: not a JSON object");
}

TEST(WindowPreferences, RecentListPutsTheNewestFirstWithoutDuplicatesAndKeepsTen) {
    std::vector<std::string> list;
    for (int i = 0; i < 12; ++i) push_recent(list, "/p" + std::to_string(i));
    ASSERT_EQ(list.size(), kMaxRecent);
    EXPECT_EQ(list.front(), "/p11");
    EXPECT_EQ(list.back(), "/p2");
    push_recent(list, "/p5");
    EXPECT_EQ(list.size(), kMaxRecent);
    EXPECT_EQ(list.front(), "/p5");
    EXPECT_EQ(std::count(list.begin(), list.end(), "/p5"), 1);
}

TEST(WindowTitle, NamesTheProjectAndTheDate) {
    EXPECT_EQ(window_title("", std::nullopt), "eventmap");
    EXPECT_EQ(window_title("", Date::parse("2024-08-13")), "eventmap - 13 Aug 2024");
    EXPECT_EQ(window_title("/home/a/sahel brief.json", Date::parse("2024-08-13")),
              "eventmap - sahel brief - 13 Aug 2024");
    // The project written beside an export (NAME.project.json) is named NAME.
    EXPECT_EQ(window_title("/tmp/army.project.json", std::nullopt), "eventmap - army");
}

}  // namespace
}  // namespace em
