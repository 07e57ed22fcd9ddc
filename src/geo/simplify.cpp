#include "geo/simplify.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

namespace em {

namespace {

struct PointKey {
    std::uint64_t x, y;
    bool operator==(const PointKey&) const = default;
};
struct PointKeyHash {
    std::size_t operator()(const PointKey& k) const { return k.x * 0x9E3779B97F4A7C15ull ^ (k.y + (k.x << 6)); }
};
PointKey key_of(const GeoPoint& p) {
    PointKey k;
    std::memcpy(&k.x, &p.lon, 8);
    std::memcpy(&k.y, &p.lat, 8);
    return k;
}

bool less(const GeoPoint& a, const GeoPoint& b) { return a.lon < b.lon || (a.lon == b.lon && a.lat < b.lat); }

// What is known of one coordinate over all the rings it appears in.
struct Occurrence {
    int count = 0;
    GeoPoint a, b;  // the unordered pair of neighbours at the first occurrence (a <= b)
    bool same_neighbours = true;
};

using OccurrenceMap = std::unordered_map<PointKey, Occurrence, PointKeyHash>;

void record_ring(const Ring& r, OccurrenceMap& map) {
    const size_t n = r.size();
    for (size_t i = 0; i < n; ++i) {
        GeoPoint prev = r[(i + n - 1) % n], next = r[(i + 1) % n];
        if (less(next, prev)) std::swap(prev, next);
        Occurrence& o = map[key_of(r[i])];
        if (o.count == 0) {
            o.a = prev, o.b = next;
        } else if (!(o.a == prev && o.b == next)) {
            o.same_neighbours = false;
        }
        ++o.count;
    }
}

// Computed from the segment's smaller end whichever way it is given: rounding then cannot make a stretch simplify
// differently in the two directions neighbours walk their common border in.
double segment_distance(const GeoPoint& p, GeoPoint a, GeoPoint b) {
    if (less(b, a)) std::swap(a, b);
    const double dx = b.lon - a.lon, dy = b.lat - a.lat;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.lon - a.lon) * dx + (p.lat - a.lat) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.lon - (a.lon + t * dx), p.lat - (a.lat + t * dy));
}

// Closed ring without junctions: anchor at its smallest point and at the point farthest from that one.
Ring simplify_free_ring(const Ring& r, double tolerance) {
    const size_t n = r.size();
    size_t first = 0;
    for (size_t i = 1; i < n; ++i)
        if (less(r[i], r[first])) first = i;
    size_t far = first;
    double best = -1;
    for (size_t i = 0; i < n; ++i) {
        const double d = std::hypot(r[i].lon - r[first].lon, r[i].lat - r[first].lat);
        if (d > best || (d == best && less(r[i], r[far]))) best = d, far = i;
    }
    // Every point the same: the arcs below would be single points, and `second.end() - 1` would come before
    // `second.begin() + 1`. Nothing is enclosed; one point makes the caller drop the ring.
    if (far == first) return Ring{r[first]};
    std::vector<GeoPoint> arc1, arc2;
    for (size_t i = first;; i = (i + 1) % n) {
        arc1.push_back(r[i]);
        if (i == far) break;
    }
    for (size_t i = far;; i = (i + 1) % n) {
        arc2.push_back(r[i]);
        if (i == first) break;
    }
    Ring out = simplify_polyline(arc1, tolerance);
    auto second = simplify_polyline(arc2, tolerance);
    out.insert(out.end(), second.begin() + 1, second.end() - 1);
    return out;
}

Ring simplify_ring(const Ring& r, const OccurrenceMap& map, double tolerance) {
    const size_t n = r.size();
    if (n < 4) return r;
    std::vector<size_t> junctions;
    for (size_t i = 0; i < n; ++i) {
        const Occurrence& o = map.at(key_of(r[i]));
        if (o.count > 1 && !o.same_neighbours) junctions.push_back(i);
    }
    if (junctions.empty()) return simplify_free_ring(r, tolerance);
    Ring out;
    for (size_t j = 0; j < junctions.size(); ++j) {
        const size_t from = junctions[j], to = junctions[(j + 1) % junctions.size()];
        std::vector<GeoPoint> arc;
        for (size_t i = from;; i = (i + 1) % n) {
            arc.push_back(r[i]);
            if (i == to && arc.size() > 1) break;
            if (arc.size() > n + 1) break;  // one junction only: the arc goes all the way round
        }
        auto simplified = simplify_polyline(arc, tolerance);
        out.insert(out.end(), simplified.begin(), simplified.end() - 1);
    }
    return out;
}

}  // namespace

std::vector<GeoPoint> simplify_polyline(const std::vector<GeoPoint>& pts, double tolerance) {
    const size_t n = pts.size();
    if (n <= 2 || tolerance <= 0) return pts;
    std::vector<char> keep(n, 0);
    keep[0] = keep[n - 1] = 1;
    std::vector<std::pair<size_t, size_t>> stack{{0, n - 1}};
    while (!stack.empty()) {
        auto [a, b] = stack.back();
        stack.pop_back();
        if (b <= a + 1) continue;
        double best = -1;
        size_t pick = a;
        for (size_t i = a + 1; i < b; ++i) {
            const double d = segment_distance(pts[i], pts[a], pts[b]);
            if (d > best || (d == best && less(pts[i], pts[pick]))) best = d, pick = i;
        }
        if (best > tolerance) {
            keep[pick] = 1;
            stack.push_back({a, pick});
            stack.push_back({pick, b});
        }
    }
    std::vector<GeoPoint> out;
    for (size_t i = 0; i < n; ++i)
        if (keep[i]) out.push_back(pts[i]);
    return out;
}

VectorLayer simplify_layer(const VectorLayer& layer, double tolerance) {
    if (tolerance <= 0) return layer;
    OccurrenceMap map;
    map.reserve(layer.vertex_count());
    for (const auto& f : layer.features)
        for (const auto& poly : f.polygons)
            for (const auto& r : poly.rings) record_ring(r, map);
    VectorLayer out = layer;
    for (auto& f : out.features) {
        for (auto& poly : f.polygons) {
            for (auto& r : poly.rings) r = simplify_ring(r, map, tolerance);
            // An outer ring that collapsed takes its holes with it.
            if (!poly.rings.empty() && poly.rings.front().size() < 3) poly.rings.clear();
            std::erase_if(poly.rings, [](const Ring& r) { return r.size() < 3; });
        }
        std::erase_if(f.polygons, [](const Polygon& p) { return p.rings.empty(); });
        for (auto& line : f.lines) line = simplify_polyline(line, tolerance);
    }
    return out;
}

}  // namespace em
