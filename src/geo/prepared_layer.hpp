#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "geo/feature.hpp"
#include "geo/tessellator.hpp"

namespace em {

// Where one feature's pieces sit in a LayerMesh's buffers.
struct FeatureRange {
    std::uint32_t first_index = 0, index_count = 0;      // into fill.indices
    std::uint32_t first_outline = 0, outline_count = 0;  // into outline_points
    std::uint32_t first_point = 0, point_count = 0;      // into points
};

// A layer's geometry ready for drawing, still in lon/lat: fill triangles, outline polylines and points.
// Outlines are one long strip: outline_joins[i] != 0 when the segment from point i to i+1 is to be drawn
// (0 between rings, and on the artificial edges made by cutting at the antimeridian).
struct LayerMesh {
    TriangleMesh fill;
    std::vector<GeoPoint> outline_points;
    std::vector<std::uint8_t> outline_joins;
    std::vector<GeoPoint> points;
    std::vector<FeatureRange> ranges;  // one per feature
    std::size_t tessellation_failures = 0;
    // The fill is fans of each ring (fan_fill), not a tessellation: drawn with the stencil's even-odd count only.
    // Never cached (LayerCache::store skips such layers): only one-off pictures make them.
    bool fill_even_odd = false;
};

// A vector layer turned into what the renderer needs: attributes, label anchors and a LayerMesh.
// Holds no source geometry; this is what the on-disk cache stores.
struct PreparedLayer {
    std::string source, name, crs;
    GeometryKind kind = GeometryKind::kNone;
    BBox bbox;
    std::vector<std::string> fields;
    std::vector<std::vector<std::string>> values;  // per feature, parallel to fields
    std::vector<BBox> feature_bboxes;              // per feature, lon/lat
    std::vector<GeoPoint> label_points;            // per feature; NaN when the feature has no area or points
    std::vector<std::string> warnings;
    LayerMesh mesh;

    // Index of the named field (case-insensitive), or -1.
    int field_index(std::string_view field) const;
    // The feature's value of a field, or "" when the field does not exist.
    const std::string& value(std::size_t feature, int field) const;
};

// Options for prepare_layer.
struct PrepareOptions {
    double densify_degrees = 1.0;  // longest straight edge kept, so edges bend properly when projected
    double simplify_degrees = 0.0;  // Douglas-Peucker tolerance keeping shared borders shared (0: none)
    int threads = 0;               // 0: as many as the machine has
    bool fan_fill = false;         // fill with fans for the stencil (LayerMesh::fill_even_odd), not GLU
    // Which layers of a multi-layer source (a GeoPackage) were read, by name; empty: all. prepare_layer ignores
    // it; it is part of the cache key (LayerCache) so that a chosen subset is cached apart from the whole.
    std::vector<std::string> layers;
    // What the preparation is for, when the same source and tolerance can mean different things; part of the
    // cache key only. A user layer's coarser level ("overlay-level": simplified from the next finer level, or an
    // empty entry when rejected) must not be found as the base map's level of the same file and tolerance (the
    // 1:10m countries opened as a layer once left an empty entry that the base map then read as "no layers").
    std::string purpose;
};

// Simplifies (if asked), cuts at the antimeridian, densifies, tessellates (in parallel) and finds label anchors.
PreparedLayer prepare_layer(const VectorLayer& layer, const PrepareOptions& options = {});
// The same from a layer the caller gives up: each polygon is let go as soon as it is tessellated (a heavy layer's
// source and its tessellation are never held whole together). Same result.
PreparedLayer prepare_layer(VectorLayer&& layer, const PrepareOptions& options = {});

// How many outline points plus points prepare_layer would make of this layer (the size of its mesh's
// outline_points and points together), without tessellating: cutting and densifying only.
std::size_t count_mesh_points(const VectorLayer& layer, const PrepareOptions& options = {});

// A point well inside the polygon (its largest part) for a label; NaN point if none.
GeoPoint label_anchor(const std::vector<Polygon>& polygons);

}  // namespace em
