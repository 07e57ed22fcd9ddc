#pragma once

#include "core/image.hpp"
#include "core/result.hpp"
#include "render/decorations.hpp"
#include "render/map_renderer.hpp"

namespace em {

// The caption of a time window for a picture: "13 Aug 2024 - events of the 30 days before, presence on the day".
std::string window_caption(const TimeWindow& window);

// What picture to draw: the full camera (its size is the picture's), how lines and text scale, MSAA samples,
// and the largest tile side (0: what GL allows, at most 4096).
struct PictureRequest {
    Camera camera;
    float pixel_scale = 1.0f;
    int samples = 0;
    int max_tile = 0;
};

// Draws the map and its decorations offscreen and reads the picture back: one render path for the window's
// exports and the headless command. Pictures larger than one GL target are drawn in tiles with sub-views of
// the same camera and stitched; labels and decorations are laid out for the whole picture so tiles agree at
// the seams. The result is checked for completeness (every tile drawn, every pixel opaque) before returning.
Result<Image> draw_picture(MapRenderer& renderer, const SceneRef& scene, const MapStyle& style, const PictureRequest& request,
                           const Decorations& decorations);

}  // namespace em
