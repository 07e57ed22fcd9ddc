#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "events/event_loader.hpp"
#include "events/presence.hpp"
#include "events/timeline.hpp"
#include "render/incident_cache.hpp"
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
    // The incidents' projected places and bin cells, kept between slider steps (render/incident_cache); remade
    // after a load or a projection change.
    std::shared_ptr<IncidentCache> incidents;
    FilterChoices choices;
    Histogram histogram;
    bool histogram_stale = true;
    bool overlay_stale = true;
    EventMarkColors mark_colors;  // the map style's (its theme): set it and mark the overlay stale to recolour
    // Size and modification time of each local file read (events, places, the ACLED actor table) when loaded, to
    // reload when one changes on disk. Database sources have none: File > Reload events rereads them.
    struct FileStamp {
        std::string path;
        std::uintmax_t size = 0;
        std::filesystem::file_time_type mtime{};
        friend bool operator==(const FileStamp&, const FileStamp&) = default;
    };
    std::vector<FileStamp> stamps;
    double stamps_checked_at = 0;  // seconds (the window's clock) of the last look at the files
};

// Loads places and events files (problems are kept in state.set.problems) and sets the clock to `start`
// (or the last event's day) with a trailing window of window_days.
Status load_event_state(EventState& state, const std::string& places_path, const std::vector<std::string>& files,
                        std::optional<Date> start, int window_days);

// Reads the same files again (File > Reload events, or a file changed on disk), keeping the clock, the time window
// and the filters. Pointers into the old events (a pinned event) are invalid afterwards.
Status reload_event_state(EventState& state);

// True when a local file the events came from has changed (size or time) since it was loaded; looks at most once a
// second (now: seconds on any steady clock).
bool event_files_changed(EventState& state, double now);

// Sets the clock, the time window (range dates included) and the filters from a document (a project, the
// settings); keep_date / keep_window leave those as they are (the command line named them). Marks what follows
// from them stale.
void apply_document_clock(const Project& doc, EventState& state, bool keep_date = false, bool keep_window = false);

// Rebuilds what is stale: the histogram (after a filter change) and the scene's event overlay (after a clock
// or filter change). Returns true if the overlay was rebuilt (the map must be redrawn).
bool refresh_event_state(EventState& state, MapScene& scene);

}  // namespace em
