#pragma once

#include <vector>

#include "core/color.hpp"
#include "core/result.hpp"
#include "gl/program.hpp"
#include "render/camera.hpp"
#include "render/draw_ranges.hpp"
#include "render/gpu_mesh.hpp"

namespace em {

// Draws outline strips as anti-aliased lines of constant pixel width at every zoom.
class LineRenderer {
public:
    static Result<LineRenderer> create();
    // Draws the given point runs of the mesh's outline strip; width in pixels.
    void draw(const GpuMesh& mesh, const std::vector<DrawRange>& ranges, const Color& color, float width,
              float opacity, const Camera& camera, float dash = 0.0f) const;

private:
    gl::Program program_;
};

}  // namespace em
