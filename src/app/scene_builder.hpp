#pragma once

#include <string>
#include <vector>

#include "app/data_paths.hpp"
#include "core/result.hpp"
#include "geo/layer_cache.hpp"
#include "render/map_scene.hpp"

namespace em {

// The Natural Earth scales shipped in data/, with the coarsest metres-per-pixel each is drawn from.
struct BaseScale {
    std::string name;  // "10m", "50m", "110m"
    double min_metres_per_pixel;
};
const std::vector<BaseScale>& base_scales();

// The scale to draw at this resolution.
std::string base_scale_for(double metres_per_pixel);

// Loads one base-map scale as a scene layer (through the cache), projected with the scene's projection.
Result<SceneLayer> load_base_layer(const DataPaths& paths, const std::string& scale, const Projection& projection,
                                   const LayerCache* cache, bool* from_cache = nullptr);

// Loads every layer of a user's vector file as overlays (through the cache), styled by geometry.
Result<std::vector<SceneLayer>> load_overlay_layers(const std::string& path, const Projection& projection,
                                                    const LayerCache* cache, std::vector<std::string>* warnings);

// A default style for a user layer, by geometry kind and its position in the list (for distinct colours).
LayerStyle default_overlay_style(GeometryKind kind, std::size_t index);

}  // namespace em
