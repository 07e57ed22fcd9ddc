#include "geo/antimeridian.hpp"

#include <cmath>

namespace em {

namespace {

// Makes longitudes continuous along the ring (each step under 180 degrees).
std::vector<GeoPoint> unwrap(const Ring& ring) {
    std::vector<GeoPoint> out(ring);
    for (size_t i = 1; i < out.size(); ++i) {
        double d = out[i].lon - out[i - 1].lon;
        while (d > 180.0) out[i].lon -= 360.0, d -= 360.0;
        while (d < -180.0) out[i].lon += 360.0, d += 360.0;
    }
    return out;
}

// Clips a ring to the half-plane keep(x) where the boundary is the vertical line x = edge.
std::vector<GeoPoint> clip_vertical(const std::vector<GeoPoint>& ring, double edge, bool keep_left) {
    std::vector<GeoPoint> out;
    if (ring.empty()) return out;
    auto inside = [&](const GeoPoint& p) { return keep_left ? p.lon <= edge : p.lon >= edge; };
    for (size_t i = 0; i < ring.size(); ++i) {
        const GeoPoint& a = ring[i];
        const GeoPoint& b = ring[(i + 1) % ring.size()];
        const bool ia = inside(a), ib = inside(b);
        if (ia) out.push_back(a);
        if (ia != ib) {
            const double t = (edge - a.lon) / (b.lon - a.lon);
            out.push_back({edge, a.lat + t * (b.lat - a.lat)});
        }
    }
    return out;
}

bool ring_crosses(const Ring& r) {
    for (size_t i = 0; i < r.size(); ++i) {
        const auto& a = r[i];
        const auto& b = r[(i + 1) % r.size()];
        if (std::abs(b.lon - a.lon) > 180.0) return true;
    }
    return false;
}

}  // namespace

bool crosses_antimeridian(const Polygon& polygon) {
    for (const auto& r : polygon.rings)
        if (ring_crosses(r)) return true;
    return false;
}

Polygon cut_polygon_at_antimeridian(const Polygon& polygon) {
    if (!crosses_antimeridian(polygon)) return polygon;
    Polygon out;
    for (const Ring& ring : polygon.rings) {
        if (ring.size() < 3) continue;
        std::vector<GeoPoint> u = unwrap(ring);
        // The closing edge (last -> first) is short on the globe; if unwrapping left the ends 360 degrees apart,
        // the ring goes round a pole: close it along that pole instead.
        const double closing = u.front().lon - u.back().lon;
        double wrapped = closing;
        while (wrapped > 180.0) wrapped -= 360.0;
        while (wrapped < -180.0) wrapped += 360.0;
        if (std::abs(closing - wrapped) > 1e-9) {
            double mean_lat = 0;
            for (const auto& p : u) mean_lat += p.lat;
            const double pole = mean_lat < 0 ? -90.0 : 90.0;
            // Follow the closing edge first (to the first point, 360 degrees on), then go down to the pole, back
            // along it and up to the first point: the ring then spans the full 360 degrees.
            const GeoPoint front = u.front();
            const double end_lon = u.back().lon + wrapped;
            u.push_back({end_lon, front.lat});
            u.push_back({end_lon, pole});
            u.push_back({front.lon, pole});
        }
        double min_lon = u.front().lon, max_lon = u.front().lon;
        for (const auto& p : u) min_lon = std::min(min_lon, p.lon), max_lon = std::max(max_lon, p.lon);
        const int k_lo = static_cast<int>(std::floor((min_lon + 180.0) / 360.0));
        const int k_hi = static_cast<int>(std::floor((max_lon + 180.0) / 360.0));
        for (int k = k_lo; k <= k_hi; ++k) {
            const double lo = -180.0 + 360.0 * k, hi = 180.0 + 360.0 * k;
            auto piece = clip_vertical(clip_vertical(u, lo, false), hi, true);
            if (piece.size() < 3) continue;
            for (auto& p : piece) p.lon = std::clamp(p.lon - 360.0 * k, -180.0, 180.0);
            out.rings.push_back(std::move(piece));
        }
    }
    return out;
}

std::vector<LineString> cut_line_at_antimeridian(const LineString& line) {
    std::vector<LineString> out;
    if (line.empty()) return out;
    out.emplace_back();
    out.back().push_back(line.front());
    for (size_t i = 1; i < line.size(); ++i) {
        const GeoPoint a = line[i - 1], b = line[i];
        // Distance east or west to the antimeridian, measured through the short way round. Points exactly 360
        // degrees apart (190 and -170 in a layer not folded to -180..180) are one meridian: no crossing (it divided
        // by zero: an infinite latitude, found by the vector_geojson fuzzer).
        const double b_unwrapped = b.lon + (b.lon < a.lon ? 360.0 : -360.0);
        if (std::abs(b.lon - a.lon) > 180.0 && b_unwrapped != a.lon) {
            const double edge = b_unwrapped > a.lon ? 180.0 : -180.0;
            const double t = (edge - a.lon) / (b_unwrapped - a.lon);
            const double lat = a.lat + t * (b.lat - a.lat);
            out.back().push_back({edge, lat});
            out.emplace_back();
            out.back().push_back({-edge, lat});
        }
        out.back().push_back(b);
    }
    std::erase_if(out, [](const LineString& l) { return l.size() < 2; });
    return out;
}

std::vector<GeoPoint> densify(const std::vector<GeoPoint>& points, double max_degrees, bool closed) {
    std::vector<GeoPoint> out;
    if (points.empty()) return out;
    out.reserve(points.size());
    const size_t n = points.size();
    const size_t edges = closed ? n : n - 1;
    for (size_t i = 0; i < n; ++i) {
        out.push_back(points[i]);
        if (i >= edges) break;
        const GeoPoint a = points[i], b = points[(i + 1) % n];
        const double span = std::max(std::abs(b.lon - a.lon), std::abs(b.lat - a.lat));
        if (span <= max_degrees) continue;
        const int steps = static_cast<int>(std::ceil(span / max_degrees));
        for (int s = 1; s < steps; ++s) {
            const double t = static_cast<double>(s) / steps;
            out.push_back({a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)});
        }
    }
    return out;
}

}  // namespace em
