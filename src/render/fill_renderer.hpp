#pragma once

#include <vector>

#include "core/color.hpp"
#include "core/result.hpp"
#include "gl/program.hpp"
#include "render/camera.hpp"
#include "render/draw_ranges.hpp"
#include "render/gpu_mesh.hpp"

namespace em {

// Draws polygon fills in one flat colour.
class FillRenderer {
public:
    // Compiles the shaders (current context).
    static Result<FillRenderer> create();
    // Draws the given index runs of the mesh.
    void draw(const GpuMesh& mesh, const std::vector<DrawRange>& ranges, const Color& color, float opacity,
              const Camera& camera) const;

private:
    gl::Program program_;
};

}  // namespace em
