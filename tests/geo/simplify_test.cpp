// Error bounds of simplify_layer on the shipped 1:10m countries: every original vertex stays within the tolerance of
// its simplified ring, shared borders stay shared vertex for vertex, and the vertex count really drops.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numbers>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "geo/simplify.hpp"
#include "geo/tessellator.hpp"
#include "geo/vector_loader.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

constexpr double kTolerance = 0.008;

double dist_to_segment(GeoPoint p, GeoPoint a, GeoPoint b) {
    const double dx = b.lon - a.lon, dy = b.lat - a.lat;
    const double len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.lon - a.lon) * dx + (p.lat - a.lat) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.lon - (a.lon + t * dx), p.lat - (a.lat + t * dy));
}

// Distance from p to the closed ring (its nearest edge).
double dist_to_ring(GeoPoint p, const Ring& r) {
    double best = INFINITY;
    for (size_t i = 0; i < r.size(); ++i) best = std::min(best, dist_to_segment(p, r[i], r[(i + 1) % r.size()]));
    return best;
}

double perimeter(const Ring& r) {
    double len = 0;
    for (size_t i = 0; i < r.size(); ++i)
        len += std::hypot(r[(i + 1) % r.size()].lon - r[i].lon, r[(i + 1) % r.size()].lat - r[i].lat);
    return len;
}

// Where the points of s sit in r when s is a subsequence of the cyclic sequence r (simplification only removes
// vertices); empty when it is not.
std::vector<size_t> cyclic_subsequence_at(const Ring& s, const Ring& r) {
    if (s.empty()) return {};
    for (size_t start = 0; start < r.size(); ++start) {
        if (!(r[start] == s[0])) continue;
        std::vector<size_t> at{start};
        for (size_t step = 1; step < r.size() && at.size() < s.size(); ++step)
            if (r[(start + step) % r.size()] == s[at.size()]) at.push_back((start + step) % r.size());
        if (at.size() == s.size()) return at;
    }
    return {};
}
bool cyclic_subsequence(const Ring& s, const Ring& r) { return !cyclic_subsequence_at(s, r).empty(); }

// A ring simplify_layer dropped had every vertex within the tolerance of one segment (or point), so it fits in a
// stadium of half-width t around a segment no longer than half its perimeter.
bool fits_collapse_bound(const Ring& r, double t) {
    return std::abs(ring_signed_area(r)) <= t * perimeter(r) + std::numbers::pi * t * t + 1e-12;
}

struct BoundReport {
    size_t rings_checked = 0, rings_dropped = 0, vertices_checked = 0;
    double worst = 0;
    std::vector<std::string> failures;
};

