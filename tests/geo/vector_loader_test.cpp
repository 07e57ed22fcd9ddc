#include "geo/vector_loader.hpp"

#include <cpl_conv.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "geo/antimeridian.hpp"
#include "geo_test_util.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

using test::fixture;

// The geometry written by tools/make_test_fixtures.sh, rings normalised (counter-clockwise, lowest point first).
struct ExpectedFeature {
    std::string name;
    double area;
    std::vector<std::vector<Ring>> polygons;  // per polygon: outer ring, then holes
};

const std::vector<ExpectedFeature>& expected_polygons() {
    static const std::vector<ExpectedFeature> features = {
        {"square_with_hole",
         84.0,
         {{{{-8, 10}, {2, 10}, {2, 20}, {-8, 20}}, {{-5, 13}, {-1, 13}, {-1, 17}, {-5, 17}}}}},
        {"two_parts", 7.0, {{{{-6, 22}, {-4, 22}, {-4, 24}, {-6, 24}}}, {{{0, 22}, {2, 22}, {0, 25}}}}},
        {"concave_l", 12.0, {{{{-4, 0}, {0, 0}, {0, 2}, {-2, 2}, {-2, 4}, {-4, 4}}}}},
    };
    return features;
}

// Checks a loaded polygons layer against the expected geometry to tol degrees.
void expect_polygons_layer(const VectorLayer& layer, double tol) {
    ASSERT_EQ(layer.features.size(), 3u);
    const int name = layer.field_index("name");
    ASSERT_GE(name, 0);
    for (size_t i = 0; i < 3; ++i) {
        const Feature& f = layer.features[i];
        const ExpectedFeature& e = expected_polygons()[i];
        SCOPED_TRACE(e.name);
        EXPECT_EQ(f.values[name], e.name);
        EXPECT_TRUE(f.lines.empty());
        EXPECT_TRUE(f.points.empty());
        ASSERT_EQ(f.polygons.size(), e.polygons.size());
        for (size_t p = 0; p < e.polygons.size(); ++p) {
            ASSERT_EQ(f.polygons[p].rings.size(), e.polygons[p].size());
            for (size_t r = 0; r < e.polygons[p].size(); ++r) {
                const Ring got = test::normalised(f.polygons[p].rings[r]);
                const Ring& want = e.polygons[p][r];
                ASSERT_EQ(got.size(), want.size()) << "polygon " << p << " ring " << r;
                for (size_t k = 0; k < want.size(); ++k) {
                    EXPECT_NEAR(got[k].lon, want[k].lon, tol) << "polygon " << p << " ring " << r << " point " << k;
                    EXPECT_NEAR(got[k].lat, want[k].lat, tol) << "polygon " << p << " ring " << r << " point " << k;
                }
            }
        }
        EXPECT_NEAR(test::feature_area(f), e.area, 1e-4);
    }
}

Result<VectorLayer> load_single(const std::string& path) {
    auto layers = load_vector_source(path);
    if (!layers) return layers.error();
    if (layers->size() != 1) return Error{"expected one layer, got " + std::to_string(layers->size())};
    return std::move(layers->front());
}

TEST(VectorLoaderTest, GeoJsonPolygonsLoadWithFieldsHolesAndParts) {
    auto layer = load_single(fixture("polygons.geojson"));
    ASSERT_TRUE(layer) << layer.error().message;
    EXPECT_EQ(layer->name, "polygons");
    EXPECT_EQ(layer->crs, "EPSG:4326");
    EXPECT_EQ(layer->kind, GeometryKind::kPolygon);
    EXPECT_EQ(layer->fields, (std::vector<std::string>{"name", "area", "parts"}));
    EXPECT_TRUE(layer->warnings.empty()) << test::joined(layer->warnings);
    expect_polygons_layer(layer.value(), 0.0);
    // Exact input, so the closing point of each ring is dropped and nothing else: 4+4 + 4+3 + 6.
    EXPECT_EQ(layer->vertex_count(), 21u);
    EXPECT_EQ(layer->features[0].polygons[0].rings.size(), 2u);  // outer + hole
    EXPECT_EQ(layer->features[1].polygons.size(), 2u);           // two parts
}

TEST(VectorLoaderTest, AttributeValuesAreTextAndMatchTheirAreas) {
    auto layer = load_single(fixture("polygons.geojson"));
    ASSERT_TRUE(layer) << layer.error().message;
    const int area = layer->field_index("AREA");  // case-insensitive
    const int parts = layer->field_index("Parts");
    ASSERT_GE(area, 0);
    ASSERT_GE(parts, 0);
    EXPECT_EQ(layer->field_index("missing"), -1);
    for (const auto& f : layer->features) {
        EXPECT_NEAR(std::stod(f.values[area]), test::feature_area(f), 1e-12);
        EXPECT_EQ(std::stoul(f.values[parts]), f.polygons.size());
    }
}

