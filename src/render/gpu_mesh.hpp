#pragma once

#include <array>

#include "geo/projected_mesh.hpp"
#include "gl/buffer.hpp"
#include "gl/vertex_array.hpp"

namespace em {

// A ProjectedMesh uploaded to the GPU: fill triangles, the outline strip and points.
struct GpuMesh {
    gl::VertexArray fill_vao;
    gl::Buffer fill_vertices;
    gl::Buffer fill_indices;
    gl::VertexArray outline_vao;  // attributes re-pointed per draw range (GL 3.3 has no base instance)
    gl::Buffer outline_points;
    gl::VertexArray point_vao;
    gl::Buffer point_centres;
    std::size_t outline_count = 0;
    std::size_t point_count = 0;
    bool fill_even_odd = false;  // the fill is fans counted in the stencil (ProjectedMesh::fill_even_odd)
};

// Uploads the mesh (current context).
GpuMesh upload_mesh(const ProjectedMesh& mesh);
// The bytes upload_mesh copies for the mesh.
std::size_t mesh_bytes(const ProjectedMesh& mesh);

// A mesh uploaded a slice at a time over several frames (GpuMeshCache's staged uploads): the buffers get their
// storage at once, their contents in parts, in the order fill vertices, fill indices, outline, points. On llvmpipe
// an upload is a copy into memory Mesa allocates; land10m's 100 m level is ~200 MB, 0.4 s in one go.
class SlicedUpload {
public:
    explicit SlicedUpload(const ProjectedMesh& mesh);
    // Copies up to max_bytes more of mesh (the mesh it was made for, unchanged); returns the bytes copied.
    std::size_t advance(const ProjectedMesh& mesh, std::size_t max_bytes);
    bool done() const { return done_ == total_; }
    std::size_t total_bytes() const { return total_; }
    std::size_t bytes_done() const { return done_; }
    // How many of the parts (fill vertices, fill indices, outline, points, in that order) are wholly copied: the
    // mesh's arrays of those parts are not read again, so the window lets them go before the rest is in.
    int parts_done() const;
    // The uploaded mesh, once done().
    GpuMesh take() { return std::move(mesh_); }

private:
    GpuMesh mesh_;
    std::array<std::size_t, 4> part_bytes_{};  // as the mesh's arrays were when the upload began
    std::size_t done_ = 0, total_ = 0;
};

}  // namespace em
