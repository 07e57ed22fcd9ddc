#include "render/map_renderer.hpp"

#include <algorithm>
#include <cmath>

namespace em {

void set_map_blend_state() {
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

Result<MapRenderer> MapRenderer::create(const std::string& font_path) {
    auto fill = FillRenderer::create();
    if (!fill) return fill.error();
    auto line = LineRenderer::create();
    if (!line) return line.error();
    auto marker = MarkerRenderer::create();
    if (!marker) return marker.error();
    auto text = TextRenderer::create();
    if (!text) return text.error();
    auto font = FontAtlas::load(font_path);
    if (!font) return font.error();
    MapRenderer r;
    r.fill_ = std::move(fill).value();
    r.line_ = std::move(line).value();
    r.marker_ = std::move(marker).value();
    r.text_ = std::move(text).value();
    r.font_ = std::move(font).value();
    return r;
}

void MapRenderer::draw_layer(SceneLayer& layer, const LayerStyle& style, const Camera& camera, float pixel_scale,
                             DrawStats& stats, const std::vector<bool>* highlight, const Color* focus_fill,
                             const Color* focus_outline) {
    if (!style.visible) return;
    const GpuMesh& gpu = layer.ensure_gpu();
    const BBox view = camera.visible();
    const auto& ranges = layer.projected.ranges;
    if (style.fill_enabled) {
        auto fills = visible_ranges(ranges, view, RangePart::kFill);
        for (const auto& r : fills) stats.triangles += r.count / 3;
        fill_.draw(gpu, fills, style.fill, style.opacity, camera);
        if (highlight && focus_fill) fill_.draw(gpu, visible_ranges(ranges, view, RangePart::kFill, highlight),
                                                *focus_fill, style.opacity, camera);
    }
    auto outlines = visible_ranges(ranges, view, RangePart::kOutline);
    for (const auto& r : outlines) stats.segments += r.count > 0 ? r.count - 1 : 0;
    line_.draw(gpu, outlines, style.outline, style.outline_width * pixel_scale, style.opacity, camera);
    if (highlight && focus_outline) {
        line_.draw(gpu, visible_ranges(ranges, view, RangePart::kOutline, highlight), *focus_outline,
                   style.outline_width * pixel_scale * 1.3f, style.opacity, camera);
    }
    if (gpu.point_count > 0) {
        MarkerStyle m = style.marker;
        m.radius *= pixel_scale;
        m.stroke_width *= pixel_scale;
        marker_.draw(gpu.point_vao, 0, gpu.point_count, m, style.opacity, camera);
    }
}

DrawStats MapRenderer::draw_layers(MapScene& scene, const MapStyle& style, const Camera& camera, float pixel_scale,
                                   double lod_bias) {
    DrawStats stats;
    set_map_blend_state();
    if (BaseLevel* level = scene.base_for(camera.metres_per_pixel_x() * lod_bias)) {
        stats.base_level = level->layer.title;
        if (level->layer.highlight.empty()) scene.mark_focus(level->layer);
        draw_layer(level->layer, style.base, camera, pixel_scale, stats, &level->layer.highlight, &style.focus_fill,
                   &style.focus_outline);
    }
    if (style.show_graticule) {
        LayerStyle g = style.graticule;
        g.fill_enabled = false;
        draw_layer(scene.graticule, g, camera, pixel_scale, stats);
    }
    for (auto& layer : scene.overlays) draw_layer(layer, layer.style, camera, pixel_scale, stats);
    return stats;
}

DrawStats MapRenderer::draw_labels(MapScene& scene, const MapStyle& style, const Camera& camera, float pixel_scale,
                                   double lod_bias) {
    DrawStats stats;
    set_map_blend_state();
    std::vector<LabelRequest> requests;
    std::vector<float> capital_xy;
    if (style.show_capitals) {
        for (const auto& c : scene.capitals) {
            if (!c.projected) continue;
            const XY s = camera.to_screen(*c.projected);
            if (s.x < 0 || s.y < 0 || s.x > camera.width() || s.y > camera.height()) continue;
            capital_xy.push_back(static_cast<float>(c.projected->x));
            capital_xy.push_back(static_cast<float>(c.projected->y));
            if (!style.show_capital_labels) continue;
            LabelRequest r;
            r.text = c.name;
            r.anchor = s;
            r.size = style.capital_label_size * pixel_scale;
            r.priority = scene.focus_countries.count(c.iso_a3) ? 300 : 200;
            r.beside_point = true;
            r.point_radius = style.capital.radius * pixel_scale;
            r.color = style.capital_label_color;
            requests.push_back(std::move(r));
        }
    }
    BaseLevel* level = scene.base_for(camera.metres_per_pixel_x() * lod_bias);
    if (style.show_country_labels && level) {
        const PreparedLayer& data = level->layer.data;
        const int name_field = data.field_index("name");
        const int iso_field = data.field_index("iso_a3");
        for (size_t i = 0; i < data.values.size() && name_field >= 0; ++i) {
            const GeoPoint anchor = data.label_points[i];
            if (std::isnan(anchor.lon)) continue;
            const auto xy = scene.projection.forward(anchor);
            if (!xy) continue;
            const XY s = camera.to_screen(*xy);
            if (s.x < 0 || s.y < 0 || s.x > camera.width() || s.y > camera.height()) continue;
            const bool focus = scene.focus_countries.count(data.value(i, iso_field)) > 0;
            const std::string& name = data.value(i, name_field);
            if (name.empty()) continue;
            // Only label countries wide enough on screen to carry a good part of their name.
            const BBox& box = level->layer.projected.ranges[i].bbox;
            const double screen_width = box.width() / camera.metres_per_pixel_x();
            const float size = (focus ? style.focus_label_size : style.country_label_size) * pixel_scale;
            font_.ensure(name);
            if (!focus && screen_width < font_.measure(name, size) * 0.7) continue;
            LabelRequest r;
            r.text = name;
            r.anchor = s;
            r.size = size;
            // Focus countries first, then bigger countries before smaller ones.
            r.priority = (focus ? 250 : 0) + static_cast<int>(std::min(99.0, std::log2(1.0 + screen_width) * 8));
            r.color = focus ? style.focus_label_color : style.country_label_color;
            requests.push_back(std::move(r));
        }
    }
    for (const auto& r : requests) font_.ensure(r.text);
    auto placed = place_labels(std::move(requests), font_, camera.width(), camera.height(), 2.0f * pixel_scale);
    stats.labels = placed.size();
    if (!capital_xy.empty()) {
        MarkerStyle m = style.capital;
        m.radius *= pixel_scale;
        m.stroke_width *= pixel_scale;
        marker_.draw(capital_xy, m, 1.0f, camera);
    }
    TextStyle ts = style.text;
    ts.halo_width *= pixel_scale;
    text_.draw(placed, font_, ts, camera.width(), camera.height(), camera.flip_y());
    return stats;
}

DrawStats MapRenderer::draw(MapScene& scene, const MapStyle& style, const Camera& camera, float pixel_scale,
                            double lod_bias) {
    glViewport(0, 0, camera.width(), camera.height());
    glClearColor(style.ocean.r, style.ocean.g, style.ocean.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    DrawStats stats = draw_layers(scene, style, camera, pixel_scale, lod_bias);
    DrawStats labels = draw_labels(scene, style, camera, pixel_scale, lod_bias);
    stats.labels = labels.labels;
    return stats;
}

}  // namespace em
