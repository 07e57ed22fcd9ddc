// The shipped 1:10m base map, loaded once for the suite.
#include <gtest/gtest.h>

#include <cmath>

#include "geo/prepared_layer.hpp"
#include "geo/vector_loader.hpp"
#include "geo_test_util.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

class NaturalEarthTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        path_ = new std::string((test::source_dir() / "data" / "naturalearth" / "ne_10m_admin0_countries.shp").string());
        auto layers = load_vector_source(*path_);
        ASSERT_TRUE(layers) << layers.error().message;
        ASSERT_EQ(layers->size(), 1u);
        layer_ = new VectorLayer(std::move(layers->front()));
        prepared_ = new PreparedLayer(prepare_layer(*layer_));
    }
    static void TearDownTestSuite() {
        delete prepared_;
        delete layer_;
        delete path_;
        prepared_ = nullptr, layer_ = nullptr, path_ = nullptr;
    }
    void SetUp() override { ASSERT_NE(prepared_, nullptr) << "loading the base map failed"; }

    static int feature_of(const std::string& iso_a3) {
        const int field = layer_->field_index("iso_a3");
        for (size_t i = 0; i < layer_->features.size(); ++i)
            if (layer_->features[i].values[field] == iso_a3) return static_cast<int>(i);
        return -1;
    }

    static std::string* path_;
    static VectorLayer* layer_;
    static PreparedLayer* prepared_;
};

std::string* NaturalEarthTest::path_ = nullptr;
VectorLayer* NaturalEarthTest::layer_ = nullptr;
PreparedLayer* NaturalEarthTest::prepared_ = nullptr;

// The one warning: Vatican's only ring collapsed when world-atlas quantized the TopoJSON, so GDAL dropped it and the
// feature has no geometry (data/naturalearth/README.md, tools/make_basemap.sh).
TEST_F(NaturalEarthTest, Has255CountriesInWgs84AndOnlyVaticanHasNoGeometry) {
    EXPECT_EQ(layer_->features.size(), 255u);
    EXPECT_EQ(layer_->crs, "EPSG:4326");
    EXPECT_EQ(layer_->kind, GeometryKind::kPolygon);
    EXPECT_EQ(layer_->fields, (std::vector<std::string>{"id", "iso_a3", "name"}));
    EXPECT_EQ(layer_->warnings, std::vector<std::string>{*path_ + " (layer ne_10m_admin0_countries): 1 feature(s) have "
                                                                  "no geometry (kept, not drawn)"});
    const int name = layer_->field_index("name");
    for (const auto& f : layer_->features)
        EXPECT_EQ(f.vertex_count() == 0, f.values[name] == "Vatican") << f.values[name];
    EXPECT_GE(layer_->bbox.min_x, -180.0);
    EXPECT_LE(layer_->bbox.max_x, 180.0);
}

// The .shp stores 544,862 points (data/naturalearth/README.md), counting the closing point of each of its 4,261
// rings. The loader drops that repeated closing point (Ring: "the last point is not repeated") and nothing else,
// so VectorLayer::vertex_count() is 544,862 - 4,261 = 540,601.
TEST_F(NaturalEarthTest, VertexCountIsTheShapefilesMinusOneClosingPointPerRing) {
    size_t rings = 0;
    for (const auto& f : layer_->features)
        for (const auto& p : f.polygons) rings += p.rings.size();
    EXPECT_EQ(rings, 4261u);
    EXPECT_EQ(layer_->vertex_count(), 540601u);
    EXPECT_EQ(layer_->vertex_count() + rings, 544862u);
}

TEST_F(NaturalEarthTest, HasTheCountriesEventmapIsAbout) {
    const int name = layer_->field_index("name");
    for (const auto& [iso, country] : std::vector<std::pair<std::string, std::string>>{
             {"MLI", "Mali"}, {"BFA", "Burkina Faso"}, {"NER", "Niger"}, {"TCD", "Chad"},
             {"CAF", "Central African Rep."}, {"RUS", "Russia"}}) {
        const int i = feature_of(iso);
        ASSERT_GE(i, 0) << iso;
        EXPECT_EQ(layer_->features[i].values[name], country) << iso;
        EXPECT_FALSE(layer_->features[i].polygons.empty()) << iso;
    }
    // Bamako lies in Mali.
    const int mali = feature_of("MLI");
    bool inside = false;
    for (const auto& p : layer_->features[mali].polygons) inside |= test::inside_even_odd(p.rings, {-8.0029, 12.6392});
    EXPECT_TRUE(inside);
}

