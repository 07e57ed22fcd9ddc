// Damaged and misleading inputs: none may crash; each ends in an Error or a warning that names the file.
// The behaviour asserted here is what GDAL 3.6 (Debian 12) was observed to do; see each test.
#include <cpl_conv.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "geo/missing_shx.hpp"
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

// A folder's files by name with their bytes and modification times, to show that reading left it as it was.
std::map<std::string, std::pair<std::string, std::filesystem::file_time_type>> folder_state(
    const std::filesystem::path& dir) {
    std::map<std::string, std::pair<std::string, std::filesystem::file_time_type>> out;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        out[entry.path().filename().string()] = {bytes.str(), entry.last_write_time()};
    }
    return out;
}

// The temporary folders the loader made for rebuilt indexes (eventmap-shx-*) under `tmp`.
std::size_t rebuild_folders(const std::filesystem::path& tmp) {
    std::size_t n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(tmp))
        n += entry.path().filename().string().rfind("eventmap-shx-", 0) == 0;
    return n;
}

// GDAL 3.6 refuses a shapefile without its .shx ("... Set SHAPE_RESTORE_SHX config option to YES ...", advice a
// desktop user cannot act on). eventmap opens it as pyshp does: GDAL rebuilds the index in a temporary copy of the
// .shp/.dbf/.prj/.cpg, one warning names the file, and the user's folder is left byte for byte as it was (no .shx
// written beside the .shp). The copy is removed and no GDAL option is left set.
TEST(BadInputsTest, MissingShxOpensFromATemporaryCopyWithAWarningAndLeavesTheFolderUnchanged) {
    const auto dir = test::temp_dir("missing-shx");
    for (const char* ext : {".shp", ".dbf", ".prj", ".cpg"})
        std::filesystem::copy_file(bad(std::string("missing_shx") + ext), dir / (std::string("missing_shx") + ext));
    const auto tmp = test::temp_dir("missing-shx-tmp");  // where the loader's copies go (TMPDIR)
    const char* tmpdir_before = std::getenv("TMPDIR");
    const std::string saved_tmpdir = tmpdir_before ? tmpdir_before : "";
    ::setenv("TMPDIR", tmp.c_str(), 1);
    const auto before = folder_state(dir);
    ASSERT_EQ(before.size(), 4u);
    const std::string path = (dir / "missing_shx.shp").string();

    auto layers = load_vector_source(path);
    auto one = load_vector_layer(path, "missing_shx");
    auto names = list_vector_layers(path);
    if (tmpdir_before) ::setenv("TMPDIR", saved_tmpdir.c_str(), 1); else ::unsetenv("TMPDIR");

    ASSERT_TRUE(layers) << layers.error().message;
    ASSERT_EQ(layers->size(), 1u);
    const VectorLayer& layer = layers->front();
    EXPECT_EQ(layer.name, "missing_shx");
    EXPECT_EQ(layer.source, path);
    ASSERT_EQ(layer.features.size(), 3u);
    EXPECT_EQ(layer.features[0].values[layer.field_index("name")], "square_with_hole");
    EXPECT_EQ(layer.features[0].polygons.size(), 1u);
    EXPECT_EQ(layer.features[0].polygons[0].rings.size(), 2u);  // the hole survives: geometry read in full
    EXPECT_GT(layer.vertex_count(), 10u);
    ASSERT_EQ(layer.warnings.size(), 1u) << test::joined(layer.warnings);
    EXPECT_EQ(layer.warnings[0], path + ": no .shx index file beside it (often lost in mail or on file shares); read "
                                        "with an index rebuilt from the .shp in a temporary copy, the folder is left "
                                        "unchanged");
    EXPECT_EQ(layer.warnings[0].find('\n'), std::string::npos);
    ASSERT_TRUE(one) << one.error().message;
    EXPECT_EQ(one->features.size(), 3u);
    EXPECT_EQ(one->warnings, layer.warnings);
    ASSERT_TRUE(names) << names.error().message;
    EXPECT_EQ(names.value(), std::vector<std::string>{"missing_shx"});

    EXPECT_EQ(folder_state(dir), before) << "the user's folder changed";
    EXPECT_FALSE(std::filesystem::exists(dir / "missing_shx.shx"));
    EXPECT_EQ(rebuild_folders(tmp), 0u) << "a temporary copy was left in " << tmp;
    EXPECT_EQ(CPLGetConfigOption("SHAPE_RESTORE_SHX", nullptr), nullptr) << "a GDAL option was left set";
    // The same open a second time (the first must not have left anything that makes it work).
    auto again = load_vector_source(path);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->front().features.size(), 3u);
    EXPECT_EQ(folder_state(dir), before);
}

// GDAL's advice to set a configuration option is dropped from the messages passed on; the rest stays.
TEST(BadInputsTest, GdalAdviceToSetAnOptionIsDropped) {
    EXPECT_EQ(without_config_option_advice("Unable to open a.shx or a.SHX. Set SHAPE_RESTORE_SHX config option to YES "
                                           "to restore or create it."),
              "Unable to open a.shx or a.SHX.");
    EXPECT_EQ(without_config_option_advice("GeoJSON object too complex/large. You may define the "
                                           "OGR_GEOJSON_MAX_OBJ_SIZE configuration option to a value in megabytes to "
                                           "allow for larger features, or 0 to remove any size limit."),
              "GeoJSON object too complex/large.");
    EXPECT_EQ(without_config_option_advice("Error in fread() reading object of size 8 at offset 196 from .shp file"),
              "Error in fread() reading object of size 8 at offset 196 from .shp file");
    EXPECT_EQ(without_config_option_advice(""), "");
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
