#include "render/base_map_cache.hpp"

#include "render/layer_work.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <utility>
#include <vector>

namespace em {

namespace {

// Tiles of a redraw: small enough that one costs a fraction of a frame with a heavy layer on llvmpipe (land10m
// over a 3200x1800 cache: 104 tiles, the busiest with ~50k triangles and as many segments), large enough that the
// features cut by a tile's edges are not drawn many times over. Also the size of the multisampled drawing buffer
// (2 MB with 4 samples and a stencil, against 102 MB for the 2236x1422 picture of a 1920x1080 window: issue
// 18's window memory).
constexpr int kTile = 256;
// The most primitives (fill triangles and outline segments, render/layer_work) a tile of a spread redraw may hold
// before it is cut in four: about 45 ms on llvmpipe, so that the busiest tiles (Norway's coast in land10m: ~190 k
// in a 256-pixel tile, 76-90 ms) no longer make a frame over 100 ms. Cut no smaller than kMinTile.
constexpr std::size_t kTileWork = 100000;
constexpr int kMinTile = 32;
// Pixels around a tile whose features are drawn too (times the pixel scale): a line's half width reaches that far
// into the tile.
constexpr int kCullMargin = 8;

using Clock = std::chrono::steady_clock;

}  // namespace

Camera BaseMapCache::cache_camera(const Camera& view) const {
    Camera big(view.centre(), view.metres_per_pixel_x(), view.width() + 2 * margin_x_, view.height() + 2 * margin_y_);
    big.set_flip_y(true);  // upside down, so that present() is a plain copy (see OffscreenTarget::Storage)
    return big;
}

void BaseMapCache::queue(Rect rect) {
    for (int y = rect.y; y < rect.y + rect.height; y += kTile)
        for (int x = rect.x; x < rect.x + rect.width; x += kTile)
            todo_.push_back({x, y, std::min(kTile, rect.x + rect.width - x), std::min(kTile, rect.y + rect.height - y)});
}

bool BaseMapCache::ensure_spare() {
    const int w = picture_->width(), h = picture_->height();
    if (spare_ && spare_->width() == w && spare_->height() == h) return true;
    // Only ever copied into and out of: no depth-stencil buffer (13 MB at 1920x1080).
    auto t = OffscreenTarget::create(w, h, 0, OffscreenTarget::Storage::kWindowCopy, OffscreenTarget::Stencil::kWithout);
    if (!t) return false;
    spare_ = std::move(t).value();
    return true;
}

bool BaseMapCache::start_full_redraw(const Camera& camera, int samples, bool stencil, const MapStyle& style) {
    const Camera old = cached_;
    const bool had_picture = picture_ && full_redraws_ > 0;
    margin_x_ = camera.width() / 3;
    margin_y_ = camera.height() / 3;
    const int w = camera.width() + 2 * margin_x_, h = camera.height() + 2 * margin_y_;
    bool fresh = false;
    if (!drawing_ || drawing_->samples() != samples || drawing_->has_stencil() != stencil) {
        // A depth-stencil buffer only for a scene that needs one (scene_needs_stencil).
        auto t = OffscreenTarget::create(kTile, kTile, samples, OffscreenTarget::Storage::kWindowCopy,
                                         stencil ? OffscreenTarget::Stencil::kWith : OffscreenTarget::Stencil::kWithout);
        if (!t) return false;
        drawing_ = std::move(t).value();
        translucent_prepared_ = false;
    }
    if (!picture_ || picture_->width() != w || picture_->height() != h) {
        // Single-sampled, without a stencil: tiles are drawn in drawing_ and resolved into it.
        auto t = OffscreenTarget::create(w, h, 0, OffscreenTarget::Storage::kWindowCopy,
                                         OffscreenTarget::Stencil::kWithout);
        if (!t) return false;
        picture_ = std::move(t).value();
        spare_.reset();
        fresh = true;
        // The spare picture is made now, with the cache, not at the first pan's scroll: on llvmpipe making a
        // 2236x1422 texture took 43-118 ms (glTexImage2D alone, measured under load), which made the first scroll
        // of a pan one frame of 130 ms (issue 17's pan benchmark). Here it joins the whole redraw that a new cache needs anyway. If GL cannot make it,
        // scroll() tries again and redraws whole when it still cannot.
        ensure_spare();
    }
    todo_.clear();
    if (spread()) {
        const Color& sea = style.ocean;
        if (fresh || !had_picture) {
            picture_->clear_region(0, 0, w, h, sea.r, sea.g, sea.b);  // nothing to show meanwhile but the sea
        } else if (!(old == camera)) {
            // The old picture, moved and scaled to where the new camera sees the same places, stays up until the
            // tiles replace it (both are stored upside down: GL rows are the pictures' rows from the top).
            if (!ensure_spare()) return false;
            const Camera from = cache_camera(old), to = cache_camera(camera);
            const XY top_left = from.to_screen(to.to_world({0, 0}));
            const XY bottom_right = from.to_screen(to.to_world({static_cast<double>(w), static_cast<double>(h)}));
            const int x0 = static_cast<int>(std::lround(top_left.x)), y0 = static_cast<int>(std::lround(top_left.y));
            const int x1 = static_cast<int>(std::lround(bottom_right.x)), y1 = static_cast<int>(std::lround(bottom_right.y));
            spare_->clear_region(0, 0, w, h, sea.r, sea.g, sea.b);
            if (x1 - x0 == w && y1 - y0 == h) {
                // Moved, not scaled (a pan while a layer loads): a copy clipped to both pictures. Mesa copies that as
                // memory; a blit whose source reaches outside the picture goes through a shader, 35-45 ms at this size
                // on llvmpipe under load and ~200 ms the first time (bench/README, coldopen2).
                spare_->copy_shifted_from(*picture_, -x0, -y0);
            } else {
                spare_->copy_scaled_from(*picture_, x0, y0, x1, y1);
            }
            picture_->copy_shifted_from(*spare_, 0, 0);
        }
    }
    cached_ = camera;
    valid_ = true;
    provisional_ = false;
    ++full_redraws_;
    queue({0, 0, w, h});
    return true;
}

void BaseMapCache::redraw_area(const BBox& box) {
    if (!picture_ || !valid_ || full_redraws_ == 0 || box.empty()) return;
    // The picture is stored upside down, so its rects count rows from the top, as the cache camera's screen does.
    const Camera big = cache_camera(cached_);
    const XY a = big.to_screen({box.min_x, box.max_y}), b = big.to_screen({box.max_x, box.min_y});
    // A few pixels more for the outlines drawn over the edge (as a tile's cull margin).
    const int m = static_cast<int>(std::ceil(kCullMargin * pixel_scale_));
    const int x0 = std::max(0, static_cast<int>(std::floor(std::min(a.x, b.x))) - m);
    const int y0 = std::max(0, static_cast<int>(std::floor(std::min(a.y, b.y))) - m);
    const int x1 = std::min(picture_->width(), static_cast<int>(std::ceil(std::max(a.x, b.x))) + m);
    const int y1 = std::min(picture_->height(), static_cast<int>(std::ceil(std::max(a.y, b.y))) + m);
    if (x0 >= x1 || y0 >= y1) return;
    queue({x0, y0, x1 - x0, y1 - y0});
}

void BaseMapCache::prepare_translucent_fills(MapRenderer& renderer) {
    if (!drawing_ || translucent_prepared_) return;
    drawing_->bind();
    // Under a scissor, as a tile is drawn: the stencil is then cleared under it, which llvmpipe does with a shader
    // of its own (compiled the first time too).
    glEnable(GL_SCISSOR_TEST);
    glScissor(0, 0, 1, 1);
    renderer.prepare_translucent_fill(cache_camera(cached_));
    glDisable(GL_SCISSOR_TEST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    translucent_prepared_ = true;
}

bool BaseMapCache::scroll(const MapStyle& style, long dx, long dy) {
    const int w = picture_->width(), h = picture_->height();
    if (std::labs(dx) >= w || std::labs(dy) >= h) return false;
    if (!ensure_spare()) return false;
    const double mpp = cached_.metres_per_pixel_x();
    const Camera moved(XY{cached_.centre().x + static_cast<double>(dx) * mpp,
                          cached_.centre().y + static_cast<double>(dy) * cached_.metres_per_pixel_y()},
                       mpp, cached_.width(), cached_.height());
    // The picture is stored upside down: moving the camera right moves the content left (-dx), moving it up moves
    // the content down the picture, which is up the stored rows (+dy).
    const int sx = static_cast<int>(-dx), sy = static_cast<int>(dy);
    // Through the spare picture (a copy within one framebuffer must not overlap).
    spare_->copy_shifted_from(*picture_, sx, sy);
    picture_->copy_shifted_from(*spare_, 0, 0);
    // Tiles still queued move with the picture; what moves off it is dropped.
    std::vector<Rect> kept;
    for (Rect r : todo_) {
        const int x0 = std::max(0, r.x + sx), y0 = std::max(0, r.y + sy);
        const int x1 = std::min(w, r.x + sx + r.width), y1 = std::min(h, r.y + sy + r.height);
        if (x0 < x1 && y0 < y1) kept.push_back({x0, y0, x1 - x0, y1 - y0});
    }
    todo_ = std::move(kept);
    // The strips the move uncovered: a column on the side moved towards, a band of rows likewise. Cleared to the
    // sea at once (the copy left them as they were), then drawn.
    std::vector<Rect> strips;
    if (sx < 0) strips.push_back({w + sx, 0, -sx, h});
    if (sx > 0) strips.push_back({0, 0, sx, h});
    if (sy > 0) strips.push_back({0, 0, w, sy});
    if (sy < 0) strips.push_back({0, h + sy, w, -sy});
    for (const Rect& s : strips) {
        if (spread()) picture_->clear_region(s.x, s.y, s.width, s.height, style.ocean.r, style.ocean.g, style.ocean.b);
        queue(s);
    }
    cached_ = moved;
    ++scrolls_;
    return true;
}

DrawStats BaseMapCache::draw_queued(MapRenderer& renderer, const SceneRef& scene, const MapStyle& style, double cx,
                                    double cy) {
    DrawStats total;
    if (todo_.empty()) return total;
    const auto started = Clock::now();
    // Nearest the view's centre last in the vector: drawn first.
    auto distance = [cx, cy](const Rect& r) {
        return std::hypot(r.x + r.width / 2.0 - cx, r.y + r.height / 2.0 - cy);
    };
    std::stable_sort(todo_.begin(), todo_.end(),
                     [&](const Rect& a, const Rect& b) { return distance(a) > distance(b); });
    const Camera big = cache_camera(cached_);
    const std::size_t work_limit = tile_work_limit_ > 0 ? tile_work_limit_ : kTileWork;
    // Spread, a level still uploading is drawn as a coarser stand-in (MapRenderer's staged uploads).
    renderer.set_staged_uploads(spread());
    const std::uint64_t stand_ins = renderer.stand_ins();
    while (!todo_.empty()) {
        const Rect t = todo_.back();
        todo_.pop_back();
        // The whole cache's transform, so that tiles meet exactly; culled to the tile (and a few pixels for line
        // widths), so that only the pieces of features that meet it are drawn.
        const int m = static_cast<int>(std::ceil(kCullMargin * pixel_scale_));
        auto cull_of = [&](const Rect& r) { return big.sub_view(r.x - m, r.y - m, r.width + 2 * m, r.height + 2 * m).visible(); };
        const BBox cull = cull_of(t);
        if (spread() && std::min(t.width, t.height) >= 2 * kMinTile) {
            const std::size_t work = t.work > 0 ? t.work : layers_work(scene, style, big, 1.0, cull);
            if (work > work_limit) {
                // Too busy for one frame: cut in quarters, drawn next, if that makes the busiest part lighter without
                // piling up work. A piece of a feature that meets several quarters is drawn for each, so cutting
                // adds work (land10m's busiest 256-pixel tiles: quarters of 0.5-0.7 of the tile, 2x in all); a tile
                // whose work is mostly long pieces crossing it (a graticule's meridians) is left whole.
                const int w0 = t.width / 2, h0 = t.height / 2;
                std::array<Rect, 4> quarters{Rect{t.x, t.y, w0, h0}, Rect{t.x + w0, t.y, t.width - w0, h0},
                                             Rect{t.x, t.y + h0, w0, t.height - h0},
                                             Rect{t.x + w0, t.y + h0, t.width - w0, t.height - h0}};
                std::size_t busiest = 0, sum = 0;
                for (Rect& q : quarters) {
                    q.work = std::max<std::size_t>(1, layers_work(scene, style, big, 1.0, cull_of(q)));
                    busiest = std::max(busiest, q.work);
                    sum += q.work;
                }
                if (busiest < work * 9 / 10 && sum < 3 * work) {
                    for (const Rect& q : quarters) todo_.push_back(q);
                    continue;
                }
            }
        }
        // The tile is drawn in the corner of the tile-sized drawing buffer: the viewport is the whole picture's,
        // moved by whole pixels, so that each pixel is rasterised exactly as in a picture-sized buffer.
        drawing_->bind();
        glViewport(-t.x, -t.y, big.width(), big.height());
        glEnable(GL_SCISSOR_TEST);
        glScissor(0, 0, t.width, t.height);
        glClearColor(style.ocean.r, style.ocean.g, style.ocean.b, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ++tiles_drawn_;
        const DrawStats s = renderer.draw_layers(scene, style, big, pixel_scale_, 1.0, &cull, tints_);
        glDisable(GL_SCISSOR_TEST);
        drawing_->resolve_corner_into(*picture_, t.width, t.height, t.x, t.y);
        total.triangles += s.triangles, total.segments += s.segments, total.base_level = s.base_level;
        if (!spread()) continue;
        glFinish();  // the tile's real cost, so that the budget means time
        if (std::chrono::duration<double, std::milli>(Clock::now() - started).count() >= budget_ms_) break;
    }
    renderer.set_staged_uploads(false);
    if (renderer.stand_ins() != stand_ins) provisional_ = true;
    return total;
}

bool BaseMapCache::present(MapRenderer& renderer, const SceneRef& scene, const MapStyle& style, const Camera& camera,
                           int samples, bool settled, DrawStats* stats, int dst_x, int dst_y) {
    const bool have = picture_ && full_redraws_ > 0;
    const bool same_scale = have && cached_.metres_per_pixel_x() == camera.metres_per_pixel_x() &&
                            cached_.metres_per_pixel_y() == camera.metres_per_pixel_y();
    const bool same_size = have && cached_.width() == camera.width() && cached_.height() == camera.height();
    double dx = 0, dy = 0;
    if (same_scale) {
        dx = (camera.centre().x - cached_.centre().x) / camera.metres_per_pixel_x();
        dy = (camera.centre().y - cached_.centre().y) / camera.metres_per_pixel_y();
    }
    if (spread()) {
        // This frame's share of the uploads; a picture with stand-in levels is redrawn once their own are in
        // (at the scale it was drawn at: while a zoom is under way the frames show the scaled preview).
        renderer.gpu_meshes().begin_frame(upload_slice_, kProjectionMsPerFrame);
        if (provisional_ && valid_ && todo_.empty() && same_scale &&
            renderer.stage_levels(scene, cache_camera(cached_).metres_per_pixel_x()))
            valid_ = false;
    }
    const bool fits = same_scale && same_size && std::abs(dx) <= margin_x_ && std::abs(dy) <= margin_y_;
    const bool aligned = std::abs(dx - std::round(dx)) < 1e-3 && std::abs(dy - std::round(dy)) < 1e-3;
    const bool scrollable = same_scale && same_size && aligned && drawing_->samples() == samples;
    bool full = false, scroll_now = false;
    // Tints drawn here are translucent: each country blends once (FillRenderer), whatever its triangles do.
    const bool stencil = scene_needs_stencil(scene) || tints_ == TintsDrawn::kWithLayers;
    if (!have || !valid_ || drawing_->has_stencil() != stencil) {
        full = true;
    } else if (same_scale) {
        // Panning: copy while the shift stays inside the margin (and whole pixels once the view rests). Leaving
        // it by whole pixels scrolls; spreading, the scroll comes halfway to the edge, while the strips are off
        // screen and can be drawn over the next frames.
        const bool near_edge = std::abs(dx) > margin_x_ / 2.0 || std::abs(dy) > margin_y_ / 2.0;
        if (!fits || (settled && !aligned)) {
            scroll_now = scrollable;
            full = !scrollable;
        } else if (spread() && near_edge && scrollable && todo_.empty()) {
            scroll_now = true;
        }
    } else {
        // Zooming: show the cached picture scaled until the view rests.
        full = settled || !same_size;
    }
    if (scroll_now && !scroll(style, std::lround(dx), std::lround(dy))) full = true;
    if (full && !start_full_redraw(camera, samples, stencil, style)) return false;
    DrawStats drawn;
    bool redrew = false;
    // Zoom in progress: the frames go to the scaled preview, tiles wait for the view to rest.
    if (cached_.metres_per_pixel_x() == camera.metres_per_pixel_x() && !todo_.empty()) {
        const double vx = (camera.centre().x - cached_.centre().x) / cached_.metres_per_pixel_x();
        const double vy = (camera.centre().y - cached_.centre().y) / cached_.metres_per_pixel_y();
        drawn = draw_queued(renderer, scene, style, margin_x_ + cached_.width() / 2.0 + vx,
                            margin_y_ + cached_.height() / 2.0 - vy);
        redrew = true;
    }
    if (stats && redrew) *stats = drawn;
    const bool scaled = cached_.metres_per_pixel_x() != camera.metres_per_pixel_x() ||
                        cached_.metres_per_pixel_y() != camera.metres_per_pixel_y();
    if (scaled) {
        // The scaled preview may not cover the map's area: start from the ocean (there only).
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(dst_x, dst_y, camera.width(), camera.height());
        glEnable(GL_SCISSOR_TEST);
        glScissor(dst_x, dst_y, camera.width(), camera.height());
        glClearColor(style.ocean.r, style.ocean.g, style.ocean.b, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        glDisable(GL_SCISSOR_TEST);
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    // Copy the part of the cache the camera sees; while zooming, scale the cached picture as a preview.
    const double scale_x = cached_.metres_per_pixel_x() / camera.metres_per_pixel_x();
    const double scale_y = cached_.metres_per_pixel_y() / camera.metres_per_pixel_y();
    const double cx =
        margin_x_ + cached_.width() / 2.0 + (camera.centre().x - cached_.centre().x) / cached_.metres_per_pixel_x();
    const double cy =
        margin_y_ + cached_.height() / 2.0 + (camera.centre().y - cached_.centre().y) / cached_.metres_per_pixel_y();
    const double half_w = camera.width() / 2.0 / scale_x, half_h = camera.height() / 2.0 / scale_y;
    picture_->blit_region_to_default(
        static_cast<int>(std::lround(cx - half_w)), static_cast<int>(std::lround(cy - half_h)),
        static_cast<int>(std::lround(cx + half_w)), static_cast<int>(std::lround(cy + half_h)), dst_x, dst_y,
        camera.width(), camera.height(), /*drawn_flipped=*/true);
    return redrew;
}

}  // namespace em