// Matches the simplified rings of a feature to its original ones (simplify_layer only drops rings and polygons,
// keeping the order) and checks the Hausdorff-style bound per ring.
void check_feature(const Feature& before, const Feature& after, const std::string& name, double t, BoundReport& rep) {
    size_t pj = 0;
    for (size_t pi = 0; pi < before.polygons.size(); ++pi) {
        const Polygon& orig = before.polygons[pi];
        const bool kept = pj < after.polygons.size() && !after.polygons[pj].rings.empty() &&
                          cyclic_subsequence(after.polygons[pj].rings[0], orig.rings[0]);
        if (!kept) {
            // The whole polygon went with its outer ring.
            ++rep.rings_dropped;
            if (!fits_collapse_bound(orig.rings[0], t))
                rep.failures.push_back(name + ": dropped polygon " + std::to_string(pi) + " is larger than the bound");
            continue;
        }
        const Polygon& simp = after.polygons[pj++];
        size_t rj = 0;
        for (size_t ri = 0; ri < orig.rings.size(); ++ri) {
            const Ring& r = orig.rings[ri];
            if (rj >= simp.rings.size() || !cyclic_subsequence(simp.rings[rj], r)) {
                ++rep.rings_dropped;
                if (!fits_collapse_bound(r, t))
                    rep.failures.push_back(name + ": dropped ring " + std::to_string(ri) + " is larger than the bound");
                continue;
            }
            const Ring& s = simp.rings[rj++];
            ++rep.rings_checked;
            // Each original vertex against the simplified edge that replaced its stretch first (quick, and what
            // Douglas-Peucker promises), then against the whole simplified ring.
            const std::vector<size_t> at = cyclic_subsequence_at(s, r);
            std::vector<size_t> edge_of(r.size(), 0);
            for (size_t k = 0; k < at.size(); ++k)  // kept rings have 3 or more distinct positions
                for (size_t i = at[k]; i != at[(k + 1) % at.size()]; i = (i + 1) % r.size()) edge_of[i] = k;
            for (size_t i = 0; i < r.size(); ++i) {
                const GeoPoint& p = r[i];
                const size_t k = edge_of[i];
                double d = dist_to_segment(p, s[k], s[(k + 1) % s.size()]);
                if (d > t) d = std::min(d, dist_to_ring(p, s));
                rep.worst = std::max(rep.worst, d);
                ++rep.vertices_checked;
                if (d > t * (1 + 1e-9)) {
                    char buf[160];
                    std::snprintf(buf, sizeof buf, ": vertex (%.7f, %.7f) of ring %zu is %.6f from the simplified ring",
                                  r[i].lon, r[i].lat, ri, d);
                    rep.failures.push_back(name + buf);
                }
            }
        }
        if (rj != simp.rings.size()) rep.failures.push_back(name + ": simplified rings not matched to originals");
    }
    if (pj != after.polygons.size()) rep.failures.push_back(name + ": simplified polygons not matched to originals");
}

struct Key {
    double lon, lat;
    auto operator<=>(const Key&) const = default;
};
Key key(GeoPoint p) { return {p.lon, p.lat}; }

std::set<Key> vertex_set(const Feature& f) {
    std::set<Key> s;
    for (const auto& poly : f.polygons)
        for (const auto& r : poly.rings)
            for (const auto& p : r) s.insert(key(p));
    return s;
}

using Edge = std::pair<Key, Key>;  // smaller end first
Edge edge(Key a, Key b) { return a < b ? Edge{a, b} : Edge{b, a}; }

// The edges of a feature's rings, left out those of no length (the data repeats a point here and there).
std::set<Edge> edge_set(const Feature& f) {
    std::set<Edge> s;
    for (const auto& poly : f.polygons)
        for (const auto& r : poly.rings)
            for (size_t i = 0; i < r.size(); ++i)
                if (!(r[i] == r[(i + 1) % r.size()])) s.insert(edge(key(r[i]), key(r[(i + 1) % r.size()])));
    return s;
}

// The border of two neighbours in the data: the edges both rings give.
std::set<Edge> border_of(const Feature& a, const Feature& b) {
    const auto ea = edge_set(a), eb = edge_set(b);
    std::set<Edge> both;
    std::set_intersection(ea.begin(), ea.end(), eb.begin(), eb.end(), std::inserter(both, both.end()));
    return both;
}

// The edges of a simplified feature that stand for a stretch of the border: both ends on it, joined along border
// edges through vertices the simplification dropped from this feature. (An edge between two border vertices that
// cuts across the feature's own coast, as Melilla's does once its coast is simplified away, is not one.) Two
// neighbours keep their border shared exactly when these sets are equal.
std::set<Edge> simplified_border(const Feature& simplified, const std::set<Edge>& border) {
    std::map<Key, std::vector<Key>> along;
    for (const auto& [u, v] : border) along[u].push_back(v), along[v].push_back(u);
    const std::set<Key> kept = vertex_set(simplified);
    std::set<Edge> out;
    for (const auto& e : edge_set(simplified)) {
        const auto& [u, v] = e;
        if (!along.count(u) || !along.count(v)) continue;
        std::set<Key> seen{u};
        std::vector<Key> todo{u};
        bool joined = false;
        while (!todo.empty() && !joined) {
            const Key k = todo.back();
            todo.pop_back();
            for (const Key& next : along[k]) {
                if (next == v) joined = true;
                if (!kept.count(next) && seen.insert(next).second) todo.push_back(next);
            }
        }
        if (joined) out.insert(e);
    }
    return out;
}

