// GL test: a translucent fill blends each pixel once per run (feature), even where the run's own triangles overlap
// (as sliver triangles do once a non-affine projection has flipped them); other runs and draws blend again.
#include <gtest/gtest.h>

#include <optional>

#include "geo/prepared_layer.hpp"
#include "geo/projected_mesh.hpp"
#include "geo/projection.hpp"
#include "render/fill_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "support/headless_fixture.hpp"

namespace em {
namespace {

// Quads of a 64x64 picture, two triangles each: indices 0-5 the left half, 6-11 the whole picture (overlapping the
// left half), 12-17 the right half.
GpuMesh overlapping_triangles() {
    ProjectedMesh m;
    m.fill_xy = {-32, -32, 0, -32, 0, 32, -32, 32,   // left half
                 -32, -32, 32, -32, 32, 32, -32, 32,  // whole picture
                 0, -32, 32, -32, 32, 32, 0, 32};     // right half
    m.fill_indices = {0, 1, 2, 0, 2, 3, 4, 5, 6, 4, 6, 7, 8, 9, 10, 8, 10, 11};
    return upload_mesh(m);
}

// Each test: a white 64x64 target, blending as the map does (premultiplied colour), a pass begun.
class FillRendererTest : public test::HeadlessSuite {
protected:
    void SetUp() override {
        auto target = OffscreenTarget::create(64, 64, 0);
        ASSERT_TRUE(target) << target.error().message;
        target_ = std::move(target).value();
        auto fill = FillRenderer::create();
        ASSERT_TRUE(fill) << fill.error().message;
        fill_ = std::move(fill).value();
        mesh_ = overlapping_triangles();
        target_->bind();
        glClearColor(1, 1, 1, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        fill_->begin_pass();
    }
    void TearDown() override { glDisable(GL_BLEND); }

    // Draws runs of the mesh in black at this opacity.
    void draw_black(const std::vector<DrawRange>& runs, float opacity) {
        target_->bind();
        fill_->draw(mesh_, runs, Color::hex(0x000000), opacity, Camera({0, 0}, 1.0, 64, 64));
    }
    // The red channel at (x, 32).
    int red_at(int x) const { return target_->read().row(32)[x * 4]; }

    std::optional<OffscreenTarget> target_;
    std::optional<FillRenderer> fill_;
    GpuMesh mesh_;
};

TEST_F(FillRendererTest, OverlappingTrianglesOfOneDrawBlendOnceAndTheNextDrawBlendsAgain) {
    draw_black({{0, 12}}, 0.5f);
    const Image once = target_->read();
    // Black at 50% over white, once: 127 or 128 everywhere, left half (two triangles on top of each other) too.
    for (int y = 4; y < 60; y += 8)
        for (int x = 4; x < 60; x += 8) EXPECT_NEAR(once.row(y)[x * 4], 128, 1) << x << "," << y;
    // A second draw is a second layer: it blends again (64 left).
    draw_black({{0, 6}}, 0.5f);
    EXPECT_NEAR(red_at(8), 64, 1);
    EXPECT_NEAR(red_at(56), 128, 1);
}

TEST_F(FillRendererTest, OverlappingRunsOfOneDrawEachBlend) {
    // Two features (runs) that overlap on the left half: the overlap is darker, as two translucent zones should be.
    draw_black({{0, 6}, {6, 6}}, 0.5f);
    EXPECT_NEAR(red_at(8), 64, 1);
    EXPECT_NEAR(red_at(56), 128, 1);
}

TEST_F(FillRendererTest, AfterTheStencilIdsWrapARunStillBlends) {
    // 254 runs on the right half (stencil ids 1..254), then the left half twice: ids 255 and, after the wrap, a
    // fresh one. The second must blend again (GL clamps a reference past 255 to 255, which would skip it).
    std::vector<DrawRange> runs(254, DrawRange{12, 6});
    runs.push_back({0, 6});
    runs.push_back({0, 6});
    draw_black(runs, 0.5f);
    EXPECT_NEAR(red_at(8), 64, 1);  // blended twice
    EXPECT_LE(red_at(56), 1);       // 254 times: black
}

// A 64x64 picture's square frame (-24..24) with a square hole (-8..8), and a concave "C" beside nothing else, as one
// feature: prepared with fans for the stencil or tessellated by GLU, in the picture's own units (equirectangular
// degrees x 1 = the camera below).
PreparedLayer frame_and_c(bool fans) {
    VectorLayer layer;
    layer.kind = GeometryKind::kPolygon;
    Feature f;
    Polygon frame;
    frame.rings.push_back({{-24, -24}, {24, -24}, {24, 24}, {-24, 24}});
    frame.rings.push_back({{-8, -8}, {-8, 8}, {8, 8}, {8, -8}});
    f.polygons.push_back(frame);
    Polygon c;  // a C opening to the right, at the top-left corner, overlapping nothing
    c.rings.push_back({{-31, 26}, {-20, 26}, {-20, 27}, {-30, 27}, {-30, 30}, {-20, 30}, {-20, 31}, {-31, 31}});
    f.polygons.push_back(c);
    f.bbox = BBox::of(-31, -24, 24, 31);
    layer.features.push_back(f);
    PrepareOptions o;
    o.fan_fill = fans;
    return prepare_layer(layer, o);
}

class EvenOddFillTest : public FillRendererTest {
protected:
    // Draws the layer (fans or tessellated) in black at this opacity on white, returns the picture.
    Image draw_layer(bool fans, float opacity) {
        const PreparedLayer layer = frame_and_c(fans);
        EXPECT_EQ(layer.mesh.fill_even_odd, fans);
        const auto projection = Projection::from_name("equirect");
        EXPECT_TRUE(projection);
        // Degrees to metres: the camera below is set in the projection's metres.
        ProjectedMesh projected = project_mesh(layer.mesh, *projection);
        const GpuMesh gpu = upload_mesh(projected);
        EXPECT_EQ(gpu.fill_even_odd, fans);
        const double metres_per_degree = projection->forward({1, 0})->x;
        target_->bind();
        glClear(GL_COLOR_BUFFER_BIT);
        fill_->begin_pass();
        std::vector<DrawRange> runs;
        for (const auto& r : projected.ranges) runs.push_back({r.first_index, r.index_count});
        fill_->draw(gpu, runs, Color::hex(0x000000), opacity, Camera({0, 0}, metres_per_degree, 64, 64));
        return target_->read();
    }
};

TEST_F(EvenOddFillTest, FansThroughTheStencilFillWhatTheTessellationFills) {
    const Image fans = draw_layer(true, 1.0f), tessellated = draw_layer(false, 1.0f);
    int differ = 0;
    for (std::size_t i = 0; i < fans.pixels.size(); ++i) differ += fans.pixels[i] != tessellated.pixels[i];
    EXPECT_EQ(differ, 0);
    // And that is the frame without its hole, and the C without its opening (the C's fans cover the opening an
    // even number of times, so it is left out).
    EXPECT_EQ(fans.row(32 + 16)[(32 + 16) * 4], 0);    // on the frame: black (rows are top-down: +16 is below)
    EXPECT_EQ(fans.row(32)[32 * 4], 255);              // in the hole: white
    // Row r covers y from 31 - r to 32 - r, column c x from c - 32 to c - 31.
    EXPECT_EQ(fans.row(4)[7 * 4], 255);  // inside the C's opening (x -25..-24, y 27..28): white
    EXPECT_EQ(fans.row(1)[7 * 4], 0);    // on the C's top bar (y 30..31): black
}

TEST_F(EvenOddFillTest, TranslucentFansBlendEachPixelOnceAndLeaveTheStencilClean) {
    const Image once = draw_layer(true, 0.5f);
    // The fans of the frame overlap each other (up to three deep); each inside pixel is blended once.
    for (int y = 10; y < 54; y += 4)
        for (int x = 10; x < 54; x += 4) {
            const bool in_hole = x > 24 && x < 40 && y > 24 && y < 40;
            EXPECT_NEAR(once.row(y)[x * 4], in_hole ? 255 : 128, 1) << x << "," << y;
        }
    // The stencil is left clear: a translucent draw of the ordinary kind after it still blends everywhere.
    draw_black({{6, 6}}, 0.5f);
    const Image after = target_->read();
    EXPECT_NEAR(after.row(32)[32 * 4], 128, 1);       // the hole: white, now blended once
    EXPECT_NEAR(after.row(16)[16 * 4], 64, 1);        // the frame: twice
}

}  // namespace
}  // namespace em
