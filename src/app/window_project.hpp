#pragma once

#include <string>

#include "app/event_state.hpp"
#include "app/window_loading.hpp"
#include "app/window_view.hpp"
#include "render/map_scene.hpp"
#include "ui/log_panel.hpp"

namespace em {

// File > Save project: the user layers with their styles, the view, the clock and time window, the filters.
// The outcome goes to the log.
void save_project_file(const std::string& path, const MapScene& scene, const Camera& camera, const EventState& events,
                       LogState& log);

// File > Open project (and --project): the project's layers replace the user layers and start loading (their
// styles wait in loading.pending_styles); its projection, view, clock, time window and filters apply at once.
// Problems go to the log.
void open_project_file(const std::string& path, MapScene& scene, MapView& view, EventState& events,
                       LoadingState& loading, MapRedraw& redraw, LogState& log);

}  // namespace em
