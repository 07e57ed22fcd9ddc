#include "render/text_renderer.hpp"

#include "core/utf8.hpp"
#include "render/view_uniforms.hpp"
#include "shaders_generated.hpp"

namespace em {

namespace {
constexpr int kFloatsPerVertex = 9;
}

std::vector<float> build_text_vertices(const std::vector<PlacedLabel>& labels, const FontAtlas& font) {
    std::vector<float> v;
    const float aw = static_cast<float>(font.width()), ah = static_cast<float>(font.height());
    for (const PlacedLabel& label : labels) {
        const float k = label.size / font.base_size();
        const float a = label.color.a;
        const float rgba[4] = {label.color.r * a, label.color.g * a, label.color.b * a, a};
        const float px_per_unit = font.distance_range() * k;
        float pen = label.x;
        char32_t prev = 0;
        for (char32_t cp : decode_utf8(label.text)) {
            const Glyph* g = font.glyph(cp);
            if (!g) g = font.glyph('?');
            if (!g) continue;
            if (prev) pen += font.kerning(prev, cp) * k;
            prev = cp;
            if (g->w > 0 && g->h > 0) {
                const float x0 = pen + g->x_offset * k, y0 = label.y + g->y_offset * k;
                const float x1 = x0 + g->w * k, y1 = y0 + g->h * k;
                const float u0 = g->x / aw, v0 = g->y / ah, u1 = (g->x + g->w) / aw, v1 = (g->y + g->h) / ah;
                const float quad[6][4] = {{x0, y0, u0, v0}, {x1, y0, u1, v0}, {x0, y1, u0, v1},
                                          {x1, y0, u1, v0}, {x1, y1, u1, v1}, {x0, y1, u0, v1}};
                for (const auto& q : quad) {
                    v.insert(v.end(), {q[0], q[1], q[2], q[3], rgba[0], rgba[1], rgba[2], rgba[3], px_per_unit});
                }
            }
            pen += g->advance * k;
        }
    }
    return v;
}

Result<TextRenderer> TextRenderer::create() {
    auto program = gl::Program::build("text", shaders::text_vert, shaders::text_frag);
    if (!program) return program.error();
    TextRenderer r;
    r.program_ = std::move(program).value();
    r.vao_ = gl::VertexArray::create();
    r.buffer_ = gl::Buffer::create(GL_ARRAY_BUFFER);
    constexpr std::size_t stride = kFloatsPerVertex * sizeof(float);
    r.vao_.attribute(0, r.buffer_, 2, stride, 0);
    r.vao_.attribute(1, r.buffer_, 2, stride, 2 * sizeof(float));
    r.vao_.attribute(2, r.buffer_, 4, stride, 4 * sizeof(float));
    r.vao_.attribute(3, r.buffer_, 1, stride, 8 * sizeof(float));
    gl::VertexArray::unbind();
    return r;
}

void TextRenderer::draw(const std::vector<PlacedLabel>& labels, FontAtlas& font, const TextStyle& style, int width,
                        int height, bool flip_y) {
    if (labels.empty()) return;
    for (const auto& l : labels) font.ensure(l.text);
    if (atlas_version_ != font.version() || !atlas_ || atlas_.height() != font.height()) {
        atlas_ = gl::Texture::create(font.width(), font.height(), GL_R8, GL_RED, GL_UNSIGNED_BYTE,
                                     font.pixels().data(), GL_LINEAR);
        atlas_version_ = font.version();
    }
    const std::vector<float> vertices = build_text_vertices(labels, font);
    if (vertices.empty()) return;
    buffer_.upload(vertices, GL_STREAM_DRAW);
    program_.use();
    glUniform2f(program_.uniform("u_viewport"), static_cast<float>(width), static_cast<float>(height));
    glUniform1i(program_.uniform("u_atlas"), 0);
    glUniform1f(program_.uniform("u_flip_y"), flip_y ? -1.0f : 1.0f);
    glUniform1f(program_.uniform("u_halo_width"), style.halo_width);
    set_premultiplied(program_, "u_halo", style.halo);
    atlas_.bind(0);
    vao_.bind();
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(vertices.size() / kFloatsPerVertex));
    gl::VertexArray::unbind();
}

}  // namespace em
