#include "geo/picking.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace em {

namespace {

double cross(GeoPoint o, GeoPoint a, GeoPoint b) {
    return (a.lon - o.lon) * (b.lat - o.lat) - (a.lat - o.lat) * (b.lon - o.lon);
}

// The query point and, near the antimeridian, its twin on the other side (features are cut at lon +-180).
struct Candidates {
    GeoPoint at[2];
    int count = 0;
};

Candidates candidates(GeoPoint p, double tolerance) {
    Candidates c;
    c.at[c.count++] = p;
    if (p.lon + tolerance >= 180.0) {
        c.at[c.count++] = {p.lon - 360.0, p.lat};
    } else if (p.lon - tolerance <= -180.0) {
        c.at[c.count++] = {p.lon + 360.0, p.lat};
    }
    return c;
}

// The bbox is of the source coordinates. A feature that crosses the antimeridian has an edge spanning more than
// 180 degrees of longitude there, so its box is wider than 180 yet misses the pieces cut at +-180: only its
// latitudes say anything then.
bool near_box(const BBox& box, GeoPoint p, double tolerance) {
    if (box.empty()) return false;
    const bool lat_ok = p.lat >= box.min_y - tolerance && p.lat <= box.max_y + tolerance;
    if (box.width() > 180.0) return lat_ok;
    return lat_ok && p.lon >= box.min_x - tolerance && p.lon <= box.max_x + tolerance;
}

bool in_fill(const LayerMesh& mesh, const FeatureRange& r, GeoPoint p) {
    const auto& v = mesh.fill.vertices;
    const auto& idx = mesh.fill.indices;
    const std::size_t end = std::min<std::size_t>(static_cast<std::size_t>(r.first_index) + r.index_count, idx.size());
    for (std::size_t i = r.first_index; i + 3 <= end; i += 3) {
        const GeoPoint a = v[idx[i]], b = v[idx[i + 1]], c = v[idx[i + 2]];
        // Cheap rejection by the triangle's box before the three cross products.
        if ((p.lon < a.lon && p.lon < b.lon && p.lon < c.lon) || (p.lon > a.lon && p.lon > b.lon && p.lon > c.lon) ||
            (p.lat < a.lat && p.lat < b.lat && p.lat < c.lat) || (p.lat > a.lat && p.lat > b.lat && p.lat > c.lat))
            continue;
        if (point_in_triangle(p, a, b, c)) return true;
    }
    return false;
}

double nearest_segment(const LayerMesh& mesh, const FeatureRange& r, GeoPoint p) {
    double best = std::numeric_limits<double>::infinity();
    const std::size_t end = std::min<std::size_t>(static_cast<std::size_t>(r.first_outline) + r.outline_count,
                                                  mesh.outline_points.size());
    for (std::size_t i = r.first_outline; i + 1 < end; ++i) {
        if (i < mesh.outline_joins.size() && mesh.outline_joins[i] == 0) continue;
        best = std::min(best, distance_to_segment(p, mesh.outline_points[i], mesh.outline_points[i + 1]));
    }
    return best;
}

double nearest_point(const LayerMesh& mesh, const FeatureRange& r, GeoPoint p) {
    double best = std::numeric_limits<double>::infinity();
    const std::size_t end =
        std::min<std::size_t>(static_cast<std::size_t>(r.first_point) + r.point_count, mesh.points.size());
    for (std::size_t i = r.first_point; i < end; ++i)
        best = std::min(best, std::hypot(p.lon - mesh.points[i].lon, p.lat - mesh.points[i].lat));
    return best;
}

}  // namespace

bool point_in_triangle(GeoPoint p, GeoPoint a, GeoPoint b, GeoPoint c) {
    if (cross(a, b, c) == 0.0) return false;  // no area: covers nothing its neighbours do not
    const double d1 = cross(a, b, p), d2 = cross(b, c, p), d3 = cross(c, a, p);
    const bool negative = d1 < 0 || d2 < 0 || d3 < 0;
    const bool positive = d1 > 0 || d2 > 0 || d3 > 0;
    return !(negative && positive);
}

double distance_to_segment(GeoPoint p, GeoPoint a, GeoPoint b) {
    const double dx = b.lon - a.lon, dy = b.lat - a.lat;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.lon - a.lon) * dx + (p.lat - a.lat) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.lon - (a.lon + t * dx), p.lat - (a.lat + t * dy));
}

std::optional<std::size_t> pick_feature(const PreparedLayer& layer, GeoPoint p, double tolerance_degrees) {
    if (!std::isfinite(p.lon) || !std::isfinite(p.lat)) return std::nullopt;
    const double tolerance = std::isfinite(tolerance_degrees) ? std::max(tolerance_degrees, 0.0) : 0.0;
    const LayerMesh& mesh = layer.mesh;
    const bool polygons = layer.kind == GeometryKind::kPolygon || layer.kind == GeometryKind::kMixed;
    const bool lines = layer.kind == GeometryKind::kLine || layer.kind == GeometryKind::kMixed;
    const bool points = layer.kind == GeometryKind::kPoint || layer.kind == GeometryKind::kMixed;
    const bool have_boxes = layer.feature_bboxes.size() == mesh.ranges.size();
    const Candidates cand = candidates(p, tolerance);

    std::optional<std::size_t> picked;
    double best = std::numeric_limits<double>::infinity();
    // From the top (drawn last) down, so the first containing polygon is the one seen, and a later feature
    // keeps a tie.
    for (std::size_t f = mesh.ranges.size(); f-- > 0;) {
        const FeatureRange& r = mesh.ranges[f];
        for (int k = 0; k < cand.count; ++k) {
            const GeoPoint q = cand.at[k];
            if (have_boxes && !near_box(layer.feature_bboxes[f], q, polygons && !lines && !points ? 0.0 : tolerance))
                continue;
            double d = std::numeric_limits<double>::infinity();
            if (polygons && r.index_count && in_fill(mesh, r, q)) {
                d = 0.0;
            } else {
                if (lines && r.outline_count) d = std::min(d, nearest_segment(mesh, r, q));
                if (points && r.point_count) d = std::min(d, nearest_point(mesh, r, q));
                if (d > tolerance) continue;
            }
            if (d < best) best = d, picked = f;
            if (best == 0.0) return picked;
        }
    }
    return picked;
}

}  // namespace em
