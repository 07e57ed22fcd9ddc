#include "app/scene_builder.hpp"

#include <filesystem>
#include <optional>

#include "geo/vector_loader.hpp"

namespace em {

const std::vector<BaseScale>& base_scales() {
    // Natural Earth's own guidance: 1:110m for world views, 1:50m for continents; 1:10m below that, simplified
    // to about half a pixel so that a 4K export does not push 500k sub-pixel triangles through the rasteriser.
    // 0.008 deg is about 900 m, half a pixel at 1800 m/px; 0.002 deg about 220 m, half a pixel at 450 m/px.
    static const std::vector<BaseScale> scales = {{"110m", "110m", 0.0, 12000.0},
                                                  {"50m", "50m", 0.0, 3500.0},
                                                  {"10m-900m", "10m", 0.008, 1800.0},
                                                  {"10m-220m", "10m", 0.002, 450.0},
                                                  {"10m", "10m", 0.0, 0.0}};
    return scales;
}

const BaseScale& base_scale_for(double mpp) {
    for (const auto& s : base_scales())
        if (mpp >= s.min_metres_per_pixel) return s;
    return base_scales().back();
}

const BaseScale* find_base_scale(const std::string& name) {
    for (const auto& s : base_scales())
        if (s.name == name) return &s;
    return nullptr;
}

Result<SceneLayer> load_base_layer(const DataPaths& paths, const BaseScale& scale, const Projection& projection,
                                   const LayerCache* cache, bool* from_cache) {
    const std::string path = paths.base_map(scale.dataset).string();
    PrepareOptions options;
    options.simplify_degrees = scale.simplify_degrees;
    auto layers = load_prepared_source(path, options, cache, from_cache);
    if (!layers) return layers.error();
    if (layers->empty()) return Error{path + ": no layers"};
    SceneLayer layer;
    layer.title = "Countries (Natural Earth 1:" + scale.dataset + ")";
    if (scale.simplify_degrees > 0) layer.title += " simplified " + std::to_string(scale.simplify_degrees).substr(0, 5) + " deg";
    layer.data = std::move(layers->front());
    layer.reproject(projection);
    return layer;
}

}  // namespace em
