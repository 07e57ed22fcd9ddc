#include "render/map_scene.hpp"

namespace em {

void MapScene::set_projection(const Projection& p) {
    projection = p;
    for (auto& level : base) level.layer.reproject(p);
    graticule.reproject(p);
    for (auto& layer : overlays) layer.reproject(p);
    for (auto& c : capitals) c.projected = p.forward(c.position);
    if (events) events->set_projection(p);
}

BaseLevel* MapScene::base_for(double mpp) {
    BaseLevel* best = nullptr;
    for (auto& level : base) {
        if (mpp >= level.min_metres_per_pixel &&
            (!best || level.min_metres_per_pixel > best->min_metres_per_pixel))
            best = &level;
    }
    if (!best) {
        for (auto& level : base)
            if (!best || level.min_metres_per_pixel < best->min_metres_per_pixel) best = &level;
    }
    return best;
}

void MapScene::mark_focus(SceneLayer& layer) const { layer.mark_countries(focus_countries); }

void MapScene::refresh_derived() {
    for (auto& level : base)
        if (level.layer.highlight.size() != level.layer.data.values.size()) mark_focus(level.layer);
    for (auto& layer : overlays) layer.refresh_classes();
}

SceneRef::SceneRef(const MapScene& scene)
    : projection(&scene.projection),
      graticule(&scene.graticule),
      capitals(&scene.capitals),
      focus_countries(&scene.focus_countries),
      events(scene.events ? &*scene.events : nullptr) {
    for (const auto& level : scene.base) base.push_back({level.min_metres_per_pixel, &level.layer});
    for (const auto& layer : scene.overlays) overlays.push_back(&layer);
}

const SceneLayer* SceneRef::base_for(double mpp) const {
    const Base* best = nullptr;
    for (const auto& level : base) {
        if (mpp >= level.min_metres_per_pixel && (!best || level.min_metres_per_pixel > best->min_metres_per_pixel))
            best = &level;
    }
    if (!best) {
        for (const auto& level : base)
            if (!best || level.min_metres_per_pixel < best->min_metres_per_pixel) best = &level;
    }
    return best ? best->layer : nullptr;
}

std::unordered_set<std::uint64_t> SceneRef::mesh_stamps() const {
    std::unordered_set<std::uint64_t> out;
    auto add = [&](const SceneLayer* layer) {
        if (!layer) return;
        out.insert(layer->projected.stamp);
        for (const auto& level : layer->coarser) out.insert(level.projected.stamp);
    };
    for (const auto& level : base) add(level.layer);
    add(graticule);
    for (const SceneLayer* layer : overlays) add(layer);
    if (events) add(&events->arcs);
    return out;
}

bool scene_needs_stencil(const SceneRef& scene) {
    if (!scene.projection || scene.projection->kind() != ProjectionKind::kEquirectangular) return true;
    const auto even_odd = [](const SceneLayer* layer) {
        if (!layer) return false;
        if (layer->projected.fill_even_odd) return true;
        for (const auto& level : layer->coarser)
            if (level.projected.fill_even_odd) return true;
        return false;
    };
    for (const auto& level : scene.base)
        if (even_odd(level.layer)) return true;
    for (const SceneLayer* layer : scene.overlays)
        if (even_odd(layer)) return true;
    return false;
}

void MapScene::set_capitals(const PlaceTable& places) {
    capitals.clear();
    for (const auto& p : places.places) {
        if (!p.is_capital) continue;
        capitals.push_back({p.name, p.iso_a3, p.position, projection.forward(p.position)});
    }
}

PreparedLayer make_graticule(double step) {
    VectorLayer layer;
    layer.source = "(graticule)";
    layer.name = "graticule";
    layer.kind = GeometryKind::kLine;
    for (double lon = -180.0; lon <= 180.0 + 1e-9; lon += step) {
        Feature f;
        f.lines.push_back({{lon, -90.0}, {lon, 90.0}});
        f.bbox = BBox::of(lon, -90, lon, 90);
        layer.features.push_back(std::move(f));
    }
    for (double lat = -90.0 + step; lat < 90.0 - 1e-9; lat += step) {
        Feature f;
        f.lines.push_back({{-180.0, lat}, {180.0, lat}});
        f.bbox = BBox::of(-180, lat, 180, lat);
        layer.features.push_back(std::move(f));
    }
    PrepareOptions options;
    options.threads = 1;
    return prepare_layer(layer, options);
}

}  // namespace em
