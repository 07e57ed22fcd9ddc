#pragma once

#include "core/bbox.hpp"
#include "core/geo_point.hpp"

namespace em {

// What part of the projected plane a viewport shows. Screen pixels have their origin at the top-left,
// y down; the projected plane has y up. Pixel sizes along x and y are equal unless a caller asks for an
// exact box (equirectangular --bbox exports), where they may differ.
class Camera {
public:
    Camera() = default;
    // A camera showing centre at the given metres per pixel in a viewport of width x height pixels.
    Camera(XY centre, double metres_per_pixel, int width, int height);

    // Shows the whole box with equal pixel sizes, adding margin on the short side.
    static Camera fit(const BBox& projected, int width, int height);
    // Shows exactly the box, stretching pixels to fill the viewport.
    static Camera exact(const BBox& projected, int width, int height);

    XY centre() const { return centre_; }
    double metres_per_pixel_x() const { return mpp_x_; }
    double metres_per_pixel_y() const { return mpp_y_; }
    int width() const { return width_; }
    int height() const { return height_; }

    // Projected metres to screen pixels.
    XY to_screen(XY world) const;
    // Screen pixels to projected metres.
    XY to_world(XY screen) const;
    // The projected extent of the viewport.
    BBox visible() const;

    // The camera of a rectangle of this one's pixels (x0, y0 from the top-left, w x h): same scale, its own
    // viewport. Drawing every tile with its sub-view and stitching gives the full picture.
    Camera sub_view(int x0, int y0, int w, int h) const;
    // Moves by a screen-pixel drag (content follows the pointer).
    void pan_pixels(double dx, double dy);
    // Zooms by factor (> 1 zooms in), keeping the world point under the screen point fixed.
    void zoom_at(XY screen, double factor);
    // Changes the viewport size, keeping the centre and scale.
    void resize(int width, int height);
    // Draws upside down (row 0 at the bottom of GL's framebuffer becomes the top of the picture), so pixels
    // read back from an offscreen target are already in image order and need no flip.
    void set_flip_y(bool flip) { flip_y_ = flip; }
    bool flip_y() const { return flip_y_; }
    // Keeps the scale within [min, max] metres per pixel.
    void clamp_scale(double min_mpp, double max_mpp);

    friend bool operator==(const Camera&, const Camera&) = default;

private:
    XY centre_{};
    double mpp_x_ = 1000.0, mpp_y_ = 1000.0;
    int width_ = 1, height_ = 1;
    bool flip_y_ = false;
};

}  // namespace em
