#pragma once

#include <optional>

#include "events/event.hpp"
#include "render/point_events.hpp"

namespace em {

// The full record of one event: date (with its precision), kind, actor, country, places, size, participants,
// description, source, link (url) and confidence. Used for the hover tooltip and the pinned inspector, whose
// "Open source" button opens the link with xdg-open (spawned, not waited for).
void draw_event_details(const Event& event, float width = 0);  // width 0: a tooltip's measure

// The inspector's Event section: the pinned event (Unpin clears *pinned), else the pinned hexagon bin (Unpin
// clears it), or a hint when neither is.
void draw_inspector_panel(const Event*& pinned, std::optional<PointBinSummary>* pinned_bin = nullptr);

}  // namespace em
