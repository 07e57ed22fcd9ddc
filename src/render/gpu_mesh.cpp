#include "render/gpu_mesh.hpp"

namespace em {

GpuMesh upload_mesh(const ProjectedMesh& mesh) {
    GpuMesh g;
    g.fill_even_odd = mesh.fill_even_odd;
    g.fill_vao = gl::VertexArray::create();
    g.fill_vertices = gl::Buffer::create(GL_ARRAY_BUFFER);
    g.fill_vertices.upload(mesh.fill_xy);
    g.fill_vao.attribute(0, g.fill_vertices, 2, 2 * sizeof(float), 0);
    g.fill_indices = gl::Buffer::create(GL_ELEMENT_ARRAY_BUFFER);
    g.fill_vao.bind();
    g.fill_indices.upload(mesh.fill_indices);

    g.outline_vao = gl::VertexArray::create();
    g.outline_points = gl::Buffer::create(GL_ARRAY_BUFFER);
    g.outline_points.upload(mesh.outline);
    g.outline_count = mesh.outline.size() / 3;

    g.point_vao = gl::VertexArray::create();
    g.point_centres = gl::Buffer::create(GL_ARRAY_BUFFER);
    g.point_centres.upload(mesh.points_xy);
    g.point_vao.attribute(0, g.point_centres, 2, 2 * sizeof(float), 0, 1);
    g.point_count = mesh.points_xy.size() / 2;
    gl::VertexArray::unbind();
    return g;
}

}  // namespace em
