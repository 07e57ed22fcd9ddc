// GL test: a translucent fill blends each pixel once per run (feature), even where the run's own triangles overlap
// (as sliver triangles do once a non-affine projection has flipped them); other runs and draws blend again.
#include <gtest/gtest.h>

#include <optional>

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

}  // namespace
}  // namespace em
