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

void FillRenderer::begin_pass(bool within_scissor) const {
    within_scissor_ = within_scissor;
    stencil_id_ = 0;
    stencil_dirty_ = true;  // cleared by the first translucent draw, if there is one
}

void FillRenderer::clear_stencil() const {
    // The whole buffer, whatever the scissor, unless the pass stays under its scissor (begin_pass): a pixel
    // outside it could otherwise keep an id that a later draw reuses. Depth is cleared too (nothing uses it) so
    // that the clear is one plain fill of the buffer.
    const GLboolean scissor = glIsEnabled(GL_SCISSOR_TEST);
    if (!within_scissor_) glDisable(GL_SCISSOR_TEST);
    glStencilMask(0xFF);
    glDepthMask(GL_TRUE);
    glClearStencil(0);
    glClearDepth(1.0);
    glClear(GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    if (scissor) glEnable(GL_SCISSOR_TEST);
    stencil_id_ = 0;
    stencil_dirty_ = false;
}

void FillRenderer::draw(const GpuMesh& mesh, const std::vector<DrawRange>& ranges, const Color& color, float opacity,
                        const Camera& camera) const {
    if (ranges.empty()) return;
    // An opaque fill looks the same drawn once or twice: only translucent ones pay for the stencil test (on
    // llvmpipe it made the 4K base map 40% slower to draw) and one call per run.
    const bool translucent = color.a * opacity < 1.0f;
    program_.use();
    set_view_uniforms(program_, camera);
    set_premultiplied(program_, "u_color", color, opacity);
    if (mesh.fill_even_odd) {
        draw_even_odd(mesh, ranges);
        gl::VertexArray::unbind();
        return;
    }
    if (translucent) {
        glEnable(GL_STENCIL_TEST);
        glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
    }
    ChunkBinding binding;
    for (const DrawRange& r : ranges) {
        if (translucent) {
            if (stencil_dirty_ || stencil_id_ >= 255) clear_stencil();
            ++stencil_id_;
            glStencilMask(0xFF);
            glStencilFunc(GL_NOTEQUAL, stencil_id_, 0xFF);
        }
        draw_triangles(mesh, r, binding);  // a run split across chunks keeps its one stencil id
    }
    gl::VertexArray::unbind();
    if (translucent) glDisable(GL_STENCIL_TEST);
}

void FillRenderer::draw_even_odd(const GpuMesh& mesh, const std::vector<DrawRange>& ranges) const {
    // The pass leaves the stencil all zero where it drew; translucent runs' ids from before must go first.
    if (stencil_dirty_ || stencil_id_ > 0) clear_stencil();
    glEnable(GL_STENCIL_TEST);
    glStencilMask(0x01);
    ChunkBinding binding;
    for (const DrawRange& r : ranges) {
        // Stencil: every fan triangle flips the bit; odd means inside.
        glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
        glStencilFunc(GL_ALWAYS, 0, 0x01);
        glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
        draw_triangles(mesh, r, binding);
        // Cover: the same triangles colour the pixels with the bit set and clear it (the next feature starts clean).
        glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
        glStencilFunc(GL_EQUAL, 1, 0x01);
        glStencilOp(GL_KEEP, GL_KEEP, GL_ZERO);
        draw_triangles(mesh, r, binding);
    }
    glStencilMask(0xFF);
    glDisable(GL_STENCIL_TEST);
}

void FillRenderer::draw_triangles(const GpuMesh& mesh, const DrawRange& r, ChunkBinding& binding) {
    for_each_chunk_part(mesh.fill, r, [&](const GpuFillChunk& chunk, std::uint32_t first, std::uint32_t count) {
        if (binding.bound != &chunk) chunk.vao.bind(), binding.bound = &chunk;
        glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(count), chunk.index_type,
                       reinterpret_cast<const void*>(static_cast<std::size_t>(first) * chunk.index_bytes()));
    });
}

}  // namespace em
