#include "geo/projected_mesh.hpp"

#include "geo/mesh_pieces.hpp"

#include <atomic>
#include <cmath>
#include <limits>
#include <thread>

namespace em {

namespace {

constexpr float kInvalid = std::numeric_limits<float>::quiet_NaN();

}  // namespace

void project_points(const std::vector<GeoPoint>& in, const Projection& proj, float* out, std::size_t stride) {
    auto run = [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            if (auto xy = proj.forward(in[i])) {
                out[i * stride] = static_cast<float>(xy->x);
                out[i * stride + 1] = static_cast<float>(xy->y);
            } else {
                out[i * stride] = out[i * stride + 1] = kInvalid;
            }
        }
    };
    if (in.size() < 50000) {
        run(0, in.size());
        return;
    }
    const std::size_t half = in.size() / 2;
    std::jthread other(run, half, in.size());
    run(0, half);
}

void place_feature_points(std::vector<float>& points_xy, ProjectedRange& range) {
    for (std::uint32_t i = range.first_point; i < range.first_point + range.point_count; ++i) {
        float* p = &points_xy[i * 2];
        if (!std::isnan(p[0])) {
            range.bbox.add(p[0], p[1]);
        } else {
            p[0] = p[1] = 1e30f;  // far off any view
        }
    }
}

std::uint64_t next_mesh_stamp() {
    // The one process-wide counter in the project, on purpose: stamps must differ across every scene, loader
    // thread and renderer, and a counter owned by any one of them could not promise that.
    static std::atomic<std::uint64_t> last{0};
    return ++last;
}

ProjectedMesh project_mesh(const LayerMesh& mesh, const Projection& projection,
                           std::vector<std::uint32_t>* triangle_numbers) {
    ProjectedMesh out;
    if (triangle_numbers) {
        // At most one per source triangle, reserved at once: grown by doubling it was up to twice that during the
        // window's load, at its peak (land10m's 100 m level: 7.35 M triangles, 29 MB).
        triangle_numbers->clear();
        triangle_numbers->reserve(mesh.fill.indices.size() / 3);
    }
    out.stamp = next_mesh_stamp();
    out.fill_even_odd = mesh.fill_even_odd;
    out.fill_xy.resize(mesh.fill.vertices.size() * 2);
    project_points(mesh.fill.vertices, projection, out.fill_xy.data(), 2);
    out.outline.resize(mesh.outline_points.size() * 3);
    project_points(mesh.outline_points, projection, out.outline.data(), 3);
    out.points_xy.resize(mesh.points.size() * 2);
    project_points(mesh.points, projection, out.points_xy.data(), 2);

    auto valid = [&](const float* v) { return !std::isnan(v[0]); };
    out.fill_indices.reserve(mesh.fill.indices.size());
    out.ranges.reserve(mesh.ranges.size());
    for (const FeatureRange& r : mesh.ranges) {
        ProjectedRange pr;
        pr.first_index = static_cast<std::uint32_t>(out.fill_indices.size());
        for (std::uint32_t i = r.first_index; i + 2 < r.first_index + r.index_count; i += 3) {
            const std::uint32_t a = mesh.fill.indices[i], b = mesh.fill.indices[i + 1], c = mesh.fill.indices[i + 2];
            const float *pa = &out.fill_xy[a * 2], *pb = &out.fill_xy[b * 2], *pc = &out.fill_xy[c * 2];
            if (!valid(pa) || !valid(pb) || !valid(pc)) continue;
            out.fill_indices.insert(out.fill_indices.end(), {a, b, c});
            if (triangle_numbers) triangle_numbers->push_back(i);
            pr.bbox.add(pa[0], pa[1]), pr.bbox.add(pb[0], pb[1]), pr.bbox.add(pc[0], pc[1]);
        }
        pr.index_count = static_cast<std::uint32_t>(out.fill_indices.size()) - pr.first_index;
        // Fans counted even-odd need every triangle: with one missing, the count is wrong across the feature, so
        // such a feature is not filled at all (its outline still is).
        if (mesh.fill_even_odd && pr.index_count != r.index_count) {
            out.fill_indices.resize(pr.first_index);
            if (triangle_numbers) triangle_numbers->resize(pr.first_index / 3);
            pr.index_count = 0;
        }
        pr.first_outline = r.first_outline;
        pr.outline_count = r.outline_count;
        for (std::uint32_t i = r.first_outline; i < r.first_outline + r.outline_count; ++i) {
            float* p = &out.outline[i * 3];
            const bool next_ok = i + 1 < r.first_outline + r.outline_count && valid(&out.outline[(i + 1) * 3]);
            p[2] = (mesh.outline_joins[i] && valid(p) && next_ok) ? 1.0f : 0.0f;
            if (valid(p)) pr.bbox.add(p[0], p[1]);
        }
        // Unshown points become harmless zeros: no segment is joined to them.
        for (std::uint32_t i = r.first_outline; i < r.first_outline + r.outline_count; ++i) {
            float* p = &out.outline[i * 3];
            if (!valid(p)) p[0] = p[1] = 0.0f;
        }
        pr.first_point = r.first_point;
        pr.point_count = r.point_count;
        place_feature_points(out.points_xy, pr);
        out.bbox.add(pr.bbox);
        out.ranges.push_back(pr);
    }
    cut_into_pieces(out, triangle_numbers);
    return out;
}

bool arrays_released(const ProjectedMesh& mesh) {
    bool triangles = false, outline = false;
    for (const ProjectedRange& r : mesh.ranges) triangles |= r.index_count > 0, outline |= r.outline_count > 0;
    return (triangles && (mesh.fill_indices.empty() || mesh.fill_xy.empty())) || (outline && mesh.outline.empty());
}

}  // namespace em
