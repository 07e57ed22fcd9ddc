// GLU's tessellator is plain CPU code; <GL/glu.h> pulls in <GL/gl.h> for its types only. It is included here,
// privately, so nothing in geo's public headers depends on GL.
#include "geo/tessellator.hpp"

#include <GL/glu.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace em {

#ifndef CALLBACK
#define CALLBACK
#endif

struct Tessellator::State {
    GLUtesselator* tess = nullptr;
    std::vector<std::array<GLdouble, 3>> coords;  // stable storage handed to gluTessVertex
    std::vector<GeoPoint>* vertices = nullptr;
    std::vector<std::uint32_t> triangle_indices;
    std::uint32_t base = 0;
    bool failed = false;
};

namespace {


void CALLBACK on_begin(GLenum, void*) {}
void CALLBACK on_edge_flag(GLboolean, void*) {}  // its presence makes GLU emit plain triangles only

void CALLBACK on_vertex(void* vertex_data, void* user) {
    auto* s = static_cast<Tessellator::State*>(user);
    s->triangle_indices.push_back(static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(vertex_data)));
}

void CALLBACK on_combine(GLdouble coords[3], void* data[4], GLfloat weight[4], void** out, void* user) {
    (void)data, (void)weight;
    auto* s = static_cast<Tessellator::State*>(user);
    const auto index = static_cast<std::uint32_t>(s->vertices->size());
    s->vertices->push_back({coords[0], coords[1]});
    *out = reinterpret_cast<void*>(static_cast<std::uintptr_t>(index));
}

void CALLBACK on_error(GLenum, void* user) { static_cast<Tessellator::State*>(user)->failed = true; }

// GLU keeps the edges crossing its sweep line in a sorted linked list, so a polygon whose sweep line crosses
// thousands of edges at once (a long, ragged coastline) costs O(n^2): one 8-million-vertex land layer took many
// minutes. Polygons over this many vertices are cut into horizontal bands of about this many vertices each and
// tessellated band by band.
constexpr std::size_t kBandVertices = 4096;

// Where a horizontal line y = c crosses the segment a-b. Computed from the endpoints in a fixed order (lower
// first), so the two bands sharing the line get exactly the same point and their triangles meet without a seam.
GeoPoint crossing(GeoPoint a, GeoPoint b, double c) {
    if (b.lat < a.lat || (b.lat == a.lat && b.lon < a.lon)) std::swap(a, b);
    return {a.lon + (c - a.lat) * (b.lon - a.lon) / (b.lat - a.lat), c};
}

// Cuts a polygon into horizontal bands between the given lines (ascending): band k lies between lines[k-1] and
// lines[k] (unbounded at the ends). Each ring is clipped to each band it reaches (Sutherland-Hodgman against the
// band's two lines in one pass); the parts along a band's edge that a clipped ring runs back and forth over cancel
// out under the even-odd rule. Each edge is visited once per band it touches.
std::vector<Polygon> cut_into_bands(const Polygon& polygon, const std::vector<double>& lines) {
    const std::size_t bands = lines.size() + 1;
    std::vector<Polygon> out(bands);
    const auto band_of = [&](double y) {
        return static_cast<std::size_t>(std::upper_bound(lines.begin(), lines.end(), y) - lines.begin());
    };
    std::vector<Ring> clipped(bands);
    std::vector<std::size_t> touched;
    for (const Ring& ring : polygon.rings) {
        if (ring.size() < 3) continue;
        touched.clear();
        for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
            const GeoPoint p = ring[i], q = ring[(i + 1) % n];
            // Band k (lo..hi] covers lines[k-1] <= y <= lines[k]; a point on a line belongs to both bands.
            const std::size_t bp = band_of(p.lat), bq = band_of(q.lat);
            const std::size_t first = std::min(bp, bq), last = std::max(bp, bq);
            // A point exactly on line k-1 also lies on band k-1's upper edge.
            const std::size_t from = (first > 0 && (p.lat == lines[first - 1] || q.lat == lines[first - 1]))
                                         ? first - 1 : first;
            for (std::size_t k = from; k <= last; ++k) {
                const double lo = k == 0 ? -INFINITY : lines[k - 1], hi = k == lines.size() ? INFINITY : lines[k];
                Ring& r = clipped[k];
                if (r.empty()) touched.push_back(k);
                if (p.lat >= lo && p.lat <= hi) r.push_back(p);
                // Crossings of the band's lines strictly inside the segment, in the segment's direction.
                const bool up = q.lat > p.lat;
                const double c1 = up ? lo : hi, c2 = up ? hi : lo;
                for (const double c : {c1, c2}) {
                    if (std::isinf(c)) continue;
                    if ((p.lat - c) * (q.lat - c) < 0) r.push_back(crossing(p, q, c));
                }
            }
        }
        for (std::size_t k : touched) {
            if (clipped[k].size() >= 3) out[k].rings.push_back(std::move(clipped[k]));
            clipped[k].clear();
        }
    }
    return out;
}

