#include "geo/layer_cache.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

#include "geo_test_util.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

namespace fs = std::filesystem;

void expect_same_bbox(const BBox& a, const BBox& b) {
    EXPECT_EQ(a.min_x, b.min_x);
    EXPECT_EQ(a.min_y, b.min_y);
    EXPECT_EQ(a.max_x, b.max_x);
    EXPECT_EQ(a.max_y, b.max_y);
}

bool same_nan_aware(const GeoPoint& a, const GeoPoint& b) {
    auto eq = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
    return eq(a.lon, b.lon) && eq(a.lat, b.lat);
}

void expect_same_layer(const PreparedLayer& a, const PreparedLayer& b) {
    EXPECT_EQ(a.source, b.source);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.crs, b.crs);
    EXPECT_EQ(a.kind, b.kind);
    expect_same_bbox(a.bbox, b.bbox);
    EXPECT_EQ(a.fields, b.fields);
    EXPECT_EQ(a.values, b.values);
    ASSERT_EQ(a.feature_bboxes.size(), b.feature_bboxes.size());
    for (size_t i = 0; i < a.feature_bboxes.size(); ++i) expect_same_bbox(a.feature_bboxes[i], b.feature_bboxes[i]);
    ASSERT_EQ(a.label_points.size(), b.label_points.size());
    for (size_t i = 0; i < a.label_points.size(); ++i) EXPECT_TRUE(same_nan_aware(a.label_points[i], b.label_points[i]));
    EXPECT_EQ(a.warnings, b.warnings);
    EXPECT_EQ(a.mesh.fill.vertices, b.mesh.fill.vertices);
    EXPECT_EQ(a.mesh.fill.indices, b.mesh.fill.indices);
    EXPECT_EQ(a.mesh.outline_points, b.mesh.outline_points);
    EXPECT_EQ(a.mesh.outline_joins, b.mesh.outline_joins);
    EXPECT_EQ(a.mesh.points, b.mesh.points);
    ASSERT_EQ(a.mesh.ranges.size(), b.mesh.ranges.size());
    EXPECT_EQ(0, std::memcmp(a.mesh.ranges.data(), b.mesh.ranges.data(), a.mesh.ranges.size() * sizeof(FeatureRange)));
    EXPECT_EQ(a.mesh.tessellation_failures, b.mesh.tessellation_failures);
}

std::string read_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

// A private copy of fixtures (so their modification times can be changed) and a cache folder beside it.
class LayerCacheTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir = test::temp_dir(std::string("layer-cache-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
            fs::copy_file(test::fixture(std::string("polygons") + ext), dir / (std::string("polygons") + ext));
        fs::copy_file(test::fixture("antimeridian.geojson"), dir / "antimeridian.geojson");
        shp = (dir / "polygons.shp").string();
        cache_dir = dir / "cache";
    }

    std::vector<PreparedLayer> load_and_prepare(const std::string& path) {
        auto layers = load_prepared_source(path, options, nullptr);
        EXPECT_TRUE(layers) << (layers ? "" : layers.error().message);
        return layers ? layers.value() : std::vector<PreparedLayer>{};
    }

    // Stores the shapefile's layers and returns the entry's bytes.
    std::string stored_entry(const LayerCache& cache) {
        cache.store(shp, options, load_and_prepare(shp));
        return read_bytes(cache.entry_path(shp, options));
    }

    fs::path dir, cache_dir;
    std::string shp;
    PrepareOptions options;
};

