#include "geo/prepared_layer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "geo/vector_loader.hpp"
#include "geo_test_util.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

VectorLayer load_fixture(const std::string& name) {
    auto layers = load_vector_source(test::fixture(name));
    EXPECT_TRUE(layers) << (layers ? "" : layers.error().message);
    if (!layers || layers->empty()) return {};
    return std::move(layers->front());
}

double range_area(const LayerMesh& m, const FeatureRange& r) {
    TriangleMesh sub;
    sub.vertices = m.fill.vertices;
    sub.indices.assign(m.fill.indices.begin() + r.first_index, m.fill.indices.begin() + r.first_index + r.index_count);
    return triangle_area(sub);
}

// Ranges tile the buffers in order, without gaps or overlaps, and every index is valid.
void expect_consistent(const PreparedLayer& p, std::size_t features) {
    const LayerMesh& m = p.mesh;
    ASSERT_EQ(m.ranges.size(), features);
    EXPECT_EQ(p.values.size(), features);
    EXPECT_EQ(p.feature_bboxes.size(), features);
    EXPECT_EQ(p.label_points.size(), features);
    EXPECT_EQ(m.outline_points.size(), m.outline_joins.size());
    std::uint32_t index = 0, outline = 0, point = 0;
    for (const auto& r : m.ranges) {
        EXPECT_EQ(r.first_index, index);
        EXPECT_EQ(r.first_outline, outline);
        EXPECT_EQ(r.first_point, point);
        EXPECT_EQ(r.index_count % 3, 0u);
        index += r.index_count, outline += r.outline_count, point += r.point_count;
        // A feature's outline never joins into the next feature's.
        if (r.outline_count > 0) {
            EXPECT_EQ(m.outline_joins[r.first_outline + r.outline_count - 1], 0);
        }
    }
    EXPECT_EQ(index, m.fill.indices.size());
    EXPECT_EQ(outline, m.outline_points.size());
    EXPECT_EQ(point, m.points.size());
    for (auto i : m.fill.indices) ASSERT_LT(i, m.fill.vertices.size());
}

// A layer given up (prepare_layer's rvalue form: each polygon let go once tessellated, on several threads) is
// prepared exactly as a kept one, simplified or not; the 1:10m countries: 255 features, thousands of parts.
TEST(PreparedLayerTest, ALayerGivenUpIsPreparedAsAKeptOne) {
    const VectorLayer layer = [] {
        auto layers = load_vector_source(
            (std::filesystem::path(test::source_dir()) / "data/naturalearth/ne_10m_admin0_countries.shp").string());
        EXPECT_TRUE(layers);
        return layers ? std::move(layers->front()) : VectorLayer{};
    }();
    ASSERT_GT(layer.features.size(), 200u);
    for (const double simplify : {0.0, 0.01}) {
        SCOPED_TRACE("simplify " + std::to_string(simplify));
        PrepareOptions options;
        options.simplify_degrees = simplify;
        options.threads = 2;
        const PreparedLayer kept = prepare_layer(layer, options);
        VectorLayer copy = layer;
        const PreparedLayer given = prepare_layer(std::move(copy), options);
        EXPECT_TRUE(given.mesh.fill.vertices == kept.mesh.fill.vertices);
        EXPECT_TRUE(given.mesh.fill.indices == kept.mesh.fill.indices);
        EXPECT_TRUE(given.mesh.outline_points == kept.mesh.outline_points);
        EXPECT_TRUE(given.mesh.outline_joins == kept.mesh.outline_joins);
        ASSERT_EQ(given.label_points.size(), kept.label_points.size());
        const auto same = [](double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); };
        for (std::size_t i = 0; i < kept.label_points.size(); ++i) {
            EXPECT_TRUE(same(given.label_points[i].lon, kept.label_points[i].lon)) << i;
            EXPECT_TRUE(same(given.label_points[i].lat, kept.label_points[i].lat)) << i;
        }
        EXPECT_EQ(given.values, kept.values);
    }
}

