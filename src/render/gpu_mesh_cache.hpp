#pragma once

#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "render/chunked_upload.hpp"
#include "render/gpu_mesh.hpp"

namespace em {

// The renderer's GPU copies of the meshes it has drawn, by the mesh's stamp (ProjectedMesh::stamp): the scene
// holds only CPU data, and one scene can be drawn by several renderers. An entry lives until a sweep finds no
// mesh of the scene with its stamp (the layer was removed or reprojected).
//
// Staged uploads (the window's spread redraws): begin_frame gives a frame an allowance of bytes, and
// upload_within_allowance copies at most that much of a mesh per frame, over as many frames as it takes, so that
// no frame stalls on a level of hundreds of MB. get() never waits: it finishes an upload in progress at once.
// A parked level (geo/vertex_restore) is uploaded from its lon/lat mesh when its source is given
// (render/chunked_upload), projecting for at most the frame's projection time.
class GpuMeshCache {
public:
    // The GPU copy of the mesh, uploaded on first use (current context); an upload in slices is finished now.
    // A mesh without a stamp is uploaded into a one-draw slot that the next such call replaces.
    // A parked mesh must be held already, or come with its source.
    const GpuMesh& get(const ProjectedMesh& mesh, const ParkedSource* source = nullptr);
    // Whether the mesh is wholly on the GPU (for tests, stats and the staged uploads).
    bool holds(const ProjectedMesh& mesh) const { return mesh.stamp != 0 && meshes_.count(mesh.stamp) > 0; }
    // Drops the mesh's upload from its lon/lat mesh if one is under way (the mesh stays parked: it can start again);
    // returns the bytes copied so far.
    std::size_t cancel_parked_upload(const ProjectedMesh& mesh);
    // Frees the mesh's GPU copy (the mesh must be uploadable again: whole, or parked with its source); returns its
    // bytes. On llvmpipe they are process memory, in blocks small enough to come from the heaps.
    std::size_t drop(const ProjectedMesh& mesh);
    // Frees every copy (and upload in progress) whose stamp is not in keep.
    void keep_only(const std::unordered_set<std::uint64_t>& keep);
    std::size_t size() const { return meshes_.size(); }

    // Starts a frame of staged uploads: up to allowance_bytes may be copied until the next call, and parked levels
    // projected for up to projection_ms (0: no limit but the bytes).
    void begin_frame(std::size_t allowance_bytes, double projection_ms = 0) {
        allowance_ = allowance_bytes, uploaded_this_frame_ = 0, projection_ms_ = projection_ms, projected_ms_ = 0;
    }
    // Copies as much of the mesh as the frame's allowance leaves (none without begin_frame); true once the mesh is
    // wholly on the GPU. A mesh without a stamp is never cached: true (get uploads it). A parked mesh is uploaded
    // from its source (without one, or not chunkable from it: false, never uploaded).
    bool upload_within_allowance(const ProjectedMesh& mesh, const ParkedSource* source = nullptr);
    // Bytes of stamped meshes copied to the GPU since begin_frame (by get too: a whole upload may exceed the
    // allowance, and then leaves none of it for upload_within_allowance).
    std::size_t uploaded_this_frame() const { return uploaded_this_frame_; }
    // Whether part of the mesh has been copied and the rest is still to come.
    bool uploading(const ProjectedMesh& mesh) const {
        return mesh.stamp != 0 && (pending_.count(mesh.stamp) > 0 || chunked_.count(mesh.stamp) > 0);
    }
    // How many of the mesh's parts (fill vertices, fill indices, outline, points: SlicedUpload) are wholly on the
    // GPU: 4 once it is held, those done while it is being uploaded, else 0 (a parked level's upload: its arrays
    // are gone, and the places of its triangles are read until the end). The arrays of those parts are not read
    // again, so they can be let go before the rest is in.
    int parts_on_gpu(const ProjectedMesh& mesh) const;

private:
    std::unordered_map<std::uint64_t, GpuMesh> meshes_;
    std::unordered_map<std::uint64_t, SlicedUpload> pending_;  // staged uploads not finished yet
    std::unordered_map<std::uint64_t, ChunkedUpload> chunked_;  // parked levels' uploads not finished yet
    GpuMesh unstamped_;
    std::size_t allowance_ = 0, uploaded_this_frame_ = 0;
    double projection_ms_ = 0, projected_ms_ = 0;  // the frame's projection time for parked levels, and its use

    // Advances the parked level's upload within what the frame leaves; true once it is held.
    bool advance_chunked(const ProjectedMesh& mesh, ChunkedUpload& upload, const ParkedSource& source, std::size_t left);
};

}  // namespace em
