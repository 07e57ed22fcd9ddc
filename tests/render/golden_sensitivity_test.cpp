// Negative controls for the golden comparison: small but real changes to a map golden (a missing scale bar,
// sources line or subtitle, the date one day early) must fail it. Each of these passed the whole-image
// measures alone; the worst-window measure (tests/support/golden.hpp) is what catches them.
#include <gtest/gtest.h>

#include <functional>
#include <iostream>

#include "app/headless_map.hpp"
#include "support/golden.hpp"
#include "support/headless_fixture.hpp"

namespace em {
namespace {

class GoldenSensitivityTest : public test::HeadlessSuite {
protected:
    // Renders `o` after `change`, and expects the map golden `name` to reject it. The measures go to stdout
    // (they are the figures quoted in golden.cpp).
    void expect_rejected(RenderOptions o, const std::function<void(RenderOptions&)>& change, const std::string& name,
                         const char* what) {
        auto unchanged = map_->render(o);
        ASSERT_TRUE(unchanged) << unchanged.error().message;
        // The control is only meaningful if the unchanged render passes.
        ASSERT_TRUE(test::matches_golden(unchanged.value(), name, test::kMapGoldenTolerance)) << what;
        change(o);
        auto changed = map_->render(o);
        ASSERT_TRUE(changed) << changed.error().message;
        const test::ImageDiff d = test::diff_against_golden(changed.value(), name);
        ASSERT_TRUE(d.same_size) << name;
        std::cout << what << " vs " << name << ": mean " << d.mean_channel_diff << ", share over 32 "
                  << d.fraction_over << ", worst 32x32 window " << d.worst_tile_fraction_over << " at "
                  << d.worst_tile_x << "," << d.worst_tile_y << "\n";
        EXPECT_FALSE(test::within(d, test::kMapGoldenTolerance)) << what << " passed the golden " << name;
    }

    static RenderOptions decorated_export() {
        RenderOptions o;  // as ExportTest.DecorationsMatchGolden
        o.width = 1200, o.height = 800, o.size_given = true;
        o.date = "2024-08-13";
        o.title = "Army-2024: Sahel defence ministers at Kubinka";
        o.subtitle = "Meeting links to the forum, presence of foreign forces on the day";
        o.inset = true;
        return o;
    }
    static RenderOptions default_view() {
        RenderOptions o;  // as HeadlessRenderTest.DefaultViewMatchesGolden
        o.width = 640, o.height = 360;
        return o;
    }
    static RenderOptions army2024() {
        RenderOptions o;  // as EventsRenderTest.Army2024LinksFromTheFourCapitalsToKubinka
        o.bbox = BBox::of(-20, 0, 60, 60);
        o.projection = "equirect";
        o.width = 1200, o.height = 900, o.size_given = true;
        o.date = "2024-08-13";
        o.window_days = 30;
        return o;
    }
};

constexpr const char* kExport = "export_decorated_1200x800";

TEST_F(GoldenSensitivityTest, ExportWithoutScaleBarFails) {
    expect_rejected(decorated_export(), [](RenderOptions& o) { o.scale_bar = false; }, kExport, "no scale bar");
}

TEST_F(GoldenSensitivityTest, ExportWithoutSourcesLineFails) {
    expect_rejected(decorated_export(), [](RenderOptions& o) { o.attribution = false; }, kExport, "no sources line");
}

TEST_F(GoldenSensitivityTest, ExportWithoutSubtitleFails) {
    expect_rejected(decorated_export(), [](RenderOptions& o) { o.subtitle.clear(); }, kExport, "no subtitle");
}

TEST_F(GoldenSensitivityTest, ExportOneDayEarlyFails) {
    expect_rejected(decorated_export(), [](RenderOptions& o) { o.date = "2024-08-12"; }, kExport, "one day early");
}

TEST_F(GoldenSensitivityTest, DefaultViewWithoutScaleBarFails) {
    expect_rejected(default_view(), [](RenderOptions& o) { o.scale_bar = false; }, "default_view_640x360",
                    "no scale bar");
}

TEST_F(GoldenSensitivityTest, Army2024WithoutScaleBarFails) {
    expect_rejected(army2024(), [](RenderOptions& o) { o.scale_bar = false; }, "army2024_2024-08-13_w30",
                    "no scale bar");
}

TEST_F(GoldenSensitivityTest, Army2024OneDayEarlyFails) {
    expect_rejected(army2024(), [](RenderOptions& o) { o.date = "2024-08-12"; }, "army2024_2024-08-13_w30",
                    "one day early");
}

// The window measure itself: one changed 12x12 block in a 1200x800 image is 0.015 % of it (far under the
// global limits) and 14 % of its window; the same block split over a window border is still found whole.
TEST(GoldenCompare, WorstWindowFindsASmallMarkAnywhere) {
    for (const int origin : {0, 100, 28, 1188}) {
        const Image a = Image::filled(1200, 800, 200);
        Image b = a;
        for (int y = 0; y < 12; ++y)
            for (int x = 0; x < 12; ++x) b.row(std::min(788, origin) + y)[(origin + x) * 4] = 0;
        const test::ImageDiff d = test::compare_images(a, b);
        EXPECT_NEAR(d.fraction_over, 144.0 / (1200 * 800), 1e-9);
        EXPECT_NEAR(d.worst_tile_fraction_over, 144.0 / (32 * 32), 1e-9) << "block at " << origin;
        EXPECT_FALSE(test::within(d, test::kMapGoldenTolerance));
        EXPECT_TRUE(test::within(d, {0.6, 0.004, 1.0})) << "the global measures alone accept it";
    }
    const Image same = Image::filled(64, 48, 90);
    const test::ImageDiff d = test::compare_images(same, same);
    EXPECT_EQ(d.worst_tile_fraction_over, 0.0);
    EXPECT_TRUE(test::within(d, test::kMapGoldenTolerance));
}

}  // namespace
}  // namespace em
