#include "render/chunked_upload.hpp"

#include <algorithm>
#include <chrono>

namespace em {

ChunkedUpload::ChunkedUpload(const ProjectedMesh& mesh) {
    mesh_.fill_even_odd = mesh.fill_even_odd;
    mesh_.outline_vao = gl::VertexArray::create();
    mesh_.point_vao = gl::VertexArray::create();
    mesh_.point_centres = gl::Buffer::create(GL_ARRAY_BUFFER);
    mesh_.point_vao.attribute(0, mesh_.point_centres, 2, 2 * sizeof(float), 0, 1);
    mesh_.point_count = mesh.points_xy.size() / 2;
    gl::VertexArray::unbind();
}

void ChunkedUpload::open_chunk(const ProjectedMesh& mesh, const ParkedSource& source) {
    chunk_ = next_mesh_chunk(mesh, source.lon_lat, next_feature_, kChunkVertices, kChunkOutline);
    open_ = true, phase_ = Phase::kVertices, next_ = 0;
    if (chunk_.index_count > 0) {
        GpuFillChunk& fill = mesh_.fill.emplace_back();
        fill.first = chunk_.first_index, fill.count = chunk_.index_count;
        fill.index_type = chunk_.vertex_count <= 65536 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
        fill.vao = gl::VertexArray::create();
        fill.vertices = gl::Buffer::create(GL_ARRAY_BUFFER);
        fill.vertices.allocate(std::size_t{chunk_.vertex_count} * 2 * sizeof(float));
        fill.vao.attribute(0, fill.vertices, 2, 2 * sizeof(float), 0);
        fill.indices = gl::Buffer::create(GL_ELEMENT_ARRAY_BUFFER);
        fill.vao.bind();  // the index buffer's binding is the vertex array's
        fill.indices.allocate(std::size_t{chunk_.index_count} * fill.index_bytes());
        gl::VertexArray::unbind();
    }
    if (chunk_.outline_count > 0) {
        GpuOutlineChunk& outline = mesh_.outline.emplace_back();
        outline.first = chunk_.first_outline, outline.count = chunk_.outline_count;
        outline.points = gl::Buffer::create(GL_ARRAY_BUFFER);
        outline.points.allocate(std::size_t{chunk_.outline_count} * 3 * sizeof(float));
    }
}

std::size_t ChunkedUpload::step(const ProjectedMesh& mesh, const ParkedSource& source) {
    switch (phase_) {
        case Phase::kVertices: {
            const std::uint32_t n = std::min(kStepPoints, chunk_.vertex_count - next_);
            if (n > 0) {
                floats_.resize(std::size_t{n} * 2);
                project_chunk_vertices(source.lon_lat, source.projection, chunk_, next_, n, floats_.data());
                mesh_.fill.back().vertices.upload_part(std::size_t{next_} * 2 * sizeof(float), floats_.data(),
                                                       floats_.size() * sizeof(float));
                next_ += n;
            }
            if (next_ == chunk_.vertex_count) phase_ = Phase::kIndices, next_ = 0;
            return std::size_t{n} * 2 * sizeof(float);
        }
        case Phase::kIndices: {
            // Copied, not projected: a step takes several times the points.
            const std::uint32_t n = std::min(kStepPoints * 6, chunk_.index_count - next_);
            std::size_t bytes = 0;
            if (n > 0) {
                GpuFillChunk& fill = mesh_.fill.back();
                const void* data = nullptr;
                if (fill.index_type == GL_UNSIGNED_SHORT) {
                    short_indices_.resize(n);
                    chunk_indices(mesh, source.lon_lat, chunk_, next_, n, short_indices_.data());
                    data = short_indices_.data();
                } else {
                    indices_.resize(n);
                    chunk_indices(mesh, source.lon_lat, chunk_, next_, n, indices_.data());
                    data = indices_.data();
                }
                bytes = std::size_t{n} * fill.index_bytes();
                fill.vao.bind();
                fill.indices.upload_part(std::size_t{next_} * fill.index_bytes(), data, bytes);
                gl::VertexArray::unbind();
                next_ += n;
            }
            if (next_ == chunk_.index_count) phase_ = Phase::kOutline, next_ = 0;
            return bytes;
        }
        case Phase::kOutline: {
            const std::uint32_t n = std::min(kStepPoints, chunk_.outline_count - next_);
            if (n > 0) {
                floats_.resize(std::size_t{n} * 3);
                project_chunk_outline(mesh, source.lon_lat, source.projection, chunk_, next_, n, floats_.data());
                mesh_.outline.back().points.upload_part(std::size_t{next_} * 3 * sizeof(float), floats_.data(),
                                                        floats_.size() * sizeof(float));
                next_ += n;
            }
            if (next_ == chunk_.outline_count) {
                open_ = false;
                next_feature_ += chunk_.feature_count;
            }
            return std::size_t{n} * 3 * sizeof(float);
        }
    }
    return 0;
}

std::size_t ChunkedUpload::advance(const ProjectedMesh& mesh, const ParkedSource& source, std::size_t max_bytes,
                                   double max_ms) {
    using Clock = std::chrono::steady_clock;
    const Clock::time_point started = Clock::now();
    std::size_t copied = 0;
    while (!done_ && copied < max_bytes) {
        if (max_ms > 0 && std::chrono::duration<double, std::milli>(Clock::now() - started).count() >= max_ms) break;
        if (!open_) {
            if (next_feature_ >= mesh.ranges.size()) {
                // The points last: they are the mesh's own (a parked mesh keeps them), a few at most.
                mesh_.point_centres.upload(mesh.points_xy);
                copied += mesh.points_xy.size() * sizeof(float);
                done_ = true;
                break;
            }
            open_chunk(mesh, source);
        }
        copied += step(mesh, source);
    }
    bytes_ += copied;
    return copied;
}

}  // namespace em
