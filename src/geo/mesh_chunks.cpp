#include "geo/mesh_chunks.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace em {

namespace {

constexpr float kInvalid = std::numeric_limits<float>::quiet_NaN();

// x, y of a point as project_mesh's project_points writes them.
void project_one(const Projection& projection, const GeoPoint& p, float* out) {
    if (auto xy = projection.forward(p)) {
        out[0] = static_cast<float>(xy->x);
        out[1] = static_cast<float>(xy->y);
    } else {
        out[0] = out[1] = kInvalid;
    }
}

}  // namespace

std::uint32_t fill_index_at(const ProjectedMesh& mesh, const LayerMesh& lon_lat, std::size_t i) {
    if (!mesh.fill_indices.empty()) return mesh.fill_indices[i];
    return lon_lat.fill.indices[mesh.source_triangles[i / 3] + i % 3];
}

bool chunkable(const ProjectedMesh& mesh, const LayerMesh& lon_lat) {
    std::size_t indices = 0, outline = 0;
    if (mesh.ranges.size() != lon_lat.ranges.size()) return false;
    for (const ProjectedRange& r : mesh.ranges) {
        if (r.first_index != indices || (r.outline_count > 0 && r.first_outline < outline)) return false;
        indices += r.index_count;
        if (r.outline_count > 0) outline = std::size_t{r.first_outline} + r.outline_count;
    }
    if (outline > lon_lat.outline_points.size()) return false;
    if (!mesh.fill_indices.empty()) return mesh.fill_indices.size() == indices;
    return mesh.source_triangles.size() * 3 == indices;
}

MeshChunk next_mesh_chunk(const ProjectedMesh& mesh, const LayerMesh& lon_lat, std::uint32_t first_feature,
                          std::uint32_t max_vertices, std::uint32_t max_outline) {
    MeshChunk c;
    c.first_feature = first_feature;
    if (first_feature < mesh.ranges.size()) c.first_index = mesh.ranges[first_feature].first_index;
    // The fill vertices the chunk's triangles use: those between the lowest and the highest index.
    std::uint32_t low = std::numeric_limits<std::uint32_t>::max(), high = 0;
    bool outline = false;  // whether c.first_outline is set
    std::uint32_t outline_end = 0;
    for (std::uint32_t f = first_feature; f < mesh.ranges.size(); ++f) {
        const ProjectedRange& r = mesh.ranges[f];
        std::uint32_t lo = low, hi = high;
        for (std::uint32_t i = r.first_index; i < r.first_index + r.index_count; ++i) {
            const std::uint32_t v = fill_index_at(mesh, lon_lat, i);
            lo = std::min(lo, v), hi = std::max(hi, v);
        }
        const std::uint32_t start = outline ? c.first_outline : r.first_outline;
        const std::uint32_t end = r.outline_count > 0 ? r.first_outline + r.outline_count : outline_end;
        const bool too_big = (lo <= hi && hi - lo + 1 > max_vertices) || (r.outline_count > 0 && end - start > max_outline);
        if (c.feature_count > 0 && too_big) break;
        ++c.feature_count;
        c.index_count += r.index_count;
        low = lo, high = hi;
        if (r.outline_count > 0) {
            if (!outline) c.first_outline = r.first_outline, outline = true;
            outline_end = end;
        }
    }
    if (low <= high) c.first_vertex = low, c.vertex_count = high - low + 1;
    if (outline) c.outline_count = outline_end - c.first_outline;
    return c;
}

std::vector<MeshChunk> plan_mesh_chunks(const ProjectedMesh& mesh, const LayerMesh& lon_lat, std::uint32_t max_vertices,
                                        std::uint32_t max_outline) {
    std::vector<MeshChunk> chunks;
    for (std::uint32_t f = 0; f < mesh.ranges.size(); f += chunks.back().feature_count)
        chunks.push_back(next_mesh_chunk(mesh, lon_lat, f, max_vertices, max_outline));
    return chunks;
}

void project_chunk_vertices(const LayerMesh& lon_lat, const Projection& projection, const MeshChunk& chunk,
                            std::uint32_t first, std::uint32_t count, float* out) {
    for (std::uint32_t k = 0; k < count; ++k)
        project_one(projection, lon_lat.fill.vertices[chunk.first_vertex + first + k], out + 2 * k);
}

void project_chunk_outline(const ProjectedMesh& mesh, const LayerMesh& lon_lat, const Projection& projection,
                           const MeshChunk& chunk, std::uint32_t first, std::uint32_t count, float* out) {
    const std::uint32_t begin = chunk.first_outline + first, end = begin + count;
    for (std::uint32_t i = begin; i < end; ++i) {
        project_one(projection, lon_lat.outline_points[i], out + 3 * (i - begin));
        out[3 * (i - begin) + 2] = 0.0f;
    }
    auto valid = [](const float* v) { return !std::isnan(v[0]); };
    // Joins and zeros feature by feature, as project_mesh: points outside every feature keep their floats, unjoined.
    for (std::uint32_t f = chunk.first_feature; f < chunk.first_feature + chunk.feature_count; ++f) {
        const ProjectedRange& r = mesh.ranges[f];
        const std::uint32_t feature_end = r.first_outline + r.outline_count;
        const std::uint32_t from = std::max(begin, r.first_outline), to = std::min(end, feature_end);
        for (std::uint32_t i = from; i < to; ++i) {
            float* p = out + 3 * (i - begin);
            bool next_ok = false;
            if (i + 1 < feature_end) {
                if (i + 1 < end) {
                    next_ok = valid(p + 3);
                } else {  // the next point is in the next call's span
                    float next[2];
                    project_one(projection, lon_lat.outline_points[i + 1], next);
                    next_ok = valid(next);
                }
            }
            p[2] = (lon_lat.outline_joins[i] && valid(p) && next_ok) ? 1.0f : 0.0f;
        }
        for (std::uint32_t i = from; i < to; ++i) {
            float* p = out + 3 * (i - begin);
            if (!valid(p)) p[0] = p[1] = 0.0f;
        }
    }
}

}  // namespace em
