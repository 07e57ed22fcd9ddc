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
// the view rests, then redraws. A pan that leaves the margin scrolls the cache: what the old picture and the new
// share is copied and only the uncovered strips are drawn (the fill rate, not the triangles, is what llvmpipe
// spends most of a redraw on). Events and labels are drawn over it every frame.
class BaseMapCache {
public:
    // Marks the cached picture out of date (style, projection, layers or data changed).
    void invalidate() { valid_ = false; }
    // The pixel scale the layers are drawn at (the window's UI scale); a new one marks the picture out of date.
    void set_pixel_scale(float pixel_scale) {
        if (pixel_scale != pixel_scale_) pixel_scale_ = pixel_scale, valid_ = false;
    }

    // Puts the base map for camera into the window framebuffer, in the camera's size at (dst_x, dst_y) (the
    // bottom-left corner in GL orientation: the window's map area between its panels). Nothing outside that
    // rectangle is touched. `settled` says the view is at rest (no zoom in progress), so a scaled preview is not
    // good enough. Returns true when it redrew the cache (slow path).
    bool present(MapRenderer& renderer, const SceneRef& scene, const MapStyle& style, const Camera& camera, int samples,
                 bool settled, DrawStats* stats, int dst_x = 0, int dst_y = 0);

    // How often the cache was drawn whole, and scrolled (drawing only uncovered strips), so far.
    int full_redraws() const { return full_redraws_; }
    int scrolls() const { return scrolls_; }

private:
    std::optional<OffscreenTarget> target_;
    std::optional<OffscreenTarget> spare_;  // single-sampled: the moved picture passes through it when scrolling
    Camera cached_;
    int margin_x_ = 0, margin_y_ = 0;
    bool valid_ = false;
    float pixel_scale_ = 1.0f;
    int full_redraws_ = 0, scrolls_ = 0;

    bool render(MapRenderer& renderer, const SceneRef& scene, const MapStyle& style, const Camera& camera, int samples,
                DrawStats* stats);
    // Moves the cache by whole pixels to the cached camera moved by (dx, dy) pixels (world x right, y up), drawing
    // only what the move uncovers. Returns false (nothing done) when there is no overlap.
    bool scroll(MapRenderer& renderer, const SceneRef& scene, const MapStyle& style, long dx, long dy, DrawStats* stats);
    // The camera of the whole cache picture for a view camera (the margins added; drawn upside down).
    Camera cache_camera(const Camera& view) const;
};

}  // namespace em
