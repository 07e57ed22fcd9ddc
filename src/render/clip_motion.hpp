#pragma once

#include "events/presence.hpp"
#include "geo/projection.hpp"
#include "render/event_overlay.hpp"

namespace em {

// Smooth time for clips (issue 15): the clock between two days, and how long things take to come and go.
struct ClipMotion {
    double now = 0;        // Date::days plus the fraction of the day passed
    double fade_days = 1;  // days over which an event fades in or out and an arc draws itself (> 0)
    // The clip's first and last moment. Motion eases in from the first and out towards the last over fade_days,
    // so the first and the last frame are exactly the still pictures of those dates (`render --date`), which a
    // hold shows and a newsroom quotes.
    double start = 0, end = 0;
};

// Turns an overlay built for the window ending on floor(now) into the picture of the moment `now`, so a clip
// moves instead of jumping from step to step:
// - links and markers fade in over fade_days from their first day; in a trailing window their weight ages
//   continuously and they fade out over the last fade_days before they leave it;
// - a new meeting's arc draws itself from the visiting capital to the venue over fade_days (the arrowhead
//   comes when it arrives);
// - presence tints fade in when a force arrives, and a force that left less than fade_days ago keeps a tint
//   fading out (marked `departed`: no badge).
// The window itself does not use it; the overlay of a still picture is unchanged.
void apply_clip_motion(EventOverlay& overlay, const ClipMotion& motion, const PresenceIndex& presence,
                       const Projection& projection);

// The share of a polyline's length, from its start, as a polyline (its first point alone for share <= 0).
std::vector<GeoPoint> polyline_start(const std::vector<GeoPoint>& line, double share);

}  // namespace em
