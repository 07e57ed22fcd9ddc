// GLU's tessellator is plain CPU code; <GL/glu.h> pulls in <GL/gl.h> for its types only. It is included here,
// privately, so nothing in geo's public headers depends on GL.
#include "geo/tessellator.hpp"

#include <GL/glu.h>

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
    State& s = *state_;
    std::size_t total = 0;
    for (const auto& r : polygon.rings) total += r.size();
    if (total < 3) return true;

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
