#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "render/camera.hpp"
#include "render/map_scene.hpp"
#include "scene/style.hpp"

namespace em {

// The event overlay's marks that are computed per picture, on the CPU, for MapRenderer and vector exports alike.

// An arrowhead at the host end of a link (overlay.links[link]), pointing along the arc's last stretch.
struct LinkArrowhead {
    std::size_t link = 0;
    std::array<XY, 3> corners;  // camera pixels: tip, left, right
};
std::vector<LinkArrowhead> link_arrowheads(const EventOverlay& overlay, const Projection& projection,
                                           const Camera& camera, float pixel_scale);

// The places the events name that are not capitals (the capitals have their own markers), projected.
std::vector<XY> event_place_points(const SceneRef& scene);

// How such a place is drawn.
MarkerStyle event_place_style(float pixel_scale, const MapStyle& style);

// The width of the white casing drawn under a link of this width, and its opacity factor.
inline float link_casing_width(float link_width_px, float pixel_scale) { return link_width_px + 2.0f * pixel_scale; }
constexpr float kLinkCasingOpacity = 0.7f;
// The dash (and gap) length of a call's link.
inline float call_dash_length(float pixel_scale) { return 4.0f * pixel_scale; }

}  // namespace em
