#pragma once

#include <filesystem>
#include <optional>

#include "app/event_state.hpp"
#include "scene/project.hpp"
#include "app/window/window_app.hpp"
#include "render/camera.hpp"
#include "render/map_scene.hpp"
#include "ui/filter_panel.hpp"

namespace em {

// Where the window keeps what comes back at the next launch: $XDG_CONFIG_HOME/eventmap (~/.config/eventmap);
// empty when neither XDG_CONFIG_HOME nor HOME is set.
std::filesystem::path settings_dir();

// True if this run restores and saves settings: not with --no-settings, not in scripted runs (--frames).
bool uses_settings(const WindowOptions& options);

// Restores the panel layout into ImGui (needs its context) and reads the last session's settings, if any; a
// settings file that cannot be read is reported on stderr and ignored.
std::optional<Project> load_settings();

// The two halves of load_settings. read_settings needs no window and no ImGui: the window reads its settings
// before it opens, so that layers named on the command line start loading in the settings' projection at once.
std::optional<Project> read_settings();
void restore_panel_layout();

// Applies the last session's clock, time window and filters, except what the command line names.
void apply_settings(const Project& settings, const WindowOptions& options, EventState& events,
                    FilterUiState& filter_ui);

// The session as a project without layers: projection, the lon/lat box and exact frame in view, the clock and
// time window (with its range in range mode), the filters and the map's theme.
Project session_project(const MapScene& scene, const Camera& camera, const EventState& events,
                        MapTheme theme = MapTheme::kLight);

// Saves time, window, filters, view, the map's theme and panel layout for the next launch, atomically; failures
// go to stderr.
void save_session(const MapScene& scene, const Camera& camera, const EventState& events,
                  MapTheme theme = MapTheme::kLight);

}  // namespace em
