// GL tests of point events (ACLED rows): dots coloured by event type or by the mapped party, in the time window
// only; hexagon bins when dense.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "app/headless_map.hpp"
#include "render/actor_style.hpp"
#include "render/point_events.hpp"
#include "support/headless_fixture.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

class PointEventsRenderTest : public test::HeadlessSuite {};

int distance(const std::uint8_t* p, const Color& c) {
    return std::max({std::abs(p[0] - int(c.r * 255)), std::abs(p[1] - int(c.g * 255)), std::abs(p[2] - int(c.b * 255))});
}

// How many pixels within radius of (x, y) are within tolerance of the colour.
int pixels_near(const Image& img, XY at, int radius, const Color& c, int tolerance = 30) {
    int n = 0;
    for (int y = int(at.y) - radius; y <= int(at.y) + radius; ++y)
        for (int x = int(at.x) - radius; x <= int(at.x) + radius; ++x)
            if (x >= 0 && y >= 0 && x < img.width && y < img.height && distance(img.row(y) + x * 4, c) <= tolerance)
                ++n;
    return n;
}

// The Mali-Burkina-Niger view, equirectangular so that lon/lat map to pixels linearly.
RenderOptions sahel(const std::string& events) {
    RenderOptions o;
    o.bbox = BBox::of(-12, 9, 10, 23);
    o.projection = "equirect";
    o.width = 1100, o.height = 700, o.size_given = true;
    o.date = "2024-08-13";
    o.window_days = 365;
    o.events = {events};
    o.labels = false;
    return o;
}
XY pixel(GeoPoint g) { return {(g.lon + 12) / 22 * 1100, (23 - g.lat) / 14 * 700}; }

TEST_F(PointEventsRenderTest, AcledRowsInTheWindowAreDotsOfTheirTypeOrParty) {
    auto image = map_->render(sahel(test::fixture("acled/acled_sample.csv")));
    ASSERT_TRUE(image) << image.error().message;
    const Image& img = image.value();
    // Tinzaouaten, 25 July 2024: Wagner Group (mapped to Russia), 84 fatalities: a large vermillion dot.
    // Three rows share the place (84, 31, 21 killed): dots inside each other, each with a dark ring.
    EXPECT_GT(pixels_near(img, pixel({2.97, 19.96}), 10, party_color("Russia"), 45), 40);
    // Ouallam, 9 August 2024: Islamic State (Sahel) against civilians: a purple dot.
    EXPECT_GT(pixels_near(img, pixel({2.087, 14.318}), 6, event_type_color("Violence against civilians")), 10);
    // Mansila, 11 June 2024: JNIM attack, 107 fatalities: a large dark red dot, faded by two months of the
    // trailing window (about 64% over the land: hence the wide tolerance).
    EXPECT_GT(pixels_near(img, pixel({0.85, 13.14}), 12, event_type_color("Battles"), 90), 150);
    // Niono, 3 February 2023, is before the window; Barsalogho, 24 August 2024, after the date: nothing there.
    EXPECT_EQ(pixels_near(img, pixel({-5.993, 14.252}), 8, event_type_color("Violence against civilians")), 0);
    EXPECT_EQ(pixels_near(img, pixel({-1.058, 13.417}), 8, event_type_color("Violence against civilians")), 0);
}

TEST_F(PointEventsRenderTest, MinFatalitiesHidesTheSmallOnes) {
    RenderOptions o = sahel(test::fixture("acled/acled_sample.csv"));
    o.filters.min_fatalities = 50;
    auto image = map_->render(o);
    ASSERT_TRUE(image) << image.error().message;
    EXPECT_GT(pixels_near(image.value(), pixel({2.97, 19.96}), 10, party_color("Russia"), 45), 40);  // 84
    EXPECT_EQ(pixels_near(image.value(), pixel({2.087, 14.318}), 6, event_type_color("Violence against civilians")),
              0);  // 7
}

TEST_F(PointEventsRenderTest, DenseRowsBecomeHexagonBins) {
    // 3000 battles around Gao in the window: more than PointEvents::kAggregateAbove in view.
    const auto dir = test::temp_dir("point_events_dense");
    const std::string path = (dir / "dense.csv").string();
    {
        std::ofstream out(path);
        out << "event_id_cnty,event_date,event_type,actor1,fatalities,latitude,longitude,location,iso\n";
        for (int i = 0; i < 3000; ++i)
            out << "MLI" << i << ",2024-0" << 1 + i % 7 << "-1" << i % 10 << ",Battles,JNIM," << i % 5 << ","
                << 16.27 + 0.4 * std::sin(i * 0.7) << "," << -0.04 + 0.4 * std::cos(i * 1.3) << ",Gao,466\n";
    }
    auto image = map_->render(sahel(path));
    ASSERT_TRUE(image) << image.error().message;
    // A bin is a filled hexagon of 14 px: a solid patch of the Battles colour (blended over the land) larger than
    // any dot of fatalities under 5 could make (a 5 px dot covers about 80 pixels).
    const Color battles = event_type_color("Battles");
    int solid = 0;
    for (int y = 0; y < image->height; ++y)
        for (int x = 0; x < image->width; ++x) solid += distance(image->row(y) + x * 4, battles) <= 60;
    EXPECT_GT(solid, 400);
    // With most filtered out (fatalities at least 4: 600 rows, under the threshold), dots: still there.
    RenderOptions few = sahel(path);
    few.filters.min_fatalities = 4;
    auto dots = map_->render(few);
    ASSERT_TRUE(dots);
    int dot_ink = 0;
    for (int y = 0; y < dots->height; ++y)
        for (int x = 0; x < dots->width; ++x) dot_ink += distance(dots->row(y) + x * 4, battles) <= 60;
    EXPECT_GT(dot_ink, 20);
}

}  // namespace
}  // namespace em
