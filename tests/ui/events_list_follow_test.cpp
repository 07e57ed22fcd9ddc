// The events list and a moving clock: its rows follow the time window at once after a rest, and at most every
// kListFollowsMovingClockS while the clock keeps moving (a scrub or playback); once the clock rests they catch up.
#include <gtest/gtest.h>

#include "ui/events_list_panel.hpp"

namespace em {
namespace {

TimeWindow on(int day) {
    TimeWindow w;
    w.at = *Date::from_ymd(2024, 1, 1) + day;
    w.days = 30;
    return w;
}

TEST(EventsListFollowsClock, AStepAfterARestIsFollowedAtOnce) {
    EventsListState list;
    EXPECT_TRUE(list_follows_clock(list, on(0), 10.0));  // the first frame
    list.shown_window = on(0);
    EXPECT_FALSE(list_behind_clock(list, on(0)));
    EXPECT_FALSE(list_follows_clock(list, on(0), 10.5));  // nothing moved
    // One step, half a second later: followed in its own frame.
    EXPECT_TRUE(list_behind_clock(list, on(1)));
    EXPECT_TRUE(list_follows_clock(list, on(1), 11.0));
}

TEST(EventsListFollowsClock, AMovingClockIsFollowedAFewTimesASecondThenCaughtUpAtRest) {
    EventsListState list;
    const double frame = 1.0 / 60;
    double t = 100.0;
    int day = 0, followed = 0;
    ASSERT_TRUE(list_follows_clock(list, on(day), t));
    list.shown_window = on(day);
    // 50 frames of scrubbing (0.83 s), three days a frame: followed every quarter of a second, not every frame.
    for (int f = 0; f < 50; ++f) {
        t += frame, day += 3;
        if (list_follows_clock(list, on(day), t)) {
            ++followed;
            list.shown_window = on(day);
        }
    }
    EXPECT_EQ(followed, 3);
    // The last frames moved on: the list is behind. The clock rests: the next frame shows the last window, however
    // soon after the last follow.
    EXPECT_TRUE(list_behind_clock(list, on(day)));
    EXPECT_TRUE(list_follows_clock(list, on(day), t + frame));
    list.shown_window = on(day);
    EXPECT_FALSE(list_behind_clock(list, on(day)));
    EXPECT_FALSE(list_follows_clock(list, on(day), t + 2 * frame));
}

}  // namespace
}  // namespace em
