#include "geo/great_circle.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "geo/antimeridian.hpp"
#include "geo/projection.hpp"

namespace em {

namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

struct Vec3 {
    double x, y, z;
};

Vec3 to_vec(GeoPoint p) {
    const double lat = p.lat * kDeg, lon = p.lon * kDeg;
    return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}

GeoPoint to_geo(Vec3 v) {
    const double len = std::sqrt(v.x * v.x + v.y * v.y + v.z * v.z);
    return {std::atan2(v.y, v.x) / kDeg, std::asin(std::clamp(v.z / len, -1.0, 1.0)) / kDeg};
}

double angle_between(Vec3 a, Vec3 b) {
    const double dot = a.x * b.x + a.y * b.y + a.z * b.z;
    const Vec3 c{a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
    return std::atan2(std::sqrt(c.x * c.x + c.y * c.y + c.z * c.z), dot);
}

}  // namespace

std::vector<GeoPoint> great_circle(GeoPoint a, GeoPoint b, double max_step) {
    const Vec3 va = to_vec(a), vb = to_vec(b);
    const double omega = angle_between(va, vb);
    const int steps = std::max(1, static_cast<int>(std::ceil(omega / kDeg / std::max(max_step, 1e-3))));
    std::vector<GeoPoint> out;
    out.reserve(steps + 1);
    out.push_back(a);
    const double s = std::sin(omega);
    // Antipodal ends (identical ones take no intermediate steps): no unique circle, so take the one through the
    // north, i.e. turn from a towards the unit vector n that points north from a (any meridian when a is a pole).
    Vec3 n{-va.z * va.x, -va.z * va.y, 1.0 - va.z * va.z};
    const double n_len = std::sqrt(n.x * n.x + n.y * n.y + n.z * n.z);
    n = n_len < 1e-12 ? Vec3{1.0, 0.0, 0.0} : Vec3{n.x / n_len, n.y / n_len, n.z / n_len};
    for (int i = 1; i < steps; ++i) {
        const double t = static_cast<double>(i) / steps;
        if (s < 1e-12) {
            const double c = std::cos(t * omega), sn = std::sin(t * omega);
            out.push_back(to_geo({c * va.x + sn * n.x, c * va.y + sn * n.y, c * va.z + sn * n.z}));
            continue;
        }
        const double ka = std::sin((1 - t) * omega) / s, kb = std::sin(t * omega) / s;
        out.push_back(to_geo({ka * va.x + kb * vb.x, ka * va.y + kb * vb.y, ka * va.z + kb * vb.z}));
    }
    out.push_back(b);
    return out;
}

GeoPoint great_circle_midpoint(GeoPoint a, GeoPoint b) {
    const Vec3 va = to_vec(a), vb = to_vec(b);
    return to_geo({va.x + vb.x, va.y + vb.y, va.z + vb.z});
}

double great_circle_distance(GeoPoint a, GeoPoint b) { return angle_between(to_vec(a), to_vec(b)) * kEarthRadius; }

std::vector<LineString> great_circle_pieces(GeoPoint a, GeoPoint b, double max_step) {
    return cut_line_at_antimeridian(great_circle(a, b, max_step));
}

}  // namespace em
