#pragma once

#include <vector>

#include "core/color.hpp"
#include "core/result.hpp"
#include "gl/buffer.hpp"
#include "gl/program.hpp"
#include "gl/texture.hpp"
#include "gl/vertex_array.hpp"
#include "render/font_atlas.hpp"
#include "render/label_layout.hpp"
#include "scene/style.hpp"

namespace em {

// Glyph quads for placed labels (CPU part, testable): x, y, u, v, r, g, b, a (premultiplied), px_per_unit.
std::vector<float> build_text_vertices(const std::vector<PlacedLabel>& labels, const FontAtlas& font);

// Draws placed labels from an SDF font atlas.
class TextRenderer {
public:
    static Result<TextRenderer> create();
    // Draws labels in screen pixels of a width x height viewport (upside down if flip_y); uploads the atlas
    // when it changed.
    void draw(const std::vector<PlacedLabel>& labels, FontAtlas& font, const TextStyle& style, int width, int height,
              bool flip_y = false);

private:
    gl::Program program_;
    gl::VertexArray vao_;
    gl::Buffer buffer_;
    gl::Texture atlas_;
    int atlas_version_ = -1;
};

}  // namespace em
