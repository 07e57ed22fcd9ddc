// The fast GeoJSON reader (simdjson) against GDAL's driver: every layer it reads must equal, field by field, value
// by value and vertex by vertex (bitwise), what load_vector_source gave through GDAL alone; everything it declines
// must still load as GDAL loads it. GEOJSON_DIFF_ROUNDS=N runs N random documents in RandomDocumentsMatchGdal.
#include "geo/geojson_reader.hpp"

#include <cpl_conv.h>
#include <gdal_utils.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstring>
#include <fstream>
#include <map>
#include <random>

#include "geo/vector_loader.hpp"
#include "geo_test_util.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

std::string write(const std::filesystem::path& dir, const std::string& name, const std::string& text) {
    const auto path = dir / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

bool same_bits(const BBox& a, const BBox& b) { return std::memcmp(&a, &b, sizeof(BBox)) == 0; }

// Vertex by vertex, bitwise (so -0 and 0 differ).
void expect_same_points(const std::vector<GeoPoint>& a, const std::vector<GeoPoint>& b, const std::string& what) {
    ASSERT_EQ(a.size(), b.size()) << what;
    for (std::size_t i = 0; i < a.size(); ++i)
        ASSERT_EQ(std::memcmp(&a[i], &b[i], sizeof(GeoPoint)), 0)
            << what << " vertex " << i << ": " << a[i].lon << "," << a[i].lat << " vs " << b[i].lon << "," << b[i].lat;
}

// Everything a VectorLayer holds, compared exactly.
void expect_same_layer(const VectorLayer& fast, const VectorLayer& gdal) {
    EXPECT_EQ(fast.source, gdal.source);
    EXPECT_EQ(fast.name, gdal.name);
    EXPECT_EQ(fast.crs, gdal.crs);
    EXPECT_EQ(fast.fields, gdal.fields);
    EXPECT_EQ(fast.warnings, gdal.warnings);
    EXPECT_EQ(fast.kind, gdal.kind);
    EXPECT_TRUE(same_bits(fast.bbox, gdal.bbox));
    ASSERT_EQ(fast.features.size(), gdal.features.size());
    for (std::size_t i = 0; i < fast.features.size(); ++i) {
        const Feature& a = fast.features[i];
        const Feature& b = gdal.features[i];
        const std::string at = "feature " + std::to_string(i);
        ASSERT_EQ(a.fid, b.fid) << at;
        ASSERT_EQ(a.values, b.values) << at;
        ASSERT_TRUE(same_bits(a.bbox, b.bbox)) << at;
        ASSERT_EQ(a.polygons.size(), b.polygons.size()) << at;
        for (std::size_t p = 0; p < a.polygons.size(); ++p) {
            ASSERT_EQ(a.polygons[p].rings.size(), b.polygons[p].rings.size()) << at << " polygon " << p;
            for (std::size_t r = 0; r < a.polygons[p].rings.size(); ++r)
                expect_same_points(a.polygons[p].rings[r], b.polygons[p].rings[r],
                                   at + " polygon " + std::to_string(p) + " ring " + std::to_string(r));
        }
        ASSERT_EQ(a.lines.size(), b.lines.size()) << at;
        for (std::size_t l = 0; l < a.lines.size(); ++l)
            expect_same_points(a.lines[l], b.lines[l], at + " line " + std::to_string(l));
        expect_same_points(a.points, b.points, at + " points");
    }
}

// What GDAL alone makes of a file: its one layer, or its error.
Result<VectorLayer> gdal_layer(const std::string& path, const LoadControl& control = {}) {
    auto layers = load_vector_source_with_gdal(path, control);
    if (!layers) return layers.error();
    if (layers->size() != 1) return Error{"expected one layer"};
    return std::move(layers->front());
}

// Reads path both ways; when the fast reader takes it, the layers must be equal. Returns whether it took it.
bool compare_with_gdal(const std::string& path) {
    SCOPED_TRACE(path);
    const auto fast = read_geojson_fast(path);
    const auto gdal = gdal_layer(path);
    if (!fast) {
        // Declined: load_vector_source falls back to GDAL and gives exactly GDAL's result.
        const auto loaded = load_vector_source(path);
        EXPECT_EQ(loaded.ok(), gdal.ok());
        if (loaded && gdal) {
            expect_same_layer(loaded->front(), gdal.value());
        } else if (!loaded && !gdal) {
            EXPECT_EQ(loaded.error().message, gdal.error().message);
        }
        return false;
    }
    EXPECT_TRUE(fast->ok());
    EXPECT_TRUE(gdal.ok()) << gdal.error().message;
    if (fast->ok() && gdal.ok()) expect_same_layer(fast->value(), gdal.value());
    return true;
}

// GDAL's ogr2ogr, through its C API: source to GeoJSON with extra options (e.g. {"-lco", "RFC7946=YES"}).
std::string to_geojson(const std::string& source, const std::filesystem::path& out,
                       std::vector<std::string> options = {}) {
    ensure_gdal_registered();
    options.insert(options.begin(), {"-f", "GeoJSON"});
    std::vector<char*> argv;
    for (auto& o : options) argv.push_back(o.data());
    argv.push_back(nullptr);
    GDALVectorTranslateOptions* opts = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
    GDALDatasetH src = GDALOpenEx(source.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    EXPECT_NE(src, nullptr) << source;
    int failed = 0;
    GDALDatasetH dst = GDALVectorTranslate(out.c_str(), nullptr, 1, &src, opts, &failed);
    EXPECT_NE(dst, nullptr) << source;
    if (dst) GDALClose(dst);
    if (src) GDALClose(src);
    GDALVectorTranslateOptionsFree(opts);
    return out.string();
}

TEST(GeoJsonReaderTest, NaturalEarthConvertedByGdalReadsExactlyAsGdalReadsIt) {
    const auto dir = test::temp_dir("geojson-natural-earth");
    for (const char* scale : {"110m", "50m", "10m"}) {
        const std::string shp =
            (test::source_dir() / "data" / "naturalearth" / ("ne_" + std::string(scale) + "_admin0_countries.shp"))
                .string();
        EXPECT_TRUE(compare_with_gdal(to_geojson(shp, dir / (std::string(scale) + ".geojson"))));
        EXPECT_TRUE(
            compare_with_gdal(to_geojson(shp, dir / (std::string(scale) + "_rfc.json"), {"-lco", "RFC7946=YES"})));
        EXPECT_TRUE(compare_with_gdal(
            to_geojson(shp, dir / (std::string(scale) + "_p3.GeoJSON"), {"-lco", "COORDINATE_PRECISION=3"})));
    }
}

TEST(GeoJsonReaderTest, ShippedShapefilesConvertedByGdalReadAsGdalReadsThem) {
    const auto dir = test::temp_dir("geojson-shipped");
    int taken = 0, n = 0;
    for (const auto& folder :
         {test::source_dir() / "tests" / "fixtures", test::source_dir() / "tests" / "bad-inputs"}) {
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            if (entry.path().extension() != ".shp" || !entry.is_regular_file()) continue;
            ensure_gdal_registered();
            GDALDatasetH probe = GDALOpenEx(entry.path().c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
            if (!probe) continue;  // the broken ones
            GDALClose(probe);
            const std::string stem = entry.path().stem().string();
            // As it is, and reprojected to WGS84 (the fast reader takes no other CRS: those are left to GDAL).
            taken += compare_with_gdal(to_geojson(entry.path(), dir / (stem + ".geojson")));
            if (stem.rfind("noprj", 0) != 0)
                taken += compare_with_gdal(
                    to_geojson(entry.path(), dir / (stem + "_4326.geojson"), {"-t_srs", "EPSG:4326"}));
            n += 2;
        }
    }
    EXPECT_GE(n, 30);
    EXPECT_GE(taken, n / 2);  // not those in other CRSs, nor NaN coordinates (written as NaN, which is not JSON)
    std::printf("shipped shapefiles as GeoJSON: %d of %d read by the fast reader, all equal to GDAL's\n", taken, n);
}

TEST(GeoJsonReaderTest, ShippedGeoJsonFilesReadAsGdalReadsThem) {
    int n = 0;
    for (const auto& folder : {test::source_dir() / "tests" / "fixtures", test::source_dir() / "tests" / "bad-inputs",
                               test::source_dir() / "tests" / "fixtures" / "events"}) {
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            if (entry.path().extension() == ".geojson") compare_with_gdal(entry.path().string()), ++n;
        }
    }
    EXPECT_GE(n, 15);
}

// A hand-written case: the document, and whether the fast reader must take it (false: GDAL must be asked).
struct Case {
    const char* name;
    bool taken;
    std::string json;
};

std::string collection(const std::string& features, const std::string& top = "") {
    return R"({"type":"FeatureCollection",)" + top + R"("features":[)" + features + "]}";
}

std::string feature(const std::string& properties, const std::string& geometry) {
    return R"({"type":"Feature","properties":)" + properties + R"(,"geometry":)" + geometry + "}";
}

const std::string kSquare = R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]})";

