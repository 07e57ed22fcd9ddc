// Parked levels (issue 18, the window's peak memory): a projected mesh gives up its vertex arrays, and they are
// made again from the lon/lat mesh a chunk of features at a time (geo/mesh_chunks), exactly as project_mesh made
// them.
#include "geo/vertex_restore.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "geo/mesh_chunks.hpp"
#include "geo/mesh_pieces.hpp"
#include "geo/vector_loader.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

// The 1:110m countries prepared: Russia and Fiji are cut at the antimeridian, and an azimuthal projection centred
// on 80N cannot show Antarctica's far side (unshown vertices, broken outline joins).
const PreparedLayer& countries_110m() {
    static const PreparedLayer layer = [] {
        auto layers = load_vector_source(
            (test::source_dir() / "data" / "naturalearth" / "ne_110m_admin0_countries.shp").string());
        EXPECT_TRUE(layers && !layers->empty());
        return prepare_layer(layers->front());
    }();
    return layer;
}

bool same_bytes(const std::vector<float>& a, const std::vector<float>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0);
}

// The 1:10m countries prepared, as a tessellation and as fans (the one-off heavy render's fill): features of
// many thousand triangles, which the pieces sort along a Z-order curve.
const PreparedLayer& countries_10m(bool fans) {
    static const auto prepare = [](bool fan_fill) {
        auto layers = load_vector_source(
            (test::source_dir() / "data" / "naturalearth" / "ne_10m_admin0_countries.shp").string());
        EXPECT_TRUE(layers && !layers->empty());
        PrepareOptions options;
        options.fan_fill = fan_fill;
        return prepare_layer(layers->front(), options);
    };
    static const PreparedLayer tessellated = prepare(false), fanned = prepare(true);
    return fans ? fanned : tessellated;
}

// The mesh's arrays made again from lon_lat by chunks of at most max_vertices / max_outline (where features allow),
// each chunk's arrays asked for in steps of `step` elements, then laid out as project_mesh lays them out: fill
// vertices at their numbers (those no chunk uses stay NaN), indices as the mesh's, outline points at theirs.
struct MadeAgain {
    std::vector<float> fill_xy, outline;
    std::vector<std::uint32_t> fill_indices;
    std::vector<MeshChunk> chunks;
};
MadeAgain make_again(const ProjectedMesh& mesh, const LayerMesh& lon_lat, const Projection& projection,
                     std::uint32_t max_vertices, std::uint32_t max_outline, std::uint32_t step) {
    MadeAgain m;
    EXPECT_TRUE(chunkable(mesh, lon_lat));
    m.chunks = plan_mesh_chunks(mesh, lon_lat, max_vertices, max_outline);
    m.fill_xy.assign(lon_lat.fill.vertices.size() * 2, std::nanf(""));
    m.outline.assign(lon_lat.outline_points.size() * 3, 0.0f);
    for (const MeshChunk& c : m.chunks) {
        for (std::uint32_t k = 0; k < c.vertex_count; k += step)
            project_chunk_vertices(lon_lat, projection, c, k, std::min(step, c.vertex_count - k),
                                   &m.fill_xy[2 * (std::size_t{c.first_vertex} + k)]);
        std::vector<std::uint32_t> local(c.index_count);
        for (std::uint32_t k = 0; k < c.index_count; k += step)
            chunk_indices(mesh, lon_lat, c, k, std::min(step, c.index_count - k), &local[k]);
        for (const std::uint32_t i : local) m.fill_indices.push_back(i + c.first_vertex);
        for (std::uint32_t k = 0; k < c.outline_count; k += step)
            project_chunk_outline(mesh, lon_lat, projection, c, k, std::min(step, c.outline_count - k),
                                  &m.outline[3 * (std::size_t{c.first_outline} + k)]);
    }
    return m;
}

// What make_again gave is what project_mesh gives: the same indices and outline, and the same floats for every
// vertex a triangle uses.
void expect_made_as_projected(const MadeAgain& m, const ProjectedMesh& reference) {
    EXPECT_EQ(m.fill_indices, reference.fill_indices);
    EXPECT_TRUE(same_bytes(m.outline, reference.outline));
    ASSERT_EQ(m.fill_xy.size(), reference.fill_xy.size());
    for (const std::uint32_t i : reference.fill_indices) {
        ASSERT_EQ(std::memcmp(&m.fill_xy[2 * i], &reference.fill_xy[2 * i], 2 * sizeof(float)), 0) << "vertex " << i;
    }
}

void expect_same_box(const BBox& a, const BBox& b) {
    EXPECT_EQ(a.empty(), b.empty());
    if (a.empty() || b.empty()) return;
    EXPECT_EQ(a.min_x, b.min_x);
    EXPECT_EQ(a.min_y, b.min_y);
    EXPECT_EQ(a.max_x, b.max_x);
    EXPECT_EQ(a.max_y, b.max_y);
}

void expect_same_pieces(const std::vector<ProjectedPiece>& a, const std::vector<ProjectedPiece>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].feature, b[i].feature) << i;
        EXPECT_EQ(a[i].first, b[i].first) << i;
        EXPECT_EQ(a[i].count, b[i].count) << i;
        expect_same_box(a[i].bbox, b[i].bbox);
    }
}

