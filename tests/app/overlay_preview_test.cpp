// The quick coarse copy a cold open shows first (app/overlay_preview).
#include "app/overlay_preview.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>
#include <utility>

namespace em {
namespace {

// A ring of n points on a circle (densified the way ogr2ogr -segmentize leaves a coastline), closed.
Ring circle(double lon, double lat, double radius, int n) {
    Ring r;
    for (int i = 0; i < n; ++i) {
        const double a = 2 * std::numbers::pi * i / n;
        r.push_back({lon + radius * std::cos(a), lat + radius * std::sin(a)});
    }
    r.push_back(r.front());
    return r;
}

double segment_distance(const GeoPoint& p, const GeoPoint& a, const GeoPoint& b) {
    const double dx = b.lon - a.lon, dy = b.lat - a.lat, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.lon - a.lon) * dx + (p.lat - a.lat) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.lon - (a.lon + t * dx), p.lat - (a.lat + t * dy));
}

VectorLayer island_layer() {
    VectorLayer layer;
    layer.source = "islands.shp", layer.name = "islands", layer.kind = GeometryKind::kPolygon;
    layer.fields = {"name"};
    Feature big;
    big.fid = 0;
    big.values = {"big"};
    big.polygons.push_back({{circle(10, 10, 2.0, 20000), circle(10, 10, 0.5, 5000)}});  // with a lake
    big.polygons.push_back({{circle(14, 10, 0.004, 40)}});  // an islet under the tolerance both ways
    big.update_bbox();
    Feature islet;
    islet.fid = 1;
    islet.values = {"islet"};
    islet.polygons.push_back({{circle(20, 20, 0.005, 60)}});
    islet.update_bbox();
    layer.features = {big, islet};
    for (const auto& f : layer.features) layer.bbox.add(f.bbox);
    return layer;
}

TEST(QuickPreviewTest, CoarseWithinTwoTolerancesOfTheSourceAndKeepsEveryFeature) {
    const double tolerance = 0.032;
    const VectorLayer source = island_layer();
    const auto preview = quick_preview_layers({source}, tolerance);
    ASSERT_EQ(preview.size(), 1u);
    const PreparedLayer& p = preview.front();
    EXPECT_EQ(p.name, "islands");
    ASSERT_EQ(p.values.size(), 2u);  // every feature, its attributes kept, even one whose rings all went
    EXPECT_EQ(p.values[1], std::vector<std::string>{"islet"});
    ASSERT_EQ(p.mesh.ranges.size(), 2u);
    EXPECT_EQ(p.mesh.ranges[1].outline_count, 0u);  // the islet is under the tolerance: left out
    EXPECT_GT(p.mesh.ranges[0].index_count, 0u);    // the big island is filled
    // Far fewer points than the 25,000 of the source.
    const std::size_t kept = p.mesh.outline_points.size();
    EXPECT_LT(kept, 500u);
    EXPECT_GT(kept, 20u);
    // Every preview point is a source point (nothing invented), and every source point lies within 2 tolerances of
    // the preview's outline (thinning to a tolerance, then Douglas-Peucker to one).
    std::set<std::pair<double, double>> source_points;
    for (const auto& poly : source.features[0].polygons)
        for (const auto& ring : poly.rings)
            for (const auto& g : ring) source_points.insert({g.lon, g.lat});
    for (const auto& g : p.mesh.outline_points) EXPECT_TRUE(source_points.count({g.lon, g.lat})) << g.lon << " " << g.lat;
    const auto& outline = p.mesh.outline_points;
    for (const auto& ring : source.features[0].polygons[0].rings) {
        double worst = 0;
        for (const auto& g : ring) {
            double nearest = 1e9;
            for (std::size_t i = 0; i + 1 < outline.size(); ++i)
                if (p.mesh.outline_joins[i]) nearest = std::min(nearest, segment_distance(g, outline[i], outline[i + 1]));
            worst = std::max(worst, nearest);
        }
        EXPECT_LE(worst, 2 * tolerance);
        EXPECT_GT(worst, 0.0);  // it was simplified
    }
}

// A hole under the tolerance both ways goes (before it is thinned or simplified) and its outer ring stays; a lake
// over it stays too.
TEST(QuickPreviewTest, AHoleUnderTheToleranceGoesItsIslandStays) {
    const double tolerance = 0.032;
    VectorLayer layer;
    layer.source = "lakes.shp", layer.name = "lakes", layer.kind = GeometryKind::kPolygon;
    Feature f;
    f.polygons.push_back({{circle(10, 10, 2.0, 20000), circle(9, 10, 0.004, 40), circle(11, 10, 0.5, 5000)}});
    f.update_bbox();
    layer.features = {f};
    layer.bbox = f.bbox;
    const auto preview = quick_preview_layers({layer}, tolerance);
    ASSERT_EQ(preview.size(), 1u);
    const auto& outline = preview.front().mesh.outline_points;
    ASSERT_FALSE(outline.empty());
    const auto near = [&](double lon, double lat, double within) {
        return std::count_if(outline.begin(), outline.end(), [&](const GeoPoint& g) {
            return std::hypot(g.lon - lon, g.lat - lat) <= within;
        });
    };
    EXPECT_EQ(near(9, 10, 0.1), 0);   // the small hole
    EXPECT_GT(near(11, 10, 0.6), 2);  // the lake
    EXPECT_GT(outline.size(), std::size_t(near(11, 10, 0.6)));  // and the island round them
}

}  // namespace
}  // namespace em
