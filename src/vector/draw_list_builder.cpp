#include "vector/draw_list_builder.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "render/actor_style.hpp"
#include "render/classification.hpp"
#include "render/decoration_layout.hpp"
#include "render/event_marks.hpp"
#include "render/map_labels.hpp"

namespace em {

namespace {

using ToPixels = std::function<XY(XY)>;

// A layer's geometry at one level of detail: lon/lat (to find where rings close) and projected.
struct LevelMesh {
    const LayerMesh& lon_lat;
    const ProjectedMesh& projected;
};

// The mesh a layer is drawn with at this scale (its coarser level where the renderer would pick one).
LevelMesh mesh_at(const SceneLayer& layer, double metres_per_pixel) {
    const int i = layer.detail_for(metres_per_pixel);
    if (i < 0) return {layer.data.mesh, layer.projected};
    const LayerDetail& level = layer.coarser[static_cast<std::size_t>(i)];
    return {level.mesh, level.projected};
}

XY outline_point(const ProjectedMesh& m, std::uint32_t i) {
    return {m.outline[3 * static_cast<std::size_t>(i)], m.outline[3 * static_cast<std::size_t>(i) + 1]};
}

bool finite(XY p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// Points closer than this (picture pixels) to the last one kept are left out: invisible at the picture's own
// resolution, and they are most of a coastline's points once the level of detail is finer than the picture
// (--base 10m on a page). Shared borders may then differ by this much between neighbours, under their outline.
constexpr double kMinStep = 0.25;

bool near(XY a, XY b) { return std::abs(a.x - b.x) < kMinStep && std::abs(a.y - b.y) < kMinStep; }

// Whether a ring or line's box meets the rectangle. A ring that misses the picture encloses none of its points, so
// leaving it out changes no even-odd fill there (Russia's far east on a map of the Sahel).
bool meets(const std::vector<XY>& points, const PixelRect& r) {
    double x0 = points[0].x, x1 = x0, y0 = points[0].y, y1 = y0;
    for (const XY& p : points) x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    return x1 >= r.x0 && x0 <= r.x1 && y1 >= r.y0 && y0 <= r.y1;
}

void push_distinct(std::vector<XY>& points, XY p) {
    if (points.empty() || !near(points.back(), p)) points.push_back(p);
}

}  // namespace

// A feature's closed rings, for an even-odd fill. The outline strip holds each ring closed (its first point again
// at its end, the same GeoPoint) with joins off between rings and on the artificial edges of the antimeridian cut,
// which a fill still needs. So a ring ends where, having moved away, it comes back to its first point with no
// segment after it. The cut repeats points where it meets the meridian (so "moved"), and a ring cut in two
// starts its second piece at the same place on the other side, 180 against -180 (so lon/lat, not projected,
// which would also merge every point of a pole).

std::vector<std::vector<XY>> polygon_rings(const LayerMesh& lon_lat, const ProjectedMesh& m, const ProjectedRange& r,
                                           const std::function<XY(XY)>& px, const PixelRect* within) {
    const std::vector<GeoPoint>& geo = lon_lat.outline_points;
    std::vector<std::vector<XY>> rings;
    const std::uint32_t end = r.first_outline + r.outline_count;
    std::uint32_t start = r.first_outline;
    while (start < end) {
        const GeoPoint first_point = geo[start];
        const XY first = outline_point(m, start);
        std::vector<XY> ring;
        if (finite(first)) ring.push_back(px(first));
        bool moved = false;
        std::uint32_t i = start + 1;
        for (; i < end; ++i) {
            const bool same = geo[i] == first_point;
            if (same && moved && m.outline[3 * static_cast<std::size_t>(i) + 2] == 0.0f) break;
            moved = moved || !same;
            const XY p = outline_point(m, i);
            if (finite(p)) push_distinct(ring, px(p));
        }
        if (ring.size() >= 3 && (!within || meets(ring, *within))) rings.push_back(std::move(ring));
        start = i + 1;
        while (start < end && geo[start] == first_point) ++start;  // the closing point repeated
    }
    return rings;
}

namespace {

std::vector<std::vector<XY>> feature_rings(const LevelMesh& level, const ProjectedRange& r, const ToPixels& px,
                                           const PixelRect* within = nullptr) {
    return polygon_rings(level.lon_lat, level.projected, r, px, within);
}

// A feature's drawn outline: polylines broken where a segment is not to be drawn (between rings, cut edges).
std::vector<std::vector<XY>> feature_lines(const ProjectedMesh& m, const ProjectedRange& r, const ToPixels& px,
                                           const PixelRect* within = nullptr) {
    std::vector<std::vector<XY>> lines;
    std::vector<XY> current;
    for (std::uint32_t i = r.first_outline; i < r.first_outline + r.outline_count; ++i) {
        const XY p = outline_point(m, i);
        const bool join = m.outline[3 * static_cast<std::size_t>(i) + 2] != 0.0f;
        const bool last_of_line = !join || !finite(p);
        if (finite(p)) {
            if (last_of_line && current.size() >= 2 && near(current.back(), px(p))) current.pop_back();  // keep the end
            push_distinct(current, px(p));
        }
        if (last_of_line) {
            if (current.size() >= 2 && (!within || meets(current, *within))) lines.push_back(std::move(current));
            current.clear();
        }
    }
    if (current.size() >= 2 && (!within || meets(current, *within))) lines.push_back(std::move(current));
    return lines;
}

Color times_alpha(Color c, float opacity) { return c.with_alpha(c.a * opacity); }

// The features of a mesh whose projected box meets the view (what visible_ranges culls for the GPU).
template <typename F>
void for_visible(const ProjectedMesh& m, const BBox& view, F f) {
    for (std::size_t i = 0; i < m.ranges.size(); ++i)
        if (m.ranges[i].bbox.intersects(view)) f(i, m.ranges[i]);
}

void add_fill(DrawGroup& g, std::vector<std::vector<XY>> rings, Color fill) {
    if (rings.empty() || fill.a <= 0) return;
    PathItem p;
    p.parts = std::move(rings);
    p.closed = true;
    p.fill = fill;
    g.items.push_back(std::move(p));
}

void add_lines(DrawGroup& g, std::vector<std::vector<XY>> lines, const StrokeStyle& stroke) {
    if (lines.empty() || stroke.color.a <= 0 || stroke.width <= 0) return;
    PathItem p;
    p.parts = std::move(lines);
    p.stroke = stroke;
    g.items.push_back(std::move(p));
}

struct Builder {
    const SceneRef& scene;
    const MapStyle& style;
    const Camera& camera;
    float s;
    DrawList list;
    ToPixels px = [this](XY w) { return camera.to_screen(w); };
    // The picture with a margin wider than any stroke: geometry wholly outside it is left out.
    PixelRect page{-50.0, -50.0, camera.width() + 50.0, camera.height() + 50.0};

