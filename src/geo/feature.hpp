#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/bbox.hpp"
#include "core/geo_point.hpp"

namespace em {

// A closed ring of lon/lat points; the last point is not repeated.
using Ring = std::vector<GeoPoint>;

// An outer ring followed by its holes.
struct Polygon {
    std::vector<Ring> rings;
};

// A polyline of lon/lat points.
using LineString = std::vector<GeoPoint>;

// One feature of a vector layer, in WGS84 lon/lat, with its attribute values as UTF-8 text.
struct Feature {
    std::int64_t fid = -1;
    std::vector<Polygon> polygons;
    std::vector<LineString> lines;
    std::vector<GeoPoint> points;
    std::vector<std::string> values;  // parallel to VectorLayer::fields; NULL is ""
    BBox bbox;                        // lon/lat extent

    // Number of vertices over all parts.
    std::size_t vertex_count() const;
    // Sets bbox to the extent of every part (after the geometry was read or changed).
    void update_bbox();
};

// The dominant geometry of a layer, used to choose default styling.
enum class GeometryKind { kNone, kPolygon, kLine, kPoint, kMixed };

// A layer read from a vector source, already in WGS84 lon/lat.
struct VectorLayer {
    std::string source;   // path as given
    std::string name;     // OGR layer name
    std::string crs;      // a short description of the source CRS, e.g. "EPSG:4326"
    std::vector<std::string> fields;
    std::vector<Feature> features;
    std::vector<std::string> warnings;  // each names the file and feature concerned
    GeometryKind kind = GeometryKind::kNone;
    BBox bbox;

    // Index of the named field (case-insensitive), or -1.
    int field_index(std::string_view field) const;
    // Total vertex count over all features.
    std::size_t vertex_count() const;
};

}  // namespace em
