#include "render/layer_work.hpp"

#include "render/draw_ranges.hpp"

namespace em {

namespace {

// What draw_fills and draw_outlines count for one layer (the classes and focus draws over them are not counted
// there either: they repeat features already counted).
std::size_t layer_work(const SceneLayer& layer, const LayerStyle& style, const Camera& camera, const BBox& cull) {
    if (!style.visible) return 0;
    const ProjectedMesh& projected = layer.drawable(camera.metres_per_pixel_x());
    std::size_t work = 0;
    if (style.fill_enabled)
        for (const DrawRange& r : visible_ranges(projected, cull, RangePart::kFill)) work += r.count / 3;
    for (const DrawRange& r : visible_ranges(projected, cull, RangePart::kOutline)) work += r.count > 0 ? r.count - 1 : 0;
    return work;
}

}  // namespace

std::size_t layers_work(const SceneRef& scene, const MapStyle& style, const Camera& camera, double lod_bias,
                        const BBox& cull) {
    std::size_t work = 0;
    if (const SceneLayer* base = scene.base_for(camera.metres_per_pixel_x() * lod_bias))
        work += layer_work(*base, style.base, camera, cull);
    if (style.show_graticule && scene.graticule) work += layer_work(*scene.graticule, style.graticule, camera, cull);
    for (const SceneLayer* layer : scene.overlays) work += layer_work(*layer, layer->style, camera, cull);
    return work;
}

}  // namespace em
