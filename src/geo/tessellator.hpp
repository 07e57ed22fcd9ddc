#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "geo/feature.hpp"

namespace em {

// Triangles over lon/lat vertices; indices come in threes.
struct TriangleMesh {
    std::vector<GeoPoint> vertices;
    std::vector<std::uint32_t> indices;
};

// Fills polygons with triangles using GLU's tessellator (SGI's libtess, as packaged by Debian), which copes
// with self-intersecting and touching rings. The even-odd rule decides what is inside, so rings may come in
// any order and orientation. One instance per thread; GLU does not need a GL context for this.
class Tessellator {
public:
    Tessellator();
    ~Tessellator();
    Tessellator(const Tessellator&) = delete;
    Tessellator& operator=(const Tessellator&) = delete;

    // Appends the triangles of polygon to mesh; false if GLU reported an error (mesh is then left as it was).
    // Polygons of more than a few thousand vertices are cut into horizontal bands first (see tessellator.cpp).
    bool tessellate(const Polygon& polygon, TriangleMesh& mesh);

    struct State;  // GLU state; public only so the C callbacks can name it

private:
    std::unique_ptr<State> state_;

    bool tessellate_whole(const Polygon& polygon, std::size_t total, TriangleMesh& mesh);
};

// Appends every ring of the polygon as a fan of triangles from its first point, without tessellating. The fans
// overlap: a point is inside the polygon (even-odd) when an odd number of them cover it, so they must be drawn
// through the stencil (render/fill_renderer), never as plain triangles. Costs nothing on the CPU, which makes it
// the fill of one-off pictures of heavy layers.
void fan_fill(const Polygon& polygon, TriangleMesh& mesh);

// Signed area of a ring in its own units (positive when counter-clockwise).
double ring_signed_area(const Ring& ring);

// Total area of the triangles (always positive).
double triangle_area(const TriangleMesh& mesh);

}  // namespace em
