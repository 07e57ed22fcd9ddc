#pragma once

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/geo_point.hpp"

namespace em {

// One hexagon of a grid with the points that fall in it.
struct HexBin {
    int q = 0, r = 0;  // axial coordinates in the grid
    XY centre;
    std::vector<std::uint32_t> members;  // indices into the points, in their order
};

// Bins points (projected metres) into pointy-top hexagons of the given circumradius, on a grid anchored at the
// plane's origin, so that a pan (or a tile of a large export) keeps the same bins and only a zoom changes them.
// Every point is in exactly one bin; bins come in the order of their first point. CPU only: the point events'
// aggregation (render/point_events) uses it for each time window and zoom.
std::vector<HexBin> hex_bins(const std::vector<XY>& points, double radius);

// The axial coordinates (q, r) of the hexagon of that grid holding a point: the bin hex_bins puts it in.
std::pair<int, int> hex_cell(XY point, double radius);

// The centre of the hexagon (q, r) of that grid.
XY hex_centre(int q, int r, double radius);

// The six corners of a pointy-top hexagon, counter-clockwise from the one at 30 degrees.
std::array<XY, 6> hex_corners(XY centre, double radius);

}  // namespace em