TEST_F(LayerCacheTest, StoreThenLoadReturnsIdenticalLayers) {
    const LayerCache cache(cache_dir);
    for (const std::string& source : {shp, (dir / "antimeridian.geojson").string()}) {
        SCOPED_TRACE(source);
        const auto layers = load_and_prepare(source);
        ASSERT_EQ(layers.size(), 1u);
        EXPECT_FALSE(cache.load(source, options));  // nothing stored yet
        cache.store(source, options, layers);
        auto back = cache.load(source, options);
        ASSERT_TRUE(back);
        ASSERT_EQ(back->size(), 1u);
        expect_same_layer(layers[0], (*back)[0]);
    }
    // Two sources, two entries; no temporary files left behind.
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(cache_dir)) names.push_back(e.path().filename().string());
    ASSERT_EQ(names.size(), 2u);
    for (const auto& n : names) EXPECT_EQ(fs::path(n).extension(), ".emc") << n;
}

TEST_F(LayerCacheTest, LoadPreparedSourceMissesThenHits) {
    const LayerCache cache(cache_dir);
    bool from_cache = true;
    auto first = load_prepared_source(shp, options, &cache, &from_cache);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_FALSE(from_cache);
    auto second = load_prepared_source(shp, options, &cache, &from_cache);
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_TRUE(from_cache);
    ASSERT_EQ(second->size(), 1u);
    expect_same_layer(first->front(), second->front());
}

TEST_F(LayerCacheTest, ChangingTheSourceModificationTimeInvalidatesTheEntry) {
    const LayerCache cache(cache_dir);
    cache.store(shp, options, load_and_prepare(shp));
    const fs::path before = cache.entry_path(shp, options);
    ASSERT_TRUE(cache.load(shp, options));
    fs::last_write_time(shp, fs::last_write_time(shp) + std::chrono::seconds(5));
    EXPECT_NE(cache.entry_path(shp, options), before);
    EXPECT_FALSE(cache.load(shp, options));
    bool from_cache = true;
    ASSERT_TRUE(load_prepared_source(shp, options, &cache, &from_cache));
    EXPECT_FALSE(from_cache);
}

TEST_F(LayerCacheTest, ChangingASidecarFileInvalidatesTheEntry) {
    const LayerCache cache(cache_dir);
    cache.store(shp, options, load_and_prepare(shp));
    ASSERT_TRUE(cache.load(shp, options));
    const fs::path dbf = dir / "polygons.dbf";
    fs::last_write_time(dbf, fs::last_write_time(dbf) + std::chrono::seconds(5));
    EXPECT_FALSE(cache.load(shp, options));
}

TEST_F(LayerCacheTest, DifferentPreparationOptionsUseDifferentEntries) {
    const LayerCache cache(cache_dir);
    PrepareOptions coarse = options;
    coarse.densify_degrees = 5.0;
    PrepareOptions simplified = options;
    simplified.simplify_degrees = 0.1;
    EXPECT_NE(cache.entry_path(shp, options), cache.entry_path(shp, coarse));
    EXPECT_NE(cache.entry_path(shp, options), cache.entry_path(shp, simplified));
    cache.store(shp, options, load_and_prepare(shp));
    EXPECT_FALSE(cache.load(shp, coarse));
    EXPECT_FALSE(cache.load(shp, simplified));
    // Threads change nothing in the result, so they share the entry.
    PrepareOptions threaded = options;
    threaded.threads = 3;
    EXPECT_EQ(cache.entry_path(shp, options), cache.entry_path(shp, threaded));
}

// A user layer's coarser level and the base map's level of the same file and tolerance are different things: an
// empty entry (a rejected overlay level) must not be found as the base level ("no layers", then a crash in a test).
TEST_F(LayerCacheTest, AnOverlayLevelIsCachedApartFromTheSameToleranceOfTheBaseMap) {
    const LayerCache cache(cache_dir);
    PrepareOptions base = options;
    base.simplify_degrees = 0.008;
    PrepareOptions overlay_level = base;
    overlay_level.purpose = "overlay-level";
    EXPECT_NE(cache.entry_path(shp, base), cache.entry_path(shp, overlay_level));
    cache.store(shp, overlay_level, {});  // a rejected level
    EXPECT_FALSE(cache.load(shp, base));
    auto rejected = cache.load(shp, overlay_level);
    ASSERT_TRUE(rejected);
    EXPECT_TRUE(rejected->empty());
}

