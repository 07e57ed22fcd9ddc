#pragma once

namespace em {

// A position on the globe in degrees (WGS84 longitude and latitude).
struct GeoPoint {
    double lon = 0.0;
    double lat = 0.0;

    friend bool operator==(const GeoPoint&, const GeoPoint&) = default;
};

// A position in a projected plane (metres for every projection eventmap offers).
struct XY {
    double x = 0.0;
    double y = 0.0;

    friend bool operator==(const XY&, const XY&) = default;
};

}  // namespace em
