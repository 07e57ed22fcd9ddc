#pragma once

#include <vector>

#include "geo/feature.hpp"

namespace em {

// Cuts a polygon whose rings jump across the antimeridian (e.g. +179.8 to -180) into pieces that each stay
// within [-180, 180]. Rings that circle a pole are closed along that pole. The result is one Polygon whose
// rings are to be filled with the even-odd rule (outer parts and holes may come in any order). Edges created
// along lon = +-180 or lat = +-90 are exactly on those lines, so outline code can leave them out.
Polygon cut_polygon_at_antimeridian(const Polygon& polygon);

// True when some edge of the polygon spans more than 180 degrees of longitude.
bool crosses_antimeridian(const Polygon& polygon);

// Splits a polyline wherever an edge jumps more than 180 degrees of longitude, ending and restarting the pieces
// at the antimeridian.
std::vector<LineString> cut_line_at_antimeridian(const LineString& line);

// Inserts points so that no edge is longer than max_degrees in longitude or latitude (straight in lon/lat).
std::vector<GeoPoint> densify(const std::vector<GeoPoint>& points, double max_degrees, bool closed);

}  // namespace em
