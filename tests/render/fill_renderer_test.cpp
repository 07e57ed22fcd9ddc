// GL test: a translucent fill blends each pixel once, even where its own triangles overlap (as sliver triangles
// do once a non-affine projection has flipped them), and each new draw blends again.
#include <gtest/gtest.h>

#include "render/fill_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "support/headless_fixture.hpp"

namespace em {
namespace {

class FillRendererTest : public test::HeadlessSuite {};

// Two triangles covering the left half and the whole of a 64x64 picture: they overlap on the left half.
GpuMesh overlapping_triangles() {
    ProjectedMesh m;
    m.fill_xy = {-32, -32, 0, -32, 0, 32, -32, 32,    // left half (two triangles)
                 -32, -32, 32, -32, 32, 32, -32, 32};  // whole picture (two triangles)
    m.fill_indices = {0, 1, 2, 0, 2, 3, 4, 5, 6, 4, 6, 7};
    return upload_mesh(m);
}

TEST_F(FillRendererTest, OverlappingTrianglesOfOneDrawBlendOnceAndTheNextDrawBlendsAgain) {
    auto target = OffscreenTarget::create(64, 64, 0);
    ASSERT_TRUE(target) << target.error().message;
    auto fill = FillRenderer::create();
    ASSERT_TRUE(fill) << fill.error().message;
    const GpuMesh mesh = overlapping_triangles();
    const Camera camera({0, 0}, 1.0, 64, 64);
    target->bind();
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // the fill shader writes premultiplied colour
    fill->begin_pass();
    fill->draw(mesh, {{0, 12}}, Color::hex(0x000000), 0.5f, camera);
    Image once = target->read();
    // Black at 50% over white, once: 127 or 128 everywhere, left half (two triangles on top of each other) too.
    for (int y = 4; y < 60; y += 8)
        for (int x = 4; x < 60; x += 8) EXPECT_NEAR(once.row(y)[x * 4], 128, 1) << x << "," << y;
    // A second draw is a second layer: it blends again (64 left).
    target->bind();
    fill->draw(mesh, {{0, 6}}, Color::hex(0x000000), 0.5f, camera);
    Image twice = target->read();
    EXPECT_NEAR(twice.row(32)[8 * 4], 64, 1);
    EXPECT_NEAR(twice.row(32)[56 * 4], 128, 1);
    glDisable(GL_BLEND);
}

}  // namespace
}  // namespace em
