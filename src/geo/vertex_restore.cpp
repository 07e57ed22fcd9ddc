#include "geo/vertex_restore.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/release_storage.hpp"

namespace em {

namespace {

// As project_mesh's project_points: x, y per point at the stride, NaN where the projection cannot show it.
void project_span(const std::vector<GeoPoint>& in, std::size_t begin, std::size_t end, const Projection& projection,
                  float* out, std::size_t stride) {
    constexpr float kInvalid = std::numeric_limits<float>::quiet_NaN();
    for (std::size_t i = begin; i < end; ++i) {
        if (auto xy = projection.forward(in[i])) {
            out[i * stride] = static_cast<float>(xy->x);
            out[i * stride + 1] = static_cast<float>(xy->y);
        } else {
            out[i * stride] = out[i * stride + 1] = kInvalid;
        }
    }
}

}  // namespace

std::size_t park_vertices(ProjectedMesh& mesh) {
    std::size_t freed = release_storage(mesh.fill_xy) + release_storage(mesh.outline);
    if (!mesh.source_triangles.empty() && mesh.source_triangles.size() * 3 == mesh.fill_indices.size())
        freed += release_storage(mesh.fill_indices);
    return freed;
}

std::size_t park_level(ProjectedMesh& mesh, std::vector<std::uint32_t> triangle_numbers) {
    if (triangle_numbers.size() * 3 != mesh.fill_indices.size()) return park_vertices(mesh);  // not this mesh's
    mesh.source_triangles = std::move(triangle_numbers);
    return park_vertices(mesh);
}

bool vertices_parked(const ProjectedMesh& mesh) {
    bool triangles = false, outline = false;
    for (const ProjectedRange& r : mesh.ranges) triangles |= r.index_count > 0, outline |= r.outline_count > 0;
    // Indices gone without the numbers to put them back: only project_mesh can help.
    if (triangles && mesh.fill_indices.empty() && mesh.source_triangles.empty()) return false;
    return (triangles && (mesh.fill_xy.empty() || mesh.fill_indices.empty())) || (outline && mesh.outline.empty());
}

bool VertexRestore::advance(ProjectedMesh& mesh, const LayerMesh& lon_lat, const Projection& projection,
                            std::size_t max_points) {
    std::size_t budget = std::max<std::size_t>(max_points, 1);
    while (budget > 0 && phase_ != Phase::kDone) {
        switch (phase_) {
            case Phase::kStart:
                // The vertex arrays, sized as project_mesh sizes them (an outline's join flags start at zero).
                fill_xy_.assign(lon_lat.fill.vertices.size() * 2, 0.0f);
                outline_.assign(lon_lat.outline_points.size() * 3, 0.0f);
                indices_ = mesh.fill_indices.empty() && !mesh.source_triangles.empty();
                if (indices_) fill_indices_.resize(mesh.source_triangles.size() * 3);
                phase_ = indices_ ? Phase::kIndices : Phase::kFill, next_ = 0;
                break;
            case Phase::kIndices: {
                // Each triangle's three indices, copied from where they start in the lon/lat mesh.
                const std::size_t end = std::min(mesh.source_triangles.size(), next_ + budget);
                for (std::size_t t = next_; t < end; ++t) {
                    const std::uint32_t* from = &lon_lat.fill.indices[mesh.source_triangles[t]];
                    std::copy(from, from + 3, &fill_indices_[3 * t]);
                }
                budget -= std::min(budget, (end - next_) / 4 + 1);  // copying: cheaper than projecting
                next_ = end;
                if (next_ == mesh.source_triangles.size()) phase_ = Phase::kFill, next_ = 0;
                break;
            }
            case Phase::kFill: {
                const std::size_t end = std::min(lon_lat.fill.vertices.size(), next_ + budget);
                project_span(lon_lat.fill.vertices, next_, end, projection, fill_xy_.data(), 2);
                budget -= end - next_, next_ = end;
                if (next_ == lon_lat.fill.vertices.size()) phase_ = Phase::kOutline, next_ = 0;
                break;
            }
            case Phase::kOutline: {
                const std::size_t end = std::min(lon_lat.outline_points.size(), next_ + budget);
                project_span(lon_lat.outline_points, next_, end, projection, outline_.data(), 3);
                budget -= end - next_, next_ = end;
                if (next_ == lon_lat.outline_points.size()) phase_ = Phase::kJoins, next_ = 0;
                break;
            }
            case Phase::kJoins: {
                // Feature by feature, as project_mesh: a segment is drawn when the source joins it and both its ends
                // are shown; then unshown points become zeros.
                auto valid = [](const float* v) { return !std::isnan(v[0]); };
                while (next_ < mesh.ranges.size() && budget > 0) {
                    const ProjectedRange& r = mesh.ranges[next_++];
                    const std::uint32_t end = r.first_outline + r.outline_count;
                    for (std::uint32_t i = r.first_outline; i < end; ++i) {
                        float* p = &outline_[i * 3];
                        const bool next_ok = i + 1 < end && valid(&outline_[(i + 1) * 3]);
                        p[2] = (lon_lat.outline_joins[i] && valid(p) && next_ok) ? 1.0f : 0.0f;
                    }
                    for (std::uint32_t i = r.first_outline; i < end; ++i) {
                        float* p = &outline_[i * 3];
                        if (!valid(p)) p[0] = p[1] = 0.0f;
                    }
                    budget -= std::min<std::size_t>(budget, r.outline_count / 8 + 1);  // no projecting here: cheap
                }
                if (next_ == mesh.ranges.size()) {
                    // Whole: into the mesh at once, so that the mesh is always either parked or whole.
                    mesh.fill_xy = std::move(fill_xy_);
                    mesh.outline = std::move(outline_);
                    if (indices_) mesh.fill_indices = std::move(fill_indices_);
                    phase_ = Phase::kDone;
                }
                break;
            }
            case Phase::kDone:
                break;
        }
    }
    return phase_ == Phase::kDone;
}

}  // namespace em