TEST(PreparedLayerTest, PolygonsFixtureHasConsistentRangesAndAreas) {
    const VectorLayer layer = load_fixture("polygons.shp");
    const PreparedLayer p = prepare_layer(layer);
    expect_consistent(p, 3);
    EXPECT_EQ(p.mesh.tessellation_failures, 0u);
    EXPECT_EQ(p.fields, layer.fields);
    EXPECT_EQ(p.kind, GeometryKind::kPolygon);
    EXPECT_EQ(p.name, "polygons");
    const double areas[] = {84, 7, 12};
    for (size_t i = 0; i < 3; ++i) EXPECT_NEAR(range_area(p.mesh, p.mesh.ranges[i]), areas[i], 1e-9) << i;
    EXPECT_EQ(p.value(0, p.field_index("NAME")), "square_with_hole");
    EXPECT_EQ(p.value(0, -1), "");
    EXPECT_EQ(p.value(99, 0), "");
    // Each ring outline is closed (first point repeated) and densified to 1-degree steps; rings do not join.
    for (size_t i = 0; i + 1 < p.mesh.outline_points.size(); ++i) {
        if (!p.mesh.outline_joins[i]) continue;
        const GeoPoint a = p.mesh.outline_points[i], b = p.mesh.outline_points[i + 1];
        EXPECT_LE(std::max(std::abs(a.lon - b.lon), std::abs(a.lat - b.lat)), 1.0 + 1e-12);
    }
    // square_with_hole: outer 40 one-degree steps + hole 16, each closed (+1 point).
    EXPECT_EQ(p.mesh.ranges[0].outline_count, 41u + 17u);
}

TEST(PreparedLayerTest, LabelPointsAreInsideTheirFeature) {
    const VectorLayer layer = load_fixture("polygons.shp");
    const PreparedLayer p = prepare_layer(layer);
    for (size_t i = 0; i < layer.features.size(); ++i) {
        const GeoPoint label = p.label_points[i];
        bool inside = false;
        for (const auto& poly : layer.features[i].polygons) inside |= test::inside_even_odd(poly.rings, label);
        EXPECT_TRUE(inside) << i << ": " << label.lon << "," << label.lat;
    }
    // The square's centroid (-3, 15) is in its hole, so the label goes elsewhere.
    EXPECT_NE(p.label_points[0], (GeoPoint{-3, 15}));
}

// A "C": its area centroid (about 4.08, 5) lies in the notch, outside the shape.
TEST(PreparedLayerTest, LabelAnchorOfCShapeIsInsideTheShape) {
    const Ring c{{0, 0}, {10, 0}, {10, 2}, {2, 2}, {2, 8}, {10, 8}, {10, 10}, {0, 10}};
    const Polygon poly{{c}};
    ASSERT_FALSE(test::inside_even_odd(poly.rings, {212.0 / 52.0, 5.0}));  // the centroid really is outside
    const GeoPoint anchor = label_anchor({poly});
    EXPECT_TRUE(test::inside_even_odd(poly.rings, anchor)) << anchor.lon << "," << anchor.lat;
}

TEST(PreparedLayerTest, LabelAnchorPicksTheLargestPart) {
    const Polygon small{{{{50, 50}, {51, 50}, {51, 51}, {50, 51}}}};
    const Polygon big{{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}}};
    const GeoPoint anchor = label_anchor({small, big});
    EXPECT_NEAR(anchor.lon, 5, 1e-12);
    EXPECT_NEAR(anchor.lat, 5, 1e-12);
    EXPECT_TRUE(std::isnan(label_anchor({}).lon));
}

TEST(PreparedLayerTest, AntimeridianFixtureOutlinesNeverJoinAcrossTheMap) {
    const VectorLayer layer = load_fixture("antimeridian.geojson");
    const PreparedLayer p = prepare_layer(layer);
    expect_consistent(p, 2);
    const LayerMesh& m = p.mesh;
    int artificial = 0;
    for (size_t i = 0; i + 1 < m.outline_points.size(); ++i) {
        const GeoPoint a = m.outline_points[i], b = m.outline_points[i + 1];
        EXPECT_GE(a.lon, -180.0);
        EXPECT_LE(a.lon, 180.0);
        if (m.outline_joins[i]) {
            EXPECT_LE(std::abs(b.lon - a.lon), 1.0 + 1e-12) << a.lon << "," << a.lat << " -> " << b.lon << "," << b.lat;
            EXPECT_FALSE(std::abs(a.lon) == 180.0 && a.lon == b.lon) << "artificial edge drawn at lat " << a.lat;
        } else if (std::abs(a.lon) == 180.0 && a.lon == b.lon) {
            ++artificial;
        }
    }
    // The box's cut edges on +180 and -180, densified into 1-degree steps from lat -10 to 10.
    EXPECT_EQ(artificial, 2 * 20);
    EXPECT_NEAR(range_area(m, m.ranges[0]), 400.0, 1e-9);
    // The line is split in two pieces and has no fill.
    EXPECT_EQ(m.ranges[1].index_count, 0u);
    int line_breaks = 0;
    for (std::uint32_t i = m.ranges[1].first_outline; i + 1 < m.ranges[1].first_outline + m.ranges[1].outline_count; ++i)
        line_breaks += m.outline_joins[i] == 0;
    EXPECT_EQ(line_breaks, 1);
    // A line is labelled at its middle vertex.
    EXPECT_EQ(p.label_points[1], (GeoPoint{-175, 10}));
}

