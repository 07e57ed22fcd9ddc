#include "geo/tessellator.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "geo_test_util.hpp"

namespace em {
namespace {

TriangleMesh tessellate_ok(const Polygon& p) {
    Tessellator tess;
    TriangleMesh mesh;
    EXPECT_TRUE(tess.tessellate(p, mesh));
    return mesh;
}

void expect_relative(double got, double want) { EXPECT_NEAR(got, want, 1e-9 * std::abs(want)) << got << " vs " << want; }

void expect_valid_indices(const TriangleMesh& mesh) {
    EXPECT_EQ(mesh.indices.size() % 3, 0u);
    for (auto i : mesh.indices) EXPECT_LT(i, mesh.vertices.size());
}

// Every triangle's centroid is inside the polygon by the even-odd rule: no triangle fills a hole or the outside.
// GLU may emit zero-area triangles along an edge (their centroid lies on the boundary); those cover nothing and
// are skipped here (their area is checked by the area assertions).
void expect_triangles_inside(const TriangleMesh& mesh, const Polygon& p, size_t every = 1) {
    for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3 * every) {
        const GeoPoint a = mesh.vertices[mesh.indices[i]], b = mesh.vertices[mesh.indices[i + 1]],
                       c = mesh.vertices[mesh.indices[i + 2]];
        const double area2 = std::abs((b.lon - a.lon) * (c.lat - a.lat) - (c.lon - a.lon) * (b.lat - a.lat));
        if (area2 < 1e-12) continue;
        const GeoPoint centroid{(a.lon + b.lon + c.lon) / 3, (a.lat + b.lat + c.lat) / 3};
        EXPECT_TRUE(test::inside_even_odd(p.rings, centroid))
            << "triangle " << a.lon << "," << a.lat << " " << b.lon << "," << b.lat << " " << c.lon << "," << c.lat;
    }
}

const Ring kSquare{{0, 0}, {10, 0}, {10, 10}, {0, 10}};  // counter-clockwise, area 100
const Ring kHole{{3, 3}, {3, 7}, {7, 7}, {7, 3}};        // clockwise, area 16

TEST(TessellatorTest, RingSignedAreaIsPositiveCounterClockwise) {
    EXPECT_DOUBLE_EQ(ring_signed_area(kSquare), 100.0);
    EXPECT_DOUBLE_EQ(ring_signed_area(kHole), -16.0);
    EXPECT_DOUBLE_EQ(ring_signed_area(Ring{}), 0.0);
}

TEST(TessellatorTest, SquareWithSquareHoleFillsOuterMinusHole) {
    const Polygon p{{kSquare, kHole}};
    const TriangleMesh mesh = tessellate_ok(p);
    expect_valid_indices(mesh);
    expect_relative(triangle_area(mesh), 100.0 - 16.0);
    expect_triangles_inside(mesh, p);
    EXPECT_EQ(mesh.indices.size(), 8u * 3);  // 8 vertices, 1 hole: 8 + 2*1 - 2 triangles
}

TEST(TessellatorTest, HoleOrientationAndRingOrderDoNotMatter) {
    // Even-odd: a hole given first, with the same orientation as the outer ring, is still a hole.
    Ring hole_ccw(kHole.rbegin(), kHole.rend());
    const Polygon p{{hole_ccw, kSquare}};
    const TriangleMesh mesh = tessellate_ok(p);
    expect_relative(triangle_area(mesh), 84.0);
    expect_triangles_inside(mesh, p);
}

TEST(TessellatorTest, ConcavePolygonFillsItsArea) {
    // A comb with three teeth: deeply concave.
    const Ring comb{{0, 0}, {7, 0}, {7, 5}, {6, 5}, {6, 1}, {4, 1}, {4, 5}, {3, 5}, {3, 1}, {1, 1}, {1, 5}, {0, 5}};
    const Polygon p{{comb}};
    const double area = std::abs(ring_signed_area(comb));
    EXPECT_DOUBLE_EQ(area, 7.0 + 3 * 4.0);
    const TriangleMesh mesh = tessellate_ok(p);
    expect_valid_indices(mesh);
    expect_relative(triangle_area(mesh), area);
    expect_triangles_inside(mesh, p);
}

TEST(TessellatorTest, NonAxisAlignedConcaveStarFillsItsArea) {
    Ring star;
    for (int i = 0; i < 10; ++i) {
        const double angle = i * 3.14159265358979323846 / 5, r = (i % 2) ? 2.0 : 5.0;
        star.push_back({r * std::cos(angle), r * std::sin(angle)});
    }
    const Polygon p{{star}};
    const TriangleMesh mesh = tessellate_ok(p);
    expect_relative(triangle_area(mesh), std::abs(ring_signed_area(star)));
    expect_triangles_inside(mesh, p);
}

// A bow-tie crosses itself at (1,1). Its signed (shoelace) area is 0 because the two lobes wind opposite ways,
// but the even-odd rule fills both lobes: 1 + 1 = 2. GLU adds the crossing point through the combine callback.
TEST(TessellatorTest, SelfIntersectingBowTieFillsBothLobesUnderEvenOdd) {
    const Ring bow_tie{{0, 0}, {2, 2}, {2, 0}, {0, 2}};
    EXPECT_DOUBLE_EQ(ring_signed_area(bow_tie), 0.0);
    const Polygon p{{bow_tie}};
    const TriangleMesh mesh = tessellate_ok(p);
    expect_valid_indices(mesh);
    expect_relative(triangle_area(mesh), 2.0);
    EXPECT_EQ(mesh.vertices.size(), 5u);  // 4 input points + the crossing made by combine
    EXPECT_EQ(mesh.vertices.back(), (GeoPoint{1, 1}));
    EXPECT_EQ(mesh.indices.size(), 2u * 3);
    expect_triangles_inside(mesh, p);
}

// Two overlapping squares in one polygon: even-odd leaves their overlap empty.
TEST(TessellatorTest, OverlappingRingsCancelWhereTheyOverlap) {
    const Ring a{{0, 0}, {4, 0}, {4, 4}, {0, 4}};
    const Ring b{{2, 2}, {6, 2}, {6, 6}, {2, 6}};
    const Polygon p{{a, b}};
    const TriangleMesh mesh = tessellate_ok(p);
    expect_relative(triangle_area(mesh), 16.0 + 16.0 - 2 * 4.0);
    expect_triangles_inside(mesh, p);
}

TEST(TessellatorTest, DegenerateInputGivesNoTrianglesAndNoError) {
    Tessellator tess;
    TriangleMesh mesh;
    EXPECT_TRUE(tess.tessellate(Polygon{}, mesh));
    EXPECT_TRUE(tess.tessellate(Polygon{{Ring{{0, 0}, {1, 1}}}}, mesh));
    EXPECT_TRUE(mesh.indices.empty());
    // Collinear points: a ring with no area gives no area.
    EXPECT_TRUE(tess.tessellate(Polygon{{Ring{{0, 0}, {1, 1}, {2, 2}}}}, mesh));
    EXPECT_NEAR(triangle_area(mesh), 0.0, 1e-12);
}

TEST(TessellatorTest, SuccessiveCallsAppendToTheSameMesh) {
    Tessellator tess;
    TriangleMesh mesh;
    ASSERT_TRUE(tess.tessellate(Polygon{{kSquare, kHole}}, mesh));
    const auto first_vertices = mesh.vertices.size();
    const auto first_indices = mesh.indices.size();
    const Ring far{{100, 100}, {101, 100}, {101, 101}, {100, 101}};
    ASSERT_TRUE(tess.tessellate(Polygon{{far}}, mesh));
    expect_valid_indices(mesh);
    expect_relative(triangle_area(mesh), 84.0 + 1.0);
    // The second polygon's triangles use only its own vertices.
    for (size_t i = first_indices; i < mesh.indices.size(); ++i) EXPECT_GE(mesh.indices[i], first_vertices);
}

// A ragged "coastline": a star of n points whose radius wobbles, so that a horizontal sweep line crosses many
// edges at once (the case where GLU's sorted edge list makes the work quadratic).
Ring ragged_ring(std::size_t n, double radius, double cx, double cy, bool clockwise) {
    Ring r;
    for (std::size_t i = 0; i < n; ++i) {
        const double a = 2 * M_PI * static_cast<double>(clockwise ? n - i : i) / static_cast<double>(n);
        const double rr = radius * (1.0 + 0.3 * std::sin(37.0 * a) + ((i % 2) ? 0.05 : -0.05));
        r.push_back({cx + rr * std::cos(a), cy + rr * std::sin(a)});
    }
    return r;
}

// Big polygons are tessellated in horizontal bands: the fill still covers exactly the ring's area minus its
// holes (one hole straddling many band lines, one lying between two), every triangle lies inside, and the
// bands meet without gaps or overlaps (the areas add up to 1e-9).
TEST(TessellatorTest, BigPolygonCutIntoBandsFillsExactlyItsArea) {
    const Ring outer = ragged_ring(16000, 10.0, 0, 0, false);
    const Ring hole = ragged_ring(4000, 4.0, 0.5, -0.3, true);
    const Ring small_hole{{6.0, 0.01}, {6.0, 0.02}, {6.01, 0.02}, {6.01, 0.01}};
    const Polygon p{{outer, hole, small_hole}};
    const TriangleMesh mesh = tessellate_ok(p);
    expect_valid_indices(mesh);
    expect_relative(triangle_area(mesh),
                    std::abs(ring_signed_area(outer)) - std::abs(ring_signed_area(hole)) - 1e-4);
    expect_triangles_inside(mesh, p, 7);  // every 7th triangle: the check is O(triangles x vertices)
}

// A self-intersecting big ring (it winds round twice) keeps even-odd semantics across the bands: the part
// covered twice is empty.
TEST(TessellatorTest, BigSelfOverlappingPolygonKeepsEvenOddAcrossBands) {
    const Ring outer = ragged_ring(6000, 10.0, 0, 0, false);
    const Ring inner = ragged_ring(6000, 3.0, 0, 0, false);  // well inside the outer loop's narrowest point
    // One ring: round the outer loop back to its start, over to the inner loop, round it, and back along the
    // same zero-width cut.
    Ring twice = outer;
    twice.push_back(outer.front());
    twice.insert(twice.end(), inner.begin(), inner.end());
    twice.push_back(inner.front());
    const Polygon p{{twice}};
    const TriangleMesh mesh = tessellate_ok(p);
    expect_valid_indices(mesh);
    expect_relative(triangle_area(mesh), std::abs(ring_signed_area(outer)) - std::abs(ring_signed_area(inner)));
}

}  // namespace
}  // namespace em
