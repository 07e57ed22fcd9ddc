// simplify_layer (flat junction table, rings on several threads) gives exactly what the first implementation gave:
// that one (a node hash map of every coordinate, one ring after another) is kept here as the reference. Checked
// vertex for vertex on the 1:10m countries at the tolerances the app uses, and on small layers made to hit the
// special cases: one junction, rings touching at one point, repeated points, holes, lines, degenerate rings.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <unordered_map>

#include "geo/junctions.hpp"
#include "geo/simplify.hpp"
#include "geo/vector_loader.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

// ---- The reference: simplify_layer as first written (commit c3ebe70). ----
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
struct Occurrence {
    int count = 0;
    GeoPoint a, b;
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

Ring reference_free_ring(const Ring& r, double tolerance) {
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

Ring reference_ring(const Ring& r, const OccurrenceMap& map, double tolerance) {
    const size_t n = r.size();
    if (n < 4) return r;
    std::vector<size_t> junctions;
    for (size_t i = 0; i < n; ++i) {
        const Occurrence& o = map.at(key_of(r[i]));
        if (o.count > 1 && !o.same_neighbours) junctions.push_back(i);
    }
    if (junctions.empty()) return reference_free_ring(r, tolerance);
    Ring out;
    for (size_t j = 0; j < junctions.size(); ++j) {
        const size_t from = junctions[j], to = junctions[(j + 1) % junctions.size()];
        std::vector<GeoPoint> arc;
        for (size_t i = from;; i = (i + 1) % n) {
            arc.push_back(r[i]);
            if (i == to && arc.size() > 1) break;
            if (arc.size() > n + 1) break;
        }
        auto simplified = simplify_polyline(arc, tolerance);
        out.insert(out.end(), simplified.begin(), simplified.end() - 1);
    }
    return out;
}

VectorLayer reference_simplify(const VectorLayer& layer, double tolerance) {
    OccurrenceMap map;
    for (const auto& f : layer.features)
        for (const auto& poly : f.polygons)
            for (const auto& r : poly.rings) record_ring(r, map);
    VectorLayer out = layer;
    for (auto& f : out.features) {
        for (auto& poly : f.polygons) {
            for (auto& r : poly.rings) r = reference_ring(r, map, tolerance);
            if (!poly.rings.empty() && poly.rings.front().size() < 3) poly.rings.clear();
            std::erase_if(poly.rings, [](const Ring& r) { return r.size() < 3; });
        }
        std::erase_if(f.polygons, [](const Polygon& p) { return p.rings.empty(); });
        for (auto& line : f.lines) line = simplify_polyline(line, tolerance);
    }
    return out;
}
// ---- end of the reference ----

void expect_identical(const VectorLayer& want, const VectorLayer& got) {
    ASSERT_EQ(want.features.size(), got.features.size());
    for (size_t i = 0; i < want.features.size(); ++i) {
        const Feature& a = want.features[i];
        const Feature& b = got.features[i];
        EXPECT_EQ(a.fid, b.fid);
        EXPECT_EQ(a.values, b.values);
        EXPECT_EQ(a.points, b.points);
        EXPECT_EQ(a.lines, b.lines) << "feature " << i;
        ASSERT_EQ(a.polygons.size(), b.polygons.size()) << "feature " << i;
        for (size_t p = 0; p < a.polygons.size(); ++p)
            ASSERT_EQ(a.polygons[p].rings, b.polygons[p].rings) << "feature " << i << " polygon " << p;
    }
    EXPECT_EQ(want.fields, got.fields);
    EXPECT_EQ(want.name, got.name);
}

Ring wiggly(double x0, double y0, double x1, double y1, int n, std::mt19937& rng) {
    std::uniform_real_distribution<double> jitter(-0.004, 0.004);
    Ring r;
    for (int i = 0; i < n; ++i) r.push_back({x0 + (x1 - x0) * i / n, y0 + jitter(rng)});
    for (int i = 0; i < n; ++i) r.push_back({x1 + jitter(rng), y0 + (y1 - y0) * i / n});
    for (int i = 0; i < n; ++i) r.push_back({x1 - (x1 - x0) * i / n, y1 + jitter(rng)});
    for (int i = 0; i < n; ++i) r.push_back({x0 + jitter(rng), y1 - (y1 - y0) * i / n});
    return r;
}

Feature feature_of(std::vector<Polygon> polygons) {
    Feature f;
    f.polygons = std::move(polygons);
    return f;
}

TEST(SimplifyReferenceTest, NaturalEarthTenMetreCountriesSimplifyExactlyAsBefore) {
    const auto path = test::source_dir() / "data" / "naturalearth" / "ne_10m_admin0_countries.shp";
    auto layers = load_vector_source(path.string());
    ASSERT_TRUE(layers) << layers.error().message;
    const VectorLayer& layer = layers->front();
    for (double t : {0.001, 0.002, 0.008, 0.032}) {
        SCOPED_TRACE(t);
        expect_identical(reference_simplify(layer, t), simplify_layer(layer, t));
    }
}

TEST(SimplifyReferenceTest, SharedSidesOneJunctionTouchingRingsAndHolesSimplifyExactlyAsBefore) {
    std::mt19937 rng(7);
    // Two squares sharing a side (the same wiggly points, walked in opposite directions), a hole, a ring that
    // touches another at one corner only, a ring with a repeated point, a tiny ring, and a line.
    Ring left = wiggly(0, 0, 1, 1, 200, rng);
    Ring right;
    // right shares left's east side exactly (points 200..399 of left), reversed.
    for (int i = 399; i >= 200; --i) right.push_back(left[i]);
    for (int i = 0; i < 300; ++i) right.push_back({1.0 + 1.0 * i / 300, 1.0 + 0.003 * std::sin(i * 0.7)});
    right.push_back({2.0, 0.5});
    right.push_back({1.5, 0.0});
    Ring hole = wiggly(0.3, 0.3, 0.6, 0.6, 50, rng);
    std::reverse(hole.begin(), hole.end());
    Ring corner = wiggly(2.0, 0.5, 3.0, 1.5, 80, rng);
    corner[0] = {2.0, 0.5};  // touches `right` at one vertex: a junction of one point
    Ring repeated = wiggly(5, 5, 6, 6, 40, rng);
    repeated.insert(repeated.begin() + 10, repeated[9]);
    Ring tiny{{9, 9}, {9.0001, 9}, {9, 9.0001}};
    Ring flat(30, GeoPoint{8, 8});
    VectorLayer layer;
    layer.name = "cases";
    layer.features.push_back(feature_of({Polygon{{left, hole}}}));
    layer.features.push_back(feature_of({Polygon{{right}}, Polygon{{corner}}}));
    layer.features.push_back(feature_of({Polygon{{repeated}}, Polygon{{tiny}}, Polygon{{flat}}}));
    Feature line;
    line.lines.push_back(wiggly(10, 10, 11, 11, 30, rng));
    layer.features.push_back(line);
    for (double t : {0.0005, 0.002, 0.01, 0.1}) {
        SCOPED_TRACE(t);
        expect_identical(reference_simplify(layer, t), simplify_layer(layer, t));
    }
}

TEST(JunctionsTest, OneAndTwoThreadsFindTheSameJunctions) {
    std::mt19937 rng(3);
    std::vector<Ring> rings;
    for (int k = 0; k < 40; ++k) rings.push_back(wiggly(k, 0, k + 1, 1, 100, rng));
    // Neighbours share their sides: copy each ring's east side into the next one's west side.
    for (int k = 0; k + 1 < 40; ++k)
        for (int i = 0; i < 100; ++i) rings[k + 1][399 - i] = rings[k][100 + i];
    std::vector<const Ring*> refs;
    for (const auto& r : rings) refs.push_back(&r);
    const auto one = find_junctions(refs, 1), two = find_junctions(refs, 2);
    EXPECT_EQ(one, two);
    EXPECT_GT(std::count(one.begin(), one.end(), 1), 0);
    EXPECT_LT(std::count(one.begin(), one.end(), 1), static_cast<long>(one.size() / 10));
}

}  // namespace
}  // namespace em
