#include "geo/simplify.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include "geo/junctions.hpp"

namespace em {

namespace {

bool less(const GeoPoint& a, const GeoPoint& b) { return a.lon < b.lon || (a.lon == b.lon && a.lat < b.lat); }

// A segment's distances, computed from its smaller end whichever way it is given: rounding then cannot make a
// stretch simplify differently in the two directions neighbours walk their common border in. Squared, and set up
// once per segment: std::hypot per point was two thirds of the time simplifying dense10m's quick preview (48 ms of
// it, 15 ms without).
class SegmentDistance {
public:
    SegmentDistance(GeoPoint a, GeoPoint b) {
        if (less(b, a)) std::swap(a, b);
        a_ = a, dx_ = b.lon - a.lon, dy_ = b.lat - a.lat, len2_ = dx_ * dx_ + dy_ * dy_;
    }
    double squared(const GeoPoint& p) const {
        double t = len2_ > 0 ? ((p.lon - a_.lon) * dx_ + (p.lat - a_.lat) * dy_) / len2_ : 0;
        t = std::clamp(t, 0.0, 1.0);
        const double ex = p.lon - (a_.lon + t * dx_), ey = p.lat - (a_.lat + t * dy_);
        return ex * ex + ey * ey;
    }

private:
    GeoPoint a_;
    double dx_, dy_, len2_;
};

double squared_distance(const GeoPoint& p, const GeoPoint& q) {
    const double dx = p.lon - q.lon, dy = p.lat - q.lat;
    return dx * dx + dy * dy;
}

// Buffers one thread reuses from ring to ring, so simplifying allocates little beyond the output.
struct Scratch {
    std::vector<GeoPoint> arc;
    std::vector<char> keep;
    std::vector<std::pair<size_t, size_t>> stack;
    std::vector<size_t> junctions;
};

// Douglas-Peucker over pts[0..n) (first and last kept), appending the kept points to out, the last one only if
// with_last.
void append_simplified(const GeoPoint* pts, size_t n, double tolerance, bool with_last, Scratch& s,
                       std::vector<GeoPoint>& out) {
    if (n <= 2) {
        out.insert(out.end(), pts, pts + (with_last ? n : n - 1));
        return;
    }
    s.keep.assign(n, 0);
    s.keep[0] = s.keep[n - 1] = 1;
    s.stack.assign(1, {0, n - 1});
    const double tolerance2 = tolerance * tolerance;
    while (!s.stack.empty()) {
        auto [a, b] = s.stack.back();
        s.stack.pop_back();
        if (b <= a + 1) continue;
        double best = -1;
        size_t pick = a;
        const SegmentDistance segment(pts[a], pts[b]);
        for (size_t i = a + 1; i < b; ++i) {
            const double d = segment.squared(pts[i]);
            if (d > best || (d == best && less(pts[i], pts[pick]))) best = d, pick = i;
        }
        if (best > tolerance2) {
            s.keep[pick] = 1;
            s.stack.push_back({a, pick});
            s.stack.push_back({pick, b});
        }
    }
    const size_t last = with_last ? n : n - 1;
    for (size_t i = 0; i < last; ++i)
        if (s.keep[i]) out.push_back(pts[i]);
}

// The cyclic stretch r[from], r[from + 1], ... of `count` points, into s.arc.
const std::vector<GeoPoint>& cyclic_arc(const Ring& r, size_t from, size_t count, Scratch& s) {
    s.arc.clear();
    for (size_t k = 0, i = from; k < count; ++k, i = i + 1 == r.size() ? 0 : i + 1) s.arc.push_back(r[i]);
    return s.arc;
}

// Closed ring without junctions: anchor at its smallest point and at the point farthest from that one.
Ring simplify_free_ring(const Ring& r, double tolerance, Scratch& s) {
    const size_t n = r.size();
    size_t first = 0;
    for (size_t i = 1; i < n; ++i)
        if (less(r[i], r[first])) first = i;
    size_t far = first;
    double best = -1;
    for (size_t i = 0; i < n; ++i) {
        const double d = squared_distance(r[i], r[first]);
        if (d > best || (d == best && less(r[i], r[far]))) best = d, far = i;
    }
    // Every point the same: the arcs below would be single points. Nothing is enclosed; one point makes the
    // caller drop the ring.
    if (far == first) return Ring{r[first]};
    Ring out;
    const size_t to_far = (far + n - first) % n + 1, back = (first + n - far) % n + 1;
    const auto& arc1 = cyclic_arc(r, first, to_far, s);
    append_simplified(arc1.data(), arc1.size(), tolerance, true, s, out);
    // The second arc without its ends (the far point and the first point are already in).
    const auto& arc2 = cyclic_arc(r, far, back, s);
    const size_t before = out.size();
    append_simplified(arc2.data(), arc2.size(), tolerance, false, s, out);
    out.erase(out.begin() + static_cast<std::ptrdiff_t>(before));
    return out;
}

// One ring, given the junction flags of its vertices.
Ring simplify_ring(const Ring& r, const std::uint8_t* junction, double tolerance, Scratch& s) {
    const size_t n = r.size();
    if (n < 4) return r;
    s.junctions.clear();
    for (size_t i = 0; i < n; ++i)
        if (junction[i]) s.junctions.push_back(i);
    if (s.junctions.empty()) return simplify_free_ring(r, tolerance, s);
    Ring out;
    const size_t count = s.junctions.size();
    for (size_t j = 0; j < count; ++j) {
        const size_t from = s.junctions[j], to = s.junctions[(j + 1) % count];
        // With one junction the stretch goes all the way round, back to it.
        const size_t length = (to + n - from) % n == 0 ? n + 1 : (to + n - from) % n + 1;
        const auto& arc = cyclic_arc(r, from, length, s);
        append_simplified(arc.data(), arc.size(), tolerance, false, s, out);
    }
    return out;
}

int thread_count() { return std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 16); }

}  // namespace

