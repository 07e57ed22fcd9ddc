#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "core/color.hpp"
#include "core/result.hpp"
#include "events/hex_bins.hpp"
#include "gl/buffer.hpp"
#include "gl/program.hpp"
#include "gl/vertex_array.hpp"
#include "render/camera.hpp"

namespace em {

// Hexagon bins (render/point_events), all of them in one draw: each vertex carries its bin's colour and opacity.
//
// Bins never overlap (each is drawn a little smaller than its cell), so a translucent bin blends each pixel once
// without the stencil test FillRenderer needs for runs whose triangles may overlap. Drawn as one run per colour
// and opacity through FillRenderer, a year of 100,000 ACLED rows in the Sahel view was ~40 draws with the stencil
// test, ~3 ms of a 1920x1080 scrub frame on llvmpipe; one draw is a tenth of that.

// A bin's hexagon as triangles, ready to upload: 12 vertices (a fan of 4 triangles from the first corner).
struct BinVertex {
    float x = 0, y = 0;           // projected metres
    float r = 0, g = 0, b = 0, a = 0;  // premultiplied colour
};
// Appends a hexagon with these corners (hex_corners' order) in colour at opacity.
void append_bin(std::vector<BinVertex>& out, const std::array<XY, 6>& corners, const Color& color, float opacity);

// Bins uploaded for drawing (GL; made and drawn with the same context current).
class UploadedBins {
public:
    // Replaces the bins held with these vertices.
    void upload(const std::vector<BinVertex>& vertices);
    std::size_t vertex_count() const { return count_; }
    const gl::VertexArray& vao() const { return vao_; }

private:
    gl::VertexArray vao_;
    gl::Buffer buffer_;
    std::size_t count_ = 0;
};

class BinRenderer {
public:
    // Compiles the shaders (current context).
    static Result<BinRenderer> create();
    // Draws every bin uploaded, blended over what is there (premultiplied alpha), in one draw.
    void draw(const UploadedBins& bins, const Camera& camera) const;

private:
    gl::Program program_;
};

}  // namespace em