TEST(PreparedLayerTest, PointFeaturesGoToPointsAndLabelAtThemselves) {
    const VectorLayer layer = load_fixture("latin1_regions.shp");
    const PreparedLayer p = prepare_layer(layer);
    expect_consistent(p, 4);
    EXPECT_EQ(p.mesh.points.size(), 4u);
    EXPECT_TRUE(p.mesh.fill.indices.empty());
    for (size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(p.mesh.ranges[i].point_count, 1u);
        EXPECT_EQ(p.label_points[i], layer.features[i].points[0]);
    }
}

TEST(PreparedLayerTest, ThreadCountDoesNotChangeTheResult) {
    VectorLayer layer = load_fixture("polygons.shp");
    // 12 features so several threads really share the work.
    const auto base = layer.features;
    for (int k = 1; k < 4; ++k) {
        for (Feature f : base) {
            for (auto& poly : f.polygons)
                for (auto& ring : poly.rings)
                    for (auto& pt : ring) pt.lon += 20 * k;
            layer.features.push_back(std::move(f));
        }
    }
    const PreparedLayer one = prepare_layer(layer, {.densify_degrees = 1.0, .threads = 1, .layers = {}});
    const PreparedLayer four = prepare_layer(layer, {.densify_degrees = 1.0, .threads = 4, .layers = {}});
    expect_consistent(four, 12);
    EXPECT_EQ(one.mesh.fill.vertices, four.mesh.fill.vertices);
    EXPECT_EQ(one.mesh.fill.indices, four.mesh.fill.indices);
    EXPECT_EQ(one.mesh.outline_points, four.mesh.outline_points);
    EXPECT_EQ(one.mesh.outline_joins, four.mesh.outline_joins);
    EXPECT_EQ(one.label_points, four.label_points);
}

TEST(PreparedLayerTest, CoarserDensifyGivesFewerOutlinePoints) {
    const VectorLayer layer = load_fixture("polygons.shp");
    const PreparedLayer fine = prepare_layer(layer, {.densify_degrees = 0.5, .threads = 1, .layers = {}});
    const PreparedLayer coarse = prepare_layer(layer, {.densify_degrees = 100.0, .threads = 1, .layers = {}});
    EXPECT_GT(fine.mesh.outline_points.size(), coarse.mesh.outline_points.size());
    // Undensified: 21 points plus one closing point per ring (5 rings).
    EXPECT_EQ(coarse.mesh.outline_points.size(), 21u + 5u);
}

// count_mesh_points tells, without tessellating, how many outline points and points prepare_layer makes: the
// overlay loader uses it to skip levels of detail it would throw away.
TEST(PreparedLayerTest, CountMeshPointsMatchesWhatPrepareMakes) {
    for (const char* name : {"polygons.shp", "antimeridian.geojson", "latin1_regions.shp", "polygons_32630.shp"}) {
        SCOPED_TRACE(name);
        const VectorLayer layer = load_fixture(name);
        for (double densify : {1.0, 0.01}) {
            PrepareOptions options;
            options.densify_degrees = densify;
            const PreparedLayer p = prepare_layer(layer, options);
            EXPECT_EQ(count_mesh_points(layer, options), p.mesh.outline_points.size() + p.mesh.points.size());
        }
    }
    auto ten =
        load_vector_source((test::source_dir() / "data" / "naturalearth" / "ne_10m_admin0_countries.shp").string());
    ASSERT_TRUE(ten);
    const PreparedLayer p = prepare_layer(ten->front());
    EXPECT_EQ(count_mesh_points(ten->front()), p.mesh.outline_points.size() + p.mesh.points.size());
}

}  // namespace
}  // namespace em
