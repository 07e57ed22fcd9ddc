#include "render/line_renderer.hpp"

#include "render/view_uniforms.hpp"
#include "shaders_generated.hpp"

namespace em {

Result<LineRenderer> LineRenderer::create() {
    auto program = gl::Program::build("line", shaders::line_vert, shaders::line_frag);
    if (!program) return program.error();
    LineRenderer r;
    r.program_ = std::move(program).value();
    return r;
}

void LineRenderer::draw(const GpuMesh& mesh, const std::vector<DrawRange>& ranges, const Color& color, float width,
                        float opacity, const Camera& camera, float dash) const {
    if (ranges.empty() || width <= 0) return;
    program_.use();
    set_view_uniforms(program_, camera);
    set_premultiplied(program_, "u_color", color, opacity);
    glUniform1f(program_.uniform("u_width"), width);
    glUniform1f(program_.uniform("u_dash"), dash);
    constexpr std::size_t kStride = 3 * sizeof(float);
    for (const DrawRange& r : ranges) {
        if (r.count < 2) continue;
        for_each_chunk_part(mesh.outline, r, [&](const GpuOutlineChunk& chunk, std::uint32_t first, std::uint32_t count) {
            if (count < 2) return;
            // Each instance reads point i as its start and point i+1 as its end.
            mesh.outline_vao.attribute(0, chunk.points, 3, kStride, first * kStride, 1);
            mesh.outline_vao.attribute(1, chunk.points, 3, kStride, (first + 1) * kStride, 1);
            glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(count - 1));
        });
    }
    gl::VertexArray::unbind();
}

}  // namespace em