std::vector<Case> cases() {
    const std::string pt = R"({"type":"Point","coordinates":[1.5,2.5]})";
    return {
        {"nulls", true,
         collection(feature(R"({"a":null,"b":1})", "null") + "," + feature(R"({"a":null,"b":null})", pt))},
        {"null_first_then_real", true,
         collection(feature(R"({"a":null})", pt) + "," + feature(R"({"a":0.1})", pt) + "," +
                    feature(R"({"a":2})", pt))},
        {"no_geometry_member", true, collection(R"({"type":"Feature","properties":{"a":"x"}})")},
        {"no_properties_member", true, collection(R"({"type":"Feature","geometry":)" + pt + "}")},
        {"null_properties", true, collection(feature("null", pt))},
        {"empty_geometries", true,
         collection(feature("{}", R"({"type":"LineString","coordinates":[]})") + "," +
                    feature("{}", R"({"type":"MultiPoint","coordinates":[]})") + "," +
                    feature("{}", R"({"type":"MultiLineString","coordinates":[]})") + "," +
                    feature("{}", R"({"type":"MultiPolygon","coordinates":[]})") + "," +
                    feature("{}", R"({"type":"MultiPolygon","coordinates":[[]]})") + "," +
                    feature("{}", R"({"type":"Polygon","coordinates":[[]]})") + "," +
                    feature("{}", R"({"type":"MultiLineString","coordinates":[[],[[0,0],[1,1]]]})"))},
        {"multipolygon_with_holes", true,
         collection(feature(R"({"name":"two with holes"})",
                            R"({"type":"MultiPolygon","coordinates":[[[[0,0],[10,0],[10,10],[0,10],[0,0]],)"
                            R"([[2,2],[4,2],[4,4],[2,4],[2,2]],[[6,6],[8,6],[8,8],[6,6]]],)"
                            R"([[[20,20],[30,20],[30,30],[20,20]]]]})"))},
        {"degenerate_rings_and_lines", true,
         collection(feature("{}", R"({"type":"Polygon","coordinates":[[[0,0],[1,0]]]})") + "," +
                    feature("{}", R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]})") + "," +
                    feature("{}", R"({"type":"LineString","coordinates":[[5,5]]})") + "," +
                    feature("{}", R"({"type":"Polygon","coordinates":[[[5,5]],[[0,0],[1,0],[1,1],[0,0]]]})"))},
        {"linestring", true,
         collection(feature(R"({"k":"v"})", R"({"type":"LineString","coordinates":[[0,0],[1,1],[2,0]]})"))},
        {"point_and_multipoint", true,
         collection(feature("{}", pt) + "," + feature("{}", R"({"type":"MultiPoint","coordinates":[[1,2],[3,4]]})"))},
        {"mixed_kinds", true,
         collection(feature("{}", pt) + "," + feature("{}", kSquare) + "," +
                    feature("{}", R"({"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2],[3,3]]]})"))},
        {"3d_with_crs84", true,
         collection(feature("{}", R"({"type":"LineString","coordinates":[[0,0,5],[1,1,6.5]]})"),
                    R"("crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},)")},
        {"3d_without_crs", false, collection(feature("{}", R"({"type":"Point","coordinates":[1,2,3]})"))},
        {"3d_mixed_in_a_geometry", false,
         collection(feature("{}", R"({"type":"LineString","coordinates":[[0,0],[1,1,1]]})"),
                    R"("crs":{"type":"name","properties":{"name":"EPSG:4326"}},)")},
        {"fields_appearing_late", true,
         collection(feature(R"({"a":1,"c":"x"})", "null") + "," + feature(R"({"a":2,"b":2.5,"c":"y"})", "null") + "," +
                    feature(R"({"z":1,"a":3})", "null") + "," + feature(R"({"c":"q","y":1,"a":3})", "null") + "," +
                    feature(R"({"zeta":1})", "null") + "," + feature(R"({"alpha":null})", "null"))},
        {"integer_vs_real_fields", true,
         collection(feature(R"({"i":1,"i64":3000000000,"r":1,"ir":5,"big":7})", pt) + "," +
                    feature(R"({"i":-2147483648,"i64":1,"r":0.1,"ir":3000000000,"big":1.5})", pt) + "," +
                    feature(R"({"i":2147483647,"i64":-5,"r":1e20,"ir":1E2,"big":12345678901234567})", pt) + "," +
                    feature(R"({"i":-0,"i64":0,"r":-0.0,"ir":0.30000000000000004,"big":123456789.123456789})", pt))},
        {"coordinates_zero_and_tiny", true,
         collection(feature("{}", R"({"type":"MultiPoint","coordinates":[[-0,-0.0],[0.0,1e-320],[5e-324,-1e-7]]})"))},
        {"folding_0_360", true, collection(feature("{}", R"({"type":"LineString","coordinates":[[170,0],[200,1]]})"))},
        {"huge_coordinates", true,
         collection(feature("{}", R"({"type":"LineString","coordinates":[[0,0],[1e308,1]]})"))},
        {"integer_beyond_64_bits", false,
         collection(feature("{}", R"({"type":"Point","coordinates":[100000000000000000000,1]})"))},
        {"unicode_strings", true,
         collection(feature(R"({"name":"Ségou","ja":"東京","emoji":"😀","ü":"key"})", pt),
                    R"("name":"Ünïcode layer",)")},
        {"escaped_strings", true, collection(feature(R"({"s":"a\"b\\c\/d\n\t\u00e9\ud83d\ude00","e":""})", pt))},
        {"nul_in_string", false, collection(feature(R"({"s":"a\u0000b"})", pt))},
        {"lone_surrogate", false, collection(feature(R"({"s":"a\udc00b"})", pt))},
        {"name_member", true, collection(feature("{}", pt), R"("name":"hello",)")},
        {"members_in_any_order", true,
         R"({"type":"FeatureCollection","features":[{"geometry":{"coordinates":[[0,0],[1,1]],"type":"LineString"},)"
         R"("properties":{"b":1,"a":2},"type":"Feature"}]})"},
        // GDAL recognises GeoJSON from the first 6000 bytes: it does so here, but the fast reader asks GDAL.
        {"type_last", false, R"({"features":[)" + feature("{}", pt) + R"(],"type":"FeatureCollection"})"},
        // And here it does not.
        {"long_name_first", false,
         R"({"name":")" + std::string(7000, 'x') + R"(","type":"FeatureCollection","features":[)" + feature("{}", pt) +
             "]}"},
        {"long_name_after_type", true, collection(feature("{}", pt), R"("name":")" + std::string(7000, 'x') + R"(",)")},
        {"far_start", false, std::string(7000, ' ') + collection(feature("{}", pt))},
        {"topology_in_header", false, collection(feature(R"({"kind":"Topology"})", pt))},
        // OGR's VRT driver, registered before GeoJSON, claims any file with this in its header (found by fuzzing).
        {"vrt_marker_in_header", false, collection(feature(R"({"name":"x<OGRVRTDataSource"})", pt))},
        {"byte_order_mark", true, "\xEF\xBB\xBF" + collection(feature("{}", pt))},
        {"crs_epsg_4326", true,
         collection(feature("{}", pt), R"("crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4326"}},)")},
        {"no_features", true, collection("")},
        {"string_id_property", true, collection(feature(R"({"id":"242"})", pt) + "," + feature(R"({"id":"x"})", pt))},
        // Left to GDAL.
        {"booleans", false, collection(feature(R"({"b":true})", pt))},
        {"arrays", false, collection(feature(R"({"a":[1,2]})", pt))},
        {"objects", false, collection(feature(R"({"o":{"x":1}})", pt))},
        {"feature_id", false, collection(R"({"type":"Feature","id":7,"properties":{},"geometry":null})")},
        {"integer_id_property", false, collection(feature(R"({"id":7})", pt))},
        {"date", false, collection(feature(R"({"d":"2023-06-01"})", pt))},
        {"date_later", false,
         collection(feature(R"({"d":"x"})", pt) + "," + feature(R"({"d":"2023/06/01 10:00"})", pt))},
        {"time", false, collection(feature(R"({"t":"12:30:00"})", pt))},
        {"foreign_crs", false,
         collection(feature("{}", pt), R"("crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},)")},
        {"ogc_crs84_short", false,
         collection(feature("{}", pt), R"("crs":{"type":"name","properties":{"name":"OGC:CRS84"}},)")},
        {"geometry_collection", false,
         collection(feature("{}", R"({"type":"GeometryCollection","geometries":[)" + pt + "]}"))},
        {"mixed_number_and_string", false, collection(feature(R"({"a":1})", pt) + "," + feature(R"({"a":"1"})", pt))},
        {"names_differing_in_case", false,
         collection(feature(R"({"Name":"a"})", pt) + "," + feature(R"({"name":"b"})", pt))},
        {"repeated_key", false, collection(feature(R"({"a":1,"a":2})", pt))},
        {"lowercase_type", false, collection(feature("{}", R"({"type":"point","coordinates":[1,2]})"))},
        {"empty_point", false, collection(feature("{}", R"({"type":"Point","coordinates":[]})"))},
        {"empty_polygon", false, collection(feature("{}", R"({"type":"Polygon","coordinates":[]})"))},
        {"four_coordinates", false, collection(feature("{}", R"({"type":"Point","coordinates":[1,2,3,4]})"))},
        {"string_coordinate", false, collection(feature("{}", R"({"type":"Point","coordinates":["1",2]})"))},
        {"feature_bbox", false,
         R"({"type":"FeatureCollection","features":[{"type":"Feature","bbox":[0,0,1,1],)"
         R"("properties":{},"geometry":null}]})"},
        {"top_level_feature", false, feature("{}", pt)},
        {"trailing_garbage", false, collection(feature("{}", pt)) + " x"},
        {"truncated", false, collection(feature("{}", pt)).substr(0, 60)},
        {"nan_literal", false, collection(feature("{}", R"({"type":"Point","coordinates":[NaN,1]})"))},
        {"overflowing_number", false, collection(feature("{}", R"({"type":"Point","coordinates":[1e999,1]})"))},
        {"invalid_utf8", false, collection(feature("{\"s\":\"S\xE9gou\"}", pt))},
        {"geocouch_id", false, collection(feature(R"({"_id":"x","_rev":"y"})", pt))},
    };
}

