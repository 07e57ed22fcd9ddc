#pragma once

#include "events/event.hpp"
#include "render/point_events.hpp"

namespace em {

// The ACLED details of a point event (event type, sub-type, actors, fatalities, precision codes) for the hover
// tooltip and the inspector; nothing when the event has none. ImGui; call inside a window.
void draw_point_event_details(const Event& event);

// What a hexagon bin holds: its count and fatalities, the event types in it (with their colours and counts), the
// outside parties its rows name, and the dates from the earliest to the latest. For the hover tooltip and the
// inspector. ImGui; call inside a window.
void draw_point_bin_summary(const PointBinSummary& bin);

}  // namespace em
