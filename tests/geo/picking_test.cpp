// pick_feature: which feature is under a lon/lat point, on the real 1:10m countries and on small made-up layers.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "geo/picking.hpp"
#include "geo/prepared_layer.hpp"
#include "geo/vector_loader.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

class PickingCountriesTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        const auto path = test::source_dir() / "data" / "naturalearth" / "ne_10m_admin0_countries.shp";
        auto layers = load_vector_source(path.string());
        ASSERT_TRUE(layers) << layers.error().message;
        prepared_ = new PreparedLayer(prepare_layer(layers->front()));
    }
    static void TearDownTestSuite() {
        delete prepared_;
        prepared_ = nullptr;
    }
    void SetUp() override { ASSERT_NE(prepared_, nullptr) << "loading the 1:10m countries failed"; }

    static std::string iso_at(GeoPoint p, const PreparedLayer& layer, double tolerance = 0.0) {
        const auto f = pick_feature(layer, p, tolerance);
        return f ? layer.value(*f, layer.field_index("iso_a3")) : std::string("(none)");
    }
    static int feature_of(const std::string& iso) {
        for (size_t i = 0; i < prepared_->values.size(); ++i)
            if (prepared_->value(i, prepared_->field_index("iso_a3")) == iso) return static_cast<int>(i);
        return -1;
    }

    static PreparedLayer* prepared_;
};

PreparedLayer* PickingCountriesTest::prepared_ = nullptr;

TEST_F(PickingCountriesTest, PointInLesothoPicksLesothoNotSouthAfrica) {
    EXPECT_EQ(iso_at({28.2, -29.5}, *prepared_), "LSO");
    // South Africa around it.
    EXPECT_EQ(iso_at({25.0, -30.0}, *prepared_), "ZAF");
}

// Without Lesotho's own triangles the point falls in South Africa's hole: nothing is picked, so South Africa's fill
// really leaves the hole open (not merely hidden by Lesotho being tested first).
TEST_F(PickingCountriesTest, SouthAfricasHoleIsEmptyWithoutLesotho) {
    PreparedLayer without = *prepared_;
    const int lso = feature_of("LSO");
    ASSERT_GE(lso, 0);
    without.mesh.ranges[lso].index_count = 0;
    EXPECT_EQ(iso_at({28.2, -29.5}, without), "(none)");
}

TEST_F(PickingCountriesTest, CapitalsPickTheirCountries) {
    EXPECT_EQ(iso_at({-8.0029, 12.6392}, *prepared_), "MLI");  // Bamako
    EXPECT_EQ(iso_at({2.1254, 13.5116}, *prepared_), "NER");   // Niamey
    EXPECT_EQ(iso_at({-1.5197, 12.3714}, *prepared_), "BFA");  // Ouagadougou
    EXPECT_EQ(iso_at({37.6173, 55.7558}, *prepared_), "RUS");  // Moscow
}

TEST_F(PickingCountriesTest, SeaPicksNothing) {
    EXPECT_EQ(iso_at({-30.0, 30.0}, *prepared_), "(none)");    // Atlantic
    EXPECT_EQ(iso_at({0.0, 0.0}, *prepared_), "(none)");       // Gulf of Guinea
    EXPECT_EQ(iso_at({-160.0, -40.0}, *prepared_), "(none)");  // South Pacific
    // Tolerance does not widen polygons.
    EXPECT_EQ(iso_at({-30.0, 30.0}, *prepared_, 5.0), "(none)");
}

TEST_F(PickingCountriesTest, BothSidesOfTheAntimeridianPickRussia) {
    EXPECT_EQ(iso_at({179.5, 67.0}, *prepared_), "RUS");   // Chukotka, west of 180
    EXPECT_EQ(iso_at({-178.0, 66.5}, *prepared_), "RUS");  // Chukotka, east of 180
}

// --- small layers -------------------------------------------------------------------------------------------

