// Damaged and misleading inputs: none may crash; each ends in an Error or a warning that names the file.
// The behaviour asserted here is what GDAL 3.6 (Debian 12) was observed to do; see each test.
#include <gtest/gtest.h>

#include "geo/prepared_layer.hpp"
#include "geo/vector_loader.hpp"
#include "geo_test_util.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

using test::fixture;

std::string bad(const std::string& name) { return fixture("bad/" + name); }

// Observed: GDAL opens the file (the .shx still indexes every record) and reads record 1 fine; the records past the
// cut come back with no geometry while GDAL reports "Error in fread() ... from .shp file". The loader keeps all
// three features (attributes come from the intact .dbf) and warns, naming the file.
TEST(BadInputsTest, TruncatedShpLoadsWhatIsThereAndWarns) {
    const std::string path = bad("truncated.shp");
    auto layers = load_vector_source(path);
    ASSERT_TRUE(layers) << layers.error().message;
    ASSERT_EQ(layers->size(), 1u);
    const VectorLayer& layer = layers->front();
    ASSERT_EQ(layer.features.size(), 3u);
    EXPECT_EQ(layer.features[0].polygons.size(), 1u);
    EXPECT_TRUE(layer.features[1].polygons.empty());
    EXPECT_TRUE(layer.features[2].polygons.empty());
    EXPECT_EQ(layer.features[2].values[layer.field_index("name")], "concave_l");
    EXPECT_TRUE(test::any_contains(layer.warnings, path + " (layer truncated): GDAL reported: Error in fread()"))
        << test::joined(layer.warnings);
    EXPECT_TRUE(test::any_contains(layer.warnings, path + " (layer truncated): 2 feature(s) have no geometry"))
        << test::joined(layer.warnings);
    // And it can still be prepared for drawing.
    const PreparedLayer prepared = prepare_layer(layer);
    EXPECT_EQ(prepared.mesh.ranges.size(), 3u);
    EXPECT_EQ(prepared.mesh.ranges[1].index_count, 0u);
}

// Observed: GDAL refuses to open a shapefile without its .shx (unless SHAPE_RESTORE_SHX=YES) and says so.
TEST(BadInputsTest, MissingShxIsAnErrorNamingTheShx) {
    const std::string path = bad("missing_shx.shp");
    auto layers = load_vector_source(path);
    ASSERT_FALSE(layers);
    const std::string& msg = layers.error().message;
    EXPECT_EQ(msg.rfind(path + ": cannot open: ", 0), 0u) << msg;
    EXPECT_NE(msg.find("missing_shx.shx"), std::string::npos) << msg;
}

// Observed: GDAL opens a shapefile without its .dbf and gives features with geometry and no fields, silently.
// The loader adds a warning so the missing attributes do not go unnoticed.
TEST(BadInputsTest, MissingDbfLoadsGeometryWithoutAttributesAndWarns) {
    const std::string path = bad("missing_dbf.shp");
    auto layers = load_vector_source(path);
    ASSERT_TRUE(layers) << layers.error().message;
    const VectorLayer& layer = layers->front();
    EXPECT_TRUE(layer.fields.empty());
    ASSERT_EQ(layer.features.size(), 3u);
    EXPECT_EQ(layer.features[1].polygons.size(), 2u);
    EXPECT_EQ(layer.vertex_count(), 21u);
    ASSERT_EQ(layer.warnings.size(), 1u) << test::joined(layer.warnings);
    EXPECT_NE(layer.warnings[0].find(path), std::string::npos) << layer.warnings[0];
    EXPECT_NE(layer.warnings[0].find(".dbf"), std::string::npos) << layer.warnings[0];
}

TEST(BadInputsTest, EmptyLayerLoadsWithAWarning) {
    const std::string path = bad("empty.shp");
    auto layers = load_vector_source(path);
    ASSERT_TRUE(layers) << layers.error().message;
    const VectorLayer& layer = layers->front();
    EXPECT_TRUE(layer.features.empty());
    EXPECT_EQ(layer.kind, GeometryKind::kNone);
    EXPECT_TRUE(layer.bbox.empty());
    EXPECT_EQ(layer.warnings, std::vector<std::string>{path + " (layer empty): layer has no features"});
    const PreparedLayer prepared = prepare_layer(layer);
    EXPECT_TRUE(prepared.mesh.ranges.empty());
    EXPECT_TRUE(prepared.mesh.fill.indices.empty());
}

TEST(BadInputsTest, NullGeometryIsKeptWithAWarning) {
    const std::string path = bad("null_geometry.geojson");
    auto layers = load_vector_source(path);
    ASSERT_TRUE(layers) << layers.error().message;
    const VectorLayer& layer = layers->front();
    ASSERT_EQ(layer.features.size(), 3u);
    EXPECT_EQ(layer.kind, GeometryKind::kPoint);
    EXPECT_EQ(layer.features[1].vertex_count(), 0u);
    EXPECT_TRUE(layer.features[1].bbox.empty());
    EXPECT_EQ(layer.features[1].values[0], "no_geometry");
    EXPECT_EQ(layer.warnings, std::vector<std::string>{path + " (layer null_geometry): 1 feature(s) have no geometry "
                                                               "(kept, not drawn)"});
    const PreparedLayer prepared = prepare_layer(layer);
    ASSERT_EQ(prepared.label_points.size(), 3u);
    EXPECT_TRUE(std::isnan(prepared.label_points[1].lon));
    EXPECT_EQ(prepared.label_points[2], (GeoPoint{3, 3}));
}

// Observed: no driver recognises the bytes; GDAL leaves no error message, so the loader supplies its own.
TEST(BadInputsTest, TextFileNamedShpIsAnErrorNamingIt) {
    const std::string path = bad("not_a_shapefile.shp");
    auto layers = load_vector_source(path);
    ASSERT_FALSE(layers);
    EXPECT_EQ(layers.error().message, path + ": cannot open: not a vector format GDAL can read");
}

TEST(BadInputsTest, BinaryFileNamedGeojsonIsAnErrorNamingIt) {
    const std::string path = bad("not_geojson.geojson");
    auto layers = load_vector_source(path);
    ASSERT_FALSE(layers);
    EXPECT_EQ(layers.error().message.rfind(path + ": cannot open: ", 0), 0u) << layers.error().message;
}

// Observed: GDAL would open a folder holding shapefiles as one source; a folder with none cannot be opened and GDAL
// leaves no message, so the loader said "not a vector format GDAL can read", which is misleading for a folder.
TEST(BadInputsTest, FolderGivenAsAFileIsAnErrorNamingIt) {
    const std::string path = bad("folder.shp");
    auto layers = load_vector_source(path);
    ASSERT_FALSE(layers);
    EXPECT_EQ(layers.error().message, path + ": is a folder with no vector data GDAL can read; give a file (.shp, "
                                             ".geojson, ...)");
    auto names = list_vector_layers(path);
    ASSERT_FALSE(names);
    EXPECT_EQ(names.error().message.rfind(path + ": ", 0), 0u) << names.error().message;
}

TEST(BadInputsTest, FolderOfShapefilesOpensAsOneSourceWithALayerPerFile) {
    const auto dir = test::temp_dir("folder-of-shapefiles");
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
        std::filesystem::copy_file(fixture(std::string("polygons") + ext), dir / (std::string("polygons") + ext));
    auto layers = load_vector_source(dir.string());
    ASSERT_TRUE(layers) << layers.error().message;
    ASSERT_EQ(layers->size(), 1u);
    EXPECT_EQ(layers->front().features.size(), 3u);
}

}  // namespace
}  // namespace em
