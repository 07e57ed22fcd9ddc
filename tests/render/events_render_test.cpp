// GL tests of the events overlay: the Army-2024 links and presence, through the headless render path.
#include <gtest/gtest.h>

#include <cmath>

#include "app/headless_map.hpp"
#include "geo/great_circle.hpp"
#include "render/actor_style.hpp"
#include "support/golden.hpp"
#include "support/headless_fixture.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

class EventsRenderTest : public test::HeadlessSuite {
};

// How close a pixel is to a colour (largest channel difference).
int distance(const std::uint8_t* p, const Color& c) {
    return std::max({std::abs(p[0] - int(c.r * 255)), std::abs(p[1] - int(c.g * 255)), std::abs(p[2] - int(c.b * 255))});
}

// True when some pixel within radius of (x, y) is within tolerance of the colour.
bool colour_near(const Image& img, double x, double y, int radius, const Color& c, int tolerance) {
    for (int yy = int(y) - radius; yy <= int(y) + radius; ++yy)
        for (int xx = int(x) - radius; xx <= int(x) + radius; ++xx)
            if (xx >= 0 && yy >= 0 && xx < img.width && yy < img.height &&
                distance(img.row(yy) + xx * 4, c) <= tolerance)
                return true;
    return false;
}

TEST_F(EventsRenderTest, Army2024LinksFromTheFourCapitalsToKubinka) {
    RenderOptions o;
    o.bbox = BBox::of(-20, 0, 60, 60);
    o.projection = "equirect";
    o.width = 1200, o.height = 900, o.size_given = true;
    o.date = "2024-08-13";
    o.window_days = 30;
    auto image = map_->render(o);
    ASSERT_TRUE(image) << image.error().message;
    // Golden: Mesa llvmpipe 22.3; the tolerance allows another Mesa's edge and text rasterisation.
    EXPECT_TRUE(test::matches_golden(image.value(), "army2024_2024-08-13_w30", test::kMapGoldenTolerance));

    // Independently of the golden: each link's great-circle midpoint carries Russia's colour.
    const GeoPoint kubinka{36.82, 55.56};
    const Color russia = party_color("Russia");
    auto px = [&](GeoPoint g) { return XY{(g.lon + 20) / 80 * 1200, (60 - g.lat) / 60 * 900}; };
    for (const auto& [name, capital] : std::vector<std::pair<const char*, GeoPoint>>{
             {"Bamako", {-8.0, 12.64}}, {"Bangui", {18.56, 4.36}}, {"Ouagadougou", {-1.53, 12.37}},
             {"Niamey", {2.11, 13.51}}}) {
        // The arc is drawn densified along the great circle; in equirect it bends, so look near the true
        // midpoint.
        const XY mid = px(great_circle_midpoint(capital, kubinka));
        EXPECT_TRUE(colour_near(image.value(), mid.x, mid.y, 4, russia, 40)) << name << " -> Kubinka link";
    }
    // A place with no link at that date (Khartoum - Sochi) shows none: the check can fail.
    const XY none = px(great_circle_midpoint({32.53, 15.5}, {39.73, 43.6}));
    EXPECT_FALSE(colour_near(image.value(), none.x, none.y, 4, russia, 40));
}

// The dark map (--theme dark, MapStyle from map_style(kDark)) of the same scene: a golden of its own, and
// independently of it the sea and land in the dark style's colours, Russia's links in the dark palette and no
// pixel of the light map's sea left.
TEST_F(EventsRenderTest, Army2024OnTheDarkMap) {
    RenderOptions o;
    o.bbox = BBox::of(-20, 0, 60, 60);
    o.projection = "equirect";
    o.width = 800, o.height = 600, o.size_given = true;
    o.date = "2024-08-13";
    o.window_days = 30;
    o.theme = MapTheme::kDark;
    auto image = map_->render(o);
    ASSERT_TRUE(image) << image.error().message;
    // Golden: Mesa llvmpipe 22.3, with the map goldens' tolerance (another Mesa's edges and text).
    EXPECT_TRUE(test::matches_golden(image.value(), "army2024_dark_2024-08-13_w30", test::kMapGoldenTolerance));

    const MapStyle dark = map_style(MapTheme::kDark), light = map_style(MapTheme::kLight);
    auto px = [&](GeoPoint g) { return XY{(g.lon + 20) / 80 * 800, (60 - g.lat) / 60 * 600}; };
    const XY atlantic = px({-15, 35}), sahara = px({10, 25});  // open sea; Algeria (no tint, no label there)
    EXPECT_TRUE(colour_near(image.value(), atlantic.x, atlantic.y, 0, dark.ocean, 3));
    EXPECT_TRUE(colour_near(image.value(), sahara.x, sahara.y, 2, dark.base.fill, 3));
    int light_sea = 0;
    for (int y = 0; y < image->height; ++y)
        for (int x = 0; x < image->width; ++x) light_sea += distance(image->row(y) + x * 4, light.ocean) <= 6;
    // The light map's sea is about half of its pixels; here only a stray pixel of a light label's edge may match.
    EXPECT_LT(light_sea, image->width * image->height / 10000);
    const GeoPoint kubinka{36.82, 55.56};
    const XY mid = px(great_circle_midpoint({-8.0, 12.64}, kubinka));  // Bamako -> Kubinka
    EXPECT_TRUE(colour_near(image.value(), mid.x, mid.y, 4, dark.events.parties.of("Russia"), 40));
}

TEST_F(EventsRenderTest, FrenchPresenceInMaliEndsOn2022_08_15) {
    RenderOptions o;
    o.bbox = BBox::of(-13, 9, 5, 25);
    o.projection = "equirect";
    o.width = 720, o.height = 640, o.size_given = true;
    o.window_days = 0;
    o.date = "2022-08-14";
    auto before = map_->render(o);
    o.date = "2022-08-16";
    auto after = map_->render(o);
    ASSERT_TRUE(before && after);
    // Mali's presence badges sit under its name, in the upper half of this view (Burkina Faso, where
    // Barkhane stays until November, is in the lower half). France's blue text is among them only before
    // the departure: count strongly blue pixels there.
    auto has_french_badge = [&](const Image& img) {
        int hits = 0;
        for (int y = 0; y < img.height * 0.6; ++y)
            for (int x = 0; x < img.width; ++x) {
                const std::uint8_t* p = img.row(y) + x * 4;
                hits += (p[2] - p[0] > 90 && p[2] > p[1] + 20);
            }
        return hits;
    };
    EXPECT_GT(has_french_badge(before.value()), 5) << "FR badge before 2022-08-15";
    EXPECT_EQ(has_french_badge(after.value()), 0) << "no French colour after the departure";
}

}  // namespace
}  // namespace em
