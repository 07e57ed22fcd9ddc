#pragma once

#include <optional>
#include <string>
#include <vector>

#include "geo/prepared_layer.hpp"
#include "geo/projected_mesh.hpp"
#include "render/gpu_mesh.hpp"
#include "render/classification.hpp"
#include "render/map_style.hpp"

namespace em {

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

    std::optional<Projection> projected_with;  // the projection `projected` was made with

    // Recomputes projected and drops GPU buffers so they are uploaded again.
    void reproject(const Projection& projection) {
        projected = project_mesh(data.mesh, projection);
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
};

}  // namespace em