PreparedLayer prepared(VectorLayer layer) {
    layer.fields = {"name"};
    for (auto& f : layer.features) {
        f.bbox = BBox{};
        for (const auto& l : f.lines)
            for (const auto& p : l) f.bbox.add(p.lon, p.lat);
        for (const auto& p : f.points) f.bbox.add(p.lon, p.lat);
        for (const auto& poly : f.polygons)
            for (const auto& r : poly.rings)
                for (const auto& p : r) f.bbox.add(p.lon, p.lat);
        layer.bbox.add(f.bbox);
    }
    PrepareOptions options;
    options.threads = 1;
    return prepare_layer(layer, options);
}

Feature named(const std::string& name) {
    Feature f;
    f.values = {name};
    return f;
}

std::string name_at(const PreparedLayer& layer, GeoPoint p, double tolerance) {
    const auto f = pick_feature(layer, p, tolerance);
    return f ? layer.value(*f, 0) : std::string("(none)");
}

TEST(PickingTest, LinesPickTheNearestSegmentWithinTolerance) {
    VectorLayer layer;
    layer.kind = GeometryKind::kLine;
    Feature road = named("road"), river = named("river");
    road.lines = {{{0, 0}, {10, 0}}};             // along the equator
    river.lines = {{{0, 1}, {5, 1}, {5, 6}}};     // north, then bends
    layer.features = {road, river};
    const PreparedLayer p = prepared(layer);
    EXPECT_EQ(name_at(p, {3.3, 0.05}, 0.1), "road");   // mid-segment, far from any vertex
    EXPECT_EQ(name_at(p, {3.3, 0.95}, 0.1), "river");
    EXPECT_EQ(name_at(p, {3.3, 0.4}, 0.5), "road");    // both in reach: the nearer wins
    EXPECT_EQ(name_at(p, {3.3, 0.6}, 0.5), "river");
    EXPECT_EQ(name_at(p, {3.3, 0.5}, 0.1), "(none)");  // neither within tolerance
    EXPECT_EQ(name_at(p, {5.08, 3.0}, 0.1), "river");  // the second segment
    EXPECT_EQ(name_at(p, {10.2, 0.0}, 0.1), "(none)");  // past the end of the road
    EXPECT_EQ(name_at(p, {10.2, 0.0}, 0.3), "road");
}

// The line from tests/fixtures/antimeridian.geojson crosses lon 180 at lat 7.5; it is cut there for drawing,
// and a point just east of 180 still finds the part just west of it.
TEST(PickingTest, LinesAcrossTheAntimeridian) {
    VectorLayer layer;
    layer.kind = GeometryKind::kLine;
    Feature line = named("crossing");
    line.lines = {{{160, 0}, {175, 5}, {-175, 10}, {-160, 15}}};
    layer.features = {line};
    const PreparedLayer p = prepared(layer);
    EXPECT_EQ(name_at(p, {179.9, 7.5}, 0.1), "crossing");
    EXPECT_EQ(name_at(p, {-179.9, 7.5}, 0.1), "crossing");
    EXPECT_EQ(name_at(p, {0.0, 7.5}, 0.1), "(none)");  // not across the whole map
}

TEST(PickingTest, PointsPickTheNearestWithinTolerance) {
    VectorLayer layer;
    layer.kind = GeometryKind::kPoint;
    Feature bamako = named("Bamako"), niamey = named("Niamey"), both = named("two towns");
    bamako.points = {{-8.0, 12.65}};
    niamey.points = {{2.11, 13.51}};
    both.points = {{-1.52, 12.37}, {-4.3, 11.18}};  // Ouagadougou, Bobo-Dioulasso
    layer.features = {bamako, niamey, both};
    const PreparedLayer p = prepared(layer);
    EXPECT_EQ(name_at(p, {-8.1, 12.7}, 0.2), "Bamako");
    EXPECT_EQ(name_at(p, {-8.1, 12.7}, 0.05), "(none)");
    EXPECT_EQ(name_at(p, {2.0, 13.5}, 0.2), "Niamey");
    EXPECT_EQ(name_at(p, {-4.25, 11.2}, 0.2), "two towns");  // any point of a multipoint
    EXPECT_EQ(name_at(p, {-6.0, 12.0}, 2.5), "two towns");   // both in reach; Bobo-Dioulasso (1.89) beats Bamako (2.10)
    EXPECT_EQ(name_at(p, {-6.4, 12.2}, 2.5), "Bamako");      // and the other way round
    EXPECT_EQ(name_at(p, {-30.0, 0.0}, 1.0), "(none)");
}

