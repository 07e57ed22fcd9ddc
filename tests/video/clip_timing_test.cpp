#include "video/clip_timing.hpp"

#include <gtest/gtest.h>

namespace em {
namespace {

std::vector<Date> days(const char* first, int count, int step) {
    std::vector<Date> out;
    for (int i = 0; i < count; ++i) out.push_back(*Date::parse(first) + i * step);
    return out;
}

TEST(ClipTimingTest, WithoutDurationOneFramePerStep) {
    auto plan = plan_clip(days("2024-07-15", 5, 7), ClipTiming{12, std::nullopt, 0});
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->fps, 12);
    ASSERT_EQ(plan->frames.size(), 5u);
    EXPECT_EQ(plan->frames[1].day.iso(), "2024-07-22");
    EXPECT_EQ(plan->frames[1].fraction, 0.0);
    EXPECT_EQ(plan->encoded_frames(), 5);
}

TEST(ClipTimingTest, DurationRunsTheClockSmoothlyFromFirstToLastStep) {
    // 2 steps 62 days apart, 3 s at 10 fps: 30 frames, about 2.14 days apart, in fractions of a day.
    const std::vector<Date> steps = {*Date::parse("2024-07-15"), *Date::parse("2024-09-15")};
    auto plan = plan_clip(steps, ClipTiming{10, 3.0, 0});
    ASSERT_TRUE(plan.ok());
    ASSERT_EQ(plan->frames.size(), 30u);
    EXPECT_EQ(plan->frames.front().day.iso(), "2024-07-15");
    EXPECT_EQ(plan->frames.front().fraction, 0.0);
    EXPECT_EQ(plan->frames.back().day.iso(), "2024-09-15");
    EXPECT_EQ(plan->frames.back().fraction, 0.0);
    double previous = -1;
    for (const auto& f : plan->frames) {
        const double t = f.day.days + f.fraction;
        EXPECT_GT(t, previous);
        EXPECT_GE(f.fraction, 0.0);
        EXPECT_LT(f.fraction, 1.0);
        previous = t;
    }
    EXPECT_NEAR(plan->frames[1].day.days + plan->frames[1].fraction - steps[0].days, 62.0 / 29, 1e-9);
}

TEST(ClipTimingTest, HoldRepeatsFirstAndLast) {
    auto plan = plan_clip(days("2024-01-01", 4, 1), ClipTiming{30, std::nullopt, 1.0});
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->frames.front().copies, 31);
    EXPECT_EQ(plan->frames.back().copies, 31);
    EXPECT_EQ(plan->frames[1].copies, 1);
    EXPECT_EQ(plan->encoded_frames(), 64);
}

TEST(ClipTimingTest, BadTimingIsAnErrorNamingTheOption) {
    auto none = plan_clip({}, ClipTiming{});
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().message, "--frames: the range holds no frames");
    auto too_short = plan_clip(days("2024-01-01", 2, 1), ClipTiming{10, 0.01, 0});
    ASSERT_FALSE(too_short.ok());
    EXPECT_EQ(too_short.error().message.rfind("--duration:", 0), 0u);
    auto too_long = plan_clip(days("2024-01-01", 2, 1), ClipTiming{60, 3600.0, 0});
    ASSERT_FALSE(too_long.ok());
    EXPECT_EQ(too_long.error().message, "--duration: more than 100000 frames");
}

TEST(ClipTimingTest, PresetsAreTheIssuesSizes) {
    ASSERT_NE(find_clip_preset("vertical"), nullptr);
    EXPECT_EQ(find_clip_preset("vertical")->width, 1080);
    EXPECT_EQ(find_clip_preset("vertical")->height, 1920);
    EXPECT_EQ(find_clip_preset("square")->height, 1080);
    EXPECT_EQ(find_clip_preset("720p")->width, 1280);
    EXPECT_EQ(find_clip_preset("1080p")->height, 1080);
    EXPECT_EQ(find_clip_preset("4k"), nullptr);
}

}  // namespace
}  // namespace em
