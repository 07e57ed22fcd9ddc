#pragma once

#include "events/event.hpp"

namespace em {

// The ACLED details of a point event (event type, sub-type, actors, fatalities, precision codes) for the hover
// tooltip and the inspector; nothing when the event has none. ImGui; call inside a window.
void draw_point_event_details(const Event& event);

}  // namespace em