TEST(GeoJsonReaderTest, HandWrittenCasesMatchGdalOrAreLeftToIt) {
    const auto dir = test::temp_dir("geojson-cases");
    for (const Case& c : cases()) {
        SCOPED_TRACE(c.name);
        const std::string path = write(dir, std::string(c.name) + ".geojson", c.json);
        EXPECT_EQ(compare_with_gdal(path), c.taken);
    }
}

TEST(GeoJsonReaderTest, OnlyGeoJsonNamesAreTried) {
    EXPECT_TRUE(is_geojson_path("a/b.geojson"));
    EXPECT_TRUE(is_geojson_path("B.GeoJSON"));
    EXPECT_TRUE(is_geojson_path("x.JSON"));
    EXPECT_FALSE(is_geojson_path("x.shp"));
    EXPECT_FALSE(is_geojson_path("x.geojsonl"));
    EXPECT_FALSE(is_geojson_path(".json"));
    const auto dir = test::temp_dir("geojson-names");
    const std::string text = collection(feature("{}", kSquare));
    EXPECT_FALSE(read_geojson_fast(write(dir, "square.txt", text)).has_value());
    EXPECT_FALSE(read_geojson_fast((dir / "missing.geojson").string()).has_value());
    EXPECT_FALSE(read_geojson_fast(dir.string() + "/").has_value());
    auto layer = read_geojson_fast(write(dir, "sq.uare.json", text));
    ASSERT_TRUE(layer.has_value());
    ASSERT_TRUE(layer->ok());
    EXPECT_EQ((*layer)->name, "sq.uare");
}

