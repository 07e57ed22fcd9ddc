#include "geo/prepared_layer.hpp"

#include <strings.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <thread>

#include "core/heap_pages.hpp"
#include "core/release_storage.hpp"
#include "geo/antimeridian.hpp"
#include "geo/simplify.hpp"

namespace em {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool on_artificial_edge(const GeoPoint& a, const GeoPoint& b) {
    const bool meridian = std::abs(a.lon) == 180.0 && a.lon == b.lon;
    const bool pole = std::abs(a.lat) == 90.0 && a.lat == b.lat;
    return meridian || pole;
}

// Appends a closed ring (or open line) to the outline strip.
void append_outline(const std::vector<GeoPoint>& pts, bool closed, LayerMesh& m) {
    if (pts.size() < 2) return;
    const size_t n = pts.size();
    const size_t count = closed ? n + 1 : n;
    for (size_t i = 0; i < count; ++i) {
        const GeoPoint& p = pts[i % n];
        m.outline_points.push_back(p);
        const bool last = i + 1 == count;
        const bool join = !last && !on_artificial_edge(p, pts[(i + 1) % n]);
        m.outline_joins.push_back(join ? 1 : 0);
    }
}

// One polygon part, cut, densified and tessellated: the unit of parallel work (countries like Russia have
// hundreds of parts, so parts balance the threads far better than whole features).
struct PartPiece {
    Polygon cut;
    TriangleMesh fill;
    bool failed = false;
};

PartPiece build_part(const Polygon& poly, const PrepareOptions& opt, Tessellator& tess) {
    PartPiece part;
    part.cut = cut_polygon_at_antimeridian(poly);
    for (auto& ring : part.cut.rings) ring = densify(ring, opt.densify_degrees, true);
    if (opt.fan_fill)
        fan_fill(part.cut, part.fill);
    else
        part.failed = !tess.tessellate(part.cut, part.fill);
    return part;
}

// A closed ring of n >= 2 points gives n + 1 outline points, an open line of n >= 2 gives n (as append_outline).
std::size_t outline_size(std::size_t n, bool closed) { return n < 2 ? 0 : closed ? n + 1 : n; }

// A feature's lines, cut at the antimeridian and densified, as outline strips.
LayerMesh line_outlines(const Feature& f, const PrepareOptions& opt) {
    LayerMesh lines;
    for (const LineString& line : f.lines) {
        for (const auto& cut : cut_line_at_antimeridian(line))
            append_outline(densify(cut, opt.densify_degrees, false), false, lines);
    }
    return lines;
}

// Even-odd point-in-polygon over all rings.
bool inside(const Polygon& poly, GeoPoint p) {
    bool in = false;
    for (const auto& r : poly.rings) {
        for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
            if ((r[i].lat > p.lat) != (r[j].lat > p.lat) &&
                p.lon < (r[j].lon - r[i].lon) * (p.lat - r[i].lat) / (r[j].lat - r[i].lat) + r[i].lon)
                in = !in;
        }
    }
    return in;
}

// Midpoint of the widest inside stretch of the horizontal line at lat.
std::optional<GeoPoint> widest_run(const Polygon& poly, double lat, double* width) {
    std::vector<double> xs;
    for (const auto& r : poly.rings) {
        for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
            if ((r[i].lat > lat) != (r[j].lat > lat))
                xs.push_back((r[j].lon - r[i].lon) * (lat - r[i].lat) / (r[j].lat - r[i].lat) + r[i].lon);
        }
    }
    std::sort(xs.begin(), xs.end());
    std::optional<GeoPoint> best;
    *width = 0;
    for (size_t i = 0; i + 1 < xs.size(); i += 2) {
        if (xs[i + 1] - xs[i] > *width) *width = xs[i + 1] - xs[i], best = GeoPoint{(xs[i] + xs[i + 1]) / 2, lat};
    }
    return best;
}

}  // namespace

