#include "render/marker_renderer.hpp"

#include "render/view_uniforms.hpp"
#include "shaders_generated.hpp"

namespace em {

Result<MarkerRenderer> MarkerRenderer::create() {
    auto program = gl::Program::build("marker", shaders::marker_vert, shaders::marker_frag);
    if (!program) return program.error();
    MarkerRenderer r;
    r.program_ = std::move(program).value();
    r.vao_ = gl::VertexArray::create();
    r.buffer_ = gl::Buffer::create(GL_ARRAY_BUFFER);
    r.vao_.attribute(0, r.buffer_, 2, 2 * sizeof(float), 0, 1);
    gl::VertexArray::unbind();
    return r;
}

void MarkerRenderer::draw(const std::vector<float>& centres_xy, const MarkerStyle& style, float opacity,
                          const Camera& camera) {
    if (centres_xy.size() < 2) return;
    buffer_.upload(centres_xy, GL_STREAM_DRAW);
    draw(vao_, 0, centres_xy.size() / 2, style, opacity, camera);
}

void MarkerRenderer::draw(const gl::VertexArray& vao, std::size_t first, std::size_t count, const MarkerStyle& style,
                          float opacity, const Camera& camera) const {
    if (count == 0) return;
    program_.use();
    set_view_uniforms(program_, camera);
    glUniform1f(program_.uniform("u_radius"), style.radius);
    glUniform1f(program_.uniform("u_stroke_width"), style.stroke_width);
    glUniform1i(program_.uniform("u_shape"), style.shape);
    set_premultiplied(program_, "u_fill", style.fill, opacity);
    set_premultiplied(program_, "u_stroke", style.stroke, opacity);
    vao.bind();
    (void)first;  // instanced attributes start at the VAO's offset; callers pass whole buffers
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(count));
    gl::VertexArray::unbind();
}

}  // namespace em
