#include "render/gpu_mesh_cache.hpp"

namespace em {

const GpuMesh& GpuMeshCache::get(const ProjectedMesh& mesh) {
    if (mesh.stamp == 0) {
        unstamped_ = upload_mesh(mesh);
        return unstamped_;
    }
    auto it = meshes_.find(mesh.stamp);
    if (it == meshes_.end()) it = meshes_.emplace(mesh.stamp, upload_mesh(mesh)).first;
    return it->second;
}

void GpuMeshCache::keep_only(const std::unordered_set<std::uint64_t>& keep) {
    std::erase_if(meshes_, [&](const auto& entry) { return keep.count(entry.first) == 0; });
}

}  // namespace em