GeoPoint label_anchor(const std::vector<Polygon>& polygons) {
    // The largest part by outer-ring area.
    const Polygon* best = nullptr;
    double best_area = -1;
    for (const auto& p : polygons) {
        if (p.rings.empty()) continue;
        double a = 0;
        for (const auto& r : p.rings) a = std::max(a, std::abs(ring_signed_area(r)));
        if (a > best_area) best_area = a, best = &p;
    }
    if (!best) return {kNaN, kNaN};
    // Area centroid of the largest ring; if it falls outside (crescents, holes), use the widest inside run
    // across a few latitudes around it.
    // (Each ring's area once: a land polygon with thousands of lakes made recomputing the largest one quadratic.)
    const Ring* outer = &best->rings.front();
    double outer_area = -1;
    for (const auto& r : best->rings) {
        const double area = std::abs(ring_signed_area(r));
        if (area > outer_area) outer_area = area, outer = &r;
    }
    double cx = 0, cy = 0, a2 = 0;
    for (size_t i = 0, n = outer->size(); i < n; ++i) {
        const auto& p = (*outer)[i];
        const auto& q = (*outer)[(i + 1) % n];
        const double cross = p.lon * q.lat - q.lon * p.lat;
        cx += (p.lon + q.lon) * cross, cy += (p.lat + q.lat) * cross, a2 += cross;
    }
    GeoPoint centroid = a2 != 0 ? GeoPoint{cx / (3 * a2), cy / (3 * a2)} : outer->front();
    if (inside(*best, centroid)) return centroid;
    BBox box;
    for (const auto& p : *outer) box.add(p.lon, p.lat);
    std::optional<GeoPoint> pick;
    double pick_width = 0;
    for (int k = 1; k < 16; ++k) {
        double width = 0;
        const double lat = box.min_y + box.height() * k / 16.0;
        if (auto run = widest_run(*best, lat, &width); run && width > pick_width) pick = run, pick_width = width;
    }
    return pick ? *pick : centroid;
}

std::size_t count_mesh_points(const VectorLayer& layer, const PrepareOptions& options) {
    std::size_t count = 0;
    for (const auto& f : layer.features) {
        for (const auto& poly : f.polygons) {
            const Polygon cut = cut_polygon_at_antimeridian(poly);
            for (const auto& ring : cut.rings)
                count += outline_size(densify(ring, options.densify_degrees, true).size(), true);
        }
        for (const LineString& line : f.lines)
            for (const auto& cut : cut_line_at_antimeridian(line))
                count += outline_size(densify(cut, options.densify_degrees, false).size(), false);
        count += f.points.size();
    }
    return count;
}

int PreparedLayer::field_index(std::string_view field) const {
    for (size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].size() == field.size() && strncasecmp(fields[i].data(), field.data(), field.size()) == 0)
            return static_cast<int>(i);
    }
    return -1;
}

const std::string& PreparedLayer::value(std::size_t feature, int field) const {
    static const std::string kEmpty;
    if (field < 0 || feature >= values.size() || static_cast<size_t>(field) >= values[feature].size()) return kEmpty;
    return values[feature][field];
}

namespace {

// prepare_layer's work on `layer`; when `owned` is the same layer and the caller's to spend, each polygon is let go
// as soon as it is tessellated, its pages handed back as they add up: at the end of a heavy layer's tessellation
// its parts and its source were held together (land10m's cold open).
PreparedLayer prepare_owned_or_not(const VectorLayer& layer, VectorLayer* owned, const PrepareOptions& options);

}  // namespace

PreparedLayer prepare_layer(const VectorLayer& input, const PrepareOptions& options) {
    if (options.simplify_degrees <= 0) return prepare_owned_or_not(input, nullptr, options);
    VectorLayer simplified = simplify_layer(input, options.simplify_degrees);
    return prepare_owned_or_not(simplified, &simplified, options);
}

PreparedLayer prepare_layer(VectorLayer&& input, const PrepareOptions& options) {
    if (options.simplify_degrees <= 0) return prepare_owned_or_not(input, &input, options);
    VectorLayer simplified = simplify_layer(input, options.simplify_degrees);
    input = VectorLayer{};
    return prepare_owned_or_not(simplified, &simplified, options);
}

