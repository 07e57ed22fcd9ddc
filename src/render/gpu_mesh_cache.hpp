#pragma once

#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "render/gpu_mesh.hpp"

namespace em {

// The renderer's GPU copies of the meshes it has drawn, by the mesh's stamp (ProjectedMesh::stamp): the scene
// holds only CPU data, and one scene can be drawn by several renderers. An entry lives until a sweep finds no
// mesh of the scene with its stamp (the layer was removed or reprojected).
class GpuMeshCache {
public:
    // The GPU copy of the mesh, uploaded on first use (current context). A mesh without a stamp is uploaded
    // into a one-draw slot that the next such call replaces.
    const GpuMesh& get(const ProjectedMesh& mesh);
    // Whether the mesh has a GPU copy (for tests and stats).
    bool holds(const ProjectedMesh& mesh) const { return mesh.stamp != 0 && meshes_.count(mesh.stamp) > 0; }
    // Frees every copy whose stamp is not in keep.
    void keep_only(const std::unordered_set<std::uint64_t>& keep);
    std::size_t size() const { return meshes_.size(); }

private:
    std::unordered_map<std::uint64_t, GpuMesh> meshes_;
    GpuMesh unstamped_;
};

}  // namespace em
