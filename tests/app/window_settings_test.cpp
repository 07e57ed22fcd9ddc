// window_settings (app/window_settings): what the window keeps between launches ($XDG_CONFIG_HOME/eventmap:
// settings.json and imgui.ini), its round trip, missing, garbled and unknown-keyed files, and which settings
// the command line overrides. ImGui is used without any renderer: its settings need only a context.
#include "app/window/window_settings.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "app/window/window_view.hpp"
#include "support/event_fixtures.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

using test::day;

// Sets or unsets an environment variable for one test and puts it back afterwards.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) ::setenv(name, value, 1);
        else ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (old_) ::setenv(name_, old_->c_str(), 1);
        else ::unsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_text(const std::filesystem::path& p, const std::string& text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << text;
}

class WindowSettingsTest : public ::testing::Test {
protected:
    // One folder per test: ctest may run tests of this binary side by side.
    WindowSettingsTest()
        : config_(test::temp_dir("window_settings-" +
                                 std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()))),
          xdg_("XDG_CONFIG_HOME", config_.c_str()) {}
    void SetUp() override { new_imgui_context(); }
    void TearDown() override { ImGui::DestroyContext(); }

    void new_imgui_context() {
        if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;  // never the current folder's imgui.ini
        io.DisplaySize = ImVec2(800, 600);
        io.DeltaTime = 1.0f / 60;
        io.Fonts->AddFontDefault();
        io.Fonts->Build();
    }
    // One frame with a panel at a known place, so the layout has something to save.
    static void draw_panel(const char* name, float x, float y) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(x, y));
        ImGui::SetNextWindowSize(ImVec2(210, 120));
        ImGui::Begin(name);
        ImGui::End();
        ImGui::EndFrame();
    }
    static std::string imgui_layout() {
        size_t size = 0;
        const char* ini = ImGui::SaveIniSettingsToMemory(&size);
        return std::string(ini, size);
    }

    // A session: laea, a camera on the Sahel, 2023-05-05 with a 14-day window, some filters.
    EventState session() const {
        EventState s;
        s.timeline.data_first = day(2013, 1, 1);
        s.timeline.data_last = day(2025, 12, 31);
        s.timeline.window.at = day(2023, 5, 5);
        s.timeline.window.days = 14;
        s.timeline.window.range_start = day(2022, 1, 1);
        s.timeline.window.range_end = day(2022, 3, 1);
        s.filter.hidden_parties = {"France"};
        s.filter.hidden_kinds = {EventKind::kCall};
        s.filter.countries = {"MLI", "NER"};
        s.filter.hide_uncertain = true;
        s.filter.text = "Wagner";
        return s;
    }
    MapScene scene() const {
        MapScene scene;
        scene.projection = *Projection::from_name("laea");
        return scene;
    }
    Camera camera() const { return Camera({-500000, -1000000}, 4000, 900, 600); }
    std::filesystem::path settings_file() const { return config_ / "eventmap" / "settings.json"; }

    std::filesystem::path config_;
    ScopedEnv xdg_;
};

TEST(SettingsDirTest, FollowsXdgConfigHomeThenHome) {
    {
        ScopedEnv xdg("XDG_CONFIG_HOME", "/tmp/xdg");
        ScopedEnv home("HOME", "/home/someone");
        EXPECT_EQ(settings_dir(), std::filesystem::path("/tmp/xdg/eventmap"));
    }
    {
        ScopedEnv xdg("XDG_CONFIG_HOME", "");  // set but empty: as if unset
        ScopedEnv home("HOME", "/home/someone");
        EXPECT_EQ(settings_dir(), std::filesystem::path("/home/someone/.config/eventmap"));
    }
    {
        ScopedEnv xdg("XDG_CONFIG_HOME", nullptr);
        ScopedEnv home("HOME", nullptr);
        EXPECT_TRUE(settings_dir().empty());
        EXPECT_FALSE(uses_settings(WindowOptions{}));  // nowhere to keep them
    }
}

TEST(SettingsDirTest, ScriptedAndNoSettingsRunsLeaveSettingsAlone) {
    ScopedEnv xdg("XDG_CONFIG_HOME", "/tmp/xdg");
    WindowOptions options;
    EXPECT_TRUE(uses_settings(options));
    options.settings = false;  // --no-settings
    EXPECT_FALSE(uses_settings(options));
    options.settings = true;
    options.frames = 10;  // --frames: a benchmark or test run
    EXPECT_FALSE(uses_settings(options));
}