std::set<Key> ends_of(const std::set<Edge>& edges) {
    std::set<Key> s;
    for (const auto& [u, v] : edges) s.insert(u), s.insert(v);
    return s;
}

class SimplifyTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        const auto path = test::source_dir() / "data" / "naturalearth" / "ne_10m_admin0_countries.shp";
        auto layers = load_vector_source(path.string());
        ASSERT_TRUE(layers) << layers.error().message;
        layer_ = new VectorLayer(std::move(layers->front()));
        simplified_ = new VectorLayer(simplify_layer(*layer_, kTolerance));
    }
    static void TearDownTestSuite() {
        delete simplified_;
        delete layer_;
        simplified_ = layer_ = nullptr;
    }
    void SetUp() override { ASSERT_NE(simplified_, nullptr) << "loading the 1:10m countries failed"; }

    static int feature_of(const std::string& iso) {
        const int field = layer_->field_index("iso_a3");
        for (size_t i = 0; i < layer_->features.size(); ++i)
            if (layer_->features[i].values[field] == iso) return static_cast<int>(i);
        return -1;
    }

    // Checks that two neighbours share exactly the same border vertices before and after simplification.
    static void expect_shared_border_kept(const std::string& iso_a, const std::string& iso_b) {
        SCOPED_TRACE(iso_a + "/" + iso_b);
        const int a = feature_of(iso_a), b = feature_of(iso_b);
        ASSERT_GE(a, 0);
        ASSERT_GE(b, 0);
        const std::set<Edge> border = border_of(layer_->features[a], layer_->features[b]);
        ASSERT_GT(border.size(), 50u) << "these countries do not share a border in the data";
        const auto after_a = simplified_border(simplified_->features[a], border);
        const auto after_b = simplified_border(simplified_->features[b], border);
        EXPECT_EQ(after_a, after_b) << "the simplified border differs between the two sides (gap or overlap)";
        // Every border vertex one side kept, the other kept too.
        const auto sa = vertex_set(simplified_->features[a]), sb = vertex_set(simplified_->features[b]);
        std::vector<Key> only_a, only_b;
        for (const Key& k : ends_of(border)) {
            if (sa.count(k) && !sb.count(k)) only_a.push_back(k);
            if (sb.count(k) && !sa.count(k)) only_b.push_back(k);
        }
        EXPECT_TRUE(only_a.empty()) << only_a.size() << " border vertices kept by " << iso_a << " only";
        EXPECT_TRUE(only_b.empty()) << only_b.size() << " border vertices kept by " << iso_b << " only";
        std::printf("[ border   ] %s/%s: %zu border vertices (%zu edges) -> %zu (%zu edges) at %.3f\n", iso_a.c_str(),
                    iso_b.c_str(), ends_of(border).size(), border.size(), ends_of(after_a).size(), after_a.size(),
                    kTolerance);
        EXPECT_LT(after_a.size(), border.size());
        EXPECT_GE(after_a.size(), 1u);
    }

    static VectorLayer* layer_;
    static VectorLayer* simplified_;
};

VectorLayer* SimplifyTest::layer_ = nullptr;
VectorLayer* SimplifyTest::simplified_ = nullptr;

TEST_F(SimplifyTest, EveryOriginalVertexIsWithinToleranceOfItsSimplifiedRing) {
    ASSERT_EQ(simplified_->features.size(), layer_->features.size());
    const int name = layer_->field_index("name");
    BoundReport rep;
    for (size_t i = 0; i < layer_->features.size(); ++i)
        check_feature(layer_->features[i], simplified_->features[i], layer_->features[i].values[name], kTolerance, rep);
    std::printf("[ bound    ] %zu rings (%zu vertices) within %.3f deg, worst %.6f; %zu small rings dropped\n",
                rep.rings_checked, rep.vertices_checked, kTolerance, rep.worst, rep.rings_dropped);
    EXPECT_GT(rep.rings_checked, 1000u);
    EXPECT_LE(rep.worst, kTolerance * (1 + 1e-9));
    EXPECT_TRUE(rep.failures.empty()) << rep.failures.size() << " failures, first: " << rep.failures.front();
}