TEST(GeoJsonReaderTest, LoadersUseTheFastReaderAndKeepGdalErrors) {
    const auto dir = test::temp_dir("geojson-loaders");
    const std::string path = write(dir, "square.geojson", collection(feature(R"({"n":1})", kSquare)));
    auto layers = load_vector_source(path);
    ASSERT_TRUE(layers) << layers.error().message;
    auto gdal = gdal_layer(path);
    ASSERT_TRUE(gdal) << gdal.error().message;
    expect_same_layer(layers->front(), gdal.value());
    auto named = load_vector_layer(path, "square");
    ASSERT_TRUE(named) << named.error().message;
    expect_same_layer(named.value(), gdal.value());
    auto missing = load_vector_layer(path, "nope");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message, path + ": has no layer named 'nope'");
    const std::string broken = write(dir, "broken.geojson", R"({"type":"FeatureCollection","features":[{"type")");
    auto bad = load_vector_source(broken);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message, load_vector_source_with_gdal(broken).error().message);
    EXPECT_EQ(load_vector_source((dir / "none.geojson").string()).error().message,
              (dir / "none.geojson").string() + ": no such file");
}

// Progress reports (every 1024 features, then the end) and cancellation, the same through both readers.
TEST(GeoJsonReaderTest, ProgressAndCancellationMatchGdal) {
    const auto dir = test::temp_dir("geojson-progress");
    std::string features;
    for (int i = 0; i < 2500; ++i)
        features +=
            (i ? "," : "") + feature(R"({"i":)" + std::to_string(i) + "}",
                                     R"({"type":"Point","coordinates":[)" + std::to_string(i % 360 - 180) + ",1]}");
    const std::string path = write(dir, "points.geojson", collection(features));
    using Calls = std::vector<std::pair<std::size_t, std::size_t>>;
    Calls fast_calls, gdal_calls;
    LoadControl fast_control, gdal_control;
    fast_control.progress = [&](std::size_t d, std::size_t t) { fast_calls.emplace_back(d, t); };
    gdal_control.progress = [&](std::size_t d, std::size_t t) { gdal_calls.emplace_back(d, t); };
    auto fast = read_geojson_fast(path, fast_control);
    ASSERT_TRUE(fast.has_value());
    ASSERT_TRUE(fast->ok());
    ASSERT_TRUE(gdal_layer(path, gdal_control));
    EXPECT_EQ(fast_calls, (Calls{{1024, 2500}, {2048, 2500}, {2500, 2500}}));
    EXPECT_EQ(fast_calls, gdal_calls);

    // Cancelled from the start, and cancelled from the first progress report on.
    std::atomic<bool> cancel{true};
    LoadControl cancelled;
    cancelled.cancel = &cancel;
    fast = read_geojson_fast(path, cancelled);
    ASSERT_TRUE(fast.has_value());
    ASSERT_FALSE(fast->ok());
    EXPECT_EQ(fast->error().message, path + " (layer points): loading cancelled");
    EXPECT_EQ(fast->error().message, gdal_layer(path, cancelled).error().message);
    cancel = false;
    cancelled.progress = [&](std::size_t, std::size_t) { cancel = true; };
    fast = read_geojson_fast(path, cancelled);
    ASSERT_TRUE(fast.has_value());
    ASSERT_FALSE(fast->ok());
    cancel = false;
    EXPECT_EQ(fast->error().message, gdal_layer(path, cancelled).error().message);

    // Cancelled while the last feature is added (the progress report of feature 2048 of 2048): GDAL's loop asks
    // once more before it learns that no feature is left, so the load is cancelled even so.
    std::string exact;
    for (int i = 0; i < 2048; ++i) exact += (i ? "," : "") + feature("{}", R"({"type":"Point","coordinates":[1,2]})");
    const std::string path2048 = write(dir, "points2048.geojson", collection(exact));
    cancel = false;
    cancelled.progress = [&](std::size_t done, std::size_t total) { cancel = cancel || done == total; };
    fast = read_geojson_fast(path2048, cancelled);
    ASSERT_TRUE(fast.has_value());
    ASSERT_FALSE(fast->ok());
    cancel = false;
    EXPECT_EQ(fast->error().message, gdal_layer(path2048, cancelled).error().message);
}

