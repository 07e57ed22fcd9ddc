#include "geo/box_clip.hpp"

#include <algorithm>

namespace em {

namespace {

// Keeps the part of a closed ring on the inner side of one axis-aligned line: `axis` 0 is x (lon), 1 is y (lat);
// keep_above keeps coordinates >= c, else <= c.
void clip_side(const Ring& in, Ring& out, int axis, double c, bool keep_above) {
    out.clear();
    const std::size_t n = in.size();
    if (n == 0) return;
    const auto coord = [axis](const GeoPoint& p) { return axis == 0 ? p.lon : p.lat; };
    const auto inside = [&](const GeoPoint& p) { return keep_above ? coord(p) >= c : coord(p) <= c; };
    for (std::size_t i = 0; i < n; ++i) {
        const GeoPoint& p = in[i];
        const GeoPoint& q = in[(i + 1) % n];
        const bool p_in = inside(p), q_in = inside(q);
        if (p_in) out.push_back(p);
        if (p_in != q_in) {
            const double t = (c - coord(p)) / (coord(q) - coord(p));
            out.push_back(axis == 0 ? GeoPoint{c, p.lat + t * (q.lat - p.lat)} : GeoPoint{p.lon + t * (q.lon - p.lon), c});
        }
    }
}

bool inside_box(const Ring& ring, const BBox& box) {
    for (const GeoPoint& p : ring)
        if (p.lon < box.min_x || p.lon > box.max_x || p.lat < box.min_y || p.lat > box.max_y) return false;
    return true;
}

}  // namespace

Ring clip_ring_to_box(const Ring& ring, const BBox& box) {
    BBox extent;
    for (const GeoPoint& p : ring) extent.add(p.lon, p.lat);
    if (extent.empty() || extent.max_x < box.min_x || extent.min_x > box.max_x || extent.max_y < box.min_y ||
        extent.min_y > box.max_y)
        return {};
    if (extent.min_x >= box.min_x && extent.max_x <= box.max_x && extent.min_y >= box.min_y && extent.max_y <= box.max_y)
        return ring;  // wholly inside: most rings of a view
    Ring a = ring, b;
    clip_side(a, b, 0, box.min_x, true);
    clip_side(b, a, 0, box.max_x, false);
    clip_side(a, b, 1, box.min_y, true);
    clip_side(b, a, 1, box.max_y, false);
    return a;
}

void clip_polygons_to_box(VectorLayer& layer, const BBox& box) {
    for (auto& f : layer.features) {
        for (auto& poly : f.polygons) {
            for (auto& r : poly.rings) {
                if (!inside_box(r, box)) r = clip_ring_to_box(r, box);
            }
            std::erase_if(poly.rings, [](const Ring& r) { return r.size() < 3; });
        }
        std::erase_if(f.polygons, [](const Polygon& p) { return p.rings.empty(); });
        f.update_bbox();
    }
    std::erase_if(layer.features,
                  [](const Feature& f) { return f.polygons.empty() && f.lines.empty() && f.points.empty(); });
}

}  // namespace em
