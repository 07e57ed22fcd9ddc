#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "geo/prepared_layer.hpp"
#include "geo/projected_mesh.hpp"
#include "geo/projection.hpp"

namespace em {

// A level of a heavy layer that the view does not draw need not hold its projected vertices: the window parks
// such a level (park_vertices), and when the view comes to its scale the renderer projects it from the lon/lat mesh
// straight into the GPU, a chunk of features at a time (geo/mesh_chunks, render/chunked_upload; issue 18: with
// land10m the parked levels were ~180 MB of the window's peak). The vertex arrays are let go
// (fill_xy, outline: each point projected on its own), and the fill's indices when the mesh knows where each
// triangle comes from in the lon/lat mesh (source_triangles): putting them back otherwise would mean filtering and
// sorting every feature's triangles again. The ranges, the pieces and the box stay.

// Lets go of the mesh's fill vertices and outline, and of its fill indices too when the mesh has its
// source_triangles (park_level); returns the bytes freed. Keeps the stamp: a GPU copy made before stays valid, and
// the arrays made again are the same.
std::size_t park_vertices(ProjectedMesh& mesh);

// Parks a mesh just projected with triangle_numbers (project_mesh): its fill indices go too, and the numbers,
// a third of their size, stay in their place (ProjectedMesh::source_triangles).
std::size_t park_level(ProjectedMesh& mesh, std::vector<std::uint32_t> triangle_numbers);

// The mesh park_level(project_mesh(mesh, projection, &numbers), numbers) gives (its stamp aside), without ever
// holding the projected outline and fill indices whole: a feature's outline is projected on its own, and the fill
// vertices are projected only to sort and box the triangles, then let go. Projecting land10m's 100 m level whole to
// park it at once was the window's peak memory (issue 18: ~230 MB above the load's steady state).
ProjectedMesh project_parked(const LayerMesh& mesh, const Projection& projection);

// Whether the mesh lacks arrays that can be made again from its lon/lat mesh (vertices, and indices when it has
// its source_triangles) and nothing else.
bool vertices_parked(const ProjectedMesh& mesh);

}  // namespace em
