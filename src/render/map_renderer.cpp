#include "render/map_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "render/actor_style.hpp"
#include "render/event_marks.hpp"

namespace em {

void set_map_blend_state() {
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

Result<MapRenderer> MapRenderer::create(const std::string& font_path, const std::filesystem::path& glyph_cache_dir) {
    auto fill = FillRenderer::create();
    if (!fill) return fill.error();
    auto line = LineRenderer::create();
    if (!line) return line.error();
    auto marker = MarkerRenderer::create();
    if (!marker) return marker.error();
    auto bins = BinRenderer::create();
    if (!bins) return bins.error();
    auto dots = DotRenderer::create();
    if (!dots) return dots.error();
    auto text = TextRenderer::create();
    if (!text) return text.error();
    auto font = FontAtlas::load(font_path, FontAtlas::kBaseSize, glyph_cache_dir);
    if (!font) return font.error();
    MapRenderer r;
    r.fill_ = std::move(fill).value();
    r.line_ = std::move(line).value();
    r.marker_ = std::move(marker).value();
    r.bins_ = std::move(bins).value();
    r.dots_ = std::move(dots).value();
    r.text_ = std::move(text).value();
    r.font_ = std::move(font).value();
    return r;
}

namespace {

// Where the layer's level (its full mesh or one of its coarser ones) is projected from, for a parked level's
// upload (render/chunked_upload); none for a layer not projected yet.
std::optional<ParkedSource> source_of(const SceneLayer& layer, const ProjectedMesh& level) {
    if (!layer.projected_with) return std::nullopt;
    if (&level == &layer.projected) return ParkedSource{layer.data.mesh, *layer.projected_with};
    for (const LayerDetail& d : layer.coarser)
        if (&level == &d.projected) return ParkedSource{d.mesh, *layer.projected_with};
    return std::nullopt;
}

}  // namespace

const GpuMesh& MapRenderer::gpu_level(const SceneLayer& layer, const ProjectedMesh& level) {
    const auto source = source_of(layer, level);
    return gpu_.get(level, source ? &*source : nullptr);
}

const ProjectedMesh& MapRenderer::level_for(const SceneLayer& layer, double metres_per_pixel) {
    const ProjectedMesh& wanted = layer.drawable(metres_per_pixel);
    // A level the window parked (render/uploaded_vertices) is uploaded from its lon/lat mesh a share a frame, only
    // while staged: a stand-in is drawn meanwhile. One whose upload has begun is finished at once unstaged (get).
    const bool parked = arrays_released(wanted) && !gpu_.holds(wanted) && !gpu_.uploading(wanted);
    const auto source = source_of(layer, wanted);
    if (layer.coarser.empty() || (!staged_ && !parked) ||
        gpu_.upload_within_allowance(wanted, source ? &*source : nullptr))
        return wanted;
    // Levels are coarsest first; the full mesh comes after them.
    const int wanted_index = layer.detail_for(metres_per_pixel);
    const int finer_than = wanted_index < 0 ? static_cast<int>(layer.coarser.size()) : wanted_index;
    for (int i = finer_than - 1; i >= 0; --i) {
        const ProjectedMesh& coarser = layer.coarser[static_cast<std::size_t>(i)].projected;
        if (gpu_.holds(coarser)) {
            ++stand_ins_;
            return coarser;
        }
    }
    // Nothing coarser on the GPU yet (the layer has just arrived): the coarsest level, the cheapest to upload.
    if (finer_than == 0) return wanted;
    ++stand_ins_;
    return layer.coarser.front().projected;
}

bool MapRenderer::stage_levels(const SceneRef& scene, double metres_per_pixel) {
    bool all = true;
    for (const SceneLayer* layer : scene.overlays) {
        if (!layer->style.visible || layer->coarser.empty()) continue;
        const ProjectedMesh& level = layer->drawable(metres_per_pixel);
        const auto source = source_of(*layer, level);
        if (!gpu_.upload_within_allowance(level, source ? &*source : nullptr)) all = false;
    }
    return all;
}

void MapRenderer::draw_fills(const SceneLayer& layer, const LayerStyle& style, const Camera& camera,
                             const BBox& cull, DrawStats& stats) {
    if (!style.visible || !style.fill_enabled) return;
    const ProjectedMesh& projected = level_for(layer, camera.metres_per_pixel_x());
    const GpuMesh& gpu = gpu_level(layer, projected);
    // Translucent: one run per feature, so that overlapping features still show darker (see FillRenderer).
    const bool translucent = style.fill.a * style.opacity < 1.0f;
    // Fans for the stencil (ProjectedMesh::fill_even_odd) are counted feature by feature: never merged either.
    const bool merge = !translucent && !projected.fill_even_odd;
    auto fills = visible_ranges(projected, cull, RangePart::kFill, nullptr, merge);
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
                   visible_ranges(projected, cull, RangePart::kFill, &mask,
                                  color.a * style.opacity >= 1.0f && !projected.fill_even_odd),
                   color, style.opacity, camera);
    }
}