    // A layer's fills (one colour, then its classes over it, as MapRenderer::draw_fills).
    void layer_fills(DrawGroup& g, const SceneLayer& layer, const LayerStyle& ls) {
        if (!ls.visible || !ls.fill_enabled) return;
        const LevelMesh level = mesh_at(layer, camera.metres_per_pixel_x());
        const ProjectedMesh& m = level.projected;
        // Classes as the renderer draws them: the scene's (SceneLayer::refresh_classes), when of this field.
        const bool classed = !ls.color_field.empty() && layer.classes.field == ls.color_field;
        for_visible(m, camera.visible(), [&](std::size_t i, const ProjectedRange& r) {
            if (r.index_count == 0) return;
            auto rings = feature_rings(level, r, px, &page);
            if (classed && i < layer.classes.class_of.size() && layer.classes.class_of[i] >= 0) {
                add_fill(g, rings, times_alpha(ls.fill, ls.opacity));
                const Color c = layer.classes.colors[static_cast<std::size_t>(layer.classes.class_of[i])];
                add_fill(g, std::move(rings), times_alpha(c.with_alpha(std::max(ls.fill.a, 0.75f)), ls.opacity));
            } else {
                add_fill(g, std::move(rings), times_alpha(ls.fill, ls.opacity));
            }
        });
    }

    void layer_outlines(DrawGroup& g, const SceneLayer& layer, const LayerStyle& ls, const std::vector<bool>* only,
                        Color color, float width) {
        if (!ls.visible) return;
        const ProjectedMesh& m = mesh_at(layer, camera.metres_per_pixel_x()).projected;
        std::vector<std::vector<XY>> lines;
        for_visible(m, camera.visible(), [&](std::size_t i, const ProjectedRange& r) {
            if (only && (i >= only->size() || !(*only)[i])) return;
            for (auto& l : feature_lines(m, r, px, &page)) lines.push_back(std::move(l));
        });
        add_lines(g, std::move(lines), StrokeStyle{times_alpha(color, ls.opacity), width, 0});
    }

