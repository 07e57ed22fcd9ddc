#pragma once

#include <string>
#include <vector>

#include "app/data_paths.hpp"
#include "app/overlay_layers.hpp"
#include "core/result.hpp"
#include "geo/layer_cache.hpp"
#include "render/map_scene.hpp"

namespace em {

// One level of detail of the base map: a Natural Earth scale shipped in data/, simplified (keeping shared
// borders shared) to about half a pixel at the finest resolution it is drawn at.
struct BaseScale {
    std::string name;            // "110m", "50m", "10m-900m", "10m-220m", "10m"
    std::string dataset;         // "110m", "50m", "10m"
    double simplify_degrees;     // 0: as published
    double min_metres_per_pixel;  // drawn from this resolution up (coarser)
};
const std::vector<BaseScale>& base_scales();

// The level to draw at this resolution (metres per pixel).
const BaseScale& base_scale_for(double metres_per_pixel);

// The level with this name, or nullptr.
const BaseScale* find_base_scale(const std::string& name);

// Loads one base-map level as a scene layer (through the cache), projected with the given projection.
Result<SceneLayer> load_base_layer(const DataPaths& paths, const BaseScale& scale, const Projection& projection,
                                   const LayerCache* cache, bool* from_cache = nullptr);

}  // namespace em
