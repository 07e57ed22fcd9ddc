#include "render/bin_renderer.hpp"

#include <cstddef>

#include "render/view_uniforms.hpp"
#include "shaders_generated.hpp"

namespace em {

void append_bin(std::vector<BinVertex>& out, const std::array<XY, 6>& corners, const Color& color, float opacity) {
    // Premultiplied as set_premultiplied makes FillRenderer's u_color, so a bin looks as it did drawn through it.
    const float a = color.a * opacity;
    for (int t : {0, 1, 2, 0, 2, 3, 0, 3, 4, 0, 4, 5}) {
        const XY& c = corners[static_cast<std::size_t>(t)];
        out.push_back({static_cast<float>(c.x), static_cast<float>(c.y), color.r * a, color.g * a, color.b * a, a});
    }
}

void UploadedBins::upload(const std::vector<BinVertex>& vertices) {
    if (!vao_) {
        vao_ = gl::VertexArray::create();
        buffer_ = gl::Buffer::create(GL_ARRAY_BUFFER);
        vao_.attribute(0, buffer_, 2, sizeof(BinVertex), offsetof(BinVertex, x));
        vao_.attribute(1, buffer_, 4, sizeof(BinVertex), offsetof(BinVertex, r));
        gl::VertexArray::unbind();
    }
    buffer_.upload(vertices, GL_DYNAMIC_DRAW);
    count_ = vertices.size();
}

Result<BinRenderer> BinRenderer::create() {
    auto program = gl::Program::build("bin", shaders::bin_vert, shaders::bin_frag);
    if (!program) return program.error();
    BinRenderer r;
    r.program_ = std::move(program).value();
    return r;
}

void BinRenderer::draw(const UploadedBins& bins, const Camera& camera) const {
    if (bins.vertex_count() == 0) return;
    program_.use();
    set_view_uniforms(program_, camera);
    bins.vao().bind();
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(bins.vertex_count()));
    gl::VertexArray::unbind();
}

}  // namespace em