// The window projects a level it parks without holding its projection whole (project_parked): the result must be
// what projecting it whole and parking it gives, field by field, so that its chunks are made as the whole mesh.
TEST(VertexRestoreTest, ProjectingParkedEqualsProjectingWholeThenParking) {
    const std::vector<std::pair<std::string, Projection>> projections{
        {"laea centred on 80N", Projection(ProjectionKind::kLambertAzimuthal, GeoPoint{20.0, 80.0})},
        {"laea", *Projection::from_name("laea")},
        {"equirect", *Projection::from_name("equirect")}};
    const std::vector<std::pair<std::string, const LayerMesh*>> meshes{
        {"110m", &countries_110m().mesh}, {"10m", &countries_10m(false).mesh}, {"10m fans", &countries_10m(true).mesh}};
    for (const auto& [mesh_name, lon_lat] : meshes) {
        for (const auto& [name, projection] : projections) {
            SCOPED_TRACE(mesh_name + " in " + name);
            std::vector<std::uint32_t> numbers;
            ProjectedMesh whole = project_mesh(*lon_lat, projection, &numbers);
            const bool sorted = std::any_of(whole.ranges.begin(), whole.ranges.end(),
                                            [](const ProjectedRange& r) { return r.index_count / 3 > kPieceTriangles; });
            if (mesh_name == "10m") {
                EXPECT_TRUE(sorted) << "the test wants features whose triangles are sorted";
            }
            park_level(whole, std::move(numbers));
            const ProjectedMesh parked = project_parked(*lon_lat, projection);
            EXPECT_NE(parked.stamp, 0u);
            EXPECT_NE(parked.stamp, whole.stamp);
            EXPECT_TRUE(vertices_parked(parked));
            EXPECT_TRUE(parked.fill_xy.empty() && parked.outline.empty() && parked.fill_indices.empty());
            EXPECT_EQ(parked.source_triangles, whole.source_triangles);
            EXPECT_TRUE(same_bytes(parked.points_xy, whole.points_xy));
            EXPECT_EQ(parked.fill_even_odd, whole.fill_even_odd);
            expect_same_box(parked.bbox, whole.bbox);
            ASSERT_EQ(parked.ranges.size(), whole.ranges.size());
            for (std::size_t i = 0; i < parked.ranges.size(); ++i) {
                const ProjectedRange &p = parked.ranges[i], &w = whole.ranges[i];
                EXPECT_EQ(p.first_index, w.first_index) << i;
                EXPECT_EQ(p.index_count, w.index_count) << i;
                EXPECT_EQ(p.first_outline, w.first_outline) << i;
                EXPECT_EQ(p.outline_count, w.outline_count) << i;
                EXPECT_EQ(p.first_point, w.first_point) << i;
                EXPECT_EQ(p.point_count, w.point_count) << i;
                expect_same_box(p.bbox, w.bbox);
            }
            expect_same_pieces(parked.fill_pieces, whole.fill_pieces);
            expect_same_pieces(parked.outline_pieces, whole.outline_pieces);
            // And its chunks are made as the mesh projected whole.
            const ProjectedMesh reference = project_mesh(*lon_lat, projection);
            expect_made_as_projected(make_again(parked, *lon_lat, projection, 65536, 131072, 16384), reference);
        }
    }
}

TEST(VertexRestoreTest, AParkedMeshIsMadeAgainByteForByteInChunks) {
    const std::vector<std::pair<std::string, Projection>> projections{
        {"laea centred on 80N", Projection(ProjectionKind::kLambertAzimuthal, GeoPoint{20.0, 80.0})},
        {"laea", *Projection::from_name("laea")},
        {"mercator", *Projection::from_name("mercator")},
        {"equirect", *Projection::from_name("equirect")}};
    for (const auto& [name, projection] : projections) {
        SCOPED_TRACE(name);
        const LayerMesh& lon_lat = countries_110m().mesh;
        const ProjectedMesh original = project_mesh(lon_lat, projection);
        ASSERT_FALSE(original.fill_xy.empty());
        ASSERT_FALSE(original.outline.empty());
        if (name == "laea centred on 80N") {
            const bool unshown = std::any_of(original.fill_xy.begin(), original.fill_xy.end(),
                                             [](float v) { return std::isnan(v); });
            EXPECT_TRUE(unshown) << "the test wants vertices the projection cannot show";
        }

        ProjectedMesh mesh = original;
        EXPECT_FALSE(vertices_parked(mesh));
        EXPECT_FALSE(arrays_released(mesh));
        EXPECT_EQ(park_vertices(mesh), (original.fill_xy.capacity() + original.outline.capacity()) * sizeof(float));
        EXPECT_TRUE(vertices_parked(mesh));
        EXPECT_TRUE(arrays_released(mesh));
        EXPECT_EQ(mesh.fill_indices, original.fill_indices);  // the indices, ranges and pieces stay
        EXPECT_EQ(mesh.ranges.size(), original.ranges.size());
        EXPECT_EQ(mesh.fill_pieces.size(), original.fill_pieces.size());

        // Small chunks, asked for in odd steps: joins across a step's end are made as across any two points.
        const MadeAgain m = make_again(mesh, lon_lat, projection, 2000, 3000, 777);
        EXPECT_GT(m.chunks.size(), 5u);
        expect_made_as_projected(m, original);
        EXPECT_TRUE(vertices_parked(mesh));  // made beside the mesh, which stays parked
    }
}