    void layer_points(DrawGroup& g, const SceneLayer& layer, const LayerStyle& ls) {
        if (!ls.visible) return;
        MarkerStyle marker = ls.marker;
        marker.radius *= s;
        marker.stroke_width *= s;
        const auto& xy = layer.projected.points_xy;
        for (std::size_t k = 0; k + 1 < xy.size(); k += 2) {
            const XY p = px({xy[k], xy[k + 1]});
            if (p.x < -marker.radius || p.y < -marker.radius || p.x > camera.width() + marker.radius ||
                p.y > camera.height() + marker.radius)
                continue;
            g.items.push_back(MarkerItem{p, marker, ls.opacity});
        }
    }

    void base_map() {
        const SceneLayer* level = scene.base_for(camera.metres_per_pixel_x());
        if (!level) return;
        const SceneLayer& base = *level;
        const LayerStyle& bs = style.base;
        DrawGroup& countries = list.group("countries");
        if (bs.visible && bs.fill_enabled) {
            const LevelMesh level = mesh_at(base, camera.metres_per_pixel_x());
            const ProjectedMesh& m = level.projected;
            for_visible(m, camera.visible(), [&](std::size_t i, const ProjectedRange& r) {
                if (r.index_count == 0) return;
                const bool focus = i < base.highlight.size() && base.highlight[i];
                add_fill(countries, feature_rings(level, r, px, &page), times_alpha(focus ? style.focus_fill : bs.fill, bs.opacity));
            });
        }
        DrawGroup& borders = list.group("borders");
        layer_outlines(borders, base, bs, nullptr, bs.outline, bs.outline_width * s);
        layer_outlines(borders, base, bs, &base.highlight, style.focus_outline,
                       bs.outline_width * s * style.focus_outline_scale);
    }

    // Over every layer, under the events' marks, as MapRenderer::draw_events.
    void presence_tints() {
        if (!scene.events) return;
        const SceneLayer* drawn = scene.base_for(camera.metres_per_pixel_x());
        if (!drawn) return;
        const SceneLayer& base = *drawn;
        const int iso = base.data.field_index("iso_a3");
        if (iso < 0) return;
        const LevelMesh level{base.data.mesh, base.projected};  // as the renderer: the level's own mesh
        const ProjectedMesh& m = level.projected;
        for (const CountryPresence& cp : scene.events->presence) {
            if (cp.parties.size() != 1) continue;  // several: the badges tell, a tint would mislead
            for_visible(m, camera.visible(), [&](std::size_t i, const ProjectedRange& r) {
                if (r.index_count == 0 || base.data.value(i, iso) != cp.country) return;
                add_fill(list.group("presence-tints"), feature_rings(level, r, px, &page),
                         style.events.parties.of(cp.parties.front()).with_alpha(style.presence_tint_opacity * cp.opacity));
            });
        }
    }

    void graticule() {
        if (!style.show_graticule || !scene.graticule) return;
        layer_outlines(list.group("graticule"), *scene.graticule, style.graticule, nullptr, style.graticule.outline,
                       style.graticule.outline_width * s);
    }

    void user_layers() {
        for (std::size_t k = 0; k < scene.overlays.size(); ++k) {
            const SceneLayer& layer = *scene.overlays[k];
            const std::string name = layer.title.empty() ? layer.data.name : layer.title;
            DrawGroup& g = list.group("layer-" + std::to_string(k + 1) + "-" + name);
            layer_fills(g, layer, layer.style);
            layer_outlines(g, layer, layer.style, nullptr, layer.style.outline, layer.style.outline_width * s);
            layer_points(g, layer, layer.style);
        }
    }

    void events() {
        if (!scene.events) return;
        const EventOverlay& overlay = *scene.events;
        const ProjectedMesh& arcs = overlay.arcs.projected;
        DrawGroup& links = list.group("meeting-links");
        for (std::size_t i = 0; i < overlay.links.size() && i < arcs.ranges.size(); ++i) {
            const EventLink& link = overlay.links[i];
            auto lines = feature_lines(arcs, arcs.ranges[i], px);
            const float width = link.width * s;
            add_lines(links, lines,
                      StrokeStyle{style.events.link_casing.with_alpha(kLinkCasingOpacity * link.opacity), link_casing_width(width, s), 0});
            add_lines(links, std::move(lines),
                      StrokeStyle{times_alpha(link.color, link.opacity), width, link.call ? call_dash_length(s) : 0.0f});
        }
        for (const LinkArrowhead& head : link_arrowheads(overlay, *scene.projection, camera, s)) {
            const EventLink& link = overlay.links[head.link];
            add_fill(links, {{head.corners.begin(), head.corners.end()}}, times_alpha(link.color, link.opacity));
        }
        DrawGroup& places = list.group("event-places");
        for (const XY& p : event_place_points(scene)) places.items.push_back(MarkerItem{px(p), event_place_style(s, style), 1.0f});
        DrawGroup& troops = list.group("troop-markers");
        for (const TroopMarker& m : overlay.markers) {
            MarkerStyle ms = m.style;
            ms.radius *= s;
            ms.stroke_width *= s;
            troops.items.push_back(MarkerItem{marker_screen_position(m, *scene.projection, camera, s), ms, m.opacity});
        }
    }

