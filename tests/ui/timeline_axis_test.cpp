#include "ui/timeline_axis.hpp"

#include <gtest/gtest.h>

namespace em {
namespace {

Date ymd(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

TEST(TimelineAxisTest, WideTimelinesGetMonthsNarrowOnesYears) {
    const Date a = ymd(2014, 3, 15), b = ymd(2024, 9, 30);  // the data's span, about 10.5 years
    // 3,000 px: 0.78 px a day, 24 px a month: 1-month labels 40 px wide do not fit, 3-month ones do.
    auto wide = axis_ticks(a, b, 3000, 40);
    ASSERT_FALSE(wide.empty());
    EXPECT_EQ(wide.front().date, ymd(2014, 4, 1));
    EXPECT_EQ(wide.front().label, "Apr");
    EXPECT_EQ(wide[1].date, ymd(2014, 7, 1));
    // January carries the year.
    EXPECT_EQ(wide[3].label, "Jan 2015");
    EXPECT_TRUE(wide[3].major);
    // 600 px: 0.16 px a day, yearly labels; 300 px: every other year, on even years.
    auto yearly = axis_ticks(a, b, 600, 40);
    ASSERT_FALSE(yearly.empty());
    EXPECT_EQ(yearly.front().label, "2015");
    EXPECT_EQ(yearly[1].label, "2016");
    auto narrow = axis_ticks(a, b, 300, 40);
    ASSERT_FALSE(narrow.empty());
    EXPECT_EQ(narrow.front().label, "2016");
    EXPECT_EQ(narrow[1].label, "2018");
}

TEST(TimelineAxisTest, LabelsNeverCollide) {
    const Date a = ymd(2000, 1, 1), b = ymd(2024, 12, 31);
    for (float width = 100; width <= 4000; width += 50) {
        const auto ticks = axis_ticks(a, b, width, 40);
        const double px_per_day = width / double(b.days - a.days);
        for (size_t i = 1; i < ticks.size(); ++i)
            EXPECT_GE((ticks[i].date.days - ticks[i - 1].date.days) * px_per_day, 40.0) << width;
        for (const auto& t : ticks) {
            EXPECT_GE(t.date, a);
            EXPECT_LE(t.date, b);
        }
    }
}

TEST(TimelineAxisTest, NothingWhenThereIsNoRoom) {
    EXPECT_TRUE(axis_ticks(ymd(2000, 1, 1), ymd(2001, 1, 1), 0, 40).empty());
    EXPECT_TRUE(axis_ticks(ymd(1900, 1, 1), ymd(2020, 1, 1), 10, 40).empty());
}

// The year at the timeline's right edge was drawn starting 2 px right of its tick and clipped ("202" for "2025").
TEST(TimelineAxisTest, LabelAtTheRightEdgeShiftsInside) {
    // An axis from 100 to 900; "2025" (30 px) ticks at 890, 10 px from the end.
    const auto x = place_axis_labels({200, 500, 890}, {30, 30, 30}, 100, 900, 2, 8);
    ASSERT_EQ(x.size(), 3u);
    ASSERT_TRUE(x[0] && x[1] && x[2]);
    EXPECT_FLOAT_EQ(*x[0], 202);  // away from the edges: 2 px right of the tick, as before
    EXPECT_FLOAT_EQ(*x[1], 502);
    EXPECT_FLOAT_EQ(*x[2], 870);  // ends at the axis' end, still over its tick
    for (const auto& left : x) EXPECT_LE(*left + 30, 900);
}

TEST(TimelineAxisTest, LabelThatCannotShiftIsLeftOut) {
    // The last tick at the very end: shifted in, "2025" would run into "2024" (ending at 885): it is left out.
    const auto crowded = place_axis_labels({855, 899}, {30, 30}, 100, 900, 2, 8);
    ASSERT_EQ(crowded.size(), 2u);
    EXPECT_TRUE(crowded[0]);
    EXPECT_FALSE(crowded[1]);
    // A label wider than the whole axis is never drawn; one at the left edge stays inside it.
    const auto narrow = place_axis_labels({10, 12}, {5, 50}, 10, 40, 2, 1);
    ASSERT_EQ(narrow.size(), 2u);
    ASSERT_TRUE(narrow[0]);
    EXPECT_GE(*narrow[0], 10);
    EXPECT_FALSE(narrow[1]);
}

// Every label the real axis gives stays inside it, at any width (the last year of 2014..2025 at the right edge).
TEST(TimelineAxisTest, EveryPlacedLabelStaysInside) {
    const Date a = ymd(2014, 3, 15), b = ymd(2025, 6, 30);
    for (float width = 200; width <= 3000; width += 37) {
        const auto ticks = axis_ticks(a, b, width, 40);
        std::vector<float> tx, w;
        for (const auto& t : ticks) {
            tx.push_back(static_cast<float>(t.date.days - a.days) * width / static_cast<float>(b.days - a.days));
            w.push_back(t.label.size() > 4 ? 40.0f : 24.0f);
        }
        const auto x = place_axis_labels(tx, w, 0, width, 2, 6);
        float last_right = -1e9f;
        int shown = 0;
        for (std::size_t i = 0; i < x.size(); ++i) {
            if (!x[i]) continue;
            ++shown;
            EXPECT_GE(*x[i], 0) << width;
            EXPECT_LE(*x[i] + w[i], width) << width;
            EXPECT_GE(*x[i], last_right + 6) << width;
            last_right = *x[i] + w[i];
        }
        EXPECT_GE(shown + 1, static_cast<int>(ticks.size())) << "more than the edge label dropped at " << width;
    }
}

}  // namespace
}  // namespace em
