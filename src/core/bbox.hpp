#pragma once

#include <algorithm>
#include <limits>

#include "core/geo_point.hpp"

namespace em {

// An axis-aligned box; empty until something is added. Used for lon/lat and for projected extents.
struct BBox {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();

    // The box spanning the two corners.
    static BBox of(double x0, double y0, double x1, double y1) {
        BBox b;
        b.add(x0, y0);
        b.add(x1, y1);
        return b;
    }
    // True until a point has been added.
    bool empty() const { return !(min_x <= max_x && min_y <= max_y); }
    // Grows the box to hold (x, y).
    void add(double x, double y) {
        min_x = std::min(min_x, x);
        min_y = std::min(min_y, y);
        max_x = std::max(max_x, x);
        max_y = std::max(max_y, y);
    }
    // Grows the box to hold another box.
    void add(const BBox& o) {
        if (o.empty()) return;
        add(o.min_x, o.min_y);
        add(o.max_x, o.max_y);
    }
    double width() const { return empty() ? 0.0 : max_x - min_x; }
    double height() const { return empty() ? 0.0 : max_y - min_y; }
    double center_x() const { return (min_x + max_x) / 2; }
    double center_y() const { return (min_y + max_y) / 2; }
    // True when the boxes share any point.
    bool intersects(const BBox& o) const {
        return !empty() && !o.empty() && min_x <= o.max_x && o.min_x <= max_x && min_y <= o.max_y &&
               o.min_y <= max_y;
    }
    // True when (x, y) lies inside or on the edge.
    bool contains(double x, double y) const { return x >= min_x && x <= max_x && y >= min_y && y <= max_y; }
};

}  // namespace em