void MapRenderer::draw_outlines(const SceneLayer& layer, const LayerStyle& style, const Camera& camera,
                                const BBox& cull, float pixel_scale, DrawStats& stats) {
    if (!style.visible) return;
    const ProjectedMesh& projected = level_for(layer, camera.metres_per_pixel_x());
    auto outlines = visible_ranges(projected, cull, RangePart::kOutline);
    for (const auto& r : outlines) stats.segments += r.count > 0 ? r.count - 1 : 0;
    line_.draw(gpu_level(layer, projected), outlines, style.outline, style.outline_width * pixel_scale, style.opacity, camera);
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

namespace {

// The features of `base` that are country cp (by ISO code), or an empty mask when the layer has no ISO codes.
std::vector<bool> country_mask(const SceneLayer& base, int iso, const CountryPresence& cp) {
    std::vector<bool> mask(base.data.values.size(), false);
    for (size_t i = 0; i < mask.size(); ++i) mask[i] = base.data.value(i, iso) == cp.country;
    return mask;
}

}  // namespace

void MapRenderer::draw_presence_tints(const SceneRef& scene, const MapStyle& style, const Camera& camera,
                                      const BBox& cull, double lod_bias) {
    if (!scene.events) return;
    const SceneLayer* level = scene.base_for(camera.metres_per_pixel_x() * lod_bias);
    if (!level) return;
    const SceneLayer& base = *level;
    const int iso = base.data.field_index("iso_a3");
    if (iso < 0) return;
    const GpuMesh& gpu = gpu_.get(base.projected);
    for (const CountryPresence& cp : scene.events->presence) {
        if (!is_tinted(cp)) continue;
        const std::vector<bool> mask = country_mask(base, iso, cp);
        fill_.draw(gpu, visible_ranges(base.projected, cull, RangePart::kFill, &mask),
                   style.events.parties.of(cp.parties.front()), style.presence_tint_opacity * cp.opacity, camera);
    }
}

void MapRenderer::draw_events(const SceneRef& scene, const MapStyle& style, const Camera& camera, float pixel_scale,
                              double lod_bias, TintsDrawn tints) {
    if (!scene.events) return;
    const EventOverlay& overlay = *scene.events;
    // Over every layer, under the marks.
    if (tints == TintsDrawn::kWithEvents) draw_presence_tints(scene, style, camera, camera.visible(), lod_bias);
    draw_point_events(overlay.points, style.events, camera, pixel_scale, dots_, bins_);  // under the links and troop markers
    const GpuMesh& arcs = gpu_.get(overlay.arcs.projected);
    const auto& ranges = overlay.arcs.projected.ranges;
    // Links: a casing (white in light) under the colour so they read over fills and each other.
    for (size_t i = 0; i < overlay.links.size() && i < ranges.size(); ++i) {
        const EventLink& link = overlay.links[i];
        const std::vector<DrawRange> r{{ranges[i].first_outline, ranges[i].outline_count}};
        const float width = link.width * pixel_scale;
        line_.draw(arcs, r, style.events.link_casing, link_casing_width(width, pixel_scale),
                   kLinkCasingOpacity * link.opacity, camera);
        line_.draw(arcs, r, link.color, width, link.opacity, camera, link.call ? call_dash_length(pixel_scale) : 0.0f);
    }
    // Arrowheads at the host end, pointing along the arc's last stretch.
    ProjectedMesh heads;
    std::vector<std::pair<Color, float>> head_styles;
    for (const LinkArrowhead& head : link_arrowheads(overlay, *scene.projection, camera, pixel_scale)) {
        ProjectedRange pr;
        pr.first_index = static_cast<std::uint32_t>(heads.fill_indices.size());
        for (const XY& s : head.corners) {
            const XY w = camera.to_world(s);
            heads.fill_indices.push_back(static_cast<std::uint32_t>(heads.fill_xy.size() / 2));
            heads.fill_xy.push_back(static_cast<float>(w.x));
            heads.fill_xy.push_back(static_cast<float>(w.y));
        }
        pr.index_count = 3;
        pr.bbox = camera.visible();
        heads.ranges.push_back(pr);
        head_styles.push_back({overlay.links[head.link].color, overlay.links[head.link].opacity});
    }
    if (!heads.ranges.empty()) {
        arrow_mesh_ = upload_mesh(heads);
        for (size_t i = 0; i < heads.ranges.size(); ++i)
            fill_.draw(arrow_mesh_, {{heads.ranges[i].first_index, 3}}, head_styles[i].first, head_styles[i].second,
                       camera);
    }
    // Places the events name that are not capitals (the capitals have their own markers).
    std::vector<float> dots;
    for (const XY& xy : event_place_points(scene)) {
        dots.push_back(static_cast<float>(xy.x));
        dots.push_back(static_cast<float>(xy.y));
    }
    marker_.draw(dots, event_place_style(pixel_scale, style), 1.0f, camera);
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

void MapRenderer::draw_base_fills(const SceneLayer& base, const MapStyle& style, const Camera& camera,
                                  const BBox& cull, DrawStats& stats) {
    draw_fills(base, style.base, camera, cull, stats);
    // Focus countries (base.highlight, set by MapScene::refresh_derived) in the focus style.
    if (style.base.visible && style.base.fill_enabled)
        fill_.draw(gpu_.get(base.projected), visible_ranges(base.projected, cull, RangePart::kFill, &base.highlight),
                   style.focus_fill, style.base.opacity, camera);
}

void MapRenderer::prepare_translucent_fill(const Camera& camera) {
    ProjectedMesh nothing;  // unstamped: uploaded into the renderer's one-draw slot, never cached
    nothing.fill_xy = {0, 0, 0, 0, 0, 0};
    nothing.fill_indices = {0, 1, 2};
    set_map_blend_state();
    fill_.begin_pass(glIsEnabled(GL_SCISSOR_TEST) == GL_TRUE);
    fill_.draw(gpu_.get(nothing), {DrawRange{0, 3}}, Color{0.5f, 0.5f, 0.5f, 0.25f}, 1.0f, camera);
}

DrawStats MapRenderer::draw_layers(const SceneRef& scene, const MapStyle& style, const Camera& camera,
                                   float pixel_scale, double lod_bias, const BBox* cull_box, TintsDrawn tints) {
    DrawStats stats;
    const BBox cull = cull_box ? *cull_box : camera.visible();
    set_map_blend_state();
    // Also marks the stencil as to be cleared, so skipping the fills leaves nothing stale.
    fill_.begin_pass(/*within_scissor=*/cull_box != nullptr);
    if (const SceneLayer* level = scene.base_for(camera.metres_per_pixel_x() * lod_bias)) {
        const SceneLayer& base = *level;
        stats.base_level = base.title;
        draw_base_fills(base, style, camera, cull, stats);
        draw_outlines(base, style.base, camera, cull, pixel_scale, stats);
        if (style.base.visible)
            line_.draw(gpu_.get(base.projected),
                       visible_ranges(base.projected, cull, RangePart::kOutline, &base.highlight),
                       style.focus_outline, style.base.outline_width * pixel_scale * style.focus_outline_scale, style.base.opacity,
                       camera);
    }
    if (style.show_graticule && scene.graticule)
        draw_outlines(*scene.graticule, style.graticule, camera, cull, pixel_scale, stats);
    for (const SceneLayer* layer : scene.overlays) {
        draw_fills(*layer, layer->style, camera, cull, stats);
        draw_outlines(*layer, layer->style, camera, cull, pixel_scale, stats);
        draw_points(*layer, layer->style, camera, pixel_scale);
    }
    if (tints == TintsDrawn::kWithLayers) draw_presence_tints(scene, style, camera, cull, lod_bias);
    return stats;
}

DrawStats MapRenderer::draw_labels(const SceneRef& scene, const MapStyle& style, const Camera& camera, float pixel_scale,
                                   double lod_bias, const Tile* tile) {
    DrawStats stats;
    set_map_blend_state();
    MapLabels labels = layout_map_labels(scene, style, camera, pixel_scale, lod_bias, font_);
    std::vector<PlacedLabel>& placed = labels.placed;
    stats.labels = placed.size();
    std::vector<float> capital_xy;
    for (const XY& c : labels.capitals) {
        capital_xy.push_back(static_cast<float>(c.x));
        capital_xy.push_back(static_cast<float>(c.y));
    }
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
                                     float pixel_scale, int viewport_x, int viewport_y, TintsDrawn tints) {
    set_map_blend_state();
    glViewport(viewport_x, viewport_y, camera.width(), camera.height());
    fill_.begin_pass();
    draw_events(scene, style, camera, pixel_scale, 1.0, tints);
    return draw_labels(scene, style, camera, pixel_scale, 1.0);
}

DrawStats MapRenderer::draw(const SceneRef& scene, const MapStyle& style, const Camera& camera, float pixel_scale,
                            double lod_bias, const Tile* tile) {
    const Camera view = tile ? camera.sub_view(tile->x0, tile->y0, tile->width, tile->height) : camera;
    glViewport(0, 0, view.width(), view.height());
    glClearColor(style.ocean.r, style.ocean.g, style.ocean.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    DrawStats stats = draw_layers(scene, style, view, pixel_scale, lod_bias);
    draw_events(scene, style, view, pixel_scale, lod_bias, TintsDrawn::kWithEvents);
    DrawStats labels = draw_labels(scene, style, camera, pixel_scale, lod_bias, tile);
    stats.labels = labels.labels;
    return stats;
}

}  // namespace em
