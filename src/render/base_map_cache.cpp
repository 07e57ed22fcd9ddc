#include "render/base_map_cache.hpp"

#include <algorithm>

#include <cmath>

namespace em {

bool BaseMapCache::render(MapRenderer& renderer, MapScene& scene, const MapStyle& style, const Camera& camera,
                          int samples, DrawStats* stats) {
    margin_x_ = camera.width() / 3;
    margin_y_ = camera.height() / 3;
    const int w = camera.width() + 2 * margin_x_, h = camera.height() + 2 * margin_y_;
    if (!target_ || target_->width() != w || target_->height() != h || target_->samples() != samples) {
        auto t = OffscreenTarget::create(w, h, samples, OffscreenTarget::Storage::kWindowCopy);
        if (!t) return false;
        target_ = std::move(t).value();
    }
    Camera big(camera.centre(), camera.metres_per_pixel_x(), w, h);
    big.set_flip_y(true);  // upside down, so that present() is a plain copy (see OffscreenTarget::Storage)
    target_->bind();
    glClearColor(style.ocean.r, style.ocean.g, style.ocean.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    DrawStats s = renderer.draw_layers(scene, style, big, 1.0f, 1.0);
    target_->resolve();
    if (stats) *stats = s;
    cached_ = camera;
    valid_ = true;
    return true;
}

bool BaseMapCache::present(MapRenderer& renderer, MapScene& scene, const MapStyle& style, const Camera& camera,
                           int samples, bool settled, DrawStats* stats, int covered_rows) {
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
    if (render_now) redrew = render(renderer, scene, style, camera, samples, stats);
    if (!redrew && !same_scale) {
        // The scaled preview may not cover the window: start from the ocean.
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, camera.width(), camera.height());
        glClearColor(style.ocean.r, style.ocean.g, style.ocean.b, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    if (!target_) return redrew;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    // Copy the part of the cache the camera sees; while zooming, scale the cached picture as a preview.
    const double scale_x = cached_.metres_per_pixel_x() / camera.metres_per_pixel_x();
    const double scale_y = cached_.metres_per_pixel_y() / camera.metres_per_pixel_y();
    const double cx = margin_x_ + cached_.width() / 2.0 + (camera.centre().x - cached_.centre().x) /
                                                             cached_.metres_per_pixel_x();
    const double cy = margin_y_ + cached_.height() / 2.0 + (camera.centre().y - cached_.centre().y) /
                                                              cached_.metres_per_pixel_y();
    const double half_w = camera.width() / 2.0 / scale_x, half_h = camera.height() / 2.0 / scale_y;
    // GL rows run bottom up: the covered rows are the first ones of the window and of the source rectangle.
    const int covered = std::clamp(covered_rows, 0, camera.height() - 1);
    target_->blit_region_to_default(static_cast<int>(std::lround(cx - half_w)),
                                    static_cast<int>(std::lround(cy - half_h + covered / scale_y)),
                                    static_cast<int>(std::lround(cx + half_w)), static_cast<int>(std::lround(cy + half_h)),
                                    camera.width(), camera.height(), covered, /*drawn_flipped=*/true);
    return redrew;
}

}  // namespace em
