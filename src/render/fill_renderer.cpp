#include "render/fill_renderer.hpp"

#include "render/view_uniforms.hpp"
#include "shaders_generated.hpp"

namespace em {

Result<FillRenderer> FillRenderer::create() {
    auto program = gl::Program::build("fill", shaders::fill_vert, shaders::fill_frag);
    if (!program) return program.error();
    FillRenderer r;
    r.program_ = std::move(program).value();
    return r;
}

void FillRenderer::draw(const GpuMesh& mesh, const std::vector<DrawRange>& ranges, const Color& color, float opacity,
                        const Camera& camera) const {
    if (ranges.empty()) return;
    program_.use();
    set_view_uniforms(program_, camera);
    set_premultiplied(program_, "u_color", color, opacity);
    mesh.fill_vao.bind();
    for (const DrawRange& r : ranges) {
        glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(r.count), GL_UNSIGNED_INT,
                       reinterpret_cast<const void*>(static_cast<std::size_t>(r.first) * sizeof(std::uint32_t)));
    }
    gl::VertexArray::unbind();
}

}  // namespace em
