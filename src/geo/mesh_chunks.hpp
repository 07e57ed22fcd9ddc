#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "geo/prepared_layer.hpp"
#include "geo/projected_mesh.hpp"
#include "geo/projection.hpp"

namespace em {

// A parked level (geo/vertex_restore) goes to the GPU a run of whole features at a time, each run projected from
// the lon/lat mesh straight into its own buffers (render/chunked_upload), so that the level is never whole on
// the CPU beside its GPU copy, and no frame makes the storage of a whole level's array at once (issue 18: zooming
// into land10m put its 100 m level back whole, ~180 MB, and gave one frame ~90 MB of index storage to zero).

// A run of whole consecutive features of a projected mesh: its triangles, the fill vertices they use and its outline
// points. Triangle indices are stored less first_vertex, so a chunk of at most 65,536 vertices takes 16-bit ones.
struct MeshChunk {
    std::uint32_t first_feature = 0, feature_count = 0;
    std::uint32_t first_index = 0, index_count = 0;      // in the mesh's fill indices (three per triangle)
    std::uint32_t first_vertex = 0, vertex_count = 0;    // the fill vertices its triangles use
    std::uint32_t first_outline = 0, outline_count = 0;  // in the mesh's outline points
};

// The fill index of a parked mesh (or a whole one) at position i of its fill indices: from the mesh's own indices
// if it has them, else from the lon/lat mesh where its triangle starts (ProjectedMesh::source_triangles).
std::uint32_t fill_index_at(const ProjectedMesh& mesh, const LayerMesh& lon_lat, std::size_t i);

// Whether the mesh's arrays can be made from lon_lat chunk by chunk: it holds its indices or the triangles' places,
// and its features' triangles and outline points follow one another in feature order (as project_mesh and
// project_parked make them).
bool chunkable(const ProjectedMesh& mesh, const LayerMesh& lon_lat);

// The chunk of a chunkable mesh that starts at first_feature (< the mesh's feature count): the features after it
// while the chunk keeps to max_vertices fill vertices and max_outline outline points, and at least that feature.
MeshChunk next_mesh_chunk(const ProjectedMesh& mesh, const LayerMesh& lon_lat, std::uint32_t first_feature,
                          std::uint32_t max_vertices, std::uint32_t max_outline);

// Cuts a chunkable mesh into runs of features with at most max_vertices fill vertices and max_outline outline
// points each, where features allow (a bigger feature is a chunk of its own). Together the chunks hold every
// triangle and outline point once, in order.
std::vector<MeshChunk> plan_mesh_chunks(const ProjectedMesh& mesh, const LayerMesh& lon_lat, std::uint32_t max_vertices,
                                        std::uint32_t max_outline);

// Projects the chunk's fill vertices [first, first + count) of its span (chunk-relative) into out (x, y each):
// the floats project_mesh gives them, NaN where the projection cannot show one.
void project_chunk_vertices(const LayerMesh& lon_lat, const Projection& projection, const MeshChunk& chunk,
                            std::uint32_t first, std::uint32_t count, float* out);

// Writes the chunk's fill indices [first, first + count) (chunk-relative) less chunk.first_vertex into out.
template <typename Index>
void chunk_indices(const ProjectedMesh& mesh, const LayerMesh& lon_lat, const MeshChunk& chunk, std::uint32_t first,
                   std::uint32_t count, Index* out) {
    for (std::uint32_t k = 0; k < count; ++k)
        out[k] = static_cast<Index>(fill_index_at(mesh, lon_lat, chunk.first_index + first + k) - chunk.first_vertex);
}

// Projects the chunk's outline points [first, first + count) (chunk-relative) into out (x, y, join each), as
// project_mesh makes them: a point joins the next when the source joins them and both are shown; an unshown
// point is zeros.
void project_chunk_outline(const ProjectedMesh& mesh, const LayerMesh& lon_lat, const Projection& projection,
                           const MeshChunk& chunk, std::uint32_t first, std::uint32_t count, float* out);

}  // namespace em
