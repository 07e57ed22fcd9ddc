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

void MapScene::mark_focus(SceneLayer& layer) const {
    const int field = layer.data.field_index("iso_a3");
    layer.highlight.assign(layer.data.values.size(), false);
    if (field < 0) return;
    for (size_t i = 0; i < layer.data.values.size(); ++i)
        layer.highlight[i] = focus_countries.count(layer.data.value(i, field)) > 0;
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
