#include "render/base_map_cache.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <utility>
#include <vector>

namespace em {

Camera BaseMapCache::cache_camera(const Camera& view) const {
    Camera big(view.centre(), view.metres_per_pixel_x(), view.width() + 2 * margin_x_, view.height() + 2 * margin_y_);
    big.set_flip_y(true);  // upside down, so that present() is a plain copy (see OffscreenTarget::Storage)
    return big;
}

bool BaseMapCache::render(MapRenderer& renderer, const SceneRef& scene, const MapStyle& style, const Camera& camera,
                          int samples, DrawStats* stats) {
    margin_x_ = camera.width() / 3;
    margin_y_ = camera.height() / 3;
    const int w = camera.width() + 2 * margin_x_, h = camera.height() + 2 * margin_y_;
    if (!target_ || target_->width() != w || target_->height() != h || target_->samples() != samples) {
        auto t = OffscreenTarget::create(w, h, samples, OffscreenTarget::Storage::kWindowCopy);
        if (!t) return false;
        target_ = std::move(t).value();
        spare_.reset();
    }
    const Camera big = cache_camera(camera);
    target_->bind();
    glClearColor(style.ocean.r, style.ocean.g, style.ocean.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    DrawStats s = renderer.draw_layers(scene, style, big, pixel_scale_, 1.0);
    target_->resolve();
    if (stats) *stats = s;
    cached_ = camera;
    valid_ = true;
    ++full_redraws_;
    return true;
}

bool BaseMapCache::scroll(MapRenderer& renderer, const SceneRef& scene, const MapStyle& style, long dx, long dy,
                          DrawStats* stats) {
    const int w = target_->width(), h = target_->height();
    if (std::labs(dx) >= w || std::labs(dy) >= h) return false;
    if (!spare_ || spare_->width() != w || spare_->height() != h) {
        auto t = OffscreenTarget::create(w, h, 0, OffscreenTarget::Storage::kWindowCopy);
        if (!t) return false;
        spare_ = std::move(t).value();
    }
    const double mpp = cached_.metres_per_pixel_x();
    const Camera moved(XY{cached_.centre().x + static_cast<double>(dx) * mpp,
                          cached_.centre().y + static_cast<double>(dy) * cached_.metres_per_pixel_y()},
                       mpp, cached_.width(), cached_.height());
    // The picture is stored upside down: moving the camera right moves the content left (-dx), moving it up moves
    // the content down the picture, which is up the stored rows (+dy).
    const int sx = static_cast<int>(-dx), sy = static_cast<int>(dy);
    // Through a single-sampled spare picture (a copy within one framebuffer must not overlap); the multisampled
    // drawing buffer needs no copy: only the strips are drawn into it, and only they are resolved.
    spare_->copy_shifted_from(*target_, sx, sy);
    target_->copy_shifted_from(*spare_, 0, 0);
    // The strips the move uncovered: a column on the side moved towards, a band of rows likewise.
    struct Strip {
        int x, y, width, height;
    };
    std::vector<Strip> strips;
    if (sx < 0) strips.push_back({w + sx, 0, -sx, h});
    if (sx > 0) strips.push_back({0, 0, sx, h});
    if (sy > 0) strips.push_back({0, 0, w, sy});
    if (sy < 0) strips.push_back({0, h + sy, w, -sy});
    const Camera big = cache_camera(moved);
    target_->bind();
    glEnable(GL_SCISSOR_TEST);
    DrawStats total;
    for (const Strip& strip : strips) {
        glScissor(strip.x, strip.y, strip.width, strip.height);
        glClearColor(style.ocean.r, style.ocean.g, style.ocean.b, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        const DrawStats s = renderer.draw_layers(scene, style, big, pixel_scale_, 1.0);
        total.triangles += s.triangles, total.segments += s.segments, total.base_level = s.base_level;
    }
    glDisable(GL_SCISSOR_TEST);
    for (const Strip& strip : strips) target_->resolve_region(strip.x, strip.y, strip.width, strip.height);
    if (stats) *stats = total;
    cached_ = moved;
    ++scrolls_;
    return true;
}

bool BaseMapCache::present(MapRenderer& renderer, const SceneRef& scene, const MapStyle& style, const Camera& camera,
                           int samples, bool settled, DrawStats* stats, int dst_x, int dst_y) {
    bool redrew = false;
    const bool same_scale = valid_ && cached_.metres_per_pixel_x() == camera.metres_per_pixel_x() &&
                            cached_.metres_per_pixel_y() == camera.metres_per_pixel_y();
    double dx = 0, dy = 0;
    if (same_scale) {
        dx = (camera.centre().x - cached_.centre().x) / camera.metres_per_pixel_x();
        dy = (camera.centre().y - cached_.centre().y) / camera.metres_per_pixel_y();
    }
    const bool fits = same_scale && std::abs(dx) <= margin_x_ && std::abs(dy) <= margin_y_ &&
                      cached_.width() == camera.width() && cached_.height() == camera.height();
    const bool aligned = std::abs(dx - std::round(dx)) < 1e-3 && std::abs(dy - std::round(dy)) < 1e-3;
    bool render_now;
    if (!valid_) {
        render_now = true;
    } else if (same_scale) {
        // Panning: copy while the shift stays inside the margin (and whole pixels once the view rests).
        render_now = !fits || (settled && !aligned);
    } else {
        // Zooming: show the cached picture scaled until the view rests.
        render_now = settled || cached_.width() != camera.width() || cached_.height() != camera.height();
    }
    if (render_now) {
        // Left the margin while panning by whole pixels: scroll. Otherwise (zoom, resize, settling on a fraction of
        // a pixel) draw the whole cache.
        const bool scrollable = same_scale && !fits && aligned && target_->samples() == samples &&
                                cached_.width() == camera.width() && cached_.height() == camera.height();
        redrew = (scrollable && scroll(renderer, scene, style, std::lround(dx), std::lround(dy), stats)) ||
                 render(renderer, scene, style, camera, samples, stats);
    }
    if (!redrew && !same_scale) {
        // The scaled preview may not cover the map's area: start from the ocean (there only).
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(dst_x, dst_y, camera.width(), camera.height());
        glEnable(GL_SCISSOR_TEST);
        glScissor(dst_x, dst_y, camera.width(), camera.height());
        glClearColor(style.ocean.r, style.ocean.g, style.ocean.b, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        glDisable(GL_SCISSOR_TEST);
    }
    if (!target_) return redrew;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    // Copy the part of the cache the camera sees; while zooming, scale the cached picture as a preview.
    const double scale_x = cached_.metres_per_pixel_x() / camera.metres_per_pixel_x();
    const double scale_y = cached_.metres_per_pixel_y() / camera.metres_per_pixel_y();
    const double cx =
        margin_x_ + cached_.width() / 2.0 + (camera.centre().x - cached_.centre().x) / cached_.metres_per_pixel_x();
    const double cy =
        margin_y_ + cached_.height() / 2.0 + (camera.centre().y - cached_.centre().y) / cached_.metres_per_pixel_y();
    const double half_w = camera.width() / 2.0 / scale_x, half_h = camera.height() / 2.0 / scale_y;
    target_->blit_region_to_default(
        static_cast<int>(std::lround(cx - half_w)), static_cast<int>(std::lround(cy - half_h)),
        static_cast<int>(std::lround(cx + half_w)), static_cast<int>(std::lround(cy + half_h)), dst_x, dst_y,
        camera.width(), camera.height(), /*drawn_flipped=*/true);
    return redrew;
}

}  // namespace em
