#include "render/event_marks.hpp"

#include <cmath>
#include <optional>

namespace em {

std::vector<LinkArrowhead> link_arrowheads(const EventOverlay& overlay, const Projection& projection,
                                           const Camera& camera, float pixel_scale) {
    std::vector<LinkArrowhead> out;
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
                tip = projection.forward(mesh.outline_points[k]);
                before = projection.forward(mesh.outline_points[k - 1]);
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
        out.push_back({i, {p0, left, right}});
    }
    return out;
}

std::vector<XY> event_place_points(const SceneRef& scene) {
    std::vector<XY> out;
    if (!scene.events) return out;
    for (const auto& place : scene.events->places) {
        bool capital = false;
        for (const auto& c : scene.capital_points()) capital = capital || c.name == place.name;
        if (capital) continue;
        if (auto xy = scene.projection->forward(place.position)) out.push_back(*xy);
    }
    return out;
}

MarkerStyle event_place_style(float pixel_scale, const MapStyle& style) {
    MarkerStyle m = style.events.place;
    m.radius *= pixel_scale;
    m.stroke_width *= pixel_scale;
    return m;
}

}  // namespace em