TEST_F(SimplifyTest, BoundHoldsAtCoarserTolerancesToo) {
    for (double t : {0.002, 0.05}) {
        SCOPED_TRACE(t);
        const VectorLayer s = simplify_layer(*layer_, t);
        BoundReport rep;
        for (size_t i = 0; i < layer_->features.size(); ++i)
            check_feature(layer_->features[i], s.features[i], std::to_string(i), t, rep);
        EXPECT_LE(rep.worst, t * (1 + 1e-9));
        EXPECT_TRUE(rep.failures.empty()) << rep.failures.size() << " failures, first: " << rep.failures.front();
        std::printf("[ bound    ] at %.3f: %zu -> %zu vertices, worst %.6f\n", t, layer_->vertex_count(),
                    s.vertex_count(), rep.worst);
    }
}

TEST_F(SimplifyTest, MaliAndItsNeighboursStillShareExactlyTheSameBorder) {
    expect_shared_border_kept("MLI", "NER");
    expect_shared_border_kept("BFA", "MLI");
    expect_shared_border_kept("NER", "BFA");
    expect_shared_border_kept("MLI", "DZA");
}

// Lesotho is an enclave: its whole ring is South Africa's hole, with no junction on it.
TEST_F(SimplifyTest, LesothoStillFitsSouthAfricasHoleExactly) { expect_shared_border_kept("LSO", "ZAF"); }

// Pairs of features whose rings share an edge in `layer` whose simplified borders differ ("A/B"); counts in the
// out-parameters. Only edges between vertices both sides kept are compared: where a small ring (Monaco at 0.05
// degrees, a 8-point sliver of Northern Cyprus at 0.02) collapsed and was dropped, its neighbour rightly keeps
// a straight edge across.
std::vector<std::string> neighbours_apart(const VectorLayer& layer, const VectorLayer& simplified, size_t& pairs,
                                          size_t& border_edges, size_t& simplified_edges) {
    std::map<Key, std::vector<int>> owners;
    for (size_t i = 0; i < layer.features.size(); ++i)
        for (const Key& k : vertex_set(layer.features[i])) owners[k].push_back(static_cast<int>(i));
    std::set<std::pair<int, int>> candidates;
    for (const auto& [k, fs] : owners)
        for (size_t x = 0; x < fs.size(); ++x)
            for (size_t y = x + 1; y < fs.size(); ++y) candidates.insert({fs[x], fs[y]});
    const int name = layer.field_index("name");
    pairs = border_edges = simplified_edges = 0;
    std::vector<std::string> failures;
    for (const auto& [a, b] : candidates) {
        const auto border = border_of(layer.features[a], layer.features[b]);
        if (border.empty()) continue;  // they only touch at a point
        ++pairs;
        const auto kept_a = vertex_set(simplified.features[a]), kept_b = vertex_set(simplified.features[b]);
        auto on_both = [&](std::set<Edge> edges) {
            std::erase_if(edges, [&](const Edge& e) {
                return !kept_a.count(e.first) || !kept_a.count(e.second) || !kept_b.count(e.first) ||
                       !kept_b.count(e.second);
            });
            return edges;
        };
        const auto after_a = on_both(simplified_border(simplified.features[a], border));
        border_edges += border.size(), simplified_edges += after_a.size();
        if (after_a != on_both(simplified_border(simplified.features[b], border)))
            failures.push_back(layer.features[a].values[name] + "/" + layer.features[b].values[name]);
    }
    return failures;
}

std::string listed(const std::vector<std::string>& items) {
    std::string list;
    for (const auto& f : items) list += " " + f;
    return list;
}

// Not only the Sahel: every pair of countries whose rings share an edge in the data still share the very same
// simplified border.
TEST_F(SimplifyTest, EveryPairOfNeighboursStillSharesTheSameBorder) {
    size_t pairs = 0, border_edges = 0, simplified_edges = 0;
    const auto failures = neighbours_apart(*layer_, *simplified_, pairs, border_edges, simplified_edges);
    std::printf("[ border   ] %zu neighbouring pairs, %zu border edges -> %zu at %.3f\n", pairs, border_edges,
                simplified_edges, kTolerance);
    EXPECT_GT(pairs, 250u);
    EXPECT_TRUE(failures.empty()) << failures.size() << " pairs differ:" << listed(failures);
}