    void labels(FontAtlas& font) {
        const MapLabels labels = layout_map_labels(scene, style, camera, s, 1.0, font);
        MarkerStyle capital = style.capital;
        capital.radius *= s;
        capital.stroke_width *= s;
        DrawGroup& capitals = list.group("capitals");
        for (const XY& c : labels.capitals) capitals.items.push_back(MarkerItem{px(c), capital, 1.0f});
        DrawGroup& text = list.group("labels");
        for (const PlacedLabel& l : labels.placed) {
            text.items.push_back(TextItem{l.text, {l.x, l.y}, font.em_size(l.size), l.color, TextAnchor::kStart,
                                          style.text.halo, style.text.halo_width * s});
        }
    }

    void decorations(const Decorations& d, FontAtlas& font) {
        const DecorationLayout layout = layout_decorations(scene, style, d, camera, s, font);
        DrawGroup& g = list.group("decorations");
        for (const auto& r : layout.rects)
            add_fill(g, {{{r.x0, r.y0}, {r.x1, r.y0}, {r.x1, r.y1}, {r.x0, r.y1}}}, r.color);
        for (const auto& l : layout.lines) add_lines(g, {l.points}, StrokeStyle{l.color, l.width, l.dash});
        for (const auto& m : layout.markers) g.items.push_back(MarkerItem{{m.x, m.y}, m.style, 1.0f});
        for (const auto& t : layout.texts)
            g.items.push_back(TextItem{t.text, {t.x, t.baseline}, font.em_size(t.size), t.color, TextAnchor::kStart, {}, 0});
        if (layout.inset && d.inset_layer) inset(*layout.inset, *d.inset_layer);
    }

    // The locator map, clipped to its box, as draw_decorations draws it.
    // The layer is projected in the scene's projection with its focus marked (make_decorations).
    void inset(const DecorationLayout::Inset& in, const SceneLayer& layer) {
        DrawGroup& g = list.group("inset");
        g.clip = PixelRect{in.x0, in.y0, in.x0 + in.width, in.y0 + in.height};
        g.clip_background = style.ocean;
        const ToPixels to = [&in](XY w) {
            const XY p = in.camera.to_screen(w);
            return XY{p.x + in.x0, p.y + in.y0};
        };
        const BBox view = in.camera.visible();
        const LevelMesh level{layer.data.mesh, layer.projected};
        const ProjectedMesh& m = level.projected;
        std::vector<std::vector<XY>> lines;
        for_visible(m, view, [&](std::size_t i, const ProjectedRange& r) {
            if (r.index_count > 0) {
                const bool focus = i < layer.highlight.size() && layer.highlight[i];
                add_fill(g, feature_rings(level, r, to), focus ? style.focus_fill : style.base.fill);
            }
            for (auto& l : feature_lines(m, r, to)) lines.push_back(std::move(l));
        });
        add_lines(g, std::move(lines), StrokeStyle{style.base.outline, in.outline_width, 0});
        const BBox& v = in.frame;
        add_lines(g, {{to({v.min_x, v.min_y}), to({v.max_x, v.min_y}), to({v.max_x, v.max_y}), to({v.min_x, v.max_y}),
                       to({v.min_x, v.min_y})}},
                  StrokeStyle{in.frame_color, in.frame_width, 0});
        add_lines(list.group("inset-border"), {in.border.points},
                  StrokeStyle{in.border.color, in.border.width, in.border.dash});
    }
};

}  // namespace

DrawList build_draw_list(const SceneRef& scene, const MapStyle& style, const Camera& camera, float pixel_scale,
                         const Decorations& decorations, FontAtlas& font) {
    Builder b{scene, style, camera, pixel_scale, {}};
    b.list.width = camera.width();
    b.list.height = camera.height();
    b.list.background = style.ocean;
    b.base_map();
    b.graticule();
    b.user_layers();
    b.presence_tints();
    b.events();
    b.labels(font);
    b.decorations(decorations, font);
    // Groups nothing was drawn into are left out (an SVG with empty layers only confuses).
    std::erase_if(b.list.groups, [](const DrawGroup& g) { return g.items.empty(); });
    return std::move(b.list);
}

}  // namespace em