TEST_F(WindowSettingsTest, SessionProjectHoldsViewClockAndFiltersButNoRangeOrLayers) {
    EventState s = session();
    s.timeline.window.mode = WindowMode::kCumulative;
    const Project p = session_project(scene(), camera(), s);
    EXPECT_TRUE(p.layers.empty());
    EXPECT_EQ(p.view.projection, "laea");
    const BBox expected = visible_lon_lat(camera(), scene().projection);
    ASSERT_FALSE(expected.empty());
    EXPECT_DOUBLE_EQ(p.view.bbox.min_x, expected.min_x);
    EXPECT_DOUBLE_EQ(p.view.bbox.max_y, expected.max_y);
    EXPECT_EQ(p.time.date, day(2023, 5, 5));
    EXPECT_EQ(p.time.mode, WindowMode::kCumulative);
    EXPECT_EQ(p.time.days, 14);
    EXPECT_FALSE(p.time.range_start.has_value());
    EXPECT_FALSE(p.time.range_end.has_value());
    EXPECT_EQ(p.filters.to_event_filter(), s.filter);
}

TEST_F(WindowSettingsTest, SavedSessionLoadsBackEqual) {
    const EventState s = session();
    save_session(scene(), camera(), s);
    ASSERT_TRUE(std::filesystem::exists(settings_file()));
    const auto loaded = load_settings();
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(*loaded, session_project(scene(), camera(), s));
    EXPECT_TRUE(loaded->warnings.empty());
    // Not in range mode: the range is not saved.
    EXPECT_FALSE(loaded->time.range_start.has_value());
    EXPECT_EQ(read_text(settings_file()).find("range_start"), std::string::npos);
}

TEST_F(WindowSettingsTest, RangeModeSavesTheRange) {
    EventState s = session();
    s.timeline.window.mode = WindowMode::kRange;
    save_session(scene(), camera(), s);
    const auto loaded = load_settings();
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->time.mode, WindowMode::kRange);
    EXPECT_EQ(loaded->time.range_start, day(2022, 1, 1));
    EXPECT_EQ(loaded->time.range_end, day(2022, 3, 1));
}

TEST_F(WindowSettingsTest, SavingAgainReplacesTheFile) {
    EventState s = session();
    save_session(scene(), camera(), s);
    s.timeline.window.at = day(2024, 8, 13);
    s.filter = {};
    save_session(scene(), camera(), s);
    const auto loaded = load_settings();
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->time.date, day(2024, 8, 13));
    EXPECT_EQ(loaded->filters, ProjectFilters{});
    // Written atomically: no temporary file left beside it.
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(config_ / "eventmap")) {
        ++files;
        EXPECT_TRUE(e.path().filename() == "settings.json" || e.path().filename() == "imgui.ini") << e.path();
    }
    EXPECT_EQ(files, 2);
}

TEST_F(WindowSettingsTest, PanelLayoutComesBack) {
    draw_panel("Layers", 33, 44);
    ASSERT_NE(imgui_layout().find("[Window][Layers]"), std::string::npos);
    save_session(scene(), camera(), session());
    EXPECT_NE(read_text(config_ / "eventmap" / "imgui.ini").find("Pos=33,44"), std::string::npos);
    // A fresh ImGui, as at the next launch: loading restores the panel's place.
    new_imgui_context();
    EXPECT_EQ(imgui_layout().find("[Window][Layers]"), std::string::npos);  // negative control
    ASSERT_TRUE(load_settings().has_value());
    const std::string layout = imgui_layout();
    EXPECT_NE(layout.find("[Window][Layers]"), std::string::npos) << layout;
    EXPECT_NE(layout.find("Pos=33,44"), std::string::npos) << layout;
    EXPECT_NE(layout.find("Size=210,120"), std::string::npos) << layout;
}