TEST_F(NaturalEarthTest, RussiaAndFijiReallyCrossTheAntimeridian) {
    for (const char* iso : {"RUS", "FJI"}) {
        const int i = feature_of(iso);
        ASSERT_GE(i, 0) << iso;
        EXPECT_LE(layer_->features[i].bbox.min_x, -179.0) << iso;
        EXPECT_GE(layer_->features[i].bbox.max_x, 179.0) << iso;
    }
}

// No band across the map: after preparation every drawn outline segment of Russia and Fiji is short (densified to
// 1 degree), and no fill triangle spans the map.
TEST_F(NaturalEarthTest, PreparedRussiaAndFijiHaveNoSegmentAcrossTheMap) {
    const LayerMesh& m = prepared_->mesh;
    for (const char* iso : {"RUS", "FJI"}) {
        SCOPED_TRACE(iso);
        const int i = feature_of(iso);
        ASSERT_GE(i, 0);
        const FeatureRange& r = m.ranges[i];
        ASSERT_GT(r.outline_count, 0u);
        double longest = 0;
        for (std::uint32_t k = r.first_outline; k + 1 < r.first_outline + r.outline_count; ++k) {
            const GeoPoint a = m.outline_points[k], b = m.outline_points[k + 1];
            EXPECT_GE(a.lon, -180.0);
            EXPECT_LE(a.lon, 180.0);
            if (m.outline_joins[k]) longest = std::max(longest, std::abs(b.lon - a.lon));
        }
        EXPECT_LE(longest, 1.0 + 1e-9);
        ASSERT_GT(r.index_count, 0u);
        double widest = 0;
        for (std::uint32_t k = r.first_index; k + 2 < r.first_index + r.index_count; k += 3) {
            double lo = 1e9, hi = -1e9;
            for (int c = 0; c < 3; ++c) {
                const double lon = m.fill.vertices[m.fill.indices[k + c]].lon;
                lo = std::min(lo, lon), hi = std::max(hi, lon);
            }
            widest = std::max(widest, hi - lo);
        }
        EXPECT_LT(widest, 180.0);
    }
}

bool in_fill(const LayerMesh& m, const FeatureRange& r, GeoPoint p) {
    for (std::uint32_t k = r.first_index; k + 2 < r.first_index + r.index_count; k += 3) {
        const GeoPoint a = m.fill.vertices[m.fill.indices[k]], b = m.fill.vertices[m.fill.indices[k + 1]],
                       c = m.fill.vertices[m.fill.indices[k + 2]];
        auto side = [&](GeoPoint u, GeoPoint v) { return (v.lon - u.lon) * (p.lat - u.lat) - (v.lat - u.lat) * (p.lon - u.lon); };
        const double s1 = side(a, b), s2 = side(b, c), s3 = side(c, a);
        if ((s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0)) return true;
    }
    return false;
}

// Antarctica's outer ring circles the South Pole (it never reaches lat -90) and its closing edge runs from lon
// 179.79 to -180. The prepared fill must reach the pole everywhere, including the 0.2-degree sliver between that
// closing edge and the antimeridian (once left out by the pole closing), and must not spill north of the coast.
TEST_F(NaturalEarthTest, AntarcticaIsFilledDownToThePoleAllAround) {
    const int i = feature_of("ATA");
    ASSERT_GE(i, 0);
    const LayerMesh& m = prepared_->mesh;
    const FeatureRange& r = m.ranges[i];
    for (const double lon : {-179.99, -120.0, 0.0, 60.0, 179.5, 179.9, 179.99}) {
        EXPECT_TRUE(in_fill(m, r, {lon, -89.5})) << lon;
        EXPECT_TRUE(in_fill(m, r, {lon, -86.0})) << lon;
    }
    EXPECT_FALSE(in_fill(m, r, {0.0, -60.0}));
    EXPECT_FALSE(in_fill(m, r, {179.9, -60.0}));
}

TEST_F(NaturalEarthTest, PreparedLayerIsCompleteAndTessellatedEverywhere) {
    const LayerMesh& m = prepared_->mesh;
    EXPECT_EQ(m.ranges.size(), 255u);
    EXPECT_EQ(m.tessellation_failures, 0u) << test::joined(prepared_->warnings);
    for (auto idx : m.fill.indices) ASSERT_LT(idx, m.fill.vertices.size());
    for (const auto& v : m.fill.vertices) {
        ASSERT_GE(v.lon, -180.0);
        ASSERT_LE(v.lon, 180.0);
    }
    // Every country with geometry gets a label; Vatican (no geometry) gets none.
    const int name = prepared_->field_index("name");
    for (size_t i = 0; i < prepared_->label_points.size(); ++i) {
        EXPECT_EQ(std::isnan(prepared_->label_points[i].lon), prepared_->value(i, name) == "Vatican")
            << prepared_->value(i, name);
    }
}

}  // namespace
}  // namespace em
