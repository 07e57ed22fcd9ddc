// Camera (render/camera): projected metres <-> screen pixels, fitting, tiling, panning and zooming. Plain
// arithmetic, no GL.
#include "render/camera.hpp"

#include <gtest/gtest.h>

#include <array>

namespace em {
namespace {

void expect_xy(XY got, double x, double y) {
    EXPECT_DOUBLE_EQ(got.x, x);
    EXPECT_DOUBLE_EQ(got.y, y);
}

void expect_box(const BBox& b, double x0, double y0, double x1, double y1) {
    EXPECT_DOUBLE_EQ(b.min_x, x0);
    EXPECT_DOUBLE_EQ(b.min_y, y0);
    EXPECT_DOUBLE_EQ(b.max_x, x1);
    EXPECT_DOUBLE_EQ(b.max_y, y1);
}

TEST(CameraTest, CentreIsTheMiddleOfTheViewportAndScreenYGoesDown) {
    const Camera c({100, 200}, 10, 800, 600);
    expect_xy(c.to_screen({100, 200}), 400, 300);
    expect_xy(c.to_screen({110, 210}), 401, 299);  // east is right, north is up (smaller y)
    expect_xy(c.to_screen({100 - 4000, 200 + 3000}), 0, 0);  // top-left corner
    expect_xy(c.to_screen({100 + 4000, 200 - 3000}), 800, 600);
    expect_xy(c.to_world({0, 0}), -3900, 3200);
    expect_xy(c.to_world({800, 600}), 4100, -2800);
}

TEST(CameraTest, ToWorldInvertsToScreen) {
    const Camera c({-1234.5, 987.25}, 3.5, 641, 359);  // odd sizes: half pixels at the centre
    for (XY s : {XY{0, 0}, XY{640.5, 358.5}, XY{17.25, 300}, XY{-50, 1000}}) {
        const XY w = c.to_world(s);
        const XY back = c.to_screen(w);
        EXPECT_NEAR(back.x, s.x, 1e-9);
        EXPECT_NEAR(back.y, s.y, 1e-9);
    }
}

TEST(CameraTest, VisibleIsTheViewportsExtent) {
    expect_box(Camera({100, 200}, 10, 800, 600).visible(), -3900, -2800, 4100, 3200);
}

TEST(CameraTest, SizesBelowOnePixelBecomeOne) {
    const Camera c({0, 0}, 2, 0, -5);
    EXPECT_EQ(c.width(), 1);
    EXPECT_EQ(c.height(), 1);
    expect_box(c.visible(), -1, -1, 1, 1);
}

TEST(CameraTest, FitShowsTheWholeBoxWithSquarePixelsAndMarginOnTheShortSide) {
    // 1000 x 500 metres into 100 x 100 pixels: x decides (10 m/px); y gets 250 m of margin above and below.
    const Camera c = Camera::fit(BBox::of(0, 0, 1000, 500), 100, 100);
    EXPECT_DOUBLE_EQ(c.metres_per_pixel_x(), 10);
    EXPECT_DOUBLE_EQ(c.metres_per_pixel_y(), 10);
    expect_xy(c.centre(), 500, 250);
    expect_box(c.visible(), 0, -250, 1000, 750);
    // A tall box: y decides.
    const Camera tall = Camera::fit(BBox::of(-10, -400, 10, 400), 200, 100);
    EXPECT_DOUBLE_EQ(tall.metres_per_pixel_x(), 8);
    expect_box(tall.visible(), -800, -400, 800, 400);
}

TEST(CameraTest, FitOfAnEmptyOrPointBoxUsesOneMetrePerPixel) {
    const Camera point = Camera::fit(BBox::of(5, 7, 5, 7), 10, 10);
    EXPECT_DOUBLE_EQ(point.metres_per_pixel_x(), 1);
    expect_xy(point.centre(), 5, 7);
    const Camera empty = Camera::fit(BBox{}, 10, 10);
    EXPECT_DOUBLE_EQ(empty.metres_per_pixel_x(), 1);
    EXPECT_DOUBLE_EQ(empty.metres_per_pixel_y(), 1);
}

TEST(CameraTest, ExactStretchesPixelsToShowExactlyTheBox) {
    const Camera c = Camera::exact(BBox::of(0, 0, 1000, 500), 100, 100);
    EXPECT_DOUBLE_EQ(c.metres_per_pixel_x(), 10);
    EXPECT_DOUBLE_EQ(c.metres_per_pixel_y(), 5);
    expect_box(c.visible(), 0, 0, 1000, 500);
    expect_xy(c.to_screen({1000, 500}), 100, 0);
    // A box without height keeps fit's square pixels along y rather than dividing by zero.
    const Camera flat = Camera::exact(BBox::of(0, 3, 200, 3), 100, 50);
    EXPECT_DOUBLE_EQ(flat.metres_per_pixel_x(), 2);
    EXPECT_DOUBLE_EQ(flat.metres_per_pixel_y(), 2);
}

TEST(CameraTest, SubViewsDrawTheSamePixelsAsTheWholeView) {
    const Camera whole({5000, -3000}, 7, 800, 600);
    const XY world_points[] = {{5000, -3000}, {3000, -1000}, {7700, -5000}, {4321, -2222}};
    for (auto [x0, y0, w, h] : {std::array<int, 4>{0, 0, 400, 300}, {400, 300, 400, 300}, {256, 0, 256, 256},
                                {700, 512, 100, 88}}) {
        const Camera tile = whole.sub_view(x0, y0, w, h);
        EXPECT_EQ(tile.width(), w);
        EXPECT_EQ(tile.height(), h);
        EXPECT_DOUBLE_EQ(tile.metres_per_pixel_x(), 7);
        for (XY p : world_points) {
            const XY in_whole = whole.to_screen(p), in_tile = tile.to_screen(p);
            EXPECT_NEAR(in_tile.x, in_whole.x - x0, 1e-9);
            EXPECT_NEAR(in_tile.y, in_whole.y - y0, 1e-9);
        }
    }
}

TEST(CameraTest, PanMovesTheContentWithThePointer) {
    Camera c({0, 0}, 10, 100, 100);
    const XY p{120, -80};
    const XY before = c.to_screen(p);
    c.pan_pixels(15, -4);
    expect_xy(c.to_screen(p), before.x + 15, before.y - 4);
    expect_xy(c.centre(), -150, -40);
    EXPECT_DOUBLE_EQ(c.metres_per_pixel_x(), 10);  // scale untouched
}

TEST(CameraTest, ZoomKeepsTheWorldPointUnderThePointer) {
    Camera c({1000, 2000}, 8, 640, 480);
    const XY pointer{100, 50};
    const XY under = c.to_world(pointer);
    c.zoom_at(pointer, 2);
    EXPECT_DOUBLE_EQ(c.metres_per_pixel_x(), 4);
    EXPECT_DOUBLE_EQ(c.metres_per_pixel_y(), 4);
    const XY after = c.to_world(pointer);
    EXPECT_NEAR(after.x, under.x, 1e-9);
    EXPECT_NEAR(after.y, under.y, 1e-9);
    // A point elsewhere moved: the zoom is about the pointer, not the centre.
    EXPECT_NE(c.centre().x, 1000);
    c.zoom_at(pointer, 0.5);  // and back out
    EXPECT_DOUBLE_EQ(c.metres_per_pixel_x(), 8);
    EXPECT_NEAR(c.centre().x, 1000, 1e-9);
    EXPECT_NEAR(c.centre().y, 2000, 1e-9);
}

TEST(CameraTest, ZoomByZeroOrNegativeFactorDoesNothing) {
    const Camera before({1, 2}, 3, 40, 50);
    Camera c = before;
    c.zoom_at({10, 10}, 0);
    EXPECT_EQ(c, before);
    c.zoom_at({10, 10}, -2);
    EXPECT_EQ(c, before);
}

TEST(CameraTest, ResizeKeepsCentreAndScale) {
    Camera c({10, 20}, 5, 100, 100);
    c.resize(300, 0);
    EXPECT_EQ(c.width(), 300);
    EXPECT_EQ(c.height(), 1);
    expect_xy(c.centre(), 10, 20);
    EXPECT_DOUBLE_EQ(c.metres_per_pixel_x(), 5);
    expect_box(c.visible(), 10 - 750, 20 - 2.5, 10 + 750, 20 + 2.5);
}

TEST(CameraTest, ClampScaleKeepsTheAspectOfStretchedPixels) {
    Camera c = Camera::exact(BBox::of(0, 0, 1000, 500), 100, 100);  // 10 x 5 m/px
    c.clamp_scale(20, 100);
    EXPECT_DOUBLE_EQ(c.metres_per_pixel_x(), 20);
    EXPECT_DOUBLE_EQ(c.metres_per_pixel_y(), 10);
    c.clamp_scale(1, 4);
    EXPECT_DOUBLE_EQ(c.metres_per_pixel_x(), 4);
    EXPECT_DOUBLE_EQ(c.metres_per_pixel_y(), 2);
    const Camera inside = c;
    c.clamp_scale(1, 100);  // already within: unchanged
    EXPECT_EQ(c, inside);
}

TEST(CameraTest, FlipYIsAFlagForDrawingOnly) {
    Camera c({0, 0}, 1, 10, 10);
    EXPECT_FALSE(c.flip_y());
    const XY before = c.to_screen({3, 4});
    Camera flipped = c;
    flipped.set_flip_y(true);
    EXPECT_TRUE(flipped.flip_y());
    EXPECT_NE(flipped, c);  // part of equality, so a cached picture is not reused upside down
    expect_xy(flipped.to_screen({3, 4}), before.x, before.y);
}

}  // namespace
}  // namespace em
