#pragma once

#include <optional>

#include "render/camera.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"

namespace em {

// Keeps the base map (countries, graticule, user layers) drawn in an offscreen texture a margin larger than the
// window, so that panning only copies a shifted part of it instead of redrawing tens of thousands of triangles
// (on llvmpipe a 1:50m redraw at 1920x1080 takes ~45 ms; the copy ~0.5 ms, because the cache is drawn upside
// down in the window's BGRA layout: see OffscreenTarget::Storage). Zooming shows the cached picture scaled until
// the view rests, then redraws. Events and labels are drawn over it every frame.
class BaseMapCache {
public:
    // Marks the cached picture out of date (style, projection, layers or data changed).
    void invalidate() { valid_ = false; }

    // Puts the base map for camera into the bound (window) framebuffer of the camera's size. `settled` says
    // the view is at rest (no zoom in progress), so a scaled preview is not good enough. The bottom
    // `covered_rows` pixel rows are hidden by opaque panels and not copied (a fifth of a 1080p copy). Returns
    // true when it redrew the cache (slow path).
    bool present(MapRenderer& renderer, MapScene& scene, const MapStyle& style, const Camera& camera, int samples,
                 bool settled, DrawStats* stats, int covered_rows = 0);

private:
    std::optional<OffscreenTarget> target_;
    Camera cached_;
    int margin_x_ = 0, margin_y_ = 0;
    bool valid_ = false;

    bool render(MapRenderer& renderer, MapScene& scene, const MapStyle& style, const Camera& camera, int samples,
                DrawStats* stats);
};

}  // namespace em
