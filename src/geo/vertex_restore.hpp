#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "geo/prepared_layer.hpp"
#include "geo/projected_mesh.hpp"
#include "geo/projection.hpp"

namespace em {

// A level of a heavy layer that the view does not draw need not hold its projected vertices: the window parks
// such a level (park_vertices) and projects its vertices again, a little each frame, when the view comes to its
// scale (issue 18: with land10m the parked levels were ~180 MB of the window's peak). The vertex arrays are let go
// (fill_xy, outline: each point projected on its own), and the fill's indices when the mesh knows where each
// triangle comes from in the lon/lat mesh (source_triangles): putting them back otherwise would mean filtering and
// sorting every feature's triangles again. The ranges, the pieces and the box stay.

// Lets go of the mesh's fill vertices and outline, and of its fill indices too when the mesh has its
// source_triangles (park_level); returns the bytes freed. Keeps the stamp: a GPU copy made before stays valid, and
// the arrays put back are the same.
std::size_t park_vertices(ProjectedMesh& mesh);

// Parks a mesh just projected with triangle_numbers (project_mesh): its fill indices go too, and the numbers,
// a third of their size, stay in their place (ProjectedMesh::source_triangles).
std::size_t park_level(ProjectedMesh& mesh, std::vector<std::uint32_t> triangle_numbers);

// The mesh park_level(project_mesh(mesh, projection, &numbers), numbers) gives (its stamp aside), without ever
// holding the projected outline and fill indices whole: a feature's outline is projected on its own, and the fill
// vertices are projected only to sort and box the triangles, then let go. Projecting land10m's 100 m level whole to
// park it at once was the window's peak memory (issue 18: ~230 MB above the load's steady state).
ProjectedMesh project_parked(const LayerMesh& mesh, const Projection& projection);

// Whether the mesh lacks arrays that VertexRestore can put back (vertices, and indices when it has its
// source_triangles) and nothing else.
bool vertices_parked(const ProjectedMesh& mesh);

// Puts a parked mesh's vertex arrays back a chunk at a time, exactly as project_mesh made them (same floats, the
// same outline joins, unshown outline points as zeros). The arrays are built here and moved into the mesh only
// when whole, so a mesh is always either parked or whole. The mesh and its lon/lat source are passed to every
// call, so that nothing here outlives them: a caller that loses them (layer removed, reprojected) drops the restore.
class VertexRestore {
public:
    explicit VertexRestore(std::uint64_t stamp) : stamp_(stamp) {}
    // Projects up to about max_points more points of mesh (which has stamp() and is parked); true once done, the
    // arrays then in the mesh.
    bool advance(ProjectedMesh& mesh, const LayerMesh& lon_lat, const Projection& projection, std::size_t max_points);
    std::uint64_t stamp() const { return stamp_; }

private:
    enum class Phase { kStart, kIndices, kFill, kOutline, kJoins, kDone };
    std::uint64_t stamp_;
    Phase phase_ = Phase::kStart;
    std::size_t next_ = 0;  // the next vertex, point or feature of the phase
    std::vector<float> fill_xy_, outline_;
    std::vector<std::uint32_t> fill_indices_;
    bool indices_ = false;  // the indices are put back too
};

}  // namespace em
