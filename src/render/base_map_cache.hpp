#pragma once

#include <cstddef>
#include <optional>
#include <vector>

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
// spends most of a redraw on). Events and labels are drawn over it every frame; the presence tints are drawn into
// it when asked (set_tints_drawn), the tiles under a country whose tint changes redrawn (redraw_area).
//
// With a frame budget (the window's), a redraw is spread over frames, as QGIS renders a heavy layer
// progressively: the cache is drawn tile by tile, the tiles nearest the view's centre first, until the frame has
// spent its budget; meanwhile the old picture stays up (moved and scaled to the new view where the view changed).
// A pan scrolls the cache before the view reaches its edge, so the strips are drawn while still off screen. Each
// tile draws only the parts of features that meet it (ProjectedMesh pieces). Without a budget (tests, and
// pictures that must be whole at once) every redraw is finished in the call that starts it.
//
// Every tile, spread or not, is drawn in a multisampled buffer of a tile's size and resolved into the picture,
// which is single-sampled: a picture-sized multisampled colour and depth-stencil buffer were 102 MB at 1920x1080,
// a tenth of the window's peak with a heavy layer (issue 18).
class BaseMapCache {
public:
    // Bytes of a level's mesh uploaded per spread frame: a few ms on llvmpipe, which copies ~1-2 GB/s here with
    // the pages of a fresh buffer faulted in as it goes.
    static constexpr std::size_t kUploadSliceBytes = 8u << 20;
    // Time per spread frame for projecting a parked level into the GPU (render/chunked_upload): 262,144 points a
    // frame, single-threaded, had raised the zoom's p95 by 30 ms at load 3; at 4 ms land10m's 100 m level (12.8 M
    // points) comes in a second or two of frames, its coarser level standing in meanwhile.
    static constexpr double kProjectionMsPerFrame = 4.0;

    // Marks the cached picture out of date (style, projection, layers or data changed). With a frame budget the
    // picture stays up until the redraw replaces it.
    void invalidate() { valid_ = false; }
    // The pixel scale the layers are drawn at (the window's UI scale); a new one marks the picture out of date.
    void set_pixel_scale(float pixel_scale) {
        if (pixel_scale != pixel_scale_) pixel_scale_ = pixel_scale, valid_ = false;
    }

    // Whether the presence tints are drawn into the cached picture (the window: a still frame then draws none;
    // the caller passes redraw_area the countries whose tint changes) or left to the events over it (the
    // default). A change marks the picture out of date.
    void set_tints_drawn(TintsDrawn tints) {
        if (tints != tints_) tints_ = tints, valid_ = false;
    }
    // Queues the part of the cached picture under `box` (projected metres) to be drawn again (a country whose
    // presence tint changed), the rest kept; the old pixels stay up until its tiles are drawn. Nothing when there
    // is no picture yet or it is out of date anyway.
    void redraw_area(const BBox& box);

    // The most present() spends drawing the cache in one call, in ms, when a redraw can be spread (0: no limit,
    // every redraw is finished at once). At least one tile is drawn per call.
    void set_frame_budget_ms(double ms) { budget_ms_ = ms; }

    // Puts the base map for camera into the window framebuffer, in the camera's size at (dst_x, dst_y) (the
    // bottom-left corner in GL orientation: the window's map area between its panels). Nothing outside that
    // rectangle is touched. `settled` says the view is at rest (no zoom in progress), so a scaled preview is not
    // good enough. Returns true when it drew some of the cache (slow path); stats are what it drew.
    bool present(MapRenderer& renderer, const SceneRef& scene, const MapStyle& style, const Camera& camera, int samples,
                 bool settled, DrawStats* stats, int dst_x = 0, int dst_y = 0);

    // The most primitives (render/layer_work) one tile of a spread redraw may hold before it is cut in four, where
    // that makes its busiest part lighter (0: the default, about 45 ms on llvmpipe); tests lower it to see tiles cut
    // on a light scene.
    void set_tile_work_limit(std::size_t primitives) { tile_work_limit_ = primitives; }