std::vector<GeoPoint> simplify_polyline(const std::vector<GeoPoint>& pts, double tolerance) {
    if (pts.size() <= 2 || tolerance <= 0) return pts;
    Scratch s;
    std::vector<GeoPoint> out;
    append_simplified(pts.data(), pts.size(), tolerance, true, s, out);
    return out;
}

VectorLayer simplify_layer(const VectorLayer& layer, double tolerance, SharedBorders borders) {
    if (tolerance <= 0) return layer;
    // Every ring of every polygon, in order, and where each one's vertices start in the flat junction flags.
    std::vector<const Ring*> rings;
    std::vector<size_t> first_vertex;
    size_t vertices = 0;
    for (const auto& f : layer.features)
        for (const auto& poly : f.polygons)
            for (const auto& r : poly.rings)
                rings.push_back(&r), first_vertex.push_back(vertices), vertices += r.size();
    const int threads = thread_count();
    const std::vector<std::uint8_t> junction = borders == SharedBorders::kKeep
                                                   ? find_junctions(rings, threads)
                                                   : std::vector<std::uint8_t>(vertices, 0);

    // Rings are simplified independently, on every core; big rings first are not needed: threads take the next
    // ring in order from a shared counter, so a long coastline only keeps one thread busy while the other goes on.
    std::vector<Ring> simplified(rings.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
        Scratch s;
        for (size_t i = next++; i < rings.size(); i = next++)
            simplified[i] = simplify_ring(*rings[i], junction.data() + first_vertex[i], tolerance, s);
    };
    if (threads == 1 || rings.size() < 64) {
        work();
    } else {
        std::vector<std::jthread> pool;
        for (int t = 1; t < threads; ++t) pool.emplace_back(work);
        work();
    }

    VectorLayer out;
    out.source = layer.source, out.name = layer.name, out.crs = layer.crs, out.fields = layer.fields;
    out.warnings = layer.warnings, out.kind = layer.kind, out.bbox = layer.bbox;
    out.features.reserve(layer.features.size());
    size_t ring_index = 0;
    for (const auto& in : layer.features) {
        Feature f;
        f.fid = in.fid, f.points = in.points, f.values = in.values, f.bbox = in.bbox;
        f.polygons.reserve(in.polygons.size());
        for (const auto& in_poly : in.polygons) {
            Polygon poly;
            poly.rings.reserve(in_poly.rings.size());
            for (size_t k = 0; k < in_poly.rings.size(); ++k) poly.rings.push_back(std::move(simplified[ring_index++]));
            // An outer ring that collapsed takes its holes with it.
            if (!poly.rings.empty() && poly.rings.front().size() < 3) poly.rings.clear();
            std::erase_if(poly.rings, [](const Ring& r) { return r.size() < 3; });
            if (!poly.rings.empty()) f.polygons.push_back(std::move(poly));
        }
        f.lines.reserve(in.lines.size());
        for (const auto& line : in.lines) f.lines.push_back(simplify_polyline(line, tolerance));
        out.features.push_back(std::move(f));
    }
    return out;
}

bool ring_smaller_than(const Ring& ring, double extent) {
    BBox box;
    for (const GeoPoint& p : ring) box.add(p.lon, p.lat);
    return box.width() < extent && box.height() < extent;
}

std::size_t drop_small_rings(VectorLayer& layer, double extent) {
    const auto small = [extent](const Ring& r) { return ring_smaller_than(r, extent); };
    std::size_t dropped = 0;
    for (auto& f : layer.features) {
        for (auto& poly : f.polygons) {
            if (!poly.rings.empty() && small(poly.rings.front())) {
                dropped += poly.rings.size();
                poly.rings.clear();
                continue;
            }
            dropped += std::erase_if(poly.rings, small);
        }
        std::erase_if(f.polygons, [](const Polygon& p) { return p.rings.empty(); });
    }
    return dropped;
}

}  // namespace em
