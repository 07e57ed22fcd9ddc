#include "render/uploaded_vertices.hpp"

#include <algorithm>

#include "core/release_storage.hpp"

namespace em {

namespace {

// Lets go of the arrays whose part the GPU holds already: while a level of 200 MB is uploaded a slice a frame,
// its fill vertices go once they are in, then its indices, then its outline, so that the level is not held
// whole twice (here and in llvmpipe's copy) until its last slice.
std::size_t release_if_uploaded(ProjectedMesh& mesh, const GpuMeshCache& gpu) {
    const int parts = gpu.parts_on_gpu(mesh);
    std::size_t freed = 0;
    if (parts >= 1) freed += release_storage(mesh.fill_xy);
    // The places of the triangles stay (a third of the indices' size): with them the level is parked, not only
    // released, and can be uploaded again from its lon/lat mesh once the view left it and its copy was dropped.
    if (parts >= 2) freed += release_storage(mesh.fill_indices);
    if (parts >= 3) freed += release_storage(mesh.outline);
    return freed;
}

void restore(ProjectedMesh& mesh, const LayerMesh& lon_lat, const Projection& projection) {
    if (!vertices_released(mesh)) return;
    const std::uint64_t stamp = mesh.stamp;
    mesh = project_mesh(lon_lat, projection);
    mesh.stamp = stamp;
}

}  // namespace

bool vertices_released(const ProjectedMesh& mesh) { return arrays_released(mesh); }

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

namespace {

// A user layer whose finer levels may be parked: it has coarser levels and is projected in the scene's projection.
bool has_parkable_levels(const SceneLayer& layer, const Projection& projection) {
    return !layer.coarser.empty() && layer.projected_with &&
           layer.projected_with->proj_string() == projection.proj_string();
}

// The level's mesh: index into coarser, or -1 for the full detail.
ProjectedMesh& level_mesh(SceneLayer& layer, int index) {
    return index < 0 ? layer.projected : layer.coarser[static_cast<std::size_t>(index)].projected;
}

}  // namespace

std::size_t park_unwanted_levels(MapScene& scene, GpuMeshCache& gpu, double metres_per_pixel) {
    std::size_t freed = 0;
    for (SceneLayer& layer : scene.overlays) {
        if (!has_parkable_levels(layer, scene.projection)) continue;
        const int wanted = layer.style.visible ? layer.detail_for(metres_per_pixel) : -2;
        for (int index = -1; index < static_cast<int>(layer.coarser.size()); ++index) {
            if (index == 0 || index == wanted) continue;  // the coarsest stays: the stand-in
            ProjectedMesh& mesh = level_mesh(layer, index);
            freed += gpu.cancel_parked_upload(mesh);
            // A parked level's GPU copy goes too (llvmpipe's copy is process memory: zooming into land10m held the
            // 0.008-degree level's ~70 MB beside the full detail's); it can be uploaded again from its lon/lat mesh.
            if (gpu.holds(mesh) && vertices_parked(mesh)) freed += gpu.drop(mesh);
            if (arrays_released(mesh) || gpu.holds(mesh) || gpu.uploading(mesh)) continue;
            freed += park_vertices(mesh);
        }
    }
    return freed;
}

}  // namespace em
