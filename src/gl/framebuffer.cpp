#include "gl/framebuffer.hpp"

namespace em::gl {

Renderbuffer Renderbuffer::create(int width, int height, GLenum internal_format, int samples) {
    GLuint id = 0;
    glGenRenderbuffers(1, &id);
    glBindRenderbuffer(GL_RENDERBUFFER, id);
    if (samples > 0) {
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, internal_format, width, height);
    } else {
        glRenderbufferStorage(GL_RENDERBUFFER, internal_format, width, height);
    }
    Renderbuffer rb;
    rb.object_ = UniqueObject<RenderbufferDeleter>(id);
    return rb;
}

Framebuffer Framebuffer::create() {
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    Framebuffer fb;
    fb.object_ = UniqueObject<FramebufferDeleter>(id);
    return fb;
}

void Framebuffer::attach_color(const Renderbuffer& rb) const {
    bind();
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb.id());
}

void Framebuffer::attach_color(const Texture& tex) const {
    bind();
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex.id(), 0);
}

void Framebuffer::attach_depth_stencil(const Renderbuffer& rb) const {
    bind();
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, rb.id());
}

bool Framebuffer::complete() const {
    bind();
    return glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
}

}  // namespace em::gl
