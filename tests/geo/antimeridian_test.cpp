#include "geo/antimeridian.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "geo/tessellator.hpp"
#include "geo/vector_loader.hpp"
#include "geo_test_util.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

// Sum of |area| of the rings (the pieces of a cut ring never overlap, so this is the area they cover).
double total_abs_area(const Polygon& p) {
    double a = 0;
    for (const auto& r : p.rings) a += std::abs(ring_signed_area(r));
    return a;
}

// Area the even-odd rule fills (through the tessellator, which the renderer uses too).
double filled_area(const Polygon& p) {
    Tessellator tess;
    TriangleMesh mesh;
    EXPECT_TRUE(tess.tessellate(p, mesh));
    return triangle_area(mesh);
}

void expect_within_world(const Polygon& p) {
    for (const auto& r : p.rings) {
        for (const auto& q : r) {
            EXPECT_GE(q.lon, -180.0);
            EXPECT_LE(q.lon, 180.0);
            EXPECT_GE(q.lat, -90.0);
            EXPECT_LE(q.lat, 90.0);
        }
    }
}

// Every edge of every ring is shorter than 180 degrees of longitude, except edges along a pole (lat exactly +-90,
// where longitude means nothing: they are the bottom or top of the map, not a band across it).
void expect_no_wrapping_edge(const Polygon& p) {
    for (const auto& r : p.rings) {
        for (size_t i = 0; i < r.size(); ++i) {
            const GeoPoint a = r[i], b = r[(i + 1) % r.size()];
            if (std::abs(a.lat) == 90.0 && a.lat == b.lat) continue;
            EXPECT_LT(std::abs(b.lon - a.lon), 180.0) << a.lon << "," << a.lat << " -> " << b.lon << "," << b.lat;
        }
    }
}

// The 20x20 degree box from the fixture, as stored: lon 170 .. -170 (jumps over the antimeridian).
const Polygon kDatelineBox{{{{170, -10}, {-170, -10}, {-170, 10}, {170, 10}}}};

TEST(AntimeridianTest, DetectsCrossingEdges) {
    EXPECT_TRUE(crosses_antimeridian(kDatelineBox));
    // A box from -170 to 170 going the long way round the front of the map does not cross.
    EXPECT_FALSE(crosses_antimeridian(Polygon{{{{-170, -10}, {0, -10}, {170, -10}, {170, 10}, {0, 10}, {-170, 10}}}}));
    // Exactly 180 degrees of longitude is not a crossing; a hair more is.
    EXPECT_FALSE(crosses_antimeridian(Polygon{{{{-90, 0}, {90, 0}, {90, 1}}}}));
    EXPECT_TRUE(crosses_antimeridian(Polygon{{{{-90, 0}, {90.001, 0}, {90, 1}}}}));
}

TEST(AntimeridianTest, PolygonThatDoesNotCrossIsReturnedUnchanged) {
    const Polygon p{{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{2, 2}, {2, 4}, {4, 4}}}};
    const Polygon cut = cut_polygon_at_antimeridian(p);
    ASSERT_EQ(cut.rings.size(), 2u);
    EXPECT_EQ(cut.rings[0], p.rings[0]);
    EXPECT_EQ(cut.rings[1], p.rings[1]);
}

TEST(AntimeridianTest, CutBoxBecomesTwoPiecesInsideTheWorldWithTheSameArea) {
    const Polygon cut = cut_polygon_at_antimeridian(kDatelineBox);
    ASSERT_EQ(cut.rings.size(), 2u);
    expect_within_world(cut);
    expect_no_wrapping_edge(cut);
    EXPECT_FALSE(crosses_antimeridian(cut));
    // Unwrapped, the box is 20 x 20 degrees.
    EXPECT_NEAR(total_abs_area(cut), 400.0, 1e-9);
    EXPECT_NEAR(filled_area(cut), 400.0, 1e-9);
    // One piece east of 170, one west of -170.
    BBox east, west;
    for (const auto& q : cut.rings[0]) (q.lon > 0 ? east : west).add(q.lon, q.lat);
    for (const auto& q : cut.rings[1]) (q.lon > 0 ? east : west).add(q.lon, q.lat);
    EXPECT_EQ(east.min_x, 170);
    EXPECT_EQ(east.max_x, 180);
    EXPECT_EQ(west.min_x, -180);
    EXPECT_EQ(west.max_x, -170);
}

