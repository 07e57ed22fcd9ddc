// GL test: hexagon bins drawn in one draw, each in its own colour and at its own opacity (point events' bins, issue
// 17), blended once over what is under them; the gap between neighbours is left alone.
#include <gtest/gtest.h>

#include <optional>

#include "events/hex_bins.hpp"
#include "render/bin_renderer.hpp"
#include "support/blend_target.hpp"
#include "support/headless_fixture.hpp"

namespace em {
namespace {

class BinRendererTest : public test::HeadlessSuite {};

TEST_F(BinRendererTest, EachBinBlendsItsOwnColourAndOpacityOnce) {
    auto target = test::white_blending_target(96, 64);
    ASSERT_TRUE(target) << target.error().message;
    auto renderer = BinRenderer::create();
    ASSERT_TRUE(renderer) << renderer.error().message;
    // Three neighbouring cells of a 12-unit grid, drawn 0.9 of their size as point_events draws them: black at 0.5,
    // black at 0.25 (what one run per colour drew at its first bin's opacity), red at 1.
    const double radius = 12;
    std::vector<BinVertex> vertices;
    const XY a = hex_centre(0, 0, radius), b = hex_centre(1, 0, radius), c = hex_centre(-1, 0, radius);
    append_bin(vertices, hex_corners(a, radius * 0.9), Color::hex(0x000000), 0.5f);
    append_bin(vertices, hex_corners(b, radius * 0.9), Color::hex(0x000000), 0.25f);
    append_bin(vertices, hex_corners(c, radius * 0.9), Color::hex(0xFF0000), 1.0f);
    ASSERT_EQ(vertices.size(), 36u);
    UploadedBins bins;
    bins.upload(vertices);
    EXPECT_EQ(bins.vertex_count(), 36u);
    const Camera camera({0, 0}, 1.0, 96, 64);
    renderer->draw(bins, camera);
    glDisable(GL_BLEND);
    const Image img = target->read();
    auto at = [&](XY world) { return test::pixel_at(img, camera, world); };
    EXPECT_NEAR(at(a)[0], 128, 1);  // black at 0.5 over white, blended once on the diagonal two of its triangles share
    EXPECT_NEAR(at(b)[0], 191, 1);  // black at 0.25: its own opacity
    EXPECT_EQ(at(c)[0], 255);       // red, opaque
    EXPECT_EQ(at(c)[1], 0);
    // Half-way between a and b is the gap between two bins drawn smaller than their cells: white.
    const XY gap{(a.x + b.x) / 2, (a.y + b.y) / 2};
    EXPECT_EQ(at(gap)[0], 255);
    EXPECT_EQ(at(gap)[1], 255);
}

TEST(BinVertices, AHexagonIsFourTrianglesFromItsFirstCornerInPremultipliedColour) {
    std::vector<BinVertex> v;
    const auto corners = hex_corners({10, 20}, 5);
    append_bin(v, corners, Color{0.8f, 0.4f, 0.2f, 1.0f}, 0.5f);
    ASSERT_EQ(v.size(), 12u);
    const int fan[] = {0, 1, 2, 0, 2, 3, 0, 3, 4, 0, 4, 5};
    for (std::size_t i = 0; i < 12; ++i) {
        EXPECT_FLOAT_EQ(v[i].x, static_cast<float>(corners[static_cast<std::size_t>(fan[i])].x)) << i;
        EXPECT_FLOAT_EQ(v[i].y, static_cast<float>(corners[static_cast<std::size_t>(fan[i])].y)) << i;
        EXPECT_FLOAT_EQ(v[i].r, 0.4f);
        EXPECT_FLOAT_EQ(v[i].g, 0.2f);
        EXPECT_FLOAT_EQ(v[i].b, 0.1f);
        EXPECT_FLOAT_EQ(v[i].a, 0.5f);
    }
}

}  // namespace
}  // namespace em
