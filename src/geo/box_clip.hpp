#pragma once

#include "core/bbox.hpp"
#include "geo/feature.hpp"

namespace em {

// Clips every polygon ring of a layer to a lon/lat box (Sutherland-Hodgman against its four sides). The even-odd
// rule reads the result as the part of each polygon inside the box: where a clipped ring runs along a side and
// back, the two runs cancel. Rings left with fewer than 3 points are dropped, as are polygons left with none and
// features left with no geometry. Lines and points are kept as they are. For a picture of part of a heavy layer:
// nothing outside the box is simplified, filled or drawn, and the new edges along the sides lie outside the
// picture when the box is a little larger than it.
void clip_polygons_to_box(VectorLayer& layer, const BBox& box);

// One ring clipped to the box (may come back with fewer than 3 points).
Ring clip_ring_to_box(const Ring& ring, const BBox& box);

}  // namespace em