// GDAL refuses features whose json-c objects it estimates beyond OGR_GEOJSON_MAX_OBJ_SIZE megabytes (200 by
// default): the fast reader leaves any feature that might be refused to GDAL, and takes everything when it is 0.
TEST(GeoJsonReaderTest, FeaturesGdalMightFindTooLargeAreLeftToIt) {
    const auto dir = test::temp_dir("geojson-large");
    std::string ring;
    for (int i = 0; i < 60000; ++i) ring += "[" + std::to_string(i % 90) + "," + std::to_string(i % 45) + "],";
    ring += "[0,0]";
    const std::string path =
        write(dir, "large.geojson", collection(feature("{}", R"({"type":"LineString","coordinates":[)" + ring + "]}")));
    // eventmap lifts the limit (ensure_gdal_registered); this test sets its own and puts eventmap's back.
    ensure_gdal_registered();
    const std::string before = CPLGetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "");
    CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "1");
    const auto gdal = gdal_layer(path);
    EXPECT_FALSE(gdal.ok());  // GDAL's estimate: about 8 MB
    EXPECT_FALSE(read_geojson_fast(path).has_value());
    EXPECT_FALSE(compare_with_gdal(path));
    CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
    EXPECT_TRUE(compare_with_gdal(path));
    CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", nullptr);
    EXPECT_TRUE(compare_with_gdal(path));  // about 0.5 MB of text: within the default 200 MB by any estimate
    CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", before.empty() ? nullptr : before.c_str());
}

