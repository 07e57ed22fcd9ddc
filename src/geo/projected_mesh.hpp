#pragma once

#include <cstdint>
#include <vector>

#include "geo/prepared_layer.hpp"
#include "geo/projection.hpp"

namespace em {

// A feature's slices of a ProjectedMesh, with its projected extent for culling.
struct ProjectedRange {
    std::uint32_t first_index = 0, index_count = 0;
    std::uint32_t first_outline = 0, outline_count = 0;
    std::uint32_t first_point = 0, point_count = 0;
    BBox bbox;  // projected metres
};

// A spatially compact run of one feature's fill indices or outline points (mesh_pieces.hpp). Big features (a
// country's coast of 50,000 points, a continent's fill) are cut into many, so that a view seeing a corner of one
// (a band of the window's base-map cache, a zoomed-in map) draws that corner, not the whole feature.
struct ProjectedPiece {
    std::uint32_t feature = 0;  // index into ProjectedMesh::ranges
    std::uint32_t first = 0, count = 0;
    BBox bbox;  // projected metres
};

// A LayerMesh in projected metres, as flat float arrays ready to upload. Triangles with a vertex the
// projection cannot show are left out; outline segments touching such a vertex are not joined.
struct ProjectedMesh {
    std::vector<float> fill_xy;              // x, y per vertex
    std::vector<std::uint32_t> fill_indices;  // three per triangle
    std::vector<float> outline;              // x, y, join per point (join 1: draw segment to the next point)
    std::vector<float> points_xy;            // x, y per point feature vertex
    std::vector<ProjectedRange> ranges;      // per feature
    // Each feature's fill and outline again, cut into pieces (in feature order; empty for meshes built by hand,
    // which are then drawn by their ranges). A feature's fill triangles are stored in the order of their pieces.
    std::vector<ProjectedPiece> fill_pieces, outline_pieces;
    BBox bbox;
    bool fill_even_odd = false;  // the fill is fans for the stencil (LayerMesh::fill_even_odd)
    // Only while the mesh is parked without its fill indices (geo/vertex_restore): for each triangle of the fill,
    // where its indices start in the lon/lat mesh's fill.indices (project_mesh's triangle_numbers).
    std::vector<std::uint32_t> source_triangles;
    // Which projection result this is, for the renderer's GPU cache (render/gpu_mesh_cache): project_mesh gives
    // every result a number no other result of this process has; copies share it (their content is the same).
    // 0 for meshes built by hand, which are never cached. Treat a stamped mesh as read-only: change it and the
    // GPU keeps drawing the old one.
    std::uint64_t stamp = 0;
};

// Projects points into out: x, y at out[i * stride] (NaN where the projection cannot show the point), on two
// threads when there are many.
void project_points(const std::vector<GeoPoint>& in, const Projection& proj, float* out, std::size_t stride);

// Places a feature's projected points (range.first_point, point_count in points_xy): each shown one widens the
// range's box, each the projection cannot show is moved far off any view.
void place_feature_points(std::vector<float>& points_xy, ProjectedRange& range);

// A number no earlier call returned (never 0; thread-safe: meshes are projected on loader threads).
std::uint64_t next_mesh_stamp();

// Projects a prepared mesh (in parallel where it is large). triangle_numbers, if given, receives for each triangle
// of the result's fill_indices where its three indices start in mesh.fill.indices: what a parked level keeps
// instead of its indices (ProjectedMesh::source_triangles), a third of their size.
ProjectedMesh project_mesh(const LayerMesh& mesh, const Projection& projection,
                           std::vector<std::uint32_t>* triangle_numbers = nullptr);

// Whether some of the mesh's fill and outline arrays were let go while its ranges, pieces and box stayed (the
// window's memory: render/uploaded_vertices): its ranges have triangles or outline points that an array lacks.
// Such a mesh must be projected again (the same arrays under the same stamp) before its arrays are read.
bool arrays_released(const ProjectedMesh& mesh);

}  // namespace em