TEST(PickingTest, PolygonWithHoleAndOverlap) {
    VectorLayer layer;
    layer.kind = GeometryKind::kPolygon;
    Feature square = named("square"), island = named("island"), over = named("over");
    // lon -8..2, lat 10..20 with a hole lon -5..-1, lat 13..17 (as in tests/fixtures/polygons.geojson).
    square.polygons = {Polygon{{Ring{{-8, 10}, {2, 10}, {2, 20}, {-8, 20}}, Ring{{-5, 13}, {-1, 13}, {-1, 17}, {-5, 17}}}}};
    island.polygons = {Polygon{{Ring{{-4, 14}, {-2, 14}, {-2, 16}, {-4, 16}}}}};  // inside the hole
    over.polygons = {Polygon{{Ring{{1, 19}, {5, 19}, {5, 23}, {1, 23}}}}};        // overlaps the square's corner
    layer.features = {square, island, over};
    const PreparedLayer p = prepared(layer);
    EXPECT_EQ(name_at(p, {-6, 12}, 0), "square");
    EXPECT_EQ(name_at(p, {-3, 15}, 0), "island");
    EXPECT_EQ(name_at(p, {-4.5, 13.5}, 0), "(none)");  // in the hole, outside the island
    EXPECT_EQ(name_at(p, {1.5, 19.5}, 0), "over");     // drawn last, on top
    EXPECT_EQ(name_at(p, {3, 15}, 0.5), "(none)");
    EXPECT_EQ(name_at(p, {2, 15}, 0), "square");       // on the edge counts as inside
}

TEST(PickingTest, TriangleAndSegmentHelpers) {
    EXPECT_TRUE(point_in_triangle({0.2, 0.2}, {0, 0}, {1, 0}, {0, 1}));
    EXPECT_TRUE(point_in_triangle({0.2, 0.2}, {0, 0}, {0, 1}, {1, 0}));  // clockwise too
    EXPECT_TRUE(point_in_triangle({0.5, 0.0}, {0, 0}, {1, 0}, {0, 1}));  // on an edge
    EXPECT_FALSE(point_in_triangle({0.6, 0.6}, {0, 0}, {1, 0}, {0, 1}));
    EXPECT_FALSE(point_in_triangle({2, 0}, {0, 0}, {1, 0}, {3, 0}));     // no area
    EXPECT_DOUBLE_EQ(distance_to_segment({5, 3}, {0, 0}, {10, 0}), 3.0);
    EXPECT_DOUBLE_EQ(distance_to_segment({13, 4}, {0, 0}, {10, 0}), 5.0);
    EXPECT_DOUBLE_EQ(distance_to_segment({1, 1}, {1, 1}, {1, 1}), 0.0);
}

TEST(PickingTest, EmptyLayerAndBadPointPickNothing) {
    PreparedLayer empty;
    EXPECT_FALSE(pick_feature(empty, {0, 0}, 1.0));
    VectorLayer layer;
    layer.kind = GeometryKind::kPoint;
    Feature a = named("a");
    a.points = {{0, 0}};
    layer.features = {a};
    const PreparedLayer p = prepared(layer);
    EXPECT_FALSE(pick_feature(p, {std::nan(""), 0}, 1.0));
    EXPECT_TRUE(pick_feature(p, {0, 0}, 0.0));
}

}  // namespace
}  // namespace em