TEST(VectorLoaderTest, FeatureAndLayerBoundingBoxes) {
    auto layer = load_single(fixture("polygons.geojson"));
    ASSERT_TRUE(layer) << layer.error().message;
    const BBox& b0 = layer->features[0].bbox;
    EXPECT_EQ(b0.min_x, -8);
    EXPECT_EQ(b0.max_x, 2);
    EXPECT_EQ(b0.min_y, 10);
    EXPECT_EQ(b0.max_y, 20);
    EXPECT_EQ(layer->bbox.min_x, -8);
    EXPECT_EQ(layer->bbox.max_x, 2);
    EXPECT_EQ(layer->bbox.min_y, 0);
    EXPECT_EQ(layer->bbox.max_y, 25);
}

// A feature's box is taken in the pass that folds and clamps its points (layer_assembly), and taken again when a
// part goes after that pass: here a triangle whose two ends become one point once its latitudes are clamped to 90.
// Both readers (GDAL's and the fast GeoJSON one) go through the same assembly.
TEST(VectorLoaderTest, APartLostToClampingLeavesTheFeaturesBox) {
    const auto dir = test::temp_dir("clamped-part");
    const auto path = (dir / "clamped.geojson").string();
    std::ofstream(path) << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
                        << R"("geometry":{"type":"MultiPolygon","coordinates":[)"
                        << R"([[[0,0],[10,0],[10,10],[0,10],[0,0]]],)"
                        << R"([[[100,95],[110,0],[100,96],[100,95]]]]}}]})";
    for (const bool gdal : {false, true}) {
        SCOPED_TRACE(gdal ? "GDAL" : "fast GeoJSON");
        auto layers = gdal ? load_vector_source_with_gdal(path) : load_vector_source(path);
        ASSERT_TRUE(layers) << layers.error().message;
        const Feature& f = layers->front().features.at(0);
        ASSERT_EQ(f.polygons.size(), 1u);
        EXPECT_EQ(f.bbox.min_x, 0);
        EXPECT_EQ(f.bbox.max_x, 10);
        EXPECT_EQ(f.bbox.max_y, 10);
        EXPECT_EQ(layers->front().bbox.max_x, 10);
    }
}

TEST(VectorLoaderTest, ShapefileGivesTheSameGeometryAsGeoJson) {
    auto layer = load_single(fixture("polygons.shp"));
    ASSERT_TRUE(layer) << layer.error().message;
    EXPECT_EQ(layer->name, "polygons");
    EXPECT_EQ(layer->crs, "EPSG:4326");
    EXPECT_EQ(layer->kind, GeometryKind::kPolygon);
    EXPECT_TRUE(layer->warnings.empty()) << test::joined(layer->warnings);
    expect_polygons_layer(layer.value(), 0.0);
    EXPECT_EQ(layer->vertex_count(), 21u);
}

TEST(VectorLoaderTest, AViewBoxLeavesOutFeaturesMissingIt) {
    // square_with_hole lies in lon -8..2, lat 10..20; the other two features outside lat 9..21.
    LoadControl control;
    control.within = BBox::of(-10, 9, 5, 21);
    for (const char* file : {"polygons.shp", "polygons_3857.shp"}) {
        SCOPED_TRACE(file);
        auto layers = load_vector_source(fixture(file), control);
        ASSERT_TRUE(layers) << layers.error().message;
        ASSERT_EQ(layers->size(), 1u);
        const VectorLayer& layer = layers->front();
        ASSERT_EQ(layer.features.size(), 1u);
        EXPECT_EQ(layer.features[0].values[layer.field_index("name")], "square_with_hole");
    }
    // Without the box, all three.
    auto all = load_single(fixture("polygons.shp"));
    ASSERT_TRUE(all) << all.error().message;
    EXPECT_EQ(all->features.size(), 3u);
}

TEST(VectorLoaderTest, UnorganisedRingsStillMeanTheSameEvenOdd) {
    LoadControl control;
    control.rings_unorganised = true;
    auto layers = load_vector_source(fixture("polygons.shp"), control);
    ASSERT_TRUE(layers) << layers.error().message;
    const Feature& square = layers->front().features[0];
    std::vector<Ring> rings;
    for (const auto& p : square.polygons) rings.insert(rings.end(), p.rings.begin(), p.rings.end());
    EXPECT_EQ(rings.size(), 2u);
    EXPECT_TRUE(test::inside_even_odd(rings, {-7, 11}));
    EXPECT_FALSE(test::inside_even_odd(rings, {-3, 15}));  // in the hole
    // Only for that read: the next one organises holes into their polygons again.
    auto organised = load_single(fixture("polygons.shp"));
    ASSERT_TRUE(organised) << organised.error().message;
    expect_polygons_layer(organised.value(), 0.0);
}

