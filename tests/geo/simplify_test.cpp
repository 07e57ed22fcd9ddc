// Error bounds of simplify_layer on the shipped 1:10m countries: every original vertex stays within the tolerance of
// its simplified ring, shared borders stay shared vertex for vertex, and the vertex count really drops.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numbers>
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

// True when s is a subsequence of the cyclic sequence r (simplification only removes vertices).
bool cyclic_subsequence(const Ring& s, const Ring& r) {
    if (s.empty()) return true;
    for (size_t start = 0; start < r.size(); ++start) {
        if (!(r[start] == s[0])) continue;
        size_t k = 1;
        for (size_t step = 1; step < r.size() && k < s.size(); ++step)
            if (r[(start + step) % r.size()] == s[k]) ++k;
        if (k == s.size()) return true;
    }
    return false;
}

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
            for (const GeoPoint& p : r) {
                const double d = dist_to_ring(p, s);
                rep.worst = std::max(rep.worst, d);
                ++rep.vertices_checked;
                if (d > t * (1 + 1e-9)) {
                    char buf[160];
                    std::snprintf(buf, sizeof buf, ": vertex (%.7f, %.7f) of ring %zu is %.6f from the simplified ring",
                                  p.lon, p.lat, ri, d);
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

// The maximal cyclic runs of consecutive ring vertices that lie in `shared`, each turned to start at its smaller
// end, sorted: two neighbours share a border exactly when these lists are equal.
std::vector<std::vector<Key>> shared_runs(const Feature& f, const std::set<Key>& shared) {
    std::vector<std::vector<Key>> runs;
    for (const auto& poly : f.polygons) {
        for (const auto& r : poly.rings) {
            const size_t n = r.size();
            size_t start = n;  // a vertex not in shared, so runs do not wrap past it
            for (size_t i = 0; i < n; ++i)
                if (!shared.count(key(r[i]))) start = i, i = n;
            if (start == n) {  // the whole ring is shared
                std::vector<Key> all;
                for (const auto& p : r) all.push_back(key(p));
                auto lowest = std::min_element(all.begin(), all.end());
                std::rotate(all.begin(), lowest, all.end());
                // Same ring given the other way round: pick the direction with the smaller second vertex.
                std::vector<Key> rev(all.rbegin(), all.rend());
                std::rotate(rev.begin(), std::min_element(rev.begin(), rev.end()), rev.end());
                runs.push_back(std::min(all, rev));
                continue;
            }
            std::vector<Key> run;
            for (size_t k = 1; k <= n; ++k) {
                const GeoPoint& p = r[(start + k) % n];
                if (shared.count(key(p))) {
                    run.push_back(key(p));
                } else if (!run.empty()) {
                    if (run.back() < run.front()) std::reverse(run.begin(), run.end());
                    runs.push_back(run);
                    run.clear();
                }
            }
        }
    }
    std::sort(runs.begin(), runs.end());
    return runs;
}

size_t run_vertices(const std::vector<std::vector<Key>>& runs) {
    size_t n = 0;
    for (const auto& r : runs) n += r.size();
    return n;
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
        std::set<Key> shared;
        {
            const auto va = vertex_set(layer_->features[a]), vb = vertex_set(layer_->features[b]);
            std::set_intersection(va.begin(), va.end(), vb.begin(), vb.end(), std::inserter(shared, shared.end()));
        }
        // The data is topological: the neighbours' border is one vertex sequence given by both.
        const auto before_a = shared_runs(layer_->features[a], shared);
        const auto before_b = shared_runs(layer_->features[b], shared);
        ASSERT_GT(shared.size(), 50u) << "these countries do not share a border in the data";
        ASSERT_EQ(before_a, before_b) << "the data does not give the border identically on both sides";

        const auto after_a = shared_runs(simplified_->features[a], shared);
        const auto after_b = shared_runs(simplified_->features[b], shared);
        EXPECT_EQ(after_a, after_b) << "the simplified border differs between the two sides (gap or overlap)";
        // Every simplified shared vertex lies on the other side's simplified ring too.
        const auto sa = vertex_set(simplified_->features[a]), sb = vertex_set(simplified_->features[b]);
        std::vector<Key> only_a, only_b;
        for (const Key& k : shared) {
            if (sa.count(k) && !sb.count(k)) only_a.push_back(k);
            if (sb.count(k) && !sa.count(k)) only_b.push_back(k);
        }
        EXPECT_TRUE(only_a.empty()) << only_a.size() << " border vertices kept by " << iso_a << " only";
        EXPECT_TRUE(only_b.empty()) << only_b.size() << " border vertices kept by " << iso_b << " only";
        std::printf("[ border   ] %s/%s: %zu shared vertices in %zu run(s) -> %zu after simplification at %.3f\n",
                    iso_a.c_str(), iso_b.c_str(), run_vertices(before_a), before_a.size(), run_vertices(after_a),
                    kTolerance);
        EXPECT_LT(run_vertices(after_a), run_vertices(before_a));
        EXPECT_GE(run_vertices(after_a), 2u);
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

// The same stretch given in either direction simplifies to the same points.
TEST(SimplifyPolylineTest, DirectionDoesNotMatter) {
    std::vector<GeoPoint> line;
    for (int i = 0; i <= 200; ++i) {
        const double x = i * 0.01;
        line.push_back({x, 0.05 * std::sin(x * 7.0) + 0.01 * std::round(std::cos(x * 31.0) * 3) / 3});
    }
    for (double t : {0.001, 0.004, 0.01, 0.03}) {
        auto forward = simplify_polyline(line, t);
        std::vector<GeoPoint> reversed_input(line.rbegin(), line.rend());
        auto backward = simplify_polyline(reversed_input, t);
        std::reverse(backward.begin(), backward.end());
        EXPECT_EQ(forward, backward) << t;
    }
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

}  // namespace
}  // namespace em
