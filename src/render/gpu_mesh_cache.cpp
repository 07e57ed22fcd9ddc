#include "render/gpu_mesh_cache.hpp"

#include <limits>

namespace em {

const GpuMesh& GpuMeshCache::get(const ProjectedMesh& mesh) {
    if (mesh.stamp == 0) {
        unstamped_ = upload_mesh(mesh);
        return unstamped_;
    }
    auto it = meshes_.find(mesh.stamp);
    if (it != meshes_.end()) return it->second;
    if (auto p = pending_.find(mesh.stamp); p != pending_.end()) {
        uploaded_this_frame_ += p->second.advance(mesh, std::numeric_limits<std::size_t>::max());
        it = meshes_.emplace(mesh.stamp, p->second.take()).first;
        pending_.erase(p);
        return it->second;
    }
    uploaded_this_frame_ += mesh_bytes(mesh);
    return meshes_.emplace(mesh.stamp, upload_mesh(mesh)).first->second;
}

bool GpuMeshCache::upload_within_allowance(const ProjectedMesh& mesh) {
    if (mesh.stamp == 0 || meshes_.count(mesh.stamp) > 0) return true;
    const std::size_t left = allowance_ > uploaded_this_frame_ ? allowance_ - uploaded_this_frame_ : 0;
    if (left == 0) return false;
    auto p = pending_.find(mesh.stamp);
    if (p == pending_.end()) {
        if (arrays_released(mesh)) return false;  // to be projected again first (render/uploaded_vertices)
        p = pending_.emplace(mesh.stamp, SlicedUpload(mesh)).first;
    }
    uploaded_this_frame_ += p->second.advance(mesh, left);
    if (!p->second.done()) return false;
    meshes_.emplace(mesh.stamp, p->second.take());
    pending_.erase(p);
    return true;
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
}

}  // namespace em