TEST(AntimeridianTest, ArtificialEdgesLieExactlyOnPlusOrMinus180) {
    const Polygon cut = cut_polygon_at_antimeridian(kDatelineBox);
    int on_meridian = 0;
    for (const auto& r : cut.rings) {
        for (size_t i = 0; i < r.size(); ++i) {
            const GeoPoint a = r[i], b = r[(i + 1) % r.size()];
            // Any point near the antimeridian must be exactly on it, not 179.9999999.
            if (std::abs(std::abs(a.lon) - 180.0) < 1e-6) {
                EXPECT_EQ(std::abs(a.lon), 180.0);
            }
            if (std::abs(a.lon) == 180.0 && a.lon == b.lon) {
                ++on_meridian;
                EXPECT_EQ(std::abs(a.lat), 10.0);  // the cut runs from lat -10 to 10
                EXPECT_EQ(std::abs(b.lat), 10.0);
            }
        }
    }
    EXPECT_EQ(on_meridian, 2);  // one artificial edge on each side
}

TEST(AntimeridianTest, CrossingPolygonWithCrossingHoleKeepsEvenOddArea) {
    // 20x20 box with a 10x10 hole, both across the antimeridian.
    const Polygon p{{{{170, -10}, {-170, -10}, {-170, 10}, {170, 10}}, {{175, -5}, {175, 5}, {-175, 5}, {-175, -5}}}};
    const Polygon cut = cut_polygon_at_antimeridian(p);
    EXPECT_EQ(cut.rings.size(), 4u);
    expect_within_world(cut);
    expect_no_wrapping_edge(cut);
    EXPECT_NEAR(filled_area(cut), 300.0, 1e-9);
}

TEST(AntimeridianTest, RingStartingExactlyOn180IsCutCleanly) {
    // Points on +180 and -180 are the same meridian; the ring goes 180 -> 190 (i.e. -170) and back.
    const Polygon p{{{{180, 0}, {-170, 0}, {-170, 10}, {180, 10}, {170, 10}, {170, 0}}}};
    const Polygon cut = cut_polygon_at_antimeridian(p);
    expect_within_world(cut);
    expect_no_wrapping_edge(cut);
    EXPECT_NEAR(total_abs_area(cut), 200.0, 1e-9);
    EXPECT_NEAR(filled_area(cut), 200.0, 1e-9);
}

// A ring round the south pole (like Antarctica): its longitudes go all the way round, so after unwrapping the ends
// are 360 degrees apart. It must be closed along the pole and cover the whole cap: 360 x 20 degrees, including the
// stretch of the closing edge (150 -> 190, i.e. -170).
TEST(AntimeridianTest, RingAroundSouthPoleIsClosedAlongThePoleAndCoversTheWholeCap) {
    const Polygon p{{{{-170, -70}, {-90, -70}, {-10, -70}, {70, -70}, {150, -70}}}};
    ASSERT_TRUE(crosses_antimeridian(p));
    const Polygon cut = cut_polygon_at_antimeridian(p);
    expect_within_world(cut);
    expect_no_wrapping_edge(cut);
    EXPECT_NEAR(total_abs_area(cut), 360.0 * 20.0, 1e-9);
    EXPECT_NEAR(filled_area(cut), 360.0 * 20.0, 1e-9);
    int on_pole = 0;
    for (const auto& r : cut.rings)
        for (size_t i = 0; i < r.size(); ++i)
            if (r[i].lat == -90.0 && r[(i + 1) % r.size()].lat == -90.0) ++on_pole;
    EXPECT_GE(on_pole, 1);
}

TEST(AntimeridianTest, RingAroundNorthPoleClosesAlongTheNorthPole) {
    // Going west this time.
    const Polygon p{{{{170, 80}, {90, 80}, {10, 80}, {-70, 80}, {-150, 80}}}};
    const Polygon cut = cut_polygon_at_antimeridian(p);
    expect_within_world(cut);
    expect_no_wrapping_edge(cut);
    EXPECT_NEAR(total_abs_area(cut), 360.0 * 10.0, 1e-9);
    for (const auto& r : cut.rings)
        for (const auto& q : r) EXPECT_GE(q.lat, 80.0);
}

