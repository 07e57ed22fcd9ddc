// Clipping to a box and fans for the stencil: the two steps that let a one-off picture of a heavy layer skip
// tessellation (app/overlay_layers: load_overlay_for_picture).
#include <gtest/gtest.h>

#include <cmath>

#include "geo/box_clip.hpp"
#include "geo/tessellator.hpp"
#include "geo_test_util.hpp"

namespace em {
namespace {

Ring square(double x0, double y0, double x1, double y1) { return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}; }

TEST(BoxClipTest, RingInsideIsKeptAsItIsAndRingOutsideIsEmpty) {
    const BBox box = BBox::of(0, 0, 10, 10);
    const Ring inside = square(2, 2, 4, 4);
    EXPECT_EQ(clip_ring_to_box(inside, box), inside);
    EXPECT_TRUE(clip_ring_to_box(square(20, 20, 30, 30), box).empty());
}

TEST(BoxClipTest, PolygonWithHoleKeepsTheEvenOddPartInsideTheBox) {
    // A 10x10 square with a 2x2 hole, cut by a box through the hole's middle: 50 - 2 = 48 left.
    VectorLayer layer;
    Feature f;
    f.polygons.push_back(Polygon{{square(0, 0, 10, 10), square(4, 4, 6, 6)}});
    layer.features.push_back(f);
    const BBox box = BBox::of(5, -5, 20, 15);
    clip_polygons_to_box(layer, box);
    ASSERT_EQ(layer.features.size(), 1u);
    const Feature& out = layer.features[0];
    EXPECT_NEAR(test::feature_area(out), 48.0, 1e-9);
    for (const auto& poly : out.polygons)
        for (const auto& r : poly.rings)
            for (const GeoPoint& p : r) {
                EXPECT_GE(p.lon, box.min_x);
                EXPECT_LE(p.lon, box.max_x);
            }
    // The feature's extent is the clipped one.
    EXPECT_DOUBLE_EQ(out.bbox.min_x, 5);
    EXPECT_DOUBLE_EQ(out.bbox.max_x, 10);
    // Even-odd inside test over the clipped rings agrees with the original where the box is.
    std::vector<Ring> rings;
    for (const auto& poly : out.polygons) rings.insert(rings.end(), poly.rings.begin(), poly.rings.end());
    EXPECT_TRUE(test::inside_even_odd(rings, {8, 8}));
    EXPECT_FALSE(test::inside_even_odd(rings, {5.5, 5}));  // in the hole
}

TEST(BoxClipTest, ConcaveRingLeavingAndComingBackStaysOneEvenOddRegion) {
    // A U open at the top, clipped below its arms' tops: two arms and the base, still one ring.
    const Ring u = {{0, 0}, {9, 0}, {9, 9}, {6, 9}, {6, 3}, {3, 3}, {3, 9}, {0, 9}};
    const Ring clipped = clip_ring_to_box(u, BBox::of(-1, -1, 10, 6));
    EXPECT_NEAR(std::abs(ring_signed_area(clipped)), 9 * 3 + 2 * 3 * 3, 1e-9);
    EXPECT_TRUE(test::inside_even_odd({clipped}, {1, 5}));
    EXPECT_FALSE(test::inside_even_odd({clipped}, {4.5, 5}));  // between the arms
}

TEST(BoxClipTest, FeaturesLeftWithoutGeometryAreDropped) {
    VectorLayer layer;
    Feature far, near;
    far.polygons.push_back(Polygon{{square(50, 50, 60, 60)}});
    near.polygons.push_back(Polygon{{square(1, 1, 2, 2)}});
    layer.features = {far, near};
    clip_polygons_to_box(layer, BBox::of(0, 0, 10, 10));
    ASSERT_EQ(layer.features.size(), 1u);
    EXPECT_DOUBLE_EQ(layer.features[0].bbox.min_x, 1);
}

TEST(FanFillTest, EveryRingIsAFanFromItsFirstPoint) {
    TriangleMesh mesh;
    fan_fill(Polygon{{square(0, 0, 4, 4), {{1, 1}, {2, 1}, {2, 2}}}}, mesh);
    ASSERT_EQ(mesh.vertices.size(), 7u);
    const std::vector<std::uint32_t> want = {0, 1, 2, 0, 2, 3, 4, 5, 6};
    EXPECT_EQ(mesh.indices, want);
    // The fans' areas add up to the rings' (they overlap: the stencil's even-odd count decides what is inside).
    EXPECT_NEAR(triangle_area(mesh), 16.0 + 0.5, 1e-12);
}

}  // namespace
}  // namespace em
