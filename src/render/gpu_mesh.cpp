#include "render/gpu_mesh.hpp"

#include <algorithm>
#include <array>
#include <limits>

namespace em {

namespace {

// The mesh's whole fill as one chunk, and its whole outline as one: buffers created, empty.
void make_whole_chunks(GpuMesh& g, const ProjectedMesh& mesh) {
    g.fill_even_odd = mesh.fill_even_odd;
    GpuFillChunk& fill = g.fill.emplace_back();
    fill.count = static_cast<std::uint32_t>(mesh.fill_indices.size());
    fill.vao = gl::VertexArray::create();
    fill.vertices = gl::Buffer::create(GL_ARRAY_BUFFER);
    fill.vao.attribute(0, fill.vertices, 2, 2 * sizeof(float), 0);
    fill.indices = gl::Buffer::create(GL_ELEMENT_ARRAY_BUFFER);
    fill.vao.bind();
    fill.indices.bind();  // the index buffer's binding is the vertex array's
    gl::VertexArray::unbind();
    g.outline_vao = gl::VertexArray::create();
    GpuOutlineChunk& outline = g.outline.emplace_back();
    outline.count = static_cast<std::uint32_t>(mesh.outline.size() / 3);
    outline.points = gl::Buffer::create(GL_ARRAY_BUFFER);
    g.point_vao = gl::VertexArray::create();
    g.point_centres = gl::Buffer::create(GL_ARRAY_BUFFER);
    g.point_vao.attribute(0, g.point_centres, 2, 2 * sizeof(float), 0, 1);
    g.point_count = mesh.points_xy.size() / 2;
    gl::VertexArray::unbind();
}

}  // namespace

std::size_t gpu_bytes(const GpuMesh& mesh) {
    std::size_t bytes = mesh.point_centres.size();
    for (const GpuFillChunk& c : mesh.fill) bytes += c.vertices.size() + c.indices.size();
    for (const GpuOutlineChunk& c : mesh.outline) bytes += c.points.size();
    return bytes;
}

GpuMesh upload_mesh(const ProjectedMesh& mesh) {
    GpuMesh g;
    make_whole_chunks(g, mesh);
    GpuFillChunk& fill = g.fill.front();
    fill.vertices.upload(mesh.fill_xy);
    fill.vao.bind();
    fill.indices.upload(mesh.fill_indices);
    gl::VertexArray::unbind();
    g.outline.front().points.upload(mesh.outline);
    g.point_centres.upload(mesh.points_xy);
    return g;
}

namespace {

// One of a mesh's arrays and the buffer it goes into.
struct UploadPart {
    gl::Buffer* buffer;
    const void* data;
    std::size_t bytes;
};

template <typename T>
std::size_t bytes_of(const std::vector<T>& v) {
    return v.size() * sizeof(T);
}

// The parts' sizes are those recorded when the upload began: a part wholly copied may since have been let go.
std::array<UploadPart, 4> upload_parts(GpuMesh& g, const ProjectedMesh& mesh, const std::array<std::size_t, 4>& bytes) {
    return {{{&g.fill.front().vertices, mesh.fill_xy.data(), bytes[0]},
             {&g.fill.front().indices, mesh.fill_indices.data(), bytes[1]},
             {&g.outline.front().points, mesh.outline.data(), bytes[2]},
             {&g.point_centres, mesh.points_xy.data(), bytes[3]}}};
}

}  // namespace

std::size_t mesh_bytes(const ProjectedMesh& mesh) {
    return bytes_of(mesh.fill_xy) + bytes_of(mesh.fill_indices) + bytes_of(mesh.outline) + bytes_of(mesh.points_xy);
}

SlicedUpload::SlicedUpload(const ProjectedMesh& mesh) {
    // Buffer objects and vertex arrays now; each buffer's storage only when its first slice comes (advance).
    make_whole_chunks(mesh_, mesh);
    part_bytes_ = {bytes_of(mesh.fill_xy), bytes_of(mesh.fill_indices), bytes_of(mesh.outline), bytes_of(mesh.points_xy)};
    total_ = mesh_bytes(mesh);
}

int SlicedUpload::parts_done() const {
    int parts = 0;
    std::size_t end = 0;
    for (const std::size_t bytes : part_bytes_) {
        end += bytes;
        if (done_ < end) break;
        ++parts;
    }
    return parts;
}

std::size_t SlicedUpload::advance(const ProjectedMesh& mesh, std::size_t max_bytes) {
    // llvmpipe zeroes a buffer's storage when it is made (~1 s for 200 MB on a loaded machine: page faults), so
    // storage comes part by part, at most one part's a call: a frame pays for the largest array at worst.
    std::size_t copied = 0, start = 0;  // start: where the part begins in the whole upload
    bool allocated = false;
    for (const UploadPart& part : upload_parts(mesh_, mesh, part_bytes_)) {
        const std::size_t end = start + part.bytes;
        if (done_ < end && copied < max_bytes) {
            const std::size_t offset = done_ - start;
            // Binding the index buffer attaches it to the bound vertex array: bind its own.
            const bool indices = part.buffer == &mesh_.fill.front().indices;
            if (indices) mesh_.fill.front().vao.bind();
            if (offset == 0) {
                if (allocated && max_bytes != std::numeric_limits<std::size_t>::max()) {
                    if (indices) gl::VertexArray::unbind();
                    break;
                }
                part.buffer->allocate(part.bytes);
                allocated = true;
            }
            const std::size_t n = std::min(part.bytes - offset, max_bytes - copied);
            part.buffer->upload_part(offset, static_cast<const char*>(part.data) + offset, n);
            if (indices) gl::VertexArray::unbind();
            done_ += n, copied += n;
        }
        start = end;
    }
    return copied;
}

}  // namespace em