TEST_F(LayerCacheTest, EmptyFolderDisablesCachingAndMissingSourceHasNoEntry) {
    const LayerCache off{fs::path{}};
    EXPECT_TRUE(off.entry_path(shp, options).empty());
    off.store(shp, options, load_and_prepare(shp));
    EXPECT_FALSE(off.load(shp, options));
    const LayerCache cache(cache_dir);
    EXPECT_TRUE(cache.entry_path((dir / "missing.shp").string(), options).empty());
    EXPECT_FALSE(fs::exists(cache_dir));
}

TEST_F(LayerCacheTest, UnwritableCacheFolderIsIgnored) {
    // The "folder" is a file: nothing can be created in it, and the load still works.
    write_bytes(dir / "not-a-folder", "x");
    const LayerCache cache(dir / "not-a-folder");
    bool from_cache = true;
    auto layers = load_prepared_source(shp, options, &cache, &from_cache);
    ASSERT_TRUE(layers) << layers.error().message;
    EXPECT_FALSE(from_cache);
    EXPECT_EQ(layers->front().mesh.ranges.size(), 3u);
}

TEST_F(LayerCacheTest, TruncatedEntryIsRejectedAtAnyLength) {
    const LayerCache cache(cache_dir);
    const std::string bytes = stored_entry(cache);
    ASSERT_GT(bytes.size(), 100u);
    const fs::path entry = cache.entry_path(shp, options);
    for (size_t len = 0; len < bytes.size(); ++len) {
        // Every length near the ends (headers, the last arrays), every 7th in between, to keep the test fast.
        if (len >= 512 && len + 256 < bytes.size() && len % 7 != 0) continue;
        write_bytes(entry, bytes.substr(0, len));
        EXPECT_FALSE(cache.load(shp, options)) << "accepted a cache entry cut to " << len << " of " << bytes.size();
    }
    write_bytes(entry, bytes);
    EXPECT_TRUE(cache.load(shp, options));
}

TEST_F(LayerCacheTest, WrongMagicOrVersionOrGarbageIsRejected) {
    const LayerCache cache(cache_dir);
    const std::string bytes = stored_entry(cache);
    const fs::path entry = cache.entry_path(shp, options);
    std::string magic = bytes;
    magic[0] = 'X';
    write_bytes(entry, magic);
    EXPECT_FALSE(cache.load(shp, options));
    std::string version = bytes;
    version[8] ^= 0x7F;  // the format version follows the 8-byte magic
    write_bytes(entry, version);
    EXPECT_FALSE(cache.load(shp, options));
    write_bytes(entry, std::string(bytes.size(), '\xFF'));
    EXPECT_FALSE(cache.load(shp, options));
    write_bytes(entry, bytes + "trailing");
    EXPECT_TRUE(cache.load(shp, options));  // trailing bytes are ignored; the layers are complete
}

// The per-feature value count sits after magic, version, layer count, three strings, kind, bbox and the field
// names. A huge count there must be rejected before anything is allocated for it.
TEST_F(LayerCacheTest, HugeFeatureCountIsRejectedWithoutAllocating) {
    const LayerCache cache(cache_dir);
    const auto layers = load_and_prepare(shp);
    cache.store(shp, options, layers);
    std::string bytes = read_bytes(cache.entry_path(shp, options));
    const PreparedLayer& l = layers[0];
    size_t offset = 8 + 4 + 8;
    for (const std::string* s : {&l.source, &l.name, &l.crs}) offset += 8 + s->size();
    offset += 4 + sizeof(BBox) + 8;
    for (const auto& f : l.fields) offset += 8 + f.size();
    std::uint64_t count = 0;
    std::memcpy(&count, bytes.data() + offset, 8);
    ASSERT_EQ(count, 3u) << "cache layout changed; update this test";
    for (std::uint64_t huge : {std::uint64_t{1} << 32, std::uint64_t{1} << 40, ~std::uint64_t{0}, std::uint64_t{1000}}) {
        std::memcpy(bytes.data() + offset, &huge, 8);
        write_bytes(cache.entry_path(shp, options), bytes);
        EXPECT_FALSE(cache.load(shp, options)) << huge;
    }
}

