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

}  // namespace
}  // namespace em
