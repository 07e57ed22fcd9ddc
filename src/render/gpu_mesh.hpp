#pragma once

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

}  // namespace em
