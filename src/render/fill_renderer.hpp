#pragma once

#include <vector>

#include "core/color.hpp"
#include "core/result.hpp"
#include "gl/program.hpp"
#include "render/camera.hpp"
#include "render/draw_ranges.hpp"
#include "render/gpu_mesh.hpp"

namespace em {

// Draws polygon fills in one flat colour. A translucent draw blends a pixel at most once, even where its
// triangles overlap: fills are tessellated in lon/lat and only their vertices projected, so under a non-affine
// projection a thin sliver triangle can flip over its neighbour, and the overlap would show as a dark streak. Each
// translucent draw gets its own stencil value and skips pixels that already hold it.
class FillRenderer {
public:
    // Compiles the shaders (current context).
    static Result<FillRenderer> create();
    // Starts drawing into the bound framebuffer: its stencil is cleared before the first translucent draw.
    void begin_pass() const;
    // Draws the given index runs of the mesh.
    void draw(const GpuMesh& mesh, const std::vector<DrawRange>& ranges, const Color& color, float opacity,
              const Camera& camera) const;

private:
    gl::Program program_;
    mutable int stencil_id_ = 0;        // the last translucent draw's stencil value since the clear (1..255)
    mutable bool stencil_dirty_ = true;  // the bound framebuffer's stencil may hold values from elsewhere

    void clear_stencil() const;
};

}  // namespace em
