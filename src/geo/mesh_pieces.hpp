#pragma once

#include <vector>

#include "geo/projected_mesh.hpp"

namespace em {

// Up to this many triangles, or outline points, make one piece.
inline constexpr std::uint32_t kPieceTriangles = 2048;
inline constexpr std::uint32_t kPiecePoints = 256;

// Fills mesh.fill_pieces and mesh.outline_pieces from mesh.ranges. A feature's triangles are reordered along a
// Z-order curve of their centres (the feature's range keeps the same set; the triangles of one fill do not
// overlap, so their order draws the same pixels) and cut into runs of kPieceTriangles. Its outline is cut into
// runs of at most kPiecePoints that share their end points, so that every segment is in exactly one piece, and
// whose box stays within an eighth of the feature's (its rings follow one another, near or far). Even-odd fans
// are one piece per feature: they are counted feature by feature in the stencil.
// triangle_numbers (if given: one number per triangle of mesh.fill_indices) is reordered with the triangles.
void cut_into_pieces(ProjectedMesh& mesh, std::vector<std::uint32_t>* triangle_numbers = nullptr);

// The pieces of one feature of a mesh being projected parked (project_parked), the same as cut_into_pieces gives
// the mesh projected whole: its fill triangles are named by mesh.source_triangles (reordered here, as
// cut_into_pieces reorders the indices) and their vertices are in fill_xy; outline holds the feature's projected
// outline points alone (x, y, join each, from its first_outline on).
void cut_parked_feature(ProjectedMesh& mesh, std::uint32_t feature, const LayerMesh& lon_lat,
                        const std::vector<float>& fill_xy, const float* outline);

}  // namespace em
