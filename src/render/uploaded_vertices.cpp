#include "render/uploaded_vertices.hpp"

namespace em {

namespace {

template <typename T>
std::size_t release(std::vector<T>& v) {
    const std::size_t bytes = v.capacity() * sizeof(T);
    std::vector<T>().swap(v);
    return bytes;
}

std::size_t release_if_uploaded(ProjectedMesh& mesh, const GpuMeshCache& gpu) {
    if (!gpu.holds(mesh)) return 0;
    return release(mesh.fill_xy) + release(mesh.fill_indices) + release(mesh.outline);
}

void restore(ProjectedMesh& mesh, const LayerMesh& lon_lat, const Projection& projection) {
    if (!vertices_released(mesh)) return;
    const std::uint64_t stamp = mesh.stamp;
    mesh = project_mesh(lon_lat, projection);
    mesh.stamp = stamp;
}

}  // namespace

bool vertices_released(const ProjectedMesh& mesh) {
    if (!mesh.fill_indices.empty() || !mesh.outline.empty()) return false;
    for (const ProjectedRange& r : mesh.ranges)
        if (r.index_count > 0 || r.outline_count > 0) return true;
    return false;
}

std::size_t release_uploaded_vertices(MapScene& scene, const GpuMeshCache& gpu) {
    std::size_t freed = 0;
    for (SceneLayer& layer : scene.overlays) {
        // Layers not projected by the scene's projection (a load landing as the projection changes) are left alone:
        // restore could not give the same arrays back.
        if (!layer.projected_with || layer.projected_with->proj_string() != scene.projection.proj_string()) continue;
        freed += release_if_uploaded(layer.projected, gpu);
        for (LayerDetail& level : layer.coarser) freed += release_if_uploaded(level.projected, gpu);
    }
    return freed;
}

void restore_released_vertices(MapScene& scene) {
    for (SceneLayer& layer : scene.overlays) {
        if (!layer.projected_with) continue;
        restore(layer.projected, layer.data.mesh, *layer.projected_with);
        for (LayerDetail& level : layer.coarser) restore(level.projected, level.mesh, *layer.projected_with);
    }
}

}  // namespace em