TEST(AntimeridianTest, LineIsSplitAtTheAntimeridianWithMatchingEndpoints) {
    const LineString line{{160, 0}, {175, 5}, {-175, 10}, {-160, 15}};
    const auto parts = cut_line_at_antimeridian(line);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0], (LineString{{160, 0}, {175, 5}, {180, 7.5}}));
    EXPECT_EQ(parts[1], (LineString{{-180, 7.5}, {-175, 10}, {-160, 15}}));
}

TEST(AntimeridianTest, WestwardLineIsSplitTheOtherWay) {
    const LineString line{{-175, 10}, {175, 5}};
    const auto parts = cut_line_at_antimeridian(line);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0], (LineString{{-175, 10}, {-180, 7.5}}));
    EXPECT_EQ(parts[1], (LineString{{180, 7.5}, {175, 5}}));
}

TEST(AntimeridianTest, LineCrossingTwiceGivesThreeParts) {
    const LineString line{{170, 0}, {-170, 0}, {170, 10}};
    const auto parts = cut_line_at_antimeridian(line);
    ASSERT_EQ(parts.size(), 3u);
    for (const auto& part : parts)
        for (size_t i = 1; i < part.size(); ++i) EXPECT_LE(std::abs(part[i].lon - part[i - 1].lon), 180.0);
    EXPECT_EQ(parts[1].front().lon, -180);
    EXPECT_EQ(parts[1].back().lon, -180);
}

// Found by the vector_geojson fuzzer (tests/fuzz/regressions/vector_geojson/): 190 and -170 are one meridian, and
// cutting there divided by zero (an infinite latitude, then an overflowing int in densify).
TEST(AntimeridianTest, PointsExactly360DegreesApartAreNotCut) {
    const LineString line{{190, 10}, {-170, 12}};
    const auto parts = cut_line_at_antimeridian(line);
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_EQ(parts[0], line);
}

TEST(AntimeridianTest, LineThatDoesNotCrossIsOnePieceAndShortLinesAreDropped) {
    const LineString line{{-10, 0}, {10, 0}, {100, 5}};
    const auto parts = cut_line_at_antimeridian(line);
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_EQ(parts[0], line);
    EXPECT_TRUE(cut_line_at_antimeridian(LineString{}).empty());
    EXPECT_TRUE(cut_line_at_antimeridian(LineString{{1, 1}}).empty());
}

TEST(AntimeridianTest, FixtureLineIsSplitAtLatitude7Point5) {
    auto layers = load_vector_source(test::fixture("antimeridian.geojson"));
    ASSERT_TRUE(layers) << layers.error().message;
    const auto& line = layers->front().features.at(1).lines.at(0);
    const auto parts = cut_line_at_antimeridian(line);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0].back(), (GeoPoint{180, 7.5}));
    EXPECT_EQ(parts[1].front(), (GeoPoint{-180, 7.5}));
    const Polygon cut = cut_polygon_at_antimeridian(layers->front().features.at(0).polygons.at(0));
    EXPECT_NEAR(total_abs_area(cut), 400.0, 1e-9);
}

TEST(DensifyTest, NoEdgeLongerThanTheLimitAndOriginalPointsKept) {
    const std::vector<GeoPoint> ring{{0, 0}, {10, 0}, {10, 2.5}, {0, 2.5}};
    const auto out = densify(ring, 1.0, true);
    for (size_t i = 0; i < out.size(); ++i) {
        const GeoPoint a = out[i], b = out[(i + 1) % out.size()];
        EXPECT_LE(std::max(std::abs(b.lon - a.lon), std::abs(b.lat - a.lat)), 1.0 + 1e-12) << i;
    }
    // 10 + 3 + 10 + 3 edges.
    EXPECT_EQ(out.size(), 26u);
    for (const auto& p : ring) EXPECT_NE(std::find(out.begin(), out.end(), p), out.end());
    EXPECT_EQ(out.front(), ring.front());
}

TEST(DensifyTest, OpenLineDoesNotDensifyAClosingEdge) {
    const std::vector<GeoPoint> line{{0, 0}, {3, 0}};
    EXPECT_EQ(densify(line, 1.0, false), (std::vector<GeoPoint>{{0, 0}, {1, 0}, {2, 0}, {3, 0}}));
    // Closed, the edge back from (3,0) to (0,0) is densified too.
    EXPECT_EQ(densify(line, 1.0, true).size(), 6u);
    EXPECT_TRUE(densify({}, 1.0, true).empty());
}

}  // namespace
}  // namespace em
