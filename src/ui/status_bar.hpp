#pragma once

#include <optional>
#include <string>

#include "core/geo_point.hpp"
#include "ui/window_layout.hpp"

namespace em {

// What the status bar shows.
struct StatusInfo {
    std::optional<GeoPoint> cursor;  // lon/lat under the pointer
    double metres_per_pixel = 0;     // at the view centre, true ground distance
    double frame_ms = 0;  // the last frame's drawing time, from waking up to the swap (not the idle wait)
    std::string detail;  // base level, counts
    std::string message;  // last warning or error, if any
};

// Draws the status bar along the bottom of the window.
void draw_status_bar(const StatusInfo& info, const UiRect& rect);

// Formats a lon/lat as "12.64 N  8.00 W".
std::string format_lon_lat(GeoPoint p);

}  // namespace em
