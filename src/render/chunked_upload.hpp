#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "geo/mesh_chunks.hpp"
#include "render/gpu_mesh.hpp"

namespace em {

// Where a parked level's arrays are made from: its lon/lat mesh and the projection its stamp was made with.
struct ParkedSource {
    const LayerMesh& lon_lat;
    const Projection& projection;
};

// A parked level (geo/vertex_restore) uploaded straight from its lon/lat mesh, a chunk of whole features at a time
// (geo/mesh_chunks): each chunk's vertices, indices and outline are projected a step at a time into a small
// scratch array and copied into the chunk's own buffers. The level is never whole on the CPU (before, it was put
// back whole, ~180 MB for land10m's 100 m level, beside its growing GPU copy), and no frame makes more than one
// chunk's storage (before, the level's largest array, ~90 MB of indices that llvmpipe zeroes: a 330-415 ms frame).
// The result draws exactly as the level uploaded whole would (tests/render/chunked_upload_test.cpp).
class ChunkedUpload {
public:
    // A chunk keeps to these where features allow: its indices then fit in 16 bits, its storage in ~3 MB.
    static constexpr std::uint32_t kChunkVertices = 65536, kChunkOutline = 131072;

    // mesh is parked or whole, and chunkable from its source (geo/mesh_chunks: chunkable).
    explicit ChunkedUpload(const ProjectedMesh& mesh);
    // Copies up to about max_bytes more, and stops once max_ms have passed if max_ms > 0 (a step of at most
    // kStepPoints is never cut); mesh and source are those it was made for, unchanged. Returns the bytes copied.
    std::size_t advance(const ProjectedMesh& mesh, const ParkedSource& source, std::size_t max_bytes, double max_ms = 0);
    bool done() const { return done_; }
    std::size_t bytes_done() const { return bytes_; }
    // The uploaded mesh, once done().
    GpuMesh take() { return std::move(mesh_); }

private:
    static constexpr std::uint32_t kStepPoints = 16384;
    enum class Phase { kVertices, kIndices, kOutline };

    // Makes the next chunk's buffers and their storage.
    void open_chunk(const ProjectedMesh& mesh, const ParkedSource& source);
    // One step of the open chunk's current phase; returns the bytes copied.
    std::size_t step(const ProjectedMesh& mesh, const ParkedSource& source);

    GpuMesh mesh_;
    MeshChunk chunk_;
    bool open_ = false, done_ = false;
    Phase phase_ = Phase::kVertices;
    std::uint32_t next_feature_ = 0, next_ = 0;  // the next chunk's first feature; the phase's next element
    std::vector<float> floats_;                  // a step's projected points
    std::vector<std::uint32_t> indices_;         // a step's indices
    std::vector<std::uint16_t> short_indices_;   // the same for a chunk of at most 65,536 vertices
    std::size_t bytes_ = 0;
};

}  // namespace em
