#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "geo/prepared_layer.hpp"
#include "geo/projected_mesh.hpp"
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
};

// One vector layer of the scene: its prepared data, its projection for the current projection, its style and
// what is derived from the style. CPU data only: the renderer keeps the GPU copies (render/gpu_mesh_cache).
struct SceneLayer {
    std::string title;  // shown in the layers panel
    PreparedLayer data;
    ProjectedMesh projected;
    LayerStyle style;
    std::vector<bool> highlight;  // per feature: drawn with the focus style (empty: none)
    Classification classes;       // colours by style.color_field (refresh_classes after the field changes)
    std::vector<LayerDetail> coarser;  // levels of detail for small scales, coarsest first (often none)

    std::optional<Projection> projected_with;  // the projection `projected` was made with
    // Non-zero while this is a coarse preview shown as the file loads: the id of that load, whose result replaces
    // it (keeping its style).
    std::uint64_t preview_of_load = 0;

    // Recomputes projected (new stamps: the renderer uploads the new meshes and sweeps the old ones).
    void reproject(const Projection& projection) {
        projected = project_mesh(data.mesh, projection);
        for (auto& level : coarser) level.projected = project_mesh(level.mesh, projection);
        projected_with = projection;
    }
    // Reprojects only if the layer was projected differently (or never).
    void ensure_projection(const Projection& projection) {
        if (!projected_with || projected_with->proj_string() != projection.proj_string()) reproject(projection);
    }
    // Highlights the features whose iso_a3 is in the set (the focus countries of a base layer).
    void mark_countries(const std::set<std::string>& iso_a3) {
        const int field = data.field_index("iso_a3");
        highlight.assign(data.values.size(), false);
        if (field < 0) return;
        for (std::size_t i = 0; i < data.values.size(); ++i) highlight[i] = iso_a3.count(data.value(i, field)) > 0;
    }
    // Classifies the features by style.color_field if the classes are of another field (or none yet).
    void refresh_classes() {
        // The size check catches a preview replaced by the full layer under the same style.
        if (classes.field != style.color_field ||
            (!style.color_field.empty() && classes.class_of.size() != data.values.size()))
            classes = classify(data, style.color_field);
    }
    // The geometry to draw at metres_per_pixel (the camera's): the coarsest level allowed there, else the full
    // mesh.
    const ProjectedMesh& drawable(double metres_per_pixel) const {
        const int i = detail_for(metres_per_pixel);
        return i < 0 ? projected : coarser[static_cast<std::size_t>(i)].projected;
    }
    // Index into coarser of the level drawn at metres_per_pixel, or -1 for the full mesh.
    int detail_for(double metres_per_pixel) const {
        for (std::size_t i = 0; i < coarser.size(); ++i)
            if (metres_per_pixel >= coarser[i].min_metres_per_pixel) return static_cast<int>(i);
        return -1;
    }
};

}  // namespace em
