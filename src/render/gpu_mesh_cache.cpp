#include "render/gpu_mesh_cache.hpp"

#include <chrono>
#include <limits>

namespace em {

const GpuMesh& GpuMeshCache::get(const ProjectedMesh& mesh, const ParkedSource* source) {
    if (mesh.stamp == 0) {
        unstamped_ = upload_mesh(mesh);
        return unstamped_;
    }
    auto it = meshes_.find(mesh.stamp);
    if (it != meshes_.end()) return it->second;
    if (auto c = chunked_.find(mesh.stamp); c != chunked_.end() && source) {
        uploaded_this_frame_ += c->second.advance(mesh, *source, std::numeric_limits<std::size_t>::max());
        it = meshes_.emplace(mesh.stamp, c->second.take()).first;
        chunked_.erase(c);
        return it->second;
    }
    if (auto p = pending_.find(mesh.stamp); p != pending_.end()) {
        uploaded_this_frame_ += p->second.advance(mesh, std::numeric_limits<std::size_t>::max());
        it = meshes_.emplace(mesh.stamp, p->second.take()).first;
        pending_.erase(p);
        return it->second;
    }
    // After an upload in slices was looked for: one under way has released arrays too, and is finished, not begun
    // again from the source.
    if (source && arrays_released(mesh) && chunkable(mesh, source->lon_lat)) {
        ChunkedUpload upload(mesh);
        uploaded_this_frame_ += upload.advance(mesh, *source, std::numeric_limits<std::size_t>::max());
        return meshes_.emplace(mesh.stamp, upload.take()).first->second;
    }
    uploaded_this_frame_ += mesh_bytes(mesh);
    return meshes_.emplace(mesh.stamp, upload_mesh(mesh)).first->second;
}

bool GpuMeshCache::upload_within_allowance(const ProjectedMesh& mesh, const ParkedSource* source) {
    if (mesh.stamp == 0 || meshes_.count(mesh.stamp) > 0) return true;
    const std::size_t left = allowance_ > uploaded_this_frame_ ? allowance_ - uploaded_this_frame_ : 0;
    if (left == 0) return false;
    if (auto c = chunked_.find(mesh.stamp); c != chunked_.end())
        return source && advance_chunked(mesh, c->second, *source, left);
    auto p = pending_.find(mesh.stamp);
    if (p == pending_.end()) {
        if (arrays_released(mesh)) {
            // Parked: projected from its source straight into the GPU, chunk by chunk (render/chunked_upload).
            if (!source || !chunkable(mesh, source->lon_lat)) return false;
            return advance_chunked(mesh, chunked_.emplace(mesh.stamp, ChunkedUpload(mesh)).first->second, *source, left);
        }
        p = pending_.emplace(mesh.stamp, SlicedUpload(mesh)).first;
    }
    uploaded_this_frame_ += p->second.advance(mesh, left);
    if (!p->second.done()) return false;
    meshes_.emplace(mesh.stamp, p->second.take());
    pending_.erase(p);
    return true;
}

bool GpuMeshCache::advance_chunked(const ProjectedMesh& mesh, ChunkedUpload& upload, const ParkedSource& source,
                                   std::size_t left) {
    double ms = 0;
    if (projection_ms_ > 0) {
        if (projected_ms_ >= projection_ms_) return false;
        ms = projection_ms_ - projected_ms_;
    }
    const auto started = std::chrono::steady_clock::now();
    uploaded_this_frame_ += upload.advance(mesh, source, left, ms);
    projected_ms_ += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    if (!upload.done()) return false;
    meshes_.emplace(mesh.stamp, upload.take());
    chunked_.erase(mesh.stamp);  // upload is gone from here on
    return true;
}

std::size_t GpuMeshCache::cancel_parked_upload(const ProjectedMesh& mesh) {
    const auto c = chunked_.find(mesh.stamp);
    if (c == chunked_.end()) return 0;
    const std::size_t bytes = c->second.bytes_done();
    chunked_.erase(c);
    return bytes;
}

std::size_t GpuMeshCache::drop(const ProjectedMesh& mesh) {
    const auto it = meshes_.find(mesh.stamp);
    if (it == meshes_.end()) return 0;
    const std::size_t bytes = gpu_bytes(it->second);
    meshes_.erase(it);
    return bytes;
}

int GpuMeshCache::parts_on_gpu(const ProjectedMesh& mesh) const {
    if (holds(mesh)) return 4;
    if (mesh.stamp == 0) return 0;
    const auto p = pending_.find(mesh.stamp);
    return p == pending_.end() ? 0 : p->second.parts_done();
}

void GpuMeshCache::keep_only(const std::unordered_set<std::uint64_t>& keep) {
    std::erase_if(meshes_, [&](const auto& entry) { return keep.count(entry.first) == 0; });
    std::erase_if(pending_, [&](const auto& entry) { return keep.count(entry.first) == 0; });
    std::erase_if(chunked_, [&](const auto& entry) { return keep.count(entry.first) == 0; });
}

}  // namespace em
