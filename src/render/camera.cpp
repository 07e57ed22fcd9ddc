#include "render/camera.hpp"

#include <algorithm>

namespace em {

Camera::Camera(XY centre, double metres_per_pixel, int width, int height)
    : centre_(centre), mpp_x_(metres_per_pixel), mpp_y_(metres_per_pixel), width_(std::max(width, 1)),
      height_(std::max(height, 1)) {}

Camera Camera::fit(const BBox& b, int width, int height) {
    width = std::max(width, 1), height = std::max(height, 1);
    const double mpp = std::max(b.width() / width, b.height() / height);
    return Camera({b.center_x(), b.center_y()}, mpp > 0 ? mpp : 1.0, width, height);
}

Camera Camera::exact(const BBox& b, int width, int height) {
    Camera c = fit(b, width, height);
    if (b.width() > 0) c.mpp_x_ = b.width() / c.width_;
    if (b.height() > 0) c.mpp_y_ = b.height() / c.height_;
    return c;
}

XY Camera::to_screen(XY w) const {
    return {(w.x - centre_.x) / mpp_x_ + width_ / 2.0, height_ / 2.0 - (w.y - centre_.y) / mpp_y_};
}

XY Camera::to_world(XY s) const {
    return {centre_.x + (s.x - width_ / 2.0) * mpp_x_, centre_.y + (height_ / 2.0 - s.y) * mpp_y_};
}

BBox Camera::visible() const {
    return BBox::of(centre_.x - width_ / 2.0 * mpp_x_, centre_.y - height_ / 2.0 * mpp_y_,
                    centre_.x + width_ / 2.0 * mpp_x_, centre_.y + height_ / 2.0 * mpp_y_);
}

Camera Camera::sub_view(int x0, int y0, int w, int h) const {
    Camera c = *this;
    c.centre_ = to_world({x0 + w / 2.0, y0 + h / 2.0});
    c.width_ = std::max(w, 1);
    c.height_ = std::max(h, 1);
    return c;
}

void Camera::pan_pixels(double dx, double dy) {
    centre_.x -= dx * mpp_x_;
    centre_.y += dy * mpp_y_;
}

void Camera::zoom_at(XY screen, double factor) {
    if (factor <= 0) return;
    const XY before = to_world(screen);
    mpp_x_ /= factor;
    mpp_y_ /= factor;
    const XY after = to_world(screen);
    centre_.x += before.x - after.x;
    centre_.y += before.y - after.y;
}

void Camera::resize(int width, int height) {
    width_ = std::max(width, 1);
    height_ = std::max(height, 1);
}

void Camera::clamp_scale(double min_mpp, double max_mpp) {
    const double ratio = mpp_y_ / mpp_x_;
    mpp_x_ = std::clamp(mpp_x_, min_mpp, max_mpp);
    mpp_y_ = mpp_x_ * ratio;
}

}  // namespace em
