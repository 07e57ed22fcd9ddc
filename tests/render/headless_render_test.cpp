// GL tests: render through the same path as `eventmap render` (EGL, no window) and check the pictures.
#include <gtest/gtest.h>

#include <cmath>

#include "app/headless_map.hpp"
#include "support/golden.hpp"
#include "support/headless_fixture.hpp"
#include "support/map_pixels.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

class HeadlessRenderTest : public test::HeadlessSuite {
protected:
    static Image render(const RenderOptions& o) {
        auto image = map_->render(o);
        EXPECT_TRUE(image) << (image ? "" : image.error().message);
        return image ? std::move(image).value() : Image();
    }
};

const std::uint8_t* pixel(const Image& img, int x, int y) { return img.row(y) + static_cast<size_t>(x) * 4; }

double luminance(const std::uint8_t* p) { return 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2]; }

bool is_ocean(const std::uint8_t* p) {
    const Color ocean = MapStyle{}.ocean;
    return std::abs(p[0] - ocean.r * 255) < 4 && std::abs(p[1] - ocean.g * 255) < 4 &&
           std::abs(p[2] - ocean.b * 255) < 4;
}

TEST_F(HeadlessRenderTest, DefaultViewMatchesGolden) {
    RenderOptions o;
    o.width = 640, o.height = 360;
    const Image image = render(o);
    ASSERT_EQ(image.width, 640);
    ASSERT_EQ(image.height, 360);
    // Mesa llvmpipe 22.3 is deterministic run to run; the tolerance leaves room for another Mesa release's
    // rasterisation and LLVM code generation (a few edge pixels, sub-pixel text differences).
    EXPECT_TRUE(test::matches_golden(image, "default_view_640x360", test::kMapGoldenTolerance));
}

TEST_F(HeadlessRenderTest, EquirectBboxSpansExactlyTheBoxLinearInLonLat) {
    RenderOptions o;
    o.bbox = BBox::of(-20, 0, 60, 60);
    o.projection = "equirect";
    o.width = 800, o.height = 600, o.size_given = true;
    o.labels = false;
    o.graticule = false;
    const Image image = render(o);
    ASSERT_EQ(image.width, 800);
    // Bamako (12.64 N, 8.00 W in data/places.csv) must be drawn where a linear lon/lat mapping puts it.
    const double bx = (-8.0 + 20.0) / 80.0 * 800.0, by = (60.0 - 12.64) / 60.0 * 600.0;
    auto darkest_near = [&](double cx, double cy, int radius) {
        double darkest = 255;
        for (int y = int(cy) - radius; y <= int(cy) + radius; ++y)
            for (int x = int(cx) - radius; x <= int(cx) + radius; ++x)
                darkest = std::min(darkest, luminance(pixel(image, x, y)));
        return darkest;
    };
    EXPECT_LT(darkest_near(bx, by, 3), 120.0) << "capital marker ring expected around Bamako";
    EXPECT_GT(luminance(pixel(image, int(bx), int(by))), 200.0) << "marker centre is white";
    // The same test 15 pixels away finds no marker: the check can fail.
    EXPECT_GT(darkest_near(bx + 15, by, 3), 150.0);
}

TEST_F(HeadlessRenderTest, NoBandAcrossTheMapFromAntimeridianRings) {
    RenderOptions o;
    o.bbox = BBox::of(-180, -80, 180, 85);
    o.projection = "equirect";
    o.width = 1440, o.height = 660, o.size_given = true;
    o.labels = false;
    o.graticule = false;
    const Image image = render(o);
    auto at = [&](double lon, double lat) {
        return pixel(image, int((lon + 180) / 360 * 1440), int((85 - lat) / 165 * 660));
    };
    // Open ocean at the latitudes of Russia's and Fiji's rings: a ring jumping +180 -> -180 and back would
    // paint land across all of these.
    EXPECT_TRUE(is_ocean(at(-150, 45))) << "North Pacific";
    EXPECT_TRUE(is_ocean(at(-140, 55))) << "Gulf of Alaska";
    EXPECT_TRUE(is_ocean(at(-35, 50))) << "North Atlantic";
    EXPECT_TRUE(is_ocean(at(-170, -20))) << "South Pacific near Fiji";
    EXPECT_TRUE(is_ocean(at(0, 75))) << "Greenland Sea";
    // And land where land is: Chukotka (east of the antimeridian) and Siberia.
    EXPECT_FALSE(is_ocean(at(-175, 66.5))) << "Chukotka";
    EXPECT_FALSE(is_ocean(at(100, 62))) << "Siberia";
}

