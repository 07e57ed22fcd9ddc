#pragma once

#include <cstddef>
#include <optional>

#include "core/geo_point.hpp"
#include "geo/prepared_layer.hpp"

namespace em {

// The feature of a prepared layer under a lon/lat point, as drawn:
// - polygons: the feature one of whose fill triangles holds the point (so holes are respected: a point in
//   Lesotho, a hole of South Africa, picks Lesotho); tolerance is not used;
// - lines: the feature with the nearest drawn segment within tolerance_degrees;
// - points: the feature with the nearest point within tolerance_degrees.
// Distances are planar in lon/lat degrees; a point within tolerance of the antimeridian also looks on the other
// side. A mixed layer tries all three per feature, containment counting as distance 0. When several features
// qualify equally, the one drawn last (on top) wins. Each feature's bbox is checked first.
std::optional<std::size_t> pick_feature(const PreparedLayer& layer, GeoPoint p, double tolerance_degrees);

// True when p lies in the triangle abc or on its edge (either orientation).
bool point_in_triangle(GeoPoint p, GeoPoint a, GeoPoint b, GeoPoint c);

// Planar distance in degrees from p to the segment ab.
double distance_to_segment(GeoPoint p, GeoPoint a, GeoPoint b);

}  // namespace em
