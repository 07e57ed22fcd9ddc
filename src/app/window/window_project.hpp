#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/event_state.hpp"
#include "app/window/window_loading.hpp"
#include "app/window/window_view.hpp"
#include "render/map_scene.hpp"
#include "scene/project.hpp"
#include "ui/export_panel.hpp"
#include "ui/filter_panel.hpp"
#include "ui/log_panel.hpp"

namespace em {

// The document the window shows now: user layers with their styles, the exact view, the clock and time window,
// the filters, the events' files, the export panel's decorations and size, the map style's switches. What
// File > Save project writes and what Export draws (so `eventmap render --project` of a saved project gives the
// picture the window exports).
Project window_document(const MapScene& scene, const MapStyle& style, const MapView& view, const EventState& events,
                        const ExportState& export_state, int samples);

// File > Save project: writes `doc` (window_document). The outcome goes to the log.
void save_project_file(const std::string& path, const Project& doc, LogState& log);

// File > Open project (and --project): the project's layers replace the user layers and start loading (their
// styles wait in loading.pending_styles); its projection, view, clock, time window (range dates too), filters
// (search text too), export decorations and the map's theme (into `map_theme`) apply at once.
// Problems go to the log.
// A project that keeps the window's layout gives it to `apply_layout` before the view is framed (the map's area
// may change with it).
void open_project_file(const std::string& path, MapScene& scene, MapView& view, EventState& events,
                       FilterUiState& filter_ui, ExportState& export_state, MapTheme& map_theme, LoadingState& loading,
                       MapRedraw& redraw, LogState& log,
                       const std::function<void(const ProjectWindowLayout&)>& apply_layout = {});

// The network/database sources the user allowed for a project and asked to remember (docs/security.md): kept in
// the settings folder ($XDG_CONFIG_HOME/eventmap/allowed-sources.tsv), keyed by the project's full path.
std::vector<std::string> remembered_sources(const std::string& project);
void remember_sources(const std::string& project, const std::vector<std::string>& sources, LogState& log);

}  // namespace em