// Sum of how much darker than the ocean the pixels of a row are: the ink a line leaves on that row.
double row_ink(const Image& img, int y, int x0, int x1) {
    const double ocean = luminance(pixel(img, x0, y));
    double ink = 0;
    for (int x = x0; x <= x1; ++x) ink += std::max(0.0, ocean - luminance(pixel(img, x, y)));
    return ink;
}

TEST_F(HeadlessRenderTest, LinesKeepTheirPixelWidthAtEveryZoom) {
    // The 30 W meridian of the graticule over the open Atlantic, at two zoom levels four times apart.
    RenderOptions wide, close;
    wide.bbox = BBox::of(-42, 20, -18, 38);
    close.bbox = BBox::of(-33, 27.75, -27, 32.25);
    for (auto* o : {&wide, &close}) {
        o->projection = "equirect";
        o->width = 400, o->height = 300, o->size_given = true;
        o->labels = false;
    }
    const Image a = render(wide), b = render(close);
    ASSERT_EQ(a.width, 400);
    ASSERT_EQ(b.width, 400);
    const double ink_a = row_ink(a, 150, 150, 250), ink_b = row_ink(b, 150, 150, 250);
    EXPECT_GT(ink_a, 5.0) << "the meridian is drawn";
    EXPECT_NEAR(ink_a, ink_b, 0.15 * ink_a) << "same ink per row at both zooms";
}

TEST_F(HeadlessRenderTest, EveryProjectionDrawsLandAndOcean) {
    for (const char* name : {"equirect", "mercator", "laea"}) {
        RenderOptions o;
        o.projection = name;
        o.width = 640, o.height = 360;  // big enough that the known points stay clear of labels
        const Image image = render(o);
        ASSERT_EQ(image.width, 640) << name;
        size_t ocean = 0;
        for (int y = 0; y < image.height; ++y)
            for (int x = 0; x < image.width; ++x) ocean += is_ocean(pixel(image, x, y));
        const double share = double(ocean) / (image.width * image.height);
        EXPECT_GT(share, 0.1) << name;
        EXPECT_LT(share, 0.8) << name;
        // Known land and sea where this projection puts them.
        EXPECT_TRUE(test::land_and_ocean_where_expected(image, o)) << name;
        // A negative control: the same picture read as if drawn in another projection fails.
        RenderOptions other = o;
        other.projection = std::string(name) == "laea" ? "equirect" : "laea";
        EXPECT_FALSE(test::land_and_ocean_where_expected(image, other)) << name << " read as " << other.projection;
    }
}

// A translucent user layer in Lambert azimuthal equal-area: Algeria's fill is one even colour. Its lon/lat
// triangulation has long slivers from the coast to the southern border; projected, some flip over their neighbours,
// and before fills blended each pixel once they showed as dark dashed streaks (252 pixels off in this box).
TEST_F(HeadlessRenderTest, TranslucentFillHasNoStreaksInLambertProjection) {
    RenderOptions o;
    o.layers = {(test::source_dir() / "data/naturalearth/ne_10m_admin0_countries.shp").string()};
    o.bbox = BBox::of(-4, 18, 14, 36);
    o.projection = "laea";
    o.width = 800, o.height = 800, o.size_given = true;
    o.labels = false;
    o.graticule = false;
    const Image image = render(o);
    ASSERT_EQ(image.width, 800);
    // Inside Algeria, away from its borders: every pixel within 6 of the first one in every channel.
    const std::uint8_t* ref = pixel(image, 300, 250);
    int off = 0;
    for (int y = 250; y < 560; ++y)
        for (int x = 300; x < 540; ++x) {
            const std::uint8_t* p = pixel(image, x, y);
            for (int c = 0; c < 3; ++c)
                if (std::abs(p[c] - ref[c]) > 6) {
                    ++off;
                    break;
                }
        }
    EXPECT_EQ(off, 0);
}

}  // namespace
}  // namespace em
