#pragma once

// Helpers shared by the geo tests: ring normalisation (so rings compare whatever their start point and
// orientation), areas, and an even-odd point-in-polygon written independently of the code under test.

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "geo/feature.hpp"
#include "geo/tessellator.hpp"

namespace em::test {

// The ring turned counter-clockwise and rotated to start at its lowest-lon, then lowest-lat point. Coordinates are
// compared at 1e-7 degrees, so rings that went through a reprojection (0 may come back as -1e-16) still line up.
inline Ring normalised(Ring r) {
    if (r.size() > 1 && r.front() == r.back()) r.pop_back();
    if (ring_signed_area(r) < 0) std::reverse(r.begin(), r.end());
    auto key = [](double v) { return std::llround(v * 1e7); };
    auto less = [&](const GeoPoint& a, const GeoPoint& b) {
        return key(a.lon) < key(b.lon) || (key(a.lon) == key(b.lon) && key(a.lat) < key(b.lat));
    };
    std::rotate(r.begin(), std::min_element(r.begin(), r.end(), less), r.end());
    return r;
}

// Area of a polygon with holes: outer minus holes (each by absolute value).
inline double polygon_area(const Polygon& p) {
    double a = 0;
    for (size_t i = 0; i < p.rings.size(); ++i) a += (i == 0 ? 1 : -1) * std::abs(ring_signed_area(p.rings[i]));
    return a;
}

inline double feature_area(const Feature& f) {
    double a = 0;
    for (const auto& p : f.polygons) a += polygon_area(p);
    return a;
}

// Even-odd rule over every ring of every polygon.
inline bool inside_even_odd(const std::vector<Ring>& rings, GeoPoint p) {
    bool in = false;
    for (const auto& r : rings) {
        const size_t n = r.size();
        for (size_t i = 0, j = n - 1; i < n; j = i++) {
            const GeoPoint a = r[i], b = r[j];
            if ((a.lat > p.lat) != (b.lat > p.lat)) {
                const double x = a.lon + (p.lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat);
                if (p.lon < x) in = !in;
            }
        }
    }
    return in;
}

inline std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += l + "\n";
    return s;
}

inline bool any_contains(const std::vector<std::string>& lines, const std::string& words) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(words) != std::string::npos; });
}

}  // namespace em::test