TEST_F(WindowSettingsTest, NoSettingsYetLoadsNothingQuietly) {
    testing::internal::CaptureStderr();
    EXPECT_FALSE(load_settings().has_value());
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

TEST_F(WindowSettingsTest, GarbledSettingsAreReportedAndIgnored) {
    write_text(settings_file(), "{\"version\": 1, \"time\": {\"date\": \"2023-05-");
    testing::internal::CaptureStderr();
    EXPECT_FALSE(load_settings().has_value());
    const std::string err = testing::internal::GetCapturedStderr();
    EXPECT_NE(err.find("settings not restored"), std::string::npos) << err;
    EXPECT_NE(err.find("settings.json"), std::string::npos) << err;
}

TEST_F(WindowSettingsTest, BinaryGarbageAndWrongTypesAreReportedAndIgnored) {
    write_text(settings_file(), std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
    testing::internal::CaptureStderr();
    EXPECT_FALSE(load_settings().has_value());
    EXPECT_NE(testing::internal::GetCapturedStderr().find("settings not restored"), std::string::npos);
    write_text(settings_file(), R"({"version": 1, "time": {"days": "fourteen"}})");
    testing::internal::CaptureStderr();
    EXPECT_FALSE(load_settings().has_value());
    EXPECT_NE(testing::internal::GetCapturedStderr().find("time.days"), std::string::npos);
}

TEST_F(WindowSettingsTest, UnknownKeysAreSkippedAndTheRestIsKept) {
    write_text(settings_file(), R"({"version": 1, "colour_scheme": "dark",
        "time": {"date": "2023-05-05", "window": "trailing", "days": 14, "speed": 3},
        "filters": {"hidden_parties": ["France"], "text": "Wagner"}})");
    const auto loaded = load_settings();
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->time.date, day(2023, 5, 5));
    EXPECT_EQ(loaded->time.days, 14);
    EXPECT_EQ(loaded->filters.hidden_parties, (std::set<std::string>{"France"}));
    EXPECT_EQ(loaded->filters.text, "Wagner");
    ASSERT_EQ(loaded->warnings.size(), 2u);
    const std::string all = loaded->warnings[0] + "\n" + loaded->warnings[1];
    EXPECT_NE(all.find("colour_scheme"), std::string::npos) << all;
    EXPECT_NE(all.find("time.speed"), std::string::npos) << all;
}

TEST_F(WindowSettingsTest, ApplyRestoresClockWindowAndFilters) {
    Project saved;
    saved.time.date = day(2023, 5, 5);
    saved.time.mode = WindowMode::kCumulative;
    saved.time.days = 14;
    saved.time.range_start = day(2022, 1, 1);
    saved.time.range_end = day(2022, 3, 1);
    saved.filters.hidden_parties = {"France"};
    saved.filters.text = "Wagner";
    EventState events;
    events.timeline.data_first = day(2013, 1, 1);
    events.timeline.data_last = day(2025, 1, 1);
    events.timeline.window.at = day(2024, 12, 1);
    events.histogram_stale = events.overlay_stale = false;
    FilterUiState ui;
    apply_settings(saved, WindowOptions{}, events, ui);
    EXPECT_EQ(events.timeline.window.at, day(2023, 5, 5));
    EXPECT_EQ(events.timeline.window.mode, WindowMode::kCumulative);
    EXPECT_EQ(events.timeline.window.days, 14);
    EXPECT_EQ(events.timeline.window.range_start, day(2022, 1, 1));
    EXPECT_EQ(events.timeline.window.range_end, day(2022, 3, 1));
    EXPECT_EQ(events.filter, saved.filters.to_event_filter());
    EXPECT_STREQ(ui.search, "Wagner");  // the search box shows the restored text
    EXPECT_TRUE(events.histogram_stale);
    EXPECT_TRUE(events.overlay_stale);
}

TEST_F(WindowSettingsTest, TheCommandLineWinsOverSavedDateAndWindow) {
    Project saved;
    saved.time.date = day(2023, 5, 5);
    saved.time.mode = WindowMode::kCumulative;
    saved.time.days = 14;
    EventState events;
    events.timeline.data_first = day(2013, 1, 1);
    events.timeline.data_last = day(2025, 1, 1);
    events.timeline.window.at = day(2024, 12, 1);  // what --date set
    events.timeline.window.days = 60;             // what --window set
    WindowOptions options;
    options.date = "2024-12-01";
    options.window_given = true;
    FilterUiState ui;
    apply_settings(saved, options, events, ui);
    EXPECT_EQ(events.timeline.window.at, day(2024, 12, 1));
    EXPECT_EQ(events.timeline.window.mode, WindowMode::kTrailing);
    EXPECT_EQ(events.timeline.window.days, 60);
}

TEST_F(WindowSettingsTest, ARestoredDateIsClampedToTheData) {
    Project saved;
    saved.time.date = day(1999, 1, 1);
    EventState events;
    events.timeline.data_first = day(2013, 1, 1);
    events.timeline.data_last = day(2025, 1, 1);
    FilterUiState ui;
    apply_settings(saved, WindowOptions{}, events, ui);
    EXPECT_EQ(events.timeline.window.at, day(2013, 1, 1));
}

TEST_F(WindowSettingsTest, ASettingsFolderThatCannotBeMadeIsReported) {
    write_text(config_ / "eventmap", "a file where the folder should be");
    testing::internal::CaptureStderr();
    save_session(scene(), camera(), session());
    const std::string err = testing::internal::GetCapturedStderr();
    EXPECT_NE(err.find("settings not saved"), std::string::npos) << err;
    EXPECT_NE(err.find("panel layout not saved"), std::string::npos) << err;
}

}  // namespace
}  // namespace em
