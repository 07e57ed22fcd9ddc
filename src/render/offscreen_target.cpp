#include "render/offscreen_target.hpp"

#include <algorithm>
#include <cstring>

namespace em {

int max_target_size() {
    GLint rb = 0, tex = 0, vp[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &rb);
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &tex);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, vp);
    return std::min({rb, tex, vp[0], vp[1]});
}

Result<OffscreenTarget> OffscreenTarget::create(int width, int height, int samples, Storage storage, Stencil stencil) {
    const int limit = max_target_size();
    if (width <= 0 || height <= 0 || width > limit || height > limit)
        return Error{"render target " + std::to_string(width) + "x" + std::to_string(height) +
                     " exceeds this GL's limit of " + std::to_string(limit) + " pixels per side"};
    GLint max_samples = 0;
    glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
    OffscreenTarget t;
    t.width_ = width;
    t.height_ = height;
    t.samples_ = std::clamp(samples, 0, static_cast<int>(max_samples));
    // Mesa picks BGRA storage for the unsized GL_RGBA with BGRA bytes; a sized GL_RGBA8 stays RGBA (measured).
    t.resolved_texture_ = storage == Storage::kWindowCopy
                              ? gl::Texture::create(width, height, GL_RGBA, GL_BGRA, GL_UNSIGNED_BYTE)
                              : gl::Texture::create(width, height, GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE);
    t.resolve_fbo_ = gl::Framebuffer::create();
    t.resolve_fbo_.attach_color(t.resolved_texture_);
    if (!t.resolve_fbo_.complete()) return Error{"offscreen framebuffer is incomplete"};
    const bool with_stencil = stencil == Stencil::kWith;
    if (with_stencil) t.depth_stencil_ = gl::Renderbuffer::create(width, height, GL_DEPTH24_STENCIL8, t.samples_);
    if (t.samples_ > 0) {
        t.msaa_color_ = gl::Renderbuffer::create(width, height, GL_RGBA8, t.samples_);
        t.draw_fbo_ = gl::Framebuffer::create();
        t.draw_fbo_.attach_color(t.msaa_color_);
        if (with_stencil) t.draw_fbo_.attach_depth_stencil(t.depth_stencil_);
        if (!t.draw_fbo_.complete()) return Error{"multisampled framebuffer is incomplete"};
    } else if (with_stencil) {
        t.resolve_fbo_.attach_depth_stencil(t.depth_stencil_);
        if (!t.resolve_fbo_.complete()) return Error{"offscreen framebuffer with stencil is incomplete"};
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return t;
}

void OffscreenTarget::bind() const {
    (samples_ > 0 ? draw_fbo_ : resolve_fbo_).bind();
    glViewport(0, 0, width_, height_);
}

void OffscreenTarget::resolve() const {
    if (samples_ == 0) return;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, draw_fbo_.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_.id());
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::resolve_corner_into(const OffscreenTarget& picture, int width, int height, int dst_x,
                                          int dst_y) const {
    // Desktop GL resolves between rectangles of one size at different places (GLES would not).
    glBindFramebuffer(GL_READ_FRAMEBUFFER, (samples_ > 0 ? draw_fbo_ : resolve_fbo_).id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, picture.resolve_fbo_.id());
    glBlitFramebuffer(0, 0, width, height, dst_x, dst_y, dst_x + width, dst_y + height, GL_COLOR_BUFFER_BIT,
                      GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::blit_to_default() const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, resolve_fbo_.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::blit_region_to_default(int x0, int y0, int x1, int y1, int dst_x, int dst_y, int width,
                                             int height, bool drawn_flipped) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, resolve_fbo_.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    const bool scaled = (x1 - x0) != width || (y1 - y0) != height;
    const GLenum filter = scaled ? GL_LINEAR : GL_NEAREST;
    if (drawn_flipped)  // source row y is stored at height_ - y; the destination runs top down
        glBlitFramebuffer(x0, height_ - y1, x1, height_ - y0, dst_x, dst_y + height, dst_x + width, dst_y,
                          GL_COLOR_BUFFER_BIT, filter);
    else
        glBlitFramebuffer(x0, y0, x1, y1, dst_x, dst_y, dst_x + width, dst_y + height, GL_COLOR_BUFFER_BIT, filter);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::copy_region_from_default(int x0, int y0, int x1, int y1) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_.id());
    glBlitFramebuffer(x0, y0, x1, y1, x0, y0, x1, y1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::copy_region_flipped_from_default(int x0, int y0, int x1, int y1) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_.id());
    // Row y goes to height_ - y, as copy_region_flipped_from.
    glBlitFramebuffer(x0, y0, x1, y1, x0, height_ - y0, x1, height_ - y1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::copy_region_flipped_from(const OffscreenTarget& source, int x0, int y0, int x1, int y1) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, source.resolve_fbo_.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_.id());
    // Row y goes to height_ - y: the destination's rows run the other way.
    glBlitFramebuffer(x0, y0, x1, y1, x0, height_ - y0, x1, height_ - y1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::copy_shifted_from(const OffscreenTarget& source, int dx, int dy) const {
    const int sx0 = std::max(0, -dx), sx1 = std::min(width_, width_ - dx);
    const int sy0 = std::max(0, -dy), sy1 = std::min(height_, height_ - dy);
    if (sx0 >= sx1 || sy0 >= sy1) return;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, source.resolve_fbo_.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_.id());
    glBlitFramebuffer(sx0, sy0, sx1, sy1, sx0 + dx, sy0 + dy, sx1 + dx, sy1 + dy, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::copy_scaled_from(const OffscreenTarget& source, int x0, int y0, int x1, int y1) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, source.resolve_fbo_.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_.id());
    const bool scaled = (x1 - x0) != width_ || (y1 - y0) != height_;
    glBlitFramebuffer(x0, y0, x1, y1, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, scaled ? GL_LINEAR : GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::clear_region(int x, int y, int width, int height, float r, float g, float b) const {
    glEnable(GL_SCISSOR_TEST);
    glScissor(x, y, width, height);
    glClearColor(r, g, b, 1.0f);
    resolve_fbo_.bind();
    glClear(GL_COLOR_BUFFER_BIT);
    if (samples_ > 0) {
        draw_fbo_.bind();
        glClear(GL_COLOR_BUFFER_BIT);
    }
    glDisable(GL_SCISSOR_TEST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::copy_region_from(const OffscreenTarget& source, int x, int y, int width, int height) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, source.resolve_fbo_.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_.id());
    glBlitFramebuffer(x, y, x + width, y + height, x, y, x + width, y + height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

Image OffscreenTarget::read(bool drawn_flipped) const {
    resolve();
    Image img(width_, height_);
    resolve_fbo_.bind();
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, img.pixels.data());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (drawn_flipped) return img;
    // GL rows run bottom to top; images run top to bottom.
    const size_t stride = static_cast<size_t>(width_) * 4;
    std::vector<std::uint8_t> tmp(stride);
    for (int y = 0; y < height_ / 2; ++y) {
        std::uint8_t* a = img.row(y);
        std::uint8_t* b = img.row(height_ - 1 - y);
        std::memcpy(tmp.data(), a, stride);
        std::memcpy(a, b, stride);
        std::memcpy(b, tmp.data(), stride);
    }
    return img;
}

Image read_window_back_buffer(int width, int height) {
    Image gl_rows(width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, gl_rows.pixels.data());
    Image img(width, height);
    const size_t stride = static_cast<size_t>(width) * 4;
    for (int y = 0; y < height; ++y) std::memcpy(img.row(y), gl_rows.row(height - 1 - y), stride);
    return img;
}

}  // namespace em
