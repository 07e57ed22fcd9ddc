#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "events/event_loader.hpp"
#include "events/presence.hpp"
#include "events/timeline.hpp"
#include "render/map_scene.hpp"
#include "scene/project.hpp"
#include "ui/filter_panel.hpp"

namespace em {

// The events side of the window: the loaded data, derived presence, the clock and the filters, and the
// cached things that follow from them (histogram, overlay). Plain data plus the functions below.
struct EventState {
    std::vector<std::string> files;  // the events files as given (empty: none loaded)
    std::string places_path;
    PlaceTable places;
    EventSet set;
    std::vector<PresenceInterval> presence;
    PresenceIndex presence_index{{}};
    std::vector<Date> days;  // sorted first days, for stepping
    TimelineState timeline;
    EventFilter filter;
    VisibleEventIndex visible_index;  // set.events under filter, for slider moves; rebuilt when either changes
    FilterChoices choices;
    Histogram histogram;
    bool histogram_stale = true;
    bool overlay_stale = true;
};

// Loads places and events files (problems are kept in state.set.problems) and sets the clock to `start`
// (or the last event's day) with a trailing window of window_days.
Status load_event_state(EventState& state, const std::string& places_path, const std::vector<std::string>& files,
                        std::optional<Date> start, int window_days);

// Sets the clock, the time window (range dates included) and the filters from a document (a project, the
// settings); keep_date / keep_window leave those as they are (the command line named them). Marks what follows
// from them stale.
void apply_document_clock(const Project& doc, EventState& state, bool keep_date = false, bool keep_window = false);

// Rebuilds what is stale: the histogram (after a filter change) and the scene's event overlay (after a clock
// or filter change). Returns true if the overlay was rebuilt (the map must be redrawn).
bool refresh_event_state(EventState& state, MapScene& scene);

}  // namespace em
