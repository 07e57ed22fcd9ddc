#pragma once

#include <vector>

#include "core/color.hpp"
#include "core/result.hpp"
#include "gl/buffer.hpp"
#include "gl/program.hpp"
#include "gl/vertex_array.hpp"
#include "render/camera.hpp"

namespace em {

// How a round marker looks, sizes in pixels.
struct MarkerStyle {
    float radius = 3.5f;
    float stroke_width = 1.0f;
    Color fill = Color::hex(0xFFFFFF);
    Color stroke = Color::hex(0x333333);
    int shape = 0;  // MarkerShape
};

// Marker outlines the marker shader knows.
enum MarkerShape { kCircle = 0, kTriangleUp = 1, kTriangleDown = 2, kDiamond = 3, kSquare = 4 };

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