    // Bytes of mesh uploads a spread frame may copy (MapRenderer's staged uploads; the default suits llvmpipe).
    void set_upload_slice_bytes(std::size_t bytes) { upload_slice_ = bytes; }

    // Has the pipeline of a translucent fill (a user layer's default) compiled for the cache's picture, drawing
    // nothing (MapRenderer::prepare_translucent_fill), once per picture made; nothing before the first present().
    // The window calls it while a layer loads, so that the frame the layer joins in does not compile it.
    void prepare_translucent_fills(MapRenderer& renderer);

    // Tiles of a spread redraw are still to be drawn, or the picture has stand-in levels whose own are still being
    // uploaded: the caller should present again soon (the next frame).
    bool drawing() const { return !todo_.empty() || provisional_; }

    // How often the cache was drawn whole, and scrolled (drawing only uncovered strips), so far.
    int full_redraws() const { return full_redraws_; }
    int scrolls() const { return scrolls_; }
    // Tiles drawn so far (a redraw that is not spread is one tile).
    int tiles_drawn() const { return tiles_drawn_; }
    // The spare picture scrolls and zoom previews pass through is ready (made with the cache, not at first use).
    bool spare_ready() const { return spare_.has_value(); }
    // Whether the cache's drawing buffer has a depth-stencil buffer: only for a scene that needs one.
    bool has_stencil() const { return drawing_ && drawing_->has_stencil(); }
    // The width and height of the (multisampled) buffer tiles are drawn in before they are resolved into the
    // picture: a tile's, whatever the picture's size (0 before the first present()).
    int drawing_buffer_size() const { return drawing_ ? drawing_->width() : 0; }

private:
    // A rectangle of the cache picture in GL orientation; since the picture is stored upside down, its rows are
    // also the picture's rows counted from the top.
    struct Rect {
        int x, y, width, height;
        std::size_t work = 0;  // its primitives (layers_work) once counted; 0: not yet
    };

    std::optional<OffscreenTarget> picture_;  // single-sampled: what present() copies from
    std::optional<OffscreenTarget> drawing_;  // a tile's size, multisampled: each tile is drawn here, then resolved
    std::optional<OffscreenTarget> spare_;    // single-sampled: the moved picture passes through it when scrolling
    Camera cached_;
    int margin_x_ = 0, margin_y_ = 0;
    bool valid_ = false;
    bool translucent_prepared_ = false;  // prepare_translucent_fills drew into this drawing_
    float pixel_scale_ = 1.0f;
    double budget_ms_ = 0;
    std::vector<Rect> todo_;  // parts of the cache picture still to draw for cached_
    // Spread: some tile drew a coarser level in place of one still uploading; redrawn once every level is in.
    bool provisional_ = false;
    std::size_t upload_slice_ = kUploadSliceBytes;
    int full_redraws_ = 0, scrolls_ = 0, tiles_drawn_ = 0;
    std::size_t tile_work_limit_ = 0;
    TintsDrawn tints_ = TintsDrawn::kWithEvents;

    bool spread() const { return budget_ms_ > 0; }
    // Makes the single-sampled spare picture the target's size (kept between redraws). False if GL cannot.
    bool ensure_spare();
    // Starts drawing the cache whole for camera: allocates the target if its size changed; with a budget, first
    // puts the old picture, moved and scaled to the new camera, where the new one will be drawn.
    bool start_full_redraw(const Camera& camera, int samples, bool stencil, const MapStyle& style);
    // Moves the cache by whole pixels to the cached camera moved by (dx, dy) pixels (world x right, y up); what the
    // move uncovers is queued to draw. Returns false (nothing done) when there is no overlap.
    bool scroll(const MapStyle& style, long dx, long dy);
    // Queues rect to draw, in tiles (at most the drawing buffer's size).
    void queue(Rect rect);
    // Draws queued tiles, nearest (cx, cy) first, until the budget from `started` is spent (at least one).
    DrawStats draw_queued(MapRenderer& renderer, const SceneRef& scene, const MapStyle& style, double cx, double cy);
    // The camera of the whole cache picture for a view camera (the margins added; drawn upside down).
    Camera cache_camera(const Camera& view) const;
};

}  // namespace em