// The other tolerance the map uses (0.002) and a coarse one. Neighbours give their common border in opposite
// directions, so this holds only if Douglas-Peucker picks the same points whichever way a stretch is given.
TEST_F(SimplifyTest, NeighboursStayTogetherAtOtherTolerances) {
    for (double t : {0.002, 0.02, 0.05, 0.2}) {
        SCOPED_TRACE(t);
        const VectorLayer s = simplify_layer(*layer_, t);
        size_t pairs = 0, border_edges = 0, simplified_edges = 0;
        const auto failures = neighbours_apart(*layer_, s, pairs, border_edges, simplified_edges);
        std::printf("[ border   ] %zu border edges -> %zu at %.3f\n", border_edges, simplified_edges, t);
        EXPECT_TRUE(failures.empty()) << failures.size() << " pairs differ:" << listed(failures);
    }
}

TEST_F(SimplifyTest, VertexCountDropsSubstantially) {
    const size_t before = layer_->vertex_count(), after = simplified_->vertex_count();
    std::printf("[ vertices ] 1:10m countries: %zu -> %zu at %.3f deg (%.1f%%)\n", before, after, kTolerance,
                100.0 * after / before);
    EXPECT_LT(after, before / 2);
    for (const char* iso : {"MLI", "NER", "RUS"}) {
        const Feature &b = layer_->features[feature_of(iso)], &a = simplified_->features[feature_of(iso)];
        std::printf("[ vertices ] %s: %zu -> %zu\n", iso, b.vertex_count(), a.vertex_count());
        EXPECT_LT(a.vertex_count(), b.vertex_count()) << iso;
        EXPECT_GT(a.vertex_count(), 10u) << iso;
    }
}

// The same stretch given in either direction simplifies to the same points: neighbours give their common border in
// opposite directions. Here the two middle points are equally far from the chord (a tie, broken by coordinates);
// computed from either end of the chord the two distances used to differ in the last bit, and the direction decided.
TEST(SimplifyPolylineTest, DirectionDoesNotMatterOnTies) {
    const std::vector<GeoPoint> line{{0.080000000000000071, 27.536000000000001}, {0.098000000000000073, 27.5},
                                     {0.11600000000000008, 27.491}, {0.13400000000000006, 27.509}};
    auto forward = simplify_polyline(line, 0.018);
    auto backward = simplify_polyline(std::vector<GeoPoint>(line.rbegin(), line.rend()), 0.018);
    std::reverse(backward.begin(), backward.end());
    EXPECT_EQ(forward, backward);
    EXPECT_EQ(forward.size(), 3u);
}

// The same over many random lines on a coarse grid, as quantized data like world-atlas's is (ties abound).
TEST(SimplifyPolylineTest, DirectionDoesNotMatterOnGriddedLines) {
    std::mt19937 rng(1);
    std::uniform_int_distribution<int> step(-3, 3);
    int differ = 0;
    for (int trial = 0; trial < 20000; ++trial) {
        const double q = 0.0012 * (1 + trial % 7), x0 = -5.4 + (trial % 13) * 1.37, y0 = 35.9 - (trial % 11) * 2.1;
        std::vector<GeoPoint> line;
        for (int i = 0, x = 0, y = 0; i < 5 + trial % 40; ++i) {
            x += 1 + (step(rng) > 1), y += step(rng);
            line.push_back({x0 + x * q, y0 + y * q});
        }
        const double t = q * (1 + trial % 5);
        auto forward = simplify_polyline(line, t);
        auto backward = simplify_polyline(std::vector<GeoPoint>(line.rbegin(), line.rend()), t);
        std::reverse(backward.begin(), backward.end());
        differ += forward != backward;
    }
    EXPECT_EQ(differ, 0) << "of 20000 lines";
}

