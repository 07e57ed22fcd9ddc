#pragma once

#include "core/image.hpp"
#include "core/result.hpp"
#include "gl/framebuffer.hpp"

namespace em {

// A framebuffer to render into without a window: multisampled colour storage resolved into a single-sampled
// one that can be read back (or sampled as a texture). The drawing framebuffer has a stencil buffer (fills use it
// to blend each pixel once; see FillRenderer).
class OffscreenTarget {
public:
    // How the resolved colour is stored. kReadBack: RGBA, what glReadPixels(GL_RGBA) copies fastest.
    // kWindowCopy: BGRA, the layout of a window's framebuffer on Mesa, so that a blit into the window of a
    // picture drawn upside down (Camera::set_flip_y) is a plain memory copy on llvmpipe (0.5 ms instead of 5 ms
    // through a shader at 1920x1080; see blit_region_to_default).
    enum class Storage { kReadBack, kWindowCopy };

    // Whether the drawing framebuffer gets a depth-stencil buffer: a picture that needs no stencil
    // (scene_needs_stencil) saves its allocation and clearing (33 MB, about 30 ms, at 3840x2160 on llvmpipe).
    enum class Stencil { kWith, kWithout };

    // Allocates width x height with up to `samples` MSAA samples (clamped to what GL offers; 0 = none).
    static Result<OffscreenTarget> create(int width, int height, int samples, Storage storage = Storage::kReadBack,
                                          Stencil stencil = Stencil::kWith);

    // Binds the drawing framebuffer and sets the viewport.
    void bind() const;
    // Resolves multisampling (if any) into the readable buffer.
    void resolve() const;
    // Resolves the drawn rectangle (0, 0, width, height) (multisampled or not) into `picture`'s resolved picture
    // with its bottom-left corner at (dst_x, dst_y): a small target draws the tiles of a larger picture
    // (BaseMapCache), so that the multisampled buffers are a tile's size, not the picture's.
    void resolve_corner_into(const OffscreenTarget& picture, int width, int height, int dst_x, int dst_y) const;
    // Copies the resolved image into the window's framebuffer (same size, origin bottom-left).
    void blit_to_default() const;
    // Copies the source rectangle [x0, x1) x [y0, y1) (GL orientation, may reach outside the target: the
    // outside is left as cleared) into the window framebuffer's rectangle of width x height whose bottom-left
    // corner is (dst_x, dst_y) (GL orientation), scaling if sizes differ. With drawn_flipped the target holds a picture drawn upside down and y0, y1 are
    // rows of the picture as if it were not: the copy turns it the right way up. Mesa stores window buffers
    // top row first, so this copy of a kWindowCopy target needs no shader.
    void blit_region_to_default(int x0, int y0, int x1, int y1, int dst_x, int dst_y, int width, int height,
                                bool drawn_flipped = false) const;
    // Copies the window framebuffer's rectangle [x0, x1) x [y0, y1) (GL orientation) into the same rectangle of the
    // resolved picture.
    void copy_region_from_default(int x0, int y0, int x1, int y1) const;
    // Copies the window framebuffer's rectangle [x0, x1) x [y0, y1) (GL orientation) into the same rectangle of this
    // target's resolved picture upside down, as a picture drawn with Camera::set_flip_y holds it: then
    // blit_region_to_default(..., drawn_flipped = true) gives it back as it was. For a kWindowCopy target on
    // llvmpipe both ways are plain memory copies (ui/panel_pictures keeps panels' pixels so).
    void copy_region_flipped_from_default(int x0, int y0, int x1, int y1) const;
    // Copies the rectangle [x0, x1) x [y0, y1) (GL orientation) of `source`'s resolved picture (same size) into this
    // target's resolved picture upside down, as a picture drawn with Camera::set_flip_y holds it: then
    // blit_region_to_default(..., drawn_flipped = true) gives it back as it was in `source`.
    void copy_region_flipped_from(const OffscreenTarget& source, int x0, int y0, int x1, int y1) const;
    // Copies the resolved picture of `source` (same size) into this target's resolved picture moved by (dx, dy)
    // pixels in GL orientation; what the move uncovers is left as it was (draw the uncovered parts again).
    void copy_shifted_from(const OffscreenTarget& source, int dx, int dy) const;
    // Copies the rectangle [x0, x1) x [y0, y1) of `source`'s resolved picture (GL orientation; it may reach
    // outside the source, whose outside leaves this target's pixels as they were) over the whole of this target's
    // resolved picture, scaled with linear filtering.
    void copy_scaled_from(const OffscreenTarget& source, int x0, int y0, int x1, int y1) const;
    // Clears the rectangle of the drawing buffer and of the resolved picture to the colour.
    void clear_region(int x, int y, int width, int height, float r, float g, float b) const;
    // Copies the rectangle (x, y, width, height) (GL orientation) of the resolved picture of `source` (same size)
    // into the same rectangle of this target's resolved picture.
    void copy_region_from(const OffscreenTarget& source, int x, int y, int width, int height) const;
    // Resolves and reads the pixels, rows top to bottom. Pass drawn_flipped when the picture was drawn with
    // Camera::set_flip_y(true): its rows are then already in image order and are not swapped.
    Image read(bool drawn_flipped = false) const;
    // The resolved colour texture (valid after resolve()).
    const gl::Texture& texture() const { return resolved_texture_; }
    int width() const { return width_; }
    int height() const { return height_; }
    int samples() const { return samples_; }
    bool has_stencil() const { return depth_stencil_.id() != 0; }

private:
    gl::Framebuffer draw_fbo_, resolve_fbo_;
    gl::Renderbuffer msaa_color_, depth_stencil_;
    gl::Texture resolved_texture_;
    int width_ = 0, height_ = 0, samples_ = 0;
};

// The largest width or height one offscreen target may have on this context.
int max_target_size();

// Reads the window's back buffer (width x height from the bottom-left), rows top to bottom.
Image read_window_back_buffer(int width, int height);

}  // namespace em
