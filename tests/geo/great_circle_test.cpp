// Great circles: midpoint and distance against independently computed values, points on the circle, step length,
// and cutting at the antimeridian.

#include "geo/great_circle.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

namespace em {
namespace {

constexpr double kRad = std::numbers::pi / 180.0;
constexpr double kRadius = 6371008.8;  // mean Earth radius (IUGG), metres

struct V3 {
    double x, y, z;
};

V3 unit(GeoPoint p) {
    return {std::cos(p.lat * kRad) * std::cos(p.lon * kRad), std::cos(p.lat * kRad) * std::sin(p.lon * kRad),
            std::sin(p.lat * kRad)};
}

V3 cross(V3 a, V3 b) { return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x}; }
double dot(V3 a, V3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
double norm(V3 a) { return std::sqrt(dot(a, a)); }

// Haversine distance, written out here independently of the code under test.
double haversine(GeoPoint a, GeoPoint b) {
    const double dlat = (b.lat - a.lat) * kRad, dlon = (b.lon - a.lon) * kRad;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * kRadius * std::asin(std::sqrt(h));
}

// Central angle in degrees between two points (from the haversine above).
double arc_degrees(GeoPoint a, GeoPoint b) { return haversine(a, b) / kRadius / kRad; }

const GeoPoint kMoscow{37.6173, 55.7558};
const GeoPoint kBamako{-8.0029, 12.6392};

TEST(GreatCircle, MoscowBamakoMidpointMatchesIndependentValue) {
    // Expected values from the classical midpoint formula, computed once with:
    // python3 -c "import math as m;r=m.radians;p1,l1,p2,l2=r(55.7558),r(37.6173),r(12.6392),r(-8.0029);
    //   Bx=m.cos(p2)*m.cos(l2-l1);By=m.cos(p2)*m.sin(l2-l1);
    //   print('%.9f %.9f'%(m.degrees(m.atan2(m.sin(p1)+m.sin(p2),m.hypot(m.cos(p1)+Bx,By))),
    //                      m.degrees(l1+m.atan2(By,m.cos(p1)+Bx))))"
    // -> 36.223991030 8.365087624
    const GeoPoint mid = great_circle_midpoint(kMoscow, kBamako);
    EXPECT_NEAR(mid.lat, 36.223991030, 1e-6);
    EXPECT_NEAR(mid.lon, 8.365087624, 1e-6);
    // Symmetric, and equally far from both ends.
    const GeoPoint back = great_circle_midpoint(kBamako, kMoscow);
    EXPECT_NEAR(back.lat, mid.lat, 1e-9);
    EXPECT_NEAR(back.lon, mid.lon, 1e-9);
    EXPECT_NEAR(haversine(kMoscow, mid), haversine(mid, kBamako), 1e-3);
}

TEST(GreatCircle, MidpointAcrossTheAntimeridian) {
    const GeoPoint mid = great_circle_midpoint({170, 0}, {-170, 0});
    EXPECT_NEAR(std::abs(mid.lon), 180.0, 1e-9);
    EXPECT_NEAR(mid.lat, 0.0, 1e-9);
}

TEST(GreatCircle, DistanceMatchesHaversine) {
    // Moscow-Bamako by haversine with R = 6371008.8 m, computed once with:
    // python3 -c "import math as m;r=m.radians;p1,l1,p2,l2=r(55.7558),r(37.6173),r(12.6392),r(-8.0029);
    //   h=m.sin((p2-p1)/2)**2+m.cos(p1)*m.cos(p2)*m.sin((l2-l1)/2)**2;print('%.3f'%(2*6371008.8*m.asin(m.sqrt(h))))"
    // -> 6182843.358
    EXPECT_NEAR(great_circle_distance(kMoscow, kBamako), 6182843.358, 0.01);
    const std::vector<std::pair<GeoPoint, GeoPoint>> pairs = {
        {kMoscow, kBamako},         {{2.35, 48.86}, {-1.52, 12.37}}, {{170, 10}, {-170, 20}},
        {{0, 0}, {0, 0}},           {{0, 0}, {90, 0}},               {{-73.99, 40.73}, {151.21, -33.87}},
        {{0, 89.9}, {180, 89.9}},   {{10, -45}, {10.000001, -45}},   {{-8.0, 12.64}, {37.62, 55.75}},
    };
    for (const auto& [a, b] : pairs) {
        const double expected = haversine(a, b);
        EXPECT_NEAR(great_circle_distance(a, b), expected, 1e-9 * expected + 1e-3)
            << a.lon << "," << a.lat << " -> " << b.lon << "," << b.lat;
        EXPECT_NEAR(great_circle_distance(b, a), expected, 1e-9 * expected + 1e-3);
    }
    EXPECT_NEAR(great_circle_distance({0, 0}, {90, 0}), kRadius * std::numbers::pi / 2, 1e-3);
}

// Every point of great_circle(a, b, step) lies on the plane through a, b and the centre, the ends are a and b,
// consecutive points are at most `step` degrees apart, and the path goes the short way.
void expect_on_great_circle(GeoPoint a, GeoPoint b, double step) {
    SCOPED_TRACE(testing::Message() << a.lon << "," << a.lat << " -> " << b.lon << "," << b.lat << " step " << step);
    const std::vector<GeoPoint> pts = great_circle(a, b, step);
    ASSERT_GE(pts.size(), 2u);
    EXPECT_EQ(pts.front(), a);
    EXPECT_EQ(pts.back(), b);
    const V3 n = cross(unit(a), unit(b));
    ASSERT_GT(norm(n), 1e-6);
    const V3 nu{n.x / norm(n), n.y / norm(n), n.z / norm(n)};
    double total = 0;
    for (size_t i = 0; i < pts.size(); ++i) {
        EXPECT_NEAR(dot(nu, unit(pts[i])), 0.0, 1e-9) << "point " << i;
        EXPECT_LE(std::abs(pts[i].lat), 90.0);
        EXPECT_LE(std::abs(pts[i].lon), 180.0);
        if (i > 0) {
            const double s = arc_degrees(pts[i - 1], pts[i]);
            EXPECT_LE(s, step + 1e-9) << "step " << i;
            total += s;
        }
    }
    // Not a detour: the steps add up to the arc a-b.
    EXPECT_NEAR(total, arc_degrees(a, b), 1e-6);
    // And no more points than needed.
    EXPECT_LE(pts.size(), static_cast<size_t>(std::ceil(arc_degrees(a, b) / step)) + 2);
}

TEST(GreatCircle, PointsLieOnTheCircleWithBoundedSteps) {
    expect_on_great_circle(kMoscow, kBamako, 1.0);
    expect_on_great_circle(kMoscow, kBamako, 0.25);
    expect_on_great_circle(kBamako, kMoscow, 3.0);
    expect_on_great_circle({170, 10}, {-170, 20}, 1.0);
    expect_on_great_circle({-73.99, 40.73}, {151.21, -33.87}, 2.0);
    expect_on_great_circle({0, 0}, {179, 0}, 1.0);
    expect_on_great_circle({-120, 60}, {60, 10}, 0.5);  // passes near the pole
}

TEST(GreatCircle, DefaultStepIsOneDegree) {
    const auto pts = great_circle(kMoscow, kBamako);
    ASSERT_GE(pts.size(), 3u);
    for (size_t i = 1; i < pts.size(); ++i) EXPECT_LE(arc_degrees(pts[i - 1], pts[i]), 1.0 + 1e-9);
    // 55.6 degrees of arc: 56 steps.
    EXPECT_EQ(pts.size(), static_cast<size_t>(std::ceil(arc_degrees(kMoscow, kBamako))) + 1);
}

TEST(GreatCircle, ShortArcIsJustTheEnds) {
    const GeoPoint a{10, 10}, b{10.5, 10.2};
    const auto pts = great_circle(a, b, 1.0);
    ASSERT_EQ(pts.size(), 2u);
    EXPECT_EQ(pts[0], a);
    EXPECT_EQ(pts[1], b);
    const auto same = great_circle(a, a, 1.0);
    ASSERT_EQ(same.size(), 2u);
    EXPECT_EQ(same[0], a);
    EXPECT_EQ(same[1], a);
}

TEST(GreatCircle, AntipodalEndsGoThroughTheNorthInBoundedSteps) {
    const GeoPoint a{0, 0}, b{180, 0};
    const auto pts = great_circle(a, b, 1.0);
    ASSERT_GE(pts.size(), 181u);
    EXPECT_EQ(pts.front(), a);
    EXPECT_EQ(pts.back(), b);
    double max_lat = -90;
    for (size_t i = 1; i < pts.size(); ++i) {
        EXPECT_LE(arc_degrees(pts[i - 1], pts[i]), 1.0 + 1e-9) << i;
        max_lat = std::max(max_lat, pts[i].lat);
    }
    EXPECT_NEAR(max_lat, 90.0, 1e-6);
}

TEST(GreatCircle, PiecesSplitAtTheAntimeridian) {
    const GeoPoint a{170, 10}, b{-170, 20};
    const std::vector<LineString> pieces = great_circle_pieces(a, b);
    ASSERT_EQ(pieces.size(), 2u);
    const LineString& west = pieces[0];  // the part east of 170E, up to +180
    const LineString& east = pieces[1];  // the part from -180 on
    ASSERT_GE(west.size(), 2u);
    ASSERT_GE(east.size(), 2u);
    EXPECT_EQ(west.front(), a);
    EXPECT_EQ(east.back(), b);
    for (const LineString* piece : {&west, &east}) {
        for (size_t i = 1; i < piece->size(); ++i) {
            EXPECT_LE(std::abs((*piece)[i].lon - (*piece)[i - 1].lon), 2.0) << i;
            EXPECT_LE(std::abs((*piece)[i].lat - (*piece)[i - 1].lat), 2.0) << i;
        }
    }
    for (const GeoPoint& p : west) EXPECT_GE(p.lon, 170.0 - 1e-9);
    for (const GeoPoint& p : east) EXPECT_LE(p.lon, -170.0 + 1e-9);
    // They meet at the antimeridian, at the same latitude, and that point is (very nearly) on the circle.
    EXPECT_DOUBLE_EQ(west.back().lon, 180.0);
    EXPECT_DOUBLE_EQ(east.front().lon, -180.0);
    EXPECT_DOUBLE_EQ(west.back().lat, east.front().lat);
    EXPECT_GT(west.back().lat, 10.0);
    EXPECT_LT(west.back().lat, 20.0);
    const V3 n = cross(unit(a), unit(b));
    EXPECT_NEAR(dot(n, unit(west.back())) / norm(n), 0.0, 1e-4);
}

TEST(GreatCircle, PiecesAreOneLineWhenNotCrossing) {
    const auto pieces = great_circle_pieces(kMoscow, kBamako);
    ASSERT_EQ(pieces.size(), 1u);
    EXPECT_EQ(pieces[0], great_circle(kMoscow, kBamako));
    // Westward across the antimeridian too.
    EXPECT_EQ(great_circle_pieces({-170, 20}, {170, 10}).size(), 2u);
}

}  // namespace
}  // namespace em