// Random documents from the pieces GeoJSON files are made of, the odd ones included; the fast reader must match
// GDAL on every one it takes (and must take a fair share).
class RandomDocument {
public:
    explicit RandomDocument(unsigned seed) : rng_(seed) {}

    std::string make() {
        std::vector<std::string> members = {R"("type":"FeatureCollection")", R"("features":[)" + features() + "]"};
        if (chance(0.3))
            members.push_back(R"("name":)" + pick<std::string>({R"("layer")", R"("Lä yer")", R"("a\"b")"}));
        if (chance(0.3)) members.push_back(R"("crs":{"type":"name","properties":{"name":)" + crs_name() + "}}");
        // GDAL recognises GeoJSON by its first bytes: "type" first, mostly.
        std::shuffle(members.begin() + (chance(0.8) ? 1 : 0), members.end(), rng_);
        return (chance(0.05) ? "\xEF\xBB\xBF" : "") + std::string("{") + join(members, space()) + "}";
    }

private:
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
    int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    template <typename T>
    T pick(std::initializer_list<T> items) {
        return *(items.begin() + between(0, static_cast<int>(items.size()) - 1));
    }
    std::string space() { return pick<std::string>({",", ",", ", ", ",\n "}); }
    static std::string join(const std::vector<std::string>& parts, const std::string& sep) {
        std::string s;
        for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? sep : "") + parts[i];
        return s;
    }
    std::string crs_name() {
        return pick<std::string>({R"("urn:ogc:def:crs:OGC:1.3:CRS84")", R"("EPSG:4326")",
                                  R"("urn:ogc:def:crs:EPSG::4326")", R"("EPSG:3857")"});
    }
    std::string number() {
        if (chance(0.01)) return pick<std::string>({"1e400", "100000000000000000000"});  // beyond double, int64
        return pick<std::string>({"0",
                                  "-0",
                                  "-0.0",
                                  "1",
                                  "-7",
                                  "0.1",
                                  "1e5",
                                  "1E-7",
                                  "-12.75",
                                  "2147483647",
                                  "2147483648",
                                  "-2147483649",
                                  "9007199254740993",
                                  "123.456e2",
                                  "0.30000000000000004",
                                  "1e300",
                                  "5e-324",
                                  "3.0",
                                  "-9223372036854775808",
                                  "4.5"});
    }
    std::string string_value() {
        return pick<std::string>({R"("")", R"("Mali")", R"("Ségou")", R"("a\"b\\c\n")", R"("\u00e9\ud83d\ude00")",
                                  R"("東京")", R"("x y")", R"("km 1-2")", R"("-99")"});
    }
    // Mostly what the key held before in this document (numbers or strings), sometimes null, rarely odd.
    std::string value(const std::string& key) {
        if (chance(0.1)) return "null";
        if (chance(0.02)) return pick<std::string>({"true", "[1,2]", R"({"x":1})", R"("2023-06-01")", R"("12:30")"});
        auto kind = kinds_.try_emplace(key, key == "id" ? 1 : between(0, 1)).first->second;
        if (chance(0.02)) kind = 1 - kind;
        return kind == 0 ? number() : string_value();
    }
    std::string properties() {
        if (chance(0.05)) return "null";
        std::vector<std::string> keys = {"a", "b", "c", "name", "z", "ü", "k k", "id", "n1", "n2", "n3"};
        if (chance(0.05)) keys.push_back("Name");
        std::shuffle(keys.begin(), keys.end(), rng_);
        keys.resize(between(0, 5));
        std::vector<std::string> parts;
        for (const auto& k : keys) parts.push_back("\"" + k + "\":" + value(k));
        return "{" + join(parts, space()) + "}";
    }
    std::string position(int dims) {
        std::string p = "[" + coordinate() + "," + coordinate();
        if (dims == 3) p += "," + coordinate();
        return p + "]";
    }
    std::string coordinate() {
        if (chance(0.1)) return number();
        return pick<std::string>({"0", "1", "-1", "10", "-10.5", "179.999", "180", "190.25", "-45.125", "89.5"});
    }
    std::string positions(int n, int dims, bool closed) {
        std::vector<std::string> ps;
        for (int i = 0; i < n; ++i) ps.push_back(position(dims));
        if (closed && n > 0) ps.push_back(ps.front());
        return "[" + join(ps, ",") + "]";
    }
    std::string polygon(int dims) {
        std::vector<std::string> rings;
        for (int r = between(chance(0.05) ? 0 : 1, 3); r > 0; --r)
            rings.push_back(positions(between(0, 6), dims, chance(0.8)));
        return "[" + join(rings, ",") + "]";
    }
    std::string geometry() {
        if (chance(0.1)) return "null";
        const int dims = chance(0.05) ? 3 : 2;
        std::string type = chance(0.05) ? pick<std::string>({"GeometryCollection", "polygon"})
                                        : pick<std::string>({"Point", "MultiPoint", "LineString", "MultiLineString",
                                                             "Polygon", "MultiPolygon"});
        std::string coords;
        if (type == "Point") coords = position(dims);
        if (type == "MultiPoint" || type == "LineString") coords = positions(between(0, 5), dims, false);
        if (type == "MultiLineString")
            coords = "[" + positions(between(0, 4), dims, false) + "," + positions(2, dims, false) + "]";
        if (type == "Polygon" || type == "polygon") coords = polygon(dims);
        if (type == "MultiPolygon") coords = "[" + polygon(dims) + (chance(0.5) ? "," + polygon(dims) : "") + "]";
        if (type == "GeometryCollection") return R"({"type":"GeometryCollection","geometries":[]})";
        std::vector<std::string> members = {R"("type":")" + type + "\"", R"("coordinates":)" + coords};
        if (chance(0.2)) std::swap(members[0], members[1]);
        return "{" + join(members, ",") + "}";
    }
    std::string feature() {
        std::vector<std::string> members;
        if (!chance(0.02)) members.push_back(R"("type":"Feature")");
        if (!chance(0.05)) members.push_back(R"("properties":)" + properties());
        if (!chance(0.05)) members.push_back(R"("geometry":)" + geometry());
        if (chance(0.03)) members.push_back(R"("id":)" + pick<std::string>({"1", R"("a")"}));
        std::shuffle(members.begin(), members.end(), rng_);
        return "{" + join(members, space()) + "}";
    }
    std::string features() {
        std::vector<std::string> fs;
        for (int i = between(0, 6); i > 0; --i) fs.push_back(feature());
        return join(fs, space());
    }

    std::mt19937 rng_;
    std::map<std::string, int> kinds_;  // per key: 0 numbers, 1 strings
};

TEST(GeoJsonReaderTest, RandomDocumentsMatchGdal) {
    const char* env = std::getenv("GEOJSON_DIFF_ROUNDS");
    const int rounds = env ? std::atoi(env) : 400;
    const auto dir = test::temp_dir("geojson-random");
    int taken = 0;
    for (int i = 0; i < rounds; ++i) {
        const std::string path = write(dir, "doc" + std::to_string(i) + ".geojson", RandomDocument(i).make());
        const bool ok = compare_with_gdal(path);
        taken += ok;
        if (::testing::Test::HasFailure()) {
            ADD_FAILURE() << "first difference in " << path;
            break;
        }
    }
    EXPECT_GE(taken, rounds / 5) << "the fast reader took too few documents to compare";
    std::printf("random documents: %d of %d read by the fast reader, all equal to GDAL's\n", taken, rounds);
}

}  // namespace
}  // namespace em
