#include "render/map_renderer.hpp"

#include <algorithm>
#include <cmath>

#include "render/actor_style.hpp"

namespace em {

namespace {
const std::vector<CapitalPoint>& capitals_of(const SceneRef& scene) {
    static const std::vector<CapitalPoint> none;
    return scene.capitals ? *scene.capitals : none;
}
}  // namespace

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

void MapRenderer::draw_fills(const SceneLayer& layer, const LayerStyle& style, const Camera& camera,
                             DrawStats& stats) {
    if (!style.visible || !style.fill_enabled) return;
    const ProjectedMesh& projected = layer.drawable(camera.metres_per_pixel_x());
    const GpuMesh& gpu = gpu_.get(projected);
    // Translucent: one run per feature, so that overlapping features still show darker (see FillRenderer).
    const bool translucent = style.fill.a * style.opacity < 1.0f;
    auto fills = visible_ranges(projected.ranges, camera.visible(), RangePart::kFill, nullptr, !translucent);
    for (const auto& r : fills) stats.triangles += r.count / 3;
    fill_.draw(gpu, fills, style.fill, style.opacity, camera);
    // The classes come from the scene (SceneLayer::refresh_classes); classes of another field are stale and not
    // drawn.
    if (style.color_field.empty() || layer.classes.field != style.color_field) return;
    // One draw per class over the features of that class.
    const float alpha = style.fill.a;
    for (size_t k = 0; k < layer.classes.colors.size(); ++k) {
        std::vector<bool> mask(layer.classes.class_of.size());
        for (size_t i = 0; i < mask.size(); ++i) mask[i] = layer.classes.class_of[i] == static_cast<int>(k);
        const Color color = layer.classes.colors[k].with_alpha(std::max(alpha, 0.75f));
        fill_.draw(gpu,
                   visible_ranges(projected.ranges, camera.visible(), RangePart::kFill, &mask,
                                  color.a * style.opacity >= 1.0f),
                   color, style.opacity, camera);
    }
}

void MapRenderer::draw_outlines(const SceneLayer& layer, const LayerStyle& style, const Camera& camera,
                                float pixel_scale, DrawStats& stats) {
    if (!style.visible) return;
    const ProjectedMesh& projected = layer.drawable(camera.metres_per_pixel_x());
    auto outlines = visible_ranges(projected.ranges, camera.visible(), RangePart::kOutline);
    for (const auto& r : outlines) stats.segments += r.count > 0 ? r.count - 1 : 0;
    line_.draw(gpu_.get(projected), outlines, style.outline, style.outline_width * pixel_scale, style.opacity, camera);
}

void MapRenderer::draw_points(const SceneLayer& layer, const LayerStyle& style, const Camera& camera,
                              float pixel_scale) {
    // A layer without points must not upload its full-detail mesh here: zoomed out, only a coarser level is drawn,
    // and uploading the finest of an 8M-vertex layer stalled the window for seconds.
    if (!style.visible || layer.projected.points_xy.empty()) return;
    const GpuMesh& gpu = gpu_.get(layer.projected);
    if (gpu.point_count == 0) return;
    MarkerStyle m = style.marker;
    m.radius *= pixel_scale;
    m.stroke_width *= pixel_scale;
    marker_.draw(gpu.point_vao, 0, gpu.point_count, m, style.opacity, camera);
}

void MapRenderer::draw_presence_tints(const SceneRef& scene, const SceneLayer& base, const Camera& camera) {
    if (!scene.events) return;
    const int iso = base.data.field_index("iso_a3");
    if (iso < 0) return;
    const GpuMesh& gpu = gpu_.get(base.projected);
    for (const CountryPresence& cp : scene.events->presence) {
        // One party: tint the country in its colour; several: the badges tell, the tint would mislead.
        if (cp.parties.size() != 1) continue;
        std::vector<bool> mask(base.data.values.size(), false);
        for (size_t i = 0; i < mask.size(); ++i) mask[i] = base.data.value(i, iso) == cp.country;
        fill_.draw(gpu, visible_ranges(base.projected.ranges, camera.visible(), RangePart::kFill, &mask),
                   party_color(cp.parties.front()), 0.22f, camera);
    }
}

void MapRenderer::draw_events(const SceneRef& scene, const Camera& camera, float pixel_scale) {
    if (!scene.events) return;
    const EventOverlay& overlay = *scene.events;
    const GpuMesh& arcs = gpu_.get(overlay.arcs.projected);
    const auto& ranges = overlay.arcs.projected.ranges;
    // Links: white casing under the colour so they read over fills and each other.
    for (size_t i = 0; i < overlay.links.size() && i < ranges.size(); ++i) {
        const EventLink& link = overlay.links[i];
        const std::vector<DrawRange> r{{ranges[i].first_outline, ranges[i].outline_count}};
        const float width = link.width * pixel_scale;
        line_.draw(arcs, r, Color::hex(0xFFFFFF), width + 2.0f * pixel_scale, 0.7f * link.opacity, camera);
        line_.draw(arcs, r, link.color, width, link.opacity, camera, link.call ? 4.0f * pixel_scale : 0.0f);
    }
    // Arrowheads at the host end, pointing along the arc's last stretch.
    ProjectedMesh heads;
    std::vector<std::pair<Color, float>> head_styles;
    const auto& mesh = overlay.arcs.data.mesh;
    for (size_t i = 0; i < overlay.links.size() && i < mesh.ranges.size(); ++i) {
        const FeatureRange& r = mesh.ranges[i];
        if (r.outline_count < 2) continue;
        const EventLink& link = overlay.links[i];
        const GeoPoint to = link.events.back()->to.position;
        // The stretch of the arc that ends at `to` (the arc may be cut at the antimeridian).
        std::optional<XY> tip, before;
        for (std::uint32_t k = r.first_outline + 1; k < r.first_outline + r.outline_count; ++k) {
            if (mesh.outline_points[k] == to) {
                tip = scene.projection->forward(mesh.outline_points[k]);
                before = scene.projection->forward(mesh.outline_points[k - 1]);
            }
        }
        if (!tip || !before) continue;
        const XY s_tip = camera.to_screen(*tip), s_before = camera.to_screen(*before);
        double dx = s_tip.x - s_before.x, dy = s_tip.y - s_before.y;
        const double len = std::hypot(dx, dy);
        if (len < 1e-6) continue;
        dx /= len, dy /= len;
        const double size = (6.0 + link.width) * pixel_scale;
        // Stop short of the place marker so the head does not hide the capital.
        const XY p0{s_tip.x - dx * 3.0 * pixel_scale, s_tip.y - dy * 3.0 * pixel_scale};
        const XY base{p0.x - dx * size, p0.y - dy * size};
        const XY left{base.x - dy * size * 0.5, base.y + dx * size * 0.5};
        const XY right{base.x + dy * size * 0.5, base.y - dx * size * 0.5};
        ProjectedRange pr;
        pr.first_index = static_cast<std::uint32_t>(heads.fill_indices.size());
        for (const XY& s : {p0, left, right}) {
            const XY w = camera.to_world(s);
            heads.fill_indices.push_back(static_cast<std::uint32_t>(heads.fill_xy.size() / 2));
            heads.fill_xy.push_back(static_cast<float>(w.x));
            heads.fill_xy.push_back(static_cast<float>(w.y));
        }
        pr.index_count = 3;
        pr.bbox = camera.visible();
        heads.ranges.push_back(pr);
        head_styles.push_back({link.color, link.opacity});
    }
    if (!heads.ranges.empty()) {
        arrow_mesh_ = upload_mesh(heads);
        for (size_t i = 0; i < heads.ranges.size(); ++i)
            fill_.draw(arrow_mesh_, {{heads.ranges[i].first_index, 3}}, head_styles[i].first, head_styles[i].second,
                       camera);
    }
    // Places the events name that are not capitals (the capitals have their own markers).
    std::vector<float> dots;
    for (const auto& place : overlay.places) {
        bool capital = false;
        for (const auto& c : capitals_of(scene)) capital = capital || c.name == place.name;
        if (capital) continue;
        if (auto xy = scene.projection->forward(place.position)) {
            dots.push_back(static_cast<float>(xy->x));
            dots.push_back(static_cast<float>(xy->y));
        }
    }
    MarkerStyle dot{2.2f * pixel_scale, 1.0f * pixel_scale, Color::hex(0x3A3A3A), Color::hex(0xFFFFFF)};
    marker_.draw(dots, dot, 1.0f, camera);
    // Troop markers, fanned out at shared places.
    for (const TroopMarker& m : overlay.markers) {
        const XY s = marker_screen_position(m, *scene.projection, camera, pixel_scale);
        const XY w = camera.to_world(s);
        MarkerStyle style = m.style;
        style.radius *= pixel_scale;
        style.stroke_width *= pixel_scale;
        marker_.draw({static_cast<float>(w.x), static_cast<float>(w.y)}, style, m.opacity, camera);
    }
}

DrawStats MapRenderer::draw_layers(const SceneRef& scene, const MapStyle& style, const Camera& camera, float pixel_scale,
                                   double lod_bias) {
    DrawStats stats;
    set_map_blend_state();
    fill_.begin_pass();
    if (const SceneLayer* level = scene.base_for(camera.metres_per_pixel_x() * lod_bias)) {
        const SceneLayer& base = *level;
        stats.base_level = base.title;
        draw_fills(base, style.base, camera, stats);
        // Focus countries (base.highlight, set by MapScene::refresh_derived) in the focus style.
        if (style.base.visible && style.base.fill_enabled)
            fill_.draw(gpu_.get(base.projected),
                       visible_ranges(base.projected.ranges, camera.visible(), RangePart::kFill, &base.highlight),
                       style.focus_fill, style.base.opacity, camera);
        draw_presence_tints(scene, base, camera);
        draw_outlines(base, style.base, camera, pixel_scale, stats);
        if (style.base.visible)
            line_.draw(gpu_.get(base.projected),
                       visible_ranges(base.projected.ranges, camera.visible(), RangePart::kOutline, &base.highlight),
                       style.focus_outline, style.base.outline_width * pixel_scale * 1.3f, style.base.opacity,
                       camera);
    }
    if (style.show_graticule && scene.graticule)
        draw_outlines(*scene.graticule, style.graticule, camera, pixel_scale, stats);
    for (const SceneLayer* layer : scene.overlays) {
        draw_fills(*layer, layer->style, camera, stats);
        draw_outlines(*layer, layer->style, camera, pixel_scale, stats);
        draw_points(*layer, layer->style, camera, pixel_scale);
    }
    return stats;
}

std::vector<LabelRequest> MapRenderer::event_labels(const SceneRef& scene, const MapStyle& style, const Camera& camera,
                                                    float pixel_scale) {
    std::vector<LabelRequest> out;
    if (!scene.events) return out;
    const EventOverlay& overlay = *scene.events;
    // Link counts at the middle of aggregated links.
    const auto& mesh = overlay.arcs.data.mesh;
    for (size_t i = 0; i < overlay.links.size() && i < mesh.ranges.size(); ++i) {
        const EventLink& link = overlay.links[i];
        if (link.events.size() < 2) continue;
        const FeatureRange& r = mesh.ranges[i];
        const auto mid = scene.projection->forward(mesh.outline_points[r.first_outline + r.outline_count / 2]);
        if (!mid) continue;
        LabelRequest req;
        req.text = std::string("\xc3\x97") + std::to_string(link.events.size());
        req.anchor = camera.to_screen(*mid);
        req.size = style.capital_label_size * pixel_scale;
        req.priority = 400;
        req.color = link.color;
        out.push_back(std::move(req));
    }
    // Names of the non-capital places the events name.
    for (const auto& place : overlay.places) {
        bool capital = false;
        for (const auto& c : capitals_of(scene)) capital = capital || c.name == place.name;
        const auto xy = scene.projection->forward(place.position);
        if (capital || !xy) continue;
        LabelRequest req;
        req.text = place.name;
        req.anchor = camera.to_screen(*xy);
        req.size = style.capital_label_size * pixel_scale;
        req.priority = 190;
        req.beside_point = true;
        req.point_radius = 2.2f * pixel_scale;
        req.color = style.capital_label_color;
        out.push_back(std::move(req));
    }
    // Presence badges under the country's label anchor: the parties present, in their colours.
    const SceneLayer* level = scene.base_for(camera.metres_per_pixel_x());
    if (!level) return out;
    const PreparedLayer& data = level->data;
    const int iso = data.field_index("iso_a3");
    for (const CountryPresence& cp : overlay.presence) {
        for (size_t i = 0; i < data.values.size(); ++i) {
            if (data.value(i, iso) != cp.country || std::isnan(data.label_points[i].lon)) continue;
            const auto xy = scene.projection->forward(data.label_points[i]);
            if (!xy) break;
            XY anchor = camera.to_screen(*xy);
            anchor.y += 15.0 * pixel_scale;  // below the country name
            const float size = 10.0f * pixel_scale;
            float total = 0;
            std::vector<std::string> codes;
            for (const auto& party : cp.parties) {
                codes.push_back(party_code(party));
                font_.ensure(codes.back());
                total += font_.measure(codes.back(), size) + 8.0f * pixel_scale;
            }
            double x = anchor.x - total / 2;
            for (size_t k = 0; k < cp.parties.size(); ++k) {
                const float w = font_.measure(codes[k], size);
                LabelRequest req;
                req.text = codes[k];
                req.anchor = {x + w / 2, anchor.y};
                req.size = size;
                req.priority = 350;
                req.color = party_color(cp.parties[k]);
                out.push_back(std::move(req));
                x += w + 8.0f * pixel_scale;
            }
            break;
        }
    }
    return out;
}

DrawStats MapRenderer::draw_labels(const SceneRef& scene, const MapStyle& style, const Camera& camera, float pixel_scale,
                                   double lod_bias, const Tile* tile) {
    DrawStats stats;
    set_map_blend_state();
    std::vector<LabelRequest> requests;
    std::vector<float> capital_xy;
    std::vector<std::array<float, 4>> obstacles;  // capital markers stay visible
    if (style.show_capitals) {
        for (const auto& c : capitals_of(scene)) {
            if (!c.projected) continue;
            const XY s = camera.to_screen(*c.projected);
            if (s.x < 0 || s.y < 0 || s.x > camera.width() || s.y > camera.height()) continue;
            capital_xy.push_back(static_cast<float>(c.projected->x));
            capital_xy.push_back(static_cast<float>(c.projected->y));
            const float half = (style.capital.radius + 1.0f) * pixel_scale;
            obstacles.push_back({static_cast<float>(s.x) - half, static_cast<float>(s.y) - half, static_cast<float>(s.x) + half,
                                 static_cast<float>(s.y) + half});
            if (!style.show_capital_labels) continue;
            LabelRequest r;
            r.text = c.name;
            r.anchor = s;
            r.size = style.capital_label_size * pixel_scale;
            r.priority = scene.is_focus(c.iso_a3) ? 300 : 200;
            r.beside_point = true;
            r.point_radius = style.capital.radius * pixel_scale;
            r.color = style.capital_label_color;
            requests.push_back(std::move(r));
        }
    }
    const SceneLayer* level = scene.base_for(camera.metres_per_pixel_x() * lod_bias);
    if (style.show_country_labels && level) {
        const PreparedLayer& data = level->data;
        const int name_field = data.field_index("name");
        const int iso_field = data.field_index("iso_a3");
        for (size_t i = 0; i < data.values.size() && name_field >= 0; ++i) {
            const GeoPoint anchor = data.label_points[i];
            if (std::isnan(anchor.lon)) continue;
            const auto xy = scene.projection->forward(anchor);
            if (!xy) continue;
            const XY s = camera.to_screen(*xy);
            if (s.x < 0 || s.y < 0 || s.x > camera.width() || s.y > camera.height()) continue;
            const bool focus = scene.is_focus(data.value(i, iso_field));
            const std::string& name = data.value(i, name_field);
            if (name.empty()) continue;
            // Only label countries wide enough on screen to carry a good part of their name.
            const BBox& box = level->projected.ranges[i].bbox;
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
    for (auto& r : event_labels(scene, style, camera, pixel_scale)) requests.push_back(std::move(r));
    // Labels of user layers from the attribute the user chose.
    for (const SceneLayer* overlay : scene.overlays) {
        const SceneLayer& layer = *overlay;
        const int field = layer.data.field_index(layer.style.label_field);
        if (!layer.style.visible || field < 0) continue;
        for (size_t i = 0; i < layer.data.values.size(); ++i) {
            const GeoPoint anchor = layer.data.label_points[i];
            if (std::isnan(anchor.lon) || layer.data.value(i, field).empty()) continue;
            const auto xy = scene.projection->forward(anchor);
            if (!xy) continue;
            const XY s = camera.to_screen(*xy);
            if (s.x < 0 || s.y < 0 || s.x > camera.width() || s.y > camera.height()) continue;
            LabelRequest r;
            r.text = layer.data.value(i, field);
            r.anchor = s;
            r.size = style.country_label_size * pixel_scale;
            r.priority = 150;
            r.beside_point = layer.data.kind == GeometryKind::kPoint;
            r.point_radius = layer.style.marker.radius * pixel_scale;
            r.color = Color::hex(0x333333);
            requests.push_back(std::move(r));
        }
    }
    for (const auto& r : requests) font_.ensure(r.text);
    auto placed = place_labels(std::move(requests), font_, camera.width(), camera.height(), 2.0f * pixel_scale,
                               obstacles);
    stats.labels = placed.size();
    const Camera view = tile ? camera.sub_view(tile->x0, tile->y0, tile->width, tile->height) : camera;
    if (!capital_xy.empty()) {
        MarkerStyle m = style.capital;
        m.radius *= pixel_scale;
        m.stroke_width *= pixel_scale;
        marker_.draw(capital_xy, m, 1.0f, view);
    }
    if (tile) {
        for (auto& p : placed) p.x -= static_cast<float>(tile->x0), p.y -= static_cast<float>(tile->y0);
    }
    TextStyle ts = style.text;
    ts.halo_width *= pixel_scale;
    text_.draw(placed, font_, ts, view.width(), view.height(), view.flip_y());
    return stats;
}

DrawStats MapRenderer::draw_overlays(const SceneRef& scene, const MapStyle& style, const Camera& camera,
                                     float pixel_scale, int viewport_x, int viewport_y) {
    set_map_blend_state();
    glViewport(viewport_x, viewport_y, camera.width(), camera.height());
    fill_.begin_pass();
    draw_events(scene, camera, pixel_scale);
    return draw_labels(scene, style, camera, pixel_scale, 1.0);
}

DrawStats MapRenderer::draw(const SceneRef& scene, const MapStyle& style, const Camera& camera, float pixel_scale,
                            double lod_bias, const Tile* tile) {
    const Camera view = tile ? camera.sub_view(tile->x0, tile->y0, tile->width, tile->height) : camera;
    glViewport(0, 0, view.width(), view.height());
    glClearColor(style.ocean.r, style.ocean.g, style.ocean.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    DrawStats stats = draw_layers(scene, style, view, pixel_scale, lod_bias);
    draw_events(scene, view, pixel_scale);
    DrawStats labels = draw_labels(scene, style, camera, pixel_scale, lod_bias, tile);
    stats.labels = labels.labels;
    return stats;
}

}  // namespace em