TEST(VectorLoaderTest, WebMercatorShapefileIsTransformedBackToLonLat) {
    auto layer = load_single(fixture("polygons_3857.shp"));
    ASSERT_TRUE(layer) << layer.error().message;
    EXPECT_EQ(layer->crs, "EPSG:3857");
    EXPECT_TRUE(layer->warnings.empty()) << test::joined(layer->warnings);
    expect_polygons_layer(layer.value(), 1e-6);
}

TEST(VectorLoaderTest, UtmShapefileIsTransformedBackToLonLat) {
    auto layer = load_single(fixture("polygons_32630.shp"));
    ASSERT_TRUE(layer) << layer.error().message;
    EXPECT_EQ(layer->crs, "EPSG:32630");
    EXPECT_TRUE(layer->warnings.empty()) << test::joined(layer->warnings);
    expect_polygons_layer(layer.value(), 1e-6);
}

TEST(VectorLoaderTest, Latin1ShapefileWithCpgComesOutAsUtf8) {
    auto layer = load_single(fixture("latin1_regions.shp"));
    ASSERT_TRUE(layer) << layer.error().message;
    EXPECT_EQ(layer->kind, GeometryKind::kPoint);
    EXPECT_TRUE(layer->warnings.empty()) << test::joined(layer->warnings);
    const int name = layer->field_index("name");
    ASSERT_GE(name, 0);
    std::vector<std::string> names;
    for (const auto& f : layer->features) names.push_back(f.values[name]);
    EXPECT_EQ(names, (std::vector<std::string>{"S\xC3\xA9gou", "Tombouctou", "Kidal", "Mopti"}));
    ASSERT_EQ(layer->features[0].points.size(), 1u);
    EXPECT_DOUBLE_EQ(layer->features[0].points[0].lon, -6.2633);
    EXPECT_DOUBLE_EQ(layer->features[0].points[0].lat, 13.4317);
}

// Observed with GDAL 3.6: with no .cpg and LDID 0 the shapefile driver does not recode at all, so the Latin-1 byte
// of "é" reaches the loader, which replaces it with U+FFFD and says why in a warning naming the file.
TEST(VectorLoaderTest, Latin1ShapefileWithoutEncodingGetsReplacementCharacterAndWarning) {
    const std::string path = fixture("latin1_nocpg.shp");
    auto layer = load_single(path);
    ASSERT_TRUE(layer) << layer.error().message;
    const int name = layer->field_index("name");
    ASSERT_GE(name, 0);
    EXPECT_EQ(layer->features[0].values[name], "S\xEF\xBF\xBDgou");
    EXPECT_EQ(layer->features[1].values[name], "Tombouctou");
    ASSERT_EQ(layer->warnings.size(), 1u) << test::joined(layer->warnings);
    EXPECT_NE(layer->warnings[0].find(path), std::string::npos) << layer->warnings[0];
    EXPECT_NE(layer->warnings[0].find("1 attribute value(s) were not valid UTF-8"), std::string::npos)
        << layer->warnings[0];
    EXPECT_NE(layer->warnings[0].find(".cpg"), std::string::npos) << layer->warnings[0];
}

TEST(VectorLoaderTest, ProjectedShapefileWithoutPrjFailsSayingCoordinatesCannotBeLonLat) {
    const std::string path = fixture("noprj_metres.shp");
    auto layers = load_vector_source(path);
    ASSERT_FALSE(layers);
    const std::string& msg = layers.error().message;
    EXPECT_NE(msg.find(path), std::string::npos) << msg;
    EXPECT_NE(msg.find("cannot be longitude/latitude"), std::string::npos) << msg;
    EXPECT_NE(msg.find(".prj"), std::string::npos) << msg;
}

TEST(VectorLoaderTest, LonLatShapefileWithoutPrjLoadsAsWgs84WithAWarning) {
    const std::string path = fixture("noprj_lonlat.shp");
    auto layer = load_single(path);
    ASSERT_TRUE(layer) << layer.error().message;
    EXPECT_EQ(layer->crs, "none (taken as WGS84 lon/lat)");
    ASSERT_EQ(layer->warnings.size(), 1u) << test::joined(layer->warnings);
    EXPECT_NE(layer->warnings[0].find(path), std::string::npos) << layer->warnings[0];
    EXPECT_NE(layer->warnings[0].find("taken as WGS84"), std::string::npos) << layer->warnings[0];
    expect_polygons_layer(layer.value(), 0.0);
}

