#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "geo/projected_mesh.hpp"
#include "gl/buffer.hpp"
#include "gl/vertex_array.hpp"
#include "render/draw_ranges.hpp"

namespace em {

// A run of whole features' fill in buffers of its own. A mesh uploaded whole has one; a parked level uploaded
// from its lon/lat mesh has many (render/chunked_upload), so that no frame makes the storage of a level's whole
// array (llvmpipe zeroes it: land10m's 100 m level has ~90 MB of indices). Its indices count from its own first
// vertex.
struct GpuFillChunk {
    gl::VertexArray vao;
    gl::Buffer vertices, indices;
    std::uint32_t first = 0, count = 0;  // the mesh's fill indices it holds
    GLenum index_type = GL_UNSIGNED_INT;  // GL_UNSIGNED_SHORT for a chunk of at most 65,536 vertices
    std::size_t index_bytes() const { return index_type == GL_UNSIGNED_SHORT ? 2 : 4; }
};

// A run of outline points (x, y, join each) in a buffer of its own.
struct GpuOutlineChunk {
    gl::Buffer points;
    std::uint32_t first = 0, count = 0;  // the mesh's outline points it holds
};

// A ProjectedMesh uploaded to the GPU: fill triangles, the outline strip and points.
struct GpuMesh {
    std::vector<GpuFillChunk> fill;        // in order of the mesh's fill indices
    gl::VertexArray outline_vao;           // attributes re-pointed per draw range (GL 3.3 has no base instance)
    std::vector<GpuOutlineChunk> outline;  // in order of the mesh's outline points
    gl::VertexArray point_vao;
    gl::Buffer point_centres;
    std::size_t point_count = 0;
    bool fill_even_odd = false;  // the fill is fans counted in the stencil (ProjectedMesh::fill_even_odd)
};

// Calls part(chunk, first, count) for each piece of range r that lies in one chunk, first counted from the chunk's
// start. Chunks end where features end, so a run split here loses no triangle, and no outline segment but the
// unjoined one between two features.
template <typename Chunk, typename Part>
void for_each_chunk_part(const std::vector<Chunk>& chunks, const DrawRange& r, Part&& part) {
    if (chunks.size() == 1) {  // a mesh uploaded whole: no search (thousands of runs a frame for point events)
        part(chunks.front(), r.first, r.count);
        return;
    }
    auto it = std::upper_bound(chunks.begin(), chunks.end(), r.first,
                               [](std::uint32_t v, const Chunk& c) { return v < c.first; });
    if (it != chunks.begin()) --it;
    const std::uint64_t end = std::uint64_t{r.first} + r.count;
    for (; it != chunks.end() && it->first < end; ++it) {
        const std::uint64_t from = std::max<std::uint64_t>(r.first, it->first);
        const std::uint64_t to = std::min<std::uint64_t>(end, std::uint64_t{it->first} + it->count);
        if (to > from) part(*it, static_cast<std::uint32_t>(from - it->first), static_cast<std::uint32_t>(to - from));
    }
}

// Uploads the mesh (current context).
GpuMesh upload_mesh(const ProjectedMesh& mesh);
// The bytes of the GPU copy's buffers.
std::size_t gpu_bytes(const GpuMesh& mesh);
// The bytes upload_mesh copies for the mesh.
std::size_t mesh_bytes(const ProjectedMesh& mesh);

// A mesh uploaded a slice at a time over several frames (GpuMeshCache's staged uploads): the buffers get their
// storage at once, their contents in parts, in the order fill vertices, fill indices, outline, points. On llvmpipe
// an upload is a copy into memory Mesa allocates; land10m's 100 m level is ~200 MB, 0.4 s in one go.
class SlicedUpload {
public:
    explicit SlicedUpload(const ProjectedMesh& mesh);
    // Copies up to max_bytes more of mesh (the mesh it was made for, unchanged); returns the bytes copied.
    std::size_t advance(const ProjectedMesh& mesh, std::size_t max_bytes);
    bool done() const { return done_ == total_; }
    std::size_t total_bytes() const { return total_; }
    std::size_t bytes_done() const { return done_; }
    // How many of the parts (fill vertices, fill indices, outline, points, in that order) are wholly copied: the
    // mesh's arrays of those parts are not read again, so the window lets them go before the rest is in.
    int parts_done() const;
    // The uploaded mesh, once done().
    GpuMesh take() { return std::move(mesh_); }

private:
    GpuMesh mesh_;
    std::array<std::size_t, 4> part_bytes_{};  // as the mesh's arrays were when the upload began
    std::size_t done_ = 0, total_ = 0;
};

}  // namespace em
