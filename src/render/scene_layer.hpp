#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/prepared_layer.hpp"
#include "geo/projected_mesh.hpp"
#include "render/gpu_mesh.hpp"
#include "render/classification.hpp"
#include "render/map_style.hpp"

namespace em {

// A coarser copy of a layer's geometry (simplified keeping shared borders shared) for small scales, so that a
// heavy layer zoomed out does not push millions of sub-pixel triangles through the rasteriser.
struct LayerDetail {
    double min_metres_per_pixel = 0;  // drawn from this scale up (the tolerance is then about half a pixel)
    double tolerance_degrees = 0;
    LayerMesh mesh;  // same features in the same order as the layer's own mesh
    ProjectedMesh projected;
    std::optional<GpuMesh> gpu;
};

// What to draw at one scale: a projected mesh and its GPU buffers.
struct LayerDrawable {
    const ProjectedMesh& projected;
    const GpuMesh& gpu;
};

// One vector layer of the scene: its prepared data, its projection for the current projection, and (once
// uploaded on the GL thread) its GPU buffers.
struct SceneLayer {
    std::string title;  // shown in the layers panel
    PreparedLayer data;
    ProjectedMesh projected;
    std::optional<GpuMesh> gpu;  // empty until uploaded or after reprojection
    LayerStyle style;
    std::vector<bool> highlight;  // per feature: drawn with the focus style (empty: none)
    Classification classes;       // colours by style.color_field (recomputed when the field changes)
    std::vector<LayerDetail> coarser;  // levels of detail for small scales, coarsest first (often none)

    std::optional<Projection> projected_with;  // the projection `projected` was made with
    // Non-zero while this is a coarse preview shown as the file loads: the id of that load, whose result replaces
    // it (keeping its style).
    std::uint64_t preview_of_load = 0;

    // Recomputes projected and drops GPU buffers so they are uploaded again.
    void reproject(const Projection& projection) {
        projected = project_mesh(data.mesh, projection);
        for (auto& level : coarser) {
            level.projected = project_mesh(level.mesh, projection);
            level.gpu.reset();
        }
        projected_with = projection;
        gpu.reset();
    }
    // Reprojects only if the layer was projected differently (or never).
    void ensure_projection(const Projection& projection) {
        if (!projected_with || projected_with->proj_string() != projection.proj_string()) reproject(projection);
    }
    // Uploads if needed (GL thread).
    const GpuMesh& ensure_gpu() {
        if (!gpu) gpu = upload_mesh(projected);
        return *gpu;
    }
    // The geometry to draw at metres_per_pixel (the camera's): the coarsest level allowed there, else the full
    // mesh; uploaded if needed (GL thread).
    LayerDrawable drawable(double metres_per_pixel) {
        const int i = detail_for(metres_per_pixel);
        if (i < 0) return {projected, ensure_gpu()};
        LayerDetail& level = coarser[static_cast<std::size_t>(i)];
        if (!level.gpu) level.gpu = upload_mesh(level.projected);
        return {level.projected, *level.gpu};
    }
    // Index into coarser of the level drawn at metres_per_pixel, or -1 for the full mesh.
    int detail_for(double metres_per_pixel) const {
        for (std::size_t i = 0; i < coarser.size(); ++i)
            if (metres_per_pixel >= coarser[i].min_metres_per_pixel) return static_cast<int>(i);
        return -1;
    }
};

}  // namespace em
