#include "geo/vertex_restore.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/release_storage.hpp"
#include "geo/mesh_pieces.hpp"

namespace em {

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

ProjectedMesh project_parked(const LayerMesh& mesh, const Projection& projection) {
    // Each step as project_mesh takes it, so that the result is the same bit for bit (tests/geo/vertex_restore_test).
    ProjectedMesh out;
    out.stamp = next_mesh_stamp();
    out.fill_even_odd = mesh.fill_even_odd;
    std::vector<float> fill_xy(mesh.fill.vertices.size() * 2);
    project_points(mesh.fill.vertices, projection, fill_xy.data(), 2);
    out.points_xy.resize(mesh.points.size() * 2);
    project_points(mesh.points, projection, out.points_xy.data(), 2);
    auto valid = [](const float* v) { return !std::isnan(v[0]); };
    std::vector<std::uint32_t>& numbers = out.source_triangles;
    numbers.reserve(mesh.fill.indices.size() / 3);
    out.ranges.reserve(mesh.ranges.size());
    std::vector<float> outline;  // one feature's projected outline at a time
    for (const FeatureRange& r : mesh.ranges) {
        ProjectedRange pr;
        pr.first_index = static_cast<std::uint32_t>(numbers.size() * 3);
        for (std::uint32_t i = r.first_index; i + 2 < r.first_index + r.index_count; i += 3) {
            const float *pa = &fill_xy[mesh.fill.indices[i] * 2], *pb = &fill_xy[mesh.fill.indices[i + 1] * 2],
                        *pc = &fill_xy[mesh.fill.indices[i + 2] * 2];
            if (!valid(pa) || !valid(pb) || !valid(pc)) continue;
            numbers.push_back(i);
            pr.bbox.add(pa[0], pa[1]), pr.bbox.add(pb[0], pb[1]), pr.bbox.add(pc[0], pc[1]);
        }
        pr.index_count = static_cast<std::uint32_t>(numbers.size() * 3) - pr.first_index;
        if (mesh.fill_even_odd && pr.index_count != r.index_count) {
            numbers.resize(pr.first_index / 3);
            pr.index_count = 0;
        }
        pr.first_outline = r.first_outline;
        pr.outline_count = r.outline_count;
        outline.assign(static_cast<std::size_t>(r.outline_count) * 3, 0.0f);
        constexpr float kInvalid = std::numeric_limits<float>::quiet_NaN();
        for (std::uint32_t k = 0; k < r.outline_count; ++k) {
            if (auto xy = projection.forward(mesh.outline_points[r.first_outline + k])) {
                outline[3 * k] = static_cast<float>(xy->x), outline[3 * k + 1] = static_cast<float>(xy->y);
            } else {
                outline[3 * k] = outline[3 * k + 1] = kInvalid;
            }
        }
        for (std::uint32_t k = 0; k < r.outline_count; ++k) {
            float* p = &outline[3 * k];
            const bool next_ok = k + 1 < r.outline_count && valid(&outline[3 * (k + 1)]);
            p[2] = (mesh.outline_joins[r.first_outline + k] && valid(p) && next_ok) ? 1.0f : 0.0f;
            if (valid(p)) pr.bbox.add(p[0], p[1]);
        }
        for (std::uint32_t k = 0; k < r.outline_count; ++k)
            if (!valid(&outline[3 * k])) outline[3 * k] = outline[3 * k + 1] = 0.0f;
        pr.first_point = r.first_point;
        pr.point_count = r.point_count;
        place_feature_points(out.points_xy, pr);
        out.bbox.add(pr.bbox);
        out.ranges.push_back(pr);
        cut_parked_feature(out, static_cast<std::uint32_t>(out.ranges.size() - 1), mesh, fill_xy, outline.data());
    }
    // What park_level keeps: the numbers only when they name every triangle (always, built this way).
    return out;
}

bool vertices_parked(const ProjectedMesh& mesh) {
    bool triangles = false, outline = false;
    for (const ProjectedRange& r : mesh.ranges) triangles |= r.index_count > 0, outline |= r.outline_count > 0;
    // Indices gone without the numbers to put them back: only project_mesh can help.
    if (triangles && mesh.fill_indices.empty() && mesh.source_triangles.empty()) return false;
    return (triangles && (mesh.fill_xy.empty() || mesh.fill_indices.empty())) || (outline && mesh.outline.empty());
}

}  // namespace em
