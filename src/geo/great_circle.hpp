#pragma once

#include <vector>

#include "geo/feature.hpp"

namespace em {

// Points along the shorter great circle from a to b (spherical), at most max_step_degrees of arc apart,
// both ends included. Antipodal ends have no unique great circle; the path then goes through the north.
std::vector<GeoPoint> great_circle(GeoPoint a, GeoPoint b, double max_step_degrees = 1.0);

// The point halfway along the great circle from a to b.
GeoPoint great_circle_midpoint(GeoPoint a, GeoPoint b);

// Great-circle distance in metres on the mean-radius sphere.
double great_circle_distance(GeoPoint a, GeoPoint b);

// A great circle as drawable pieces: split where it crosses the antimeridian so no piece jumps across the map.
std::vector<LineString> great_circle_pieces(GeoPoint a, GeoPoint b, double max_step_degrees = 1.0);

}  // namespace em
