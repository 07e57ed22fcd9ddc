#include "render/map_labels.hpp"

#include <algorithm>
#include <cmath>

#include "render/actor_style.hpp"

namespace em {

std::vector<LabelRequest> event_label_requests(const SceneRef& scene, const MapStyle& style, const Camera& camera,
                                               float pixel_scale, FontAtlas& font) {
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
        for (const auto& c : scene.capital_points()) capital = capital || c.name == place.name;
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
        if (cp.departed) continue;  // a clip's fading tint of a force that has left
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
                font.ensure(codes.back());
                total += font.measure(codes.back(), size) + 8.0f * pixel_scale;
            }
            double x = anchor.x - total / 2;
            for (size_t k = 0; k < cp.parties.size(); ++k) {
                const float w = font.measure(codes[k], size);
                LabelRequest req;
                req.text = codes[k];
                req.anchor = {x + w / 2, anchor.y};
                req.size = size;
                req.priority = 350;
                req.color = style.events.parties.of(cp.parties[k]);
                out.push_back(std::move(req));
                x += w + 8.0f * pixel_scale;
            }
            break;
        }
    }
    return out;
}

MapLabels layout_map_labels(const SceneRef& scene, const MapStyle& style, const Camera& camera, float pixel_scale,
                            double lod_bias, FontAtlas& font) {
    MapLabels out;
    std::vector<LabelRequest> requests;
    std::vector<std::array<float, 4>> obstacles;  // capital markers stay visible
    if (style.show_capitals) {
        for (const auto& c : scene.capital_points()) {
            if (!c.projected) continue;
            const XY s = camera.to_screen(*c.projected);
            if (s.x < 0 || s.y < 0 || s.x > camera.width() || s.y > camera.height()) continue;
            out.capitals.push_back(*c.projected);
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
            font.ensure(name);
            if (!focus && screen_width < font.measure(name, size) * 0.7) continue;
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
    for (auto& r : event_label_requests(scene, style, camera, pixel_scale, font)) requests.push_back(std::move(r));
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
            r.color = style.events.layer_label;
            requests.push_back(std::move(r));
        }
    }
    for (const auto& r : requests) font.ensure(r.text);
    out.placed = place_labels(std::move(requests), font, camera.width(), camera.height(), 2.0f * pixel_scale,
                              obstacles);
    return out;
}

}  // namespace em
