#include "ui/window_layout.hpp"

#include <gtest/gtest.h>

namespace em {
namespace {

// Every panel inside the window, no two sharing area (the legend lies on the map by design, and only there).
void expect_sound(const WindowLayout& l, float w, float h, const std::string& where) {
    const auto rects = named_rects(l);
    for (size_t i = 0; i < rects.size(); ++i) {
        const auto& [name, r] = rects[i];
        EXPECT_GE(r.x, 0) << where << " " << name;
        EXPECT_GE(r.y, 0) << where << " " << name;
        EXPECT_GE(r.w, 0) << where << " " << name;
        EXPECT_GE(r.h, 0) << where << " " << name;
        EXPECT_LE(r.right(), w) << where << " " << name;
        EXPECT_LE(r.bottom(), h) << where << " " << name;
        for (size_t j = i + 1; j < rects.size(); ++j) {
            const auto& [other, q] = rects[j];
            const bool legend_on_map = (name == "map" && other == "legend") || (name == "legend" && other == "map");
            EXPECT_EQ(overlaps(r, q), legend_on_map && l.legend.w > 0 && l.legend.h > 0) << where << " " << name << " and " << other;
        }
    }
    EXPECT_GE(l.legend.x, l.map.x) << where;
    EXPECT_LE(l.legend.right(), l.map.right()) << where;
    EXPECT_LE(l.legend.bottom(), l.map.bottom()) << where;
    EXPECT_GE(l.map.w, 0.5f * w - 1) << where << ": the map keeps half the width";
}

TEST(WindowLayoutTest, NothingOverlapsOrLeavesTheWindowFrom720pTo4K) {
    for (float scale : {1.0f, 1.5f, 2.0f}) {
        const LayoutMetrics m{scale, 21 * scale, 27 * scale};
        for (float w = 1280; w <= 3840; w += 64) {
            for (float h = 720; h <= 2160; h += 48) {
                for (const LayoutSizes& sizes :
                     {LayoutSizes{}, LayoutSizes{900, 900, 900, true, true}, LayoutSizes{270, 300, 170, false, false},
                      LayoutSizes{10, 10, 10, true, false}}) {
                    const WindowLayout l = compute_layout(w, h, sizes, m);
                    expect_sound(l, w, h, std::to_string(int(w)) + "x" + std::to_string(int(h)) + " at " +
                                              std::to_string(scale));
                    if (HasFailure()) return;  // one size's failures are enough to read
                }
            }
        }
    }
}

TEST(WindowLayoutTest, SmallWindowsOfTheOlderTestsStaySound) {
    for (auto [w, h] : {std::pair{800.0f, 500.0f}, {900.0f, 600.0f}, {300.0f, 200.0f}, {0.0f, 0.0f}})
        expect_sound(compute_layout(w, h, LayoutSizes{}, LayoutMetrics{}), w, h, "small");
}

TEST(WindowLayoutTest, TheMapTakesMoreThan55PercentAt1080p) {
    const WindowLayout l = compute_layout(1920, 1080, LayoutSizes{}, LayoutMetrics{1, 21, 27});
    EXPECT_GT(l.map.w * l.map.h, 0.55f * 1920 * 1080);
    // The default frame, as drawn: sidebar 270, inspector 300, timeline 170 (unscaled).
    EXPECT_EQ(l.sidebar.w, 270);
    EXPECT_EQ(l.inspector.w, 300);
    EXPECT_EQ(l.timeline.h, 170);
    EXPECT_EQ(l.timeline.bottom(), l.status.y);
    EXPECT_EQ(l.map.bottom() + l.timeline_split.h, l.timeline.y);
}

TEST(WindowLayoutTest, ScaleTwoDoublesThePanels) {
    const WindowLayout one = compute_layout(1920, 1080, LayoutSizes{}, LayoutMetrics{1, 21, 27});
    const WindowLayout two = compute_layout(3840, 2160, LayoutSizes{}, LayoutMetrics{2, 42, 54});
    EXPECT_EQ(two.sidebar.w, 2 * one.sidebar.w);
    EXPECT_EQ(two.timeline.h, 2 * one.timeline.h);
    EXPECT_EQ(two.map.w, 2 * one.map.w);
}

TEST(WindowLayoutTest, SplittersFollowThePointerAndStopAtTheLimits) {
    LayoutSizes sizes;
    const LayoutMetrics m{2, 42, 54};
    const WindowLayout l = compute_layout(2560, 1440, sizes, m);
    drag_splitter(sizes, l, "sidebar_split", 40, 0);
    EXPECT_EQ(compute_layout(2560, 1440, sizes, m).sidebar.w, l.sidebar.w + 40);
    drag_splitter(sizes, l, "inspector_split", -20, 0);  // left: the inspector grows
    EXPECT_EQ(compute_layout(2560, 1440, sizes, m).inspector.w, l.inspector.w + 20);
    drag_splitter(sizes, l, "timeline_split", 0, -30);  // up: the timeline grows
    EXPECT_EQ(compute_layout(2560, 1440, sizes, m).timeline.h, l.timeline.h + 30);
    // Far past the limit: the map still keeps half the width.
    drag_splitter(sizes, l, "sidebar_split", 5000, 0);
    const WindowLayout wide = compute_layout(2560, 1440, sizes, m);
    EXPECT_GE(wide.map.w, 1280 - 1);
    EXPECT_LE(wide.sidebar.w, 640);
}

TEST(WindowLayoutTest, AClosedPanelIsARail) {
    LayoutSizes sizes;
    sizes.sidebar_open = false;
    const WindowLayout l = compute_layout(1920, 1080, sizes, LayoutMetrics{});
    EXPECT_EQ(l.sidebar.w, 28);
    EXPECT_EQ(l.map.x, 28 + 4);
}

}  // namespace
}  // namespace em
