#pragma once

#include <vector>

#include "core/color.hpp"
#include "core/result.hpp"
#include "gl/buffer.hpp"
#include "gl/program.hpp"
#include "gl/vertex_array.hpp"
#include "render/camera.hpp"
#include "scene/style.hpp"

namespace em {

// Draws round point markers of constant pixel size.
class MarkerRenderer {
public:
    static Result<MarkerRenderer> create();
    // Draws markers at projected positions (x, y pairs).
    void draw(const std::vector<float>& centres_xy, const MarkerStyle& style, float opacity, const Camera& camera);
    // Draws count markers from an uploaded VAO whose attribute 0 is a per-instance centre.
    void draw(const gl::VertexArray& vao, std::size_t first, std::size_t count, const MarkerStyle& style,
              float opacity, const Camera& camera) const;

private:
    gl::Program program_;
    gl::VertexArray vao_;
    gl::Buffer buffer_;
};

}  // namespace em
