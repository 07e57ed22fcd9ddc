#pragma once

#include <vector>

#include "core/color.hpp"
#include "core/result.hpp"
#include "gl/buffer.hpp"
#include "gl/program.hpp"
#include "gl/vertex_array.hpp"
#include "render/camera.hpp"

namespace em {

// Round dots of point events (render/point_events), every one in one instanced draw, each with its own size, fill,
// outline and opacity: the same circles as MarkerRenderer's, whose style is a uniform.
//
// Below the bins' threshold (1,500 in view) a window of ACLED rows was one MarkerRenderer draw, with its own
// buffer upload, per size, colour, fade, ring and hollowness met: 100-odd draws, 8-16 ms of a 1920x1080 frame on
// llvmpipe while scrubbing through a sparse stretch. Dots are drawn in the order given (largest first, so small
// ones stay on top), as the groups were.

// One dot, ready to upload.
struct DotInstance {
    float x = 0, y = 0;                  // projected metres
    float radius = 0, stroke_width = 0;  // pixels, stroke included in the radius
    float fill[4] = {0, 0, 0, 0};        // premultiplied
    float stroke[4] = {0, 0, 0, 0};      // premultiplied
};
// A dot at (x, y) with a marker's circle style (radius, stroke width, fill, stroke) at this opacity, premultiplied
// as MarkerRenderer's uniforms are.
DotInstance make_dot(float x, float y, float radius, float stroke_width, const Color& fill, const Color& stroke,
                     float opacity);

class DotRenderer {
public:
    // Compiles the shaders and makes the instance buffer (current context).
    static Result<DotRenderer> create();
    // Draws the dots in order, blended (premultiplied alpha), in one draw.
    void draw(const std::vector<DotInstance>& dots, const Camera& camera);

private:
    gl::Program program_;
    gl::VertexArray vao_;
    gl::Buffer buffer_;
};

}  // namespace em