TEST(VectorLoaderTest, AntimeridianFixtureKeepsItsRawLongitudes) {
    auto layer = load_single(fixture("antimeridian.geojson"));
    ASSERT_TRUE(layer) << layer.error().message;
    EXPECT_EQ(layer->kind, GeometryKind::kMixed);
    ASSERT_EQ(layer->features.size(), 2u);
    ASSERT_EQ(layer->features[0].polygons.size(), 1u);
    EXPECT_TRUE(crosses_antimeridian(layer->features[0].polygons[0]));
    EXPECT_EQ(layer->features[0].bbox.min_x, -170);
    EXPECT_EQ(layer->features[0].bbox.max_x, 170);
    ASSERT_EQ(layer->features[1].lines.size(), 1u);
    EXPECT_EQ(layer->features[1].lines[0].size(), 4u);
}

// WGS84 sources in 0..360 are folded to -180..180, decided from the longitudes read (no extent pass over the
// file first); a layer within -180..180 is left alone even when a ring ends exactly on 180.
TEST(VectorLoaderTest, LongitudesIn0To360AreFoldedAndOthersAreNot) {
    const auto dir = test::temp_dir("lon-0-360");
    const auto write = [&](const std::string& name, const std::string& ring) {
        const auto path = dir / name;
        std::ofstream(path) << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
                            << R"("geometry":{"type":"Polygon","coordinates":[)" << ring << "]}}]}";
        return path.string();
    };
    auto wide = load_vector_source(write("wide.geojson", "[[170,0],[200,0],[200,10],[170,10],[170,0]]"));
    ASSERT_TRUE(wide) << wide.error().message;
    const Ring& w = wide->front().features.at(0).polygons.at(0).rings.at(0);
    EXPECT_EQ(w[1].lon, -160.0);
    EXPECT_EQ(w[0].lon, 170.0);
    EXPECT_LE(wide->front().bbox.max_x, 180.0);
    auto normal = load_vector_source(write("normal.geojson", "[[170,0],[180,0],[180,10],[170,10],[170,0]]"));
    ASSERT_TRUE(normal) << normal.error().message;
    EXPECT_EQ(normal->front().features.at(0).polygons.at(0).rings.at(0)[1].lon, 180.0);
}

TEST(VectorLoaderTest, ListLayersAndLoadOneByName) {
    auto names = list_vector_layers(fixture("polygons.shp"));
    ASSERT_TRUE(names) << names.error().message;
    EXPECT_EQ(names.value(), std::vector<std::string>{"polygons"});
    auto layer = load_vector_layer(fixture("polygons.shp"), "polygons");
    ASSERT_TRUE(layer) << layer.error().message;
    EXPECT_EQ(layer->features.size(), 3u);
    auto missing = load_vector_layer(fixture("polygons.shp"), "nope");
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("polygons.shp"), std::string::npos);
    EXPECT_NE(missing.error().message.find("'nope'"), std::string::npos);
}

TEST(VectorLoaderTest, ProgressReportsTheEnd) {
    std::size_t last_done = 0, last_total = 0;
    int calls = 0;
    LoadControl control;
    control.progress = [&](std::size_t done, std::size_t total) { last_done = done, last_total = total, ++calls; };
    auto layers = load_vector_source(fixture("polygons.shp"), control);
    ASSERT_TRUE(layers) << layers.error().message;
    EXPECT_GE(calls, 1);
    EXPECT_EQ(last_done, 3u);
    EXPECT_EQ(last_total, 3u);
}

TEST(VectorLoaderTest, CancelledLoadIsAnErrorNamingTheFile) {
    std::atomic<bool> cancel{true};
    LoadControl control;
    control.cancel = &cancel;
    auto layers = load_vector_source(fixture("polygons.shp"), control);
    ASSERT_FALSE(layers);
    EXPECT_NE(layers.error().message.find("polygons.shp"), std::string::npos);
    EXPECT_NE(layers.error().message.find("cancelled"), std::string::npos);
}

TEST(VectorLoaderTest, MissingFileIsAnErrorNamingIt) {
    const std::string path = fixture("does_not_exist.shp");
    auto layers = load_vector_source(path);
    ASSERT_FALSE(layers);
    EXPECT_EQ(layers.error().message, path + ": no such file");
}

// GDAL's default limit refuses GeoJSON features it estimates over 200 MB of memory (land10m's largest polygons:
// "GeoJSON object too complex/large"); eventmap lifts it, so such files open without setting anything.
// (GeoJsonReaderTest. FeaturesGdalMightFindTooLargeAreLeftToIt shows the option at work, with a limit of 1 MB.)
TEST(VectorLoaderTest, GdalsGeoJsonSizeLimitIsLifted) {
    if (std::getenv("OGR_GEOJSON_MAX_OBJ_SIZE")) GTEST_SKIP() << "OGR_GEOJSON_MAX_OBJ_SIZE is set in the environment";
    ensure_gdal_registered();
    EXPECT_STREQ(CPLGetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "unset"), "0");
}

}  // namespace
}  // namespace em
