#pragma once

#include <vector>

#include "core/color.hpp"
#include "core/result.hpp"
#include "gl/program.hpp"
#include "render/camera.hpp"
#include "render/draw_ranges.hpp"
#include "render/gpu_mesh.hpp"

namespace em {

// Draws polygon fills in one flat colour. A translucent draw blends a pixel at most once per range (pass one range
// per feature), even where a range's triangles overlap: fills are tessellated in lon/lat and only their vertices
// projected, so under a non-affine projection a thin sliver triangle can flip over its neighbour, and the overlap
// would show as a dark streak. Each range of a translucent draw gets its own stencil value and skips pixels that
// already hold it; distinct ranges (overlapping features) still blend over each other.
// A mesh whose fill is fans (GpuMesh::fill_even_odd: one-off pictures of heavy layers, never tessellated) is drawn
// by stencil-then-cover, range by range: the fans flip the stencil's low bit (even-odd), then the same fans drawn
// again colour the pixels whose bit is set and clear it, so each pixel inside is coloured once.
class FillRenderer {
public:
    // Compiles the shaders (current context).
    static Result<FillRenderer> create();
    // Starts drawing into the bound framebuffer: its stencil is cleared before the first translucent draw, the
    // whole buffer, or only the scissor's rectangle when every draw of the pass stays under the scissor set now
    // (a tile of the window's base-map cache: clearing the whole multisampled buffer for each of a hundred tiles
    // cost more than drawing them).
    void begin_pass(bool within_scissor = false) const;
    // Draws the given index runs of the mesh (translucent: each run blends a pixel once).
    void draw(const GpuMesh& mesh, const std::vector<DrawRange>& ranges, const Color& color, float opacity,
              const Camera& camera) const;

private:
    gl::Program program_;
    mutable int stencil_id_ = 0;        // the last translucent run's stencil value since the clear (1..255)
    mutable bool stencil_dirty_ = true;  // the bound framebuffer's stencil may hold values from elsewhere
    mutable bool within_scissor_ = false;  // this pass's draws stay under one scissor: clear only there

    // The fill chunk whose vertex array is bound, so that runs in one chunk do not bind it again.
    struct ChunkBinding {
        const GpuFillChunk* bound = nullptr;
    };

    void clear_stencil() const;
    void draw_even_odd(const GpuMesh& mesh, const std::vector<DrawRange>& ranges) const;
    // Draws a run's triangles, chunk by chunk where it crosses chunks (GpuMesh::fill).
    static void draw_triangles(const GpuMesh& mesh, const DrawRange& r, ChunkBinding& binding);
};

}  // namespace em
