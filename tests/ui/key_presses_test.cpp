#include "ui/key_presses.hpp"

#include <gtest/gtest.h>

#include "ui/timeline_panel.hpp"

namespace em {
namespace {

constexpr int kShift = 0x1, kCtrl = 0x2, kCapsLock = 0x10;

TEST(KeyPressesTest, CountsEveryPressWithItsModifiers) {
    KeyPresses keys{{{'.', 0}, {'.', 0}, {'W', kShift}, {'S', kCtrl}, {'.', kCapsLock}}};
    EXPECT_EQ(keys.count('.'), 3);  // Caps Lock is not a modifier that changes a shortcut
    EXPECT_EQ(keys.count('W'), 0);
    EXPECT_EQ(keys.count('W', kShift), 1);
    EXPECT_TRUE(keys.pressed('S', kCtrl));
    EXPECT_FALSE(keys.pressed('S'));
    EXPECT_FALSE(keys.pressed(','));
}

TimelineState clock_at(Date at) {
    TimelineState s;
    s.data_first = *Date::parse("2013-01-01");
    s.data_last = *Date::parse("2025-12-31");
    s.window.at = at;
    return s;
}

// Several taps arriving within one slow frame all act (ImGui 1.86's IsKeyPressed would see none of them).
TEST(TimelineKeysTest, EveryTapWithinOneFrameSteps) {
    TimelineState s = clock_at(*Date::parse("2022-08-13"));
    const KeyPresses keys{{{'.', 0}, {'.', 0}, {'.', 0}, {'.', 0}, {'.', 0}}};
    EXPECT_TRUE(handle_timeline_keys(s, {}, keys, false));
    EXPECT_EQ(s.window.at, *Date::parse("2022-08-18"));
}

TEST(TimelineKeysTest, WeekForwardAndShiftWeekBack) {
    TimelineState s = clock_at(*Date::parse("2022-08-13"));
    EXPECT_TRUE(handle_timeline_keys(s, {}, KeyPresses{{{'W', 0}, {'W', 0}, {'W', kShift}}}, false));
    EXPECT_EQ(s.window.at, *Date::parse("2022-08-20"));
}

TEST(TimelineKeysTest, NothingWhileATextFieldHasTheKeyboard) {
    TimelineState s = clock_at(*Date::parse("2022-08-13"));
    EXPECT_FALSE(handle_timeline_keys(s, {}, KeyPresses{{{'.', 0}, {' ', 0}}}, true));
    EXPECT_EQ(s.window.at, *Date::parse("2022-08-13"));
    EXPECT_FALSE(s.playing);
}

TEST(TimelineKeysTest, SpaceTogglesPlaybackOncePerPress) {
    TimelineState s = clock_at(*Date::parse("2022-08-13"));
    EXPECT_TRUE(handle_timeline_keys(s, {}, KeyPresses{{{' ', 0}}}, false));
    EXPECT_TRUE(s.playing);
    EXPECT_FALSE(handle_timeline_keys(s, {}, KeyPresses{{{' ', 0}, {' ', 0}}}, false));  // on and off again
    EXPECT_TRUE(s.playing);
}

TEST(TimelineKeysTest, NextEventJumpsToTheNextEventDay) {
    TimelineState s = clock_at(*Date::parse("2022-08-13"));
    const std::vector<Date> days{*Date::parse("2022-01-01"), *Date::parse("2022-08-15"), *Date::parse("2023-02-01")};
    EXPECT_TRUE(handle_timeline_keys(s, days, KeyPresses{{{'N', 0}}}, false));
    EXPECT_EQ(s.window.at, *Date::parse("2022-08-15"));
}

}  // namespace
}  // namespace em