namespace {

PreparedLayer prepare_owned_or_not(const VectorLayer& layer, VectorLayer* owned, const PrepareOptions& options) {
    PreparedLayer out;
    out.source = layer.source;
    out.name = layer.name;
    out.crs = layer.crs;
    out.kind = layer.kind;
    out.bbox = layer.bbox;
    out.fields = layer.fields;
    out.warnings = layer.warnings;
    const size_t n = layer.features.size();
    out.values.reserve(n);
    out.feature_bboxes.reserve(n);
    for (const auto& f : layer.features) out.values.push_back(f.values), out.feature_bboxes.push_back(f.bbox);

    // Polygon parts are independent: tessellate them on several threads, in interleaved order.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> jobs;  // (feature, part)
    std::vector<std::vector<PartPiece>> parts(n);
    for (size_t i = 0; i < n; ++i) {
        parts[i].resize(layer.features[i].polygons.size());
        for (size_t j = 0; j < layer.features[i].polygons.size(); ++j)
            jobs.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)});
    }
    int threads = options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
    threads = std::clamp(threads, 1, 16);
    if (jobs.size() < 8) threads = 1;
    auto work = [&](int t) {
        Tessellator tess;
        HeapPageReturn pages(32u << 20);
        for (size_t k = t; k < jobs.size(); k += threads) {
            const auto [i, j] = jobs[k];
            parts[i][j] = build_part(layer.features[i].polygons[j], options, tess);
            if (!owned) continue;
            // Only this job reads this polygon: another thread never touches it.
            std::size_t bytes = 0;
            for (auto& ring : owned->features[i].polygons[j].rings) bytes += release_storage(ring);
            pages.freed(bytes);
        }
    };
    if (threads == 1) {
        work(0);
    } else {
        std::vector<std::jthread> pool;
        for (int t = 0; t < threads; ++t) pool.emplace_back(work, t);
    }
    // Each feature's tessellated parts, rings, lines and points go straight into the mesh, in feature order, and
    // are let go as they are copied: a copy per feature first (pieces assembled, then copied again) held a big
    // feature's mesh twice, and the pieces' pages beside the parts' (land10m.geojson, 250 countries of up to
    // 19,000 parts: the cold open's peak was there, in the assembly).
    std::vector<LayerMesh> lines(n);
    for (size_t i = 0; i < n; ++i)
        if (!layer.features[i].lines.empty()) lines[i] = line_outlines(layer.features[i], options);

    LayerMesh& m = out.mesh;
    m.fill_even_odd = options.fan_fill;
    out.label_points.reserve(n);
    m.ranges.reserve(n);
    // Exact sizes first: growing by doubling held up to twice the mesh while it was copied (hundreds of MB for a
    // layer of millions of vertices).
    std::size_t vertices = 0, indices = 0, outline = 0, points = 0;
    for (size_t i = 0; i < n; ++i) {
        for (const PartPiece& part : parts[i]) {
            vertices += part.fill.vertices.size(), indices += part.fill.indices.size();
            for (const auto& ring : part.cut.rings) outline += outline_size(ring.size(), true);
        }
        outline += lines[i].outline_points.size();
        points += layer.features[i].points.size();
    }
    m.fill.vertices.reserve(vertices), m.fill.indices.reserve(indices);
    m.outline_points.reserve(outline), m.outline_joins.reserve(outline), m.points.reserve(points);
    // The parts' pages go back to the system as the mesh fills: they are under glibc's mmap threshold, in the
    // heaps, and held to the end they and the mesh were twice the mesh (land10m's cold open: 1403 -> 1151 MiB).
    HeapPageReturn pages(32u << 20);
    for (size_t i = 0; i < n; ++i) {
        const Feature& f = layer.features[i];
        FeatureRange r;
        bool failed = false;
        r.first_index = static_cast<std::uint32_t>(m.fill.indices.size());
        for (PartPiece& part : parts[i]) {
            const auto base = static_cast<std::uint32_t>(m.fill.vertices.size());
            m.fill.vertices.insert(m.fill.vertices.end(), part.fill.vertices.begin(), part.fill.vertices.end());
            for (auto idx : part.fill.indices) m.fill.indices.push_back(base + idx);
            failed |= part.failed;
            pages.freed(release_storage(part.fill.vertices) + release_storage(part.fill.indices));
        }
        r.index_count = static_cast<std::uint32_t>(m.fill.indices.size()) - r.first_index;
        r.first_outline = static_cast<std::uint32_t>(m.outline_points.size());
        std::vector<Polygon> cut_polygons;
        cut_polygons.reserve(parts[i].size());
        for (PartPiece& part : parts[i]) {
            for (const auto& ring : part.cut.rings) append_outline(ring, true, m);
            cut_polygons.push_back(std::move(part.cut));
        }
        m.outline_points.insert(m.outline_points.end(), lines[i].outline_points.begin(), lines[i].outline_points.end());
        m.outline_joins.insert(m.outline_joins.end(), lines[i].outline_joins.begin(), lines[i].outline_joins.end());
        r.outline_count = static_cast<std::uint32_t>(m.outline_points.size()) - r.first_outline;
        r.first_point = static_cast<std::uint32_t>(m.points.size());
        m.points.insert(m.points.end(), f.points.begin(), f.points.end());
        r.point_count = static_cast<std::uint32_t>(f.points.size());
        m.ranges.push_back(r);
        GeoPoint label{kNaN, kNaN};
        if (!cut_polygons.empty()) {
            label = label_anchor(cut_polygons);
        } else if (!f.points.empty()) {
            label = f.points.front();
        } else if (!f.lines.empty() && !f.lines.front().empty()) {
            label = f.lines.front()[f.lines.front().size() / 2];
        }
        out.label_points.push_back(label);
        if (failed) {
            ++m.tessellation_failures;
            out.warnings.push_back(layer.source + " (layer " + layer.name + "): feature " + std::to_string(f.fid) +
                                   ": polygon could not be filled (tessellation failed); outline still drawn");
        }
        std::size_t rings = 0;
        for (Polygon& cut : cut_polygons)
            for (auto& ring : cut.rings) rings += release_storage(ring);
        pages.freed(rings + release_storage(lines[i].outline_points) + release_storage(lines[i].outline_joins));
        std::vector<PartPiece>().swap(parts[i]);
    }
    return out;
}

}  // namespace

}  // namespace em
