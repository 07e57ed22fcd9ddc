#pragma once

#include "gl/object.hpp"
#include "gl/texture.hpp"

namespace em::gl {

struct FramebufferDeleter {
    void operator()(GLuint id) const { glDeleteFramebuffers(1, &id); }
};
struct RenderbufferDeleter {
    void operator()(GLuint id) const { glDeleteRenderbuffers(1, &id); }
};

// A renderbuffer (colour or depth storage), optionally multisampled.
class Renderbuffer {
public:
    Renderbuffer() = default;
    // Allocates width x height storage; samples 0 means single-sampled.
    static Renderbuffer create(int width, int height, GLenum internal_format, int samples);
    GLuint id() const { return object_.id(); }

private:
    UniqueObject<RenderbufferDeleter> object_;
};

// A framebuffer object.
class Framebuffer {
public:
    Framebuffer() = default;
    static Framebuffer create();
    // Binds for drawing and reading.
    void bind() const { glBindFramebuffer(GL_FRAMEBUFFER, object_.id()); }
    // Attaches colour storage.
    void attach_color(const Renderbuffer& rb) const;
    void attach_color(const Texture& tex) const;
    // Attaches depth-stencil storage (GL_DEPTH24_STENCIL8).
    void attach_depth_stencil(const Renderbuffer& rb) const;
    // True when GL reports the framebuffer complete (binds it).
    bool complete() const;
    GLuint id() const { return object_.id(); }
    explicit operator bool() const { return static_cast<bool>(object_); }

private:
    UniqueObject<FramebufferDeleter> object_;
};

}  // namespace em::gl