// Lines cutting a polygon into bands of about kBandVertices vertices each (at quantiles of its latitudes).
std::vector<double> band_lines(const Polygon& polygon, std::size_t total) {
    std::vector<double> lats;
    lats.reserve(total);
    for (const auto& r : polygon.rings)
        for (const auto& p : r) lats.push_back(p.lat);
    std::sort(lats.begin(), lats.end());
    std::vector<double> lines;
    for (std::size_t i = kBandVertices; i < lats.size(); i += kBandVertices)
        if (lines.empty() || lats[i] > lines.back()) lines.push_back(lats[i]);
    return lines;
}

}  // namespace

Tessellator::Tessellator() : state_(std::make_unique<State>()) {
    state_->tess = gluNewTess();
    gluTessProperty(state_->tess, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
    gluTessNormal(state_->tess, 0, 0, 1);
    gluTessCallback(state_->tess, GLU_TESS_BEGIN_DATA, reinterpret_cast<void(CALLBACK*)()>(on_begin));
    gluTessCallback(state_->tess, GLU_TESS_VERTEX_DATA, reinterpret_cast<void(CALLBACK*)()>(on_vertex));
    gluTessCallback(state_->tess, GLU_TESS_COMBINE_DATA, reinterpret_cast<void(CALLBACK*)()>(on_combine));
    gluTessCallback(state_->tess, GLU_TESS_ERROR_DATA, reinterpret_cast<void(CALLBACK*)()>(on_error));
    gluTessCallback(state_->tess, GLU_TESS_EDGE_FLAG_DATA, reinterpret_cast<void(CALLBACK*)()>(on_edge_flag));
}

Tessellator::~Tessellator() {
    if (state_ && state_->tess) gluDeleteTess(state_->tess);
}

bool Tessellator::tessellate(const Polygon& polygon, TriangleMesh& mesh) {
    std::size_t total = 0;
    for (const auto& r : polygon.rings) total += r.size();
    if (total < 3) return true;
    if (total <= kBandVertices) return tessellate_whole(polygon, total, mesh);
    const std::vector<double> lines = band_lines(polygon, total);
    if (lines.empty()) return tessellate_whole(polygon, total, mesh);
    const std::size_t vertex_mark = mesh.vertices.size(), index_mark = mesh.indices.size();
    for (const Polygon& band : cut_into_bands(polygon, lines)) {
        std::size_t n = 0;
        for (const auto& r : band.rings) n += r.size();
        if (n >= 3 && !tessellate_whole(band, n, mesh)) {
            mesh.vertices.resize(vertex_mark);
            mesh.indices.resize(index_mark);
            return false;
        }
    }
    return true;
}

bool Tessellator::tessellate_whole(const Polygon& polygon, std::size_t total, TriangleMesh& mesh) {
    State& s = *state_;

    const std::size_t vertex_mark = mesh.vertices.size();
    s.coords.clear();
    s.coords.reserve(total);
    s.vertices = &mesh.vertices;
    s.triangle_indices.clear();
    s.failed = false;

    gluTessBeginPolygon(s.tess, &s);
    for (const auto& ring : polygon.rings) {
        if (ring.size() < 3) continue;
        gluTessBeginContour(s.tess);
        for (const auto& p : ring) {
            const auto index = static_cast<std::uint32_t>(mesh.vertices.size());
            mesh.vertices.push_back(p);
            s.coords.push_back({p.lon, p.lat, 0.0});
            gluTessVertex(s.tess, s.coords.back().data(), reinterpret_cast<void*>(static_cast<std::uintptr_t>(index)));
        }
        gluTessEndContour(s.tess);
    }
    gluTessEndPolygon(s.tess);

    if (s.failed || s.triangle_indices.size() % 3 != 0) {
        mesh.vertices.resize(vertex_mark);
        return false;
    }
    mesh.indices.insert(mesh.indices.end(), s.triangle_indices.begin(), s.triangle_indices.end());
    return true;
}

void fan_fill(const Polygon& polygon, TriangleMesh& mesh) {
    for (const Ring& ring : polygon.rings) {
        if (ring.size() < 3) continue;
        const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
        mesh.vertices.insert(mesh.vertices.end(), ring.begin(), ring.end());
        for (std::uint32_t i = 1; i + 1 < ring.size(); ++i)
            mesh.indices.insert(mesh.indices.end(), {base, base + i, base + i + 1});
    }
}

double ring_signed_area(const Ring& ring) {
    double a = 0;
    for (size_t i = 0, n = ring.size(); i < n; ++i) {
        const auto& p = ring[i];
        const auto& q = ring[(i + 1) % n];
        a += p.lon * q.lat - q.lon * p.lat;
    }
    return a / 2;
}

double triangle_area(const TriangleMesh& mesh) {
    double a = 0;
    for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
        const auto& p = mesh.vertices[mesh.indices[i]];
        const auto& q = mesh.vertices[mesh.indices[i + 1]];
        const auto& r = mesh.vertices[mesh.indices[i + 2]];
        a += std::abs((q.lon - p.lon) * (r.lat - p.lat) - (r.lon - p.lon) * (q.lat - p.lat)) / 2;
    }
    return a;
}

}  // namespace em
