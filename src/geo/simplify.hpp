#pragma once

#include "geo/feature.hpp"

namespace em {

// Simplifies every ring and line of a layer with Douglas-Peucker at `tolerance` degrees while keeping shared
// borders shared: vertices where rings meet or part (junctions) are kept, and each stretch between junctions
// is simplified the same way whichever ring it belongs to, so neighbours never open gaps or overlap. Rings
// that no longer enclose anything (fewer than 3 points) are dropped, as are polygons that lose their outer
// ring. tolerance <= 0 returns the layer unchanged.
// SharedBorders::kIgnore simplifies each ring on its own, without finding junctions (about twice as fast): for a
// one-off picture at half a pixel's tolerance, where neighbours may then differ by that half pixel.
enum class SharedBorders { kKeep, kIgnore };
VectorLayer simplify_layer(const VectorLayer& layer, double tolerance, SharedBorders borders = SharedBorders::kKeep);

// For coarse levels of detail: leaves out every polygon ring whose lon/lat extent is under `extent` degrees both
// ways (islands and lakes smaller than about half a pixel where the level is drawn). A polygon whose outer ring
// goes loses its holes with it. Lines and points are kept. Returns the number of rings left out.
std::size_t drop_small_rings(VectorLayer& layer, double extent);
// Whether the ring's lon/lat extent is under `extent` degrees both ways (what drop_small_rings leaves out).
bool ring_smaller_than(const Ring& ring, double extent);

// Douglas-Peucker on one open polyline (first and last points kept); ties broken by coordinates so the result
// does not depend on the direction the line is given in.
std::vector<GeoPoint> simplify_polyline(const std::vector<GeoPoint>& points, double tolerance);

}  // namespace em