// A ring whose points all coincide collapses (dropped with its polygon) without reading out of bounds.
TEST(SimplifyLayerTest, RingOfOnePointRepeatedIsDropped) {
    VectorLayer layer;
    Feature f;
    f.polygons.push_back(Polygon{{Ring(5, GeoPoint{3.0, 4.0})}});
    f.polygons.push_back(Polygon{{Ring{{0, 0}, {1, 0}, {1, 1}, {0.5, 1.5}, {0, 1}}}});
    layer.features.push_back(f);
    const VectorLayer s = simplify_layer(layer, 0.01);
    ASSERT_EQ(s.features.size(), 1u);
    ASSERT_EQ(s.features[0].polygons.size(), 1u);
    EXPECT_EQ(s.features[0].polygons[0].rings[0].size(), 5u);
}

Ring square(double x, double y, double w, double h) { return Ring{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}; }

// Coarse levels leave out rings under the extent both ways: a small hole, a small island with its hole, a feature
// made only of a small island (the feature stays, with no polygons); a long thin spit, lines and points stay.
TEST(DropSmallRingsTest, LeavesOutRingsUnderTheExtentOnly) {
    VectorLayer layer;
    Feature a;
    a.values = {"a"};
    a.polygons.push_back(Polygon{{square(0, 0, 1, 1), square(0.5, 0.5, 0.0005, 0.0005), square(0.2, 0.2, 0.2, 0.2)}});
    a.polygons.push_back(Polygon{{square(10, 10, 0.001, 0.001), square(10.0002, 10.0002, 0.0001, 0.0001)}});
    a.polygons.push_back(Polygon{{square(20, 20, 0.1, 0.0005)}});
    a.lines.push_back({{0, 0}, {0.0001, 0.0001}});
    a.points.push_back({5, 5});
    Feature b;
    b.values = {"b"};
    b.polygons.push_back(Polygon{{square(30, 30, 0.0009, 0.0009)}});
    layer.features = {a, b};

    EXPECT_EQ(drop_small_rings(layer, 0.002), 4u);
    ASSERT_EQ(layer.features.size(), 2u);
    const Feature& fa = layer.features[0];
    ASSERT_EQ(fa.polygons.size(), 2u);
    ASSERT_EQ(fa.polygons[0].rings.size(), 2u);
    EXPECT_EQ(fa.polygons[0].rings[1], square(0.2, 0.2, 0.2, 0.2));
    EXPECT_EQ(fa.polygons[1].rings[0], square(20, 20, 0.1, 0.0005));
    EXPECT_EQ(fa.lines.size(), 1u);
    EXPECT_EQ(fa.points.size(), 1u);
    EXPECT_TRUE(layer.features[1].polygons.empty());
    EXPECT_EQ(layer.features[1].values, std::vector<std::string>{"b"});
}

// On the 1:10m countries simplified at 0.032 deg: islets go, every ring left spans at least the tolerance one
// way, and every polygon whose outer ring does is kept.
TEST_F(SimplifyTest, DropSmallRingsOnTheCountries) {
    constexpr double t = 0.032;
    const auto spans = [](const Ring& r) {
        BBox box;
        for (const auto& q : r) box.add(q.lon, q.lat);
        return box.width() >= t || box.height() >= t;
    };
    const VectorLayer simplified = simplify_layer(*layer_, t);
    VectorLayer s = simplified;
    const std::size_t dropped = drop_small_rings(s, t);
    EXPECT_GT(dropped, 50u);
    std::size_t before = 0, after = 0;
    for (std::size_t i = 0; i < s.features.size(); ++i) {
        std::size_t big_polygons = 0;
        for (const auto& p : simplified.features[i].polygons) {
            before += p.rings.size();
            big_polygons += spans(p.rings.front());
        }
        EXPECT_EQ(s.features[i].polygons.size(), big_polygons) << "feature " << i;
        for (const auto& p : s.features[i].polygons) {
            for (const auto& r : p.rings) {
                EXPECT_TRUE(spans(r));
                ++after;
            }
        }
    }
    EXPECT_EQ(after + dropped, before);
}

}  // namespace
}  // namespace em