// Ranges are the last array before the 8-byte failure count; one pointing past the index buffer must not reach
// the renderer.
TEST_F(LayerCacheTest, RangeOutsideTheBuffersIsRejected) {
    const LayerCache cache(cache_dir);
    std::string bytes = stored_entry(cache);
    const size_t ranges_start = bytes.size() - 8 - 3 * sizeof(FeatureRange);
    FeatureRange r;
    std::memcpy(&r, bytes.data() + ranges_start, sizeof r);
    ASSERT_EQ(r.first_index, 0u) << "cache layout changed; update this test";
    r.index_count = 1u << 30;
    std::memcpy(bytes.data() + ranges_start, &r, sizeof r);
    write_bytes(cache.entry_path(shp, options), bytes);
    EXPECT_FALSE(cache.load(shp, options));
}

// Any single damaged byte: the entry is either rejected or, if accepted (a changed coordinate cannot be told from a
// real one), still safe to draw: every range and index inside its buffer.
TEST_F(LayerCacheTest, AnySingleCorruptedByteIsRejectedOrHarmless) {
    const LayerCache cache(cache_dir);
    const std::string bytes = stored_entry(cache);
    const fs::path entry = cache.entry_path(shp, options);
    int rejected = 0;
    for (size_t i = 0; i < bytes.size(); ++i) {
        std::string damaged = bytes;
        damaged[i] = static_cast<char>(damaged[i] ^ 0xA5);
        write_bytes(entry, damaged);
        auto layers = cache.load(shp, options);
        if (!layers) {
            ++rejected;
            continue;
        }
        for (const auto& l : *layers) {
            const LayerMesh& m = l.mesh;
            ASSERT_EQ(m.outline_points.size(), m.outline_joins.size()) << "byte " << i;
            ASSERT_EQ(l.values.size(), m.ranges.size()) << "byte " << i;
            for (auto idx : m.fill.indices) ASSERT_LT(idx, m.fill.vertices.size()) << "byte " << i;
            for (const auto& r : m.ranges) {
                ASSERT_LE(std::uint64_t{r.first_index} + r.index_count, m.fill.indices.size()) << "byte " << i;
                ASSERT_LE(std::uint64_t{r.first_outline} + r.outline_count, m.outline_points.size()) << "byte " << i;
                ASSERT_LE(std::uint64_t{r.first_point} + r.point_count, m.points.size()) << "byte " << i;
            }
        }
    }
    EXPECT_GT(rejected, 0);
}

TEST(LayerCacheDirTest, DefaultFolderFollowsXdgCacheHomeThenHome) {
    const char* old_xdg = std::getenv("XDG_CACHE_HOME");
    const char* old_home = std::getenv("HOME");
    const std::string saved_xdg = old_xdg ? old_xdg : "", saved_home = old_home ? old_home : "";
    ::setenv("XDG_CACHE_HOME", "/tmp/xdg-cache", 1);
    EXPECT_EQ(LayerCache::default_dir(), fs::path("/tmp/xdg-cache/eventmap"));
    ::setenv("XDG_CACHE_HOME", "", 1);
    ::setenv("HOME", "/home/someone", 1);
    EXPECT_EQ(LayerCache::default_dir(), fs::path("/home/someone/.cache/eventmap"));
    ::unsetenv("XDG_CACHE_HOME");
    ::unsetenv("HOME");
    EXPECT_TRUE(LayerCache::default_dir().empty());
    if (old_xdg) ::setenv("XDG_CACHE_HOME", saved_xdg.c_str(), 1);
    if (old_home) ::setenv("HOME", saved_home.c_str(), 1);
}

}  // namespace
}  // namespace em
