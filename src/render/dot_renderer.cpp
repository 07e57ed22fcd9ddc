#include "render/dot_renderer.hpp"

#include <cstddef>

#include "render/view_uniforms.hpp"
#include "shaders_generated.hpp"

namespace em {

DotInstance make_dot(float x, float y, float radius, float stroke_width, const Color& fill, const Color& stroke,
                     float opacity) {
    DotInstance d;
    d.x = x, d.y = y, d.radius = radius, d.stroke_width = stroke_width;
    const auto premultiplied = [opacity](const Color& c, float* out) {  // as set_premultiplied
        const float a = c.a * opacity;
        out[0] = c.r * a, out[1] = c.g * a, out[2] = c.b * a, out[3] = a;
    };
    premultiplied(fill, d.fill);
    premultiplied(stroke, d.stroke);
    return d;
}

Result<DotRenderer> DotRenderer::create() {
    auto program = gl::Program::build("dot", shaders::dot_vert, shaders::dot_frag);
    if (!program) return program.error();
    DotRenderer r;
    r.program_ = std::move(program).value();
    r.vao_ = gl::VertexArray::create();
    r.buffer_ = gl::Buffer::create(GL_ARRAY_BUFFER);
    constexpr std::size_t stride = sizeof(DotInstance);
    r.vao_.attribute(0, r.buffer_, 2, stride, offsetof(DotInstance, x), 1);
    r.vao_.attribute(1, r.buffer_, 2, stride, offsetof(DotInstance, radius), 1);
    r.vao_.attribute(2, r.buffer_, 4, stride, offsetof(DotInstance, fill), 1);
    r.vao_.attribute(3, r.buffer_, 4, stride, offsetof(DotInstance, stroke), 1);
    gl::VertexArray::unbind();
    return r;
}

void DotRenderer::draw(const std::vector<DotInstance>& dots, const Camera& camera) {
    if (dots.empty()) return;
    buffer_.upload(dots, GL_STREAM_DRAW);
    program_.use();
    set_view_uniforms(program_, camera);
    vao_.bind();
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(dots.size()));
    gl::VertexArray::unbind();
}

}  // namespace em
