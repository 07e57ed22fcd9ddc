#pragma once

#include <vector>

#include "render/camera.hpp"
#include "render/font_atlas.hpp"
#include "render/label_layout.hpp"
#include "render/map_scene.hpp"
#include "render/map_style.hpp"

namespace em {

// The labels and capital points of a picture, laid out on the CPU: what MapRenderer::draw_labels draws with GL
// and what a vector export (src/vector) writes as text, so both place the same labels at the same pixels.
struct MapLabels {
    std::vector<PlacedLabel> placed;  // camera pixels (the full picture's)
    std::vector<XY> capitals;         // projected metres of the capital markers drawn (inside the picture)
};

// Gathers every label the scene asks for (capitals, countries, link counts, event places, presence badges, user
// layers' label fields) and places them (place_labels). lod_bias as in MapRenderer::draw_labels. font measures
// the text (glyphs are added to it as needed).
MapLabels layout_map_labels(const SceneRef& scene, const MapStyle& style, const Camera& camera, float pixel_scale,
                            double lod_bias, FontAtlas& font);

// The labels the event overlay adds: link counts, names of the non-capital places, presence badges.
std::vector<LabelRequest> event_label_requests(const SceneRef& scene, const MapStyle& style, const Camera& camera,
                                               float pixel_scale, FontAtlas& font);

}  // namespace em