// Parked with the places of its triangles (the window's load), a mesh lets go of its indices too, and gets them
// back in the same order; asking project_mesh for those places changes nothing of what it makes.
TEST(VertexRestoreTest, AParkedLevelGetsItsIndicesBackFromTheLonLatMesh) {
    const Projection projection(ProjectionKind::kLambertAzimuthal, GeoPoint{20.0, 80.0});
    const LayerMesh& lon_lat = countries_110m().mesh;
    const ProjectedMesh original = project_mesh(lon_lat, projection);
    std::vector<std::uint32_t> triangles;
    ProjectedMesh mesh = project_mesh(lon_lat, projection, &triangles);
    ASSERT_EQ(triangles.size() * 3, original.fill_indices.size());
    EXPECT_LT(triangles.size() * 3, lon_lat.fill.indices.size()) << "some triangles are left out (unshown)";
    EXPECT_TRUE(same_bytes(mesh.fill_xy, original.fill_xy));
    EXPECT_EQ(mesh.fill_indices, original.fill_indices);
    ASSERT_EQ(mesh.fill_pieces.size(), original.fill_pieces.size());
    for (std::size_t t = 0; t < triangles.size(); ++t)
        for (int k = 0; k < 3; ++k)
            ASSERT_EQ(lon_lat.fill.indices[triangles[t] + k], original.fill_indices[3 * t + k]) << "triangle " << t;

    const std::size_t index_bytes = mesh.fill_indices.capacity() * sizeof(std::uint32_t);
    EXPECT_GE(park_level(mesh, std::move(triangles)), index_bytes);
    EXPECT_TRUE(mesh.fill_indices.empty() && mesh.fill_xy.empty() && mesh.outline.empty());
    EXPECT_TRUE(vertices_parked(mesh));

    // Its indices come from the lon/lat mesh, in the same order.
    expect_made_as_projected(make_again(mesh, lon_lat, projection, 4096, 4096, 1000), original);
    EXPECT_TRUE(mesh.fill_indices.empty());
}

// Chunks hold whole features in order, every triangle and outline point once, and keep to their limits unless one
// feature alone is bigger.
TEST(VertexRestoreTest, ChunksHoldWholeFeaturesInOrderWithinTheirLimits) {
    const Projection projection = *Projection::from_name("laea");
    const LayerMesh& lon_lat = countries_10m(false).mesh;
    const ProjectedMesh parked = project_parked(lon_lat, projection);
    ASSERT_TRUE(chunkable(parked, lon_lat));
    constexpr std::uint32_t kVertices = 65536, kOutline = 131072;
    const auto chunks = plan_mesh_chunks(parked, lon_lat, kVertices, kOutline);
    EXPECT_GT(chunks.size(), 3u);
    std::uint32_t feature = 0, index = 0, outline = 0;
    for (const MeshChunk& c : chunks) {
        EXPECT_EQ(c.first_feature, feature);
        EXPECT_GT(c.feature_count, 0u);
        EXPECT_EQ(c.first_index, index);
        if (c.outline_count > 0) {
            EXPECT_EQ(c.first_outline, outline);
            outline = c.first_outline + c.outline_count;
        }
        if (c.feature_count > 1) {
            EXPECT_LE(c.vertex_count, kVertices);
            EXPECT_LE(c.outline_count, kOutline);
        }
        for (std::uint32_t i = c.first_index; i < c.first_index + c.index_count; ++i) {
            const std::uint32_t v = fill_index_at(parked, lon_lat, i);
            ASSERT_GE(v, c.first_vertex);
            ASSERT_LT(v, c.first_vertex + c.vertex_count);
        }
        feature += c.feature_count, index += c.index_count;
    }
    EXPECT_EQ(feature, parked.ranges.size());
    EXPECT_EQ(index, parked.source_triangles.size() * 3);
    EXPECT_EQ(outline, lon_lat.outline_points.size());
    // A mesh whose ranges do not follow one another is not cut (a hand-made one): nothing is assumed of it.
    ProjectedMesh shuffled = parked;
    std::swap(shuffled.ranges.front(), shuffled.ranges.back());
    EXPECT_FALSE(chunkable(shuffled, lon_lat));
}

TEST(VertexRestoreTest, AMeshWithoutItsIndicesIsReleasedButNotParked) {
    const Projection projection = *Projection::from_name("laea");
    ProjectedMesh mesh = project_mesh(countries_110m().mesh, projection);
    mesh.fill_indices.clear();
    mesh.fill_indices.shrink_to_fit();
    EXPECT_TRUE(arrays_released(mesh));   // must be projected again before it is read
    EXPECT_FALSE(vertices_parked(mesh));  // and only project_mesh can do it
}

}  // namespace
}  // namespace em
