// GL test: point events' dots in one instanced draw, each with its own radius, fill, ring and opacity, later ones
// over earlier ones (issue 17: dots were one draw per style).
#include <gtest/gtest.h>

#include <optional>

#include "render/dot_renderer.hpp"
#include "support/blend_target.hpp"
#include "support/headless_fixture.hpp"

namespace em {
namespace {

class DotRendererTest : public test::HeadlessSuite {};

TEST_F(DotRendererTest, DotsAreDrawnInOrderEachWithItsOwnStyle) {
    auto target = test::white_blending_target(96, 64);
    ASSERT_TRUE(target) << target.error().message;
    auto renderer = DotRenderer::create();
    ASSERT_TRUE(renderer) << renderer.error().message;
    const Camera camera({0, 0}, 1.0, 96, 64);
    const Color red = Color::hex(0xFF0000), blue = Color::hex(0x0000FF), black = Color::hex(0x000000);
    // A large red dot with a black ring at x = -20, a small blue one over its right edge at x = -8 (drawn after it:
    // on top), and a black one at half opacity at x = 24.
    renderer->draw({make_dot(-20, 0, 14, 2, red, black, 1.0f), make_dot(-8, 0, 5, 1, blue, blue, 1.0f),
                    make_dot(24, 0, 8, 1, black, black, 0.5f)},
                   camera);
    glDisable(GL_BLEND);
    const Image img = target->read();
    auto at = [&](double x, double y) { return test::pixel_at(img, camera, {x, y}); };
    EXPECT_EQ(at(-20, 0)[0], 255);  // red fill
    EXPECT_EQ(at(-20, 0)[2], 0);
    EXPECT_LT(at(-20, 12.5)[0], 40);  // its black ring (radius 14, 2 px wide)
    EXPECT_EQ(at(-8, 0)[2], 255);     // blue over red: drawn later
    EXPECT_EQ(at(-8, 0)[0], 0);
    EXPECT_NEAR(at(24, 0)[0], 128, 1);  // black at half opacity over white
    EXPECT_EQ(at(40, 20)[0], 255);      // nothing there
}

}  // namespace
}  // namespace em
