#pragma once

#include <optional>
#include <string>

#include "app/event_state.hpp"
#include "app/window/window_app.hpp"
#include "app/window/window_input.hpp"
#include "app/window/window_loading.hpp"
#include "app/window/window_panels.hpp"
#include "app/window/window_view.hpp"
#include "render/map_renderer.hpp"
#include "render/map_scene.hpp"

struct GLFWwindow;

namespace em {

// Polls for input when something is moving or loading (and in scripted runs); otherwise sleeps until an event
// comes or half a second has passed, or a twentieth of a second when a panel is behind the clock (list_behind: the
// events list follows a moving clock a few times a second, and catches up once it rests).
void wait_for_events(const WindowOptions& options, const MapRedraw& redraw, const LoadingState& loading,
                     const EventState& events, const MapView& view, bool list_behind);

// Scripted runs move something every frame: "pan" drags the map, "zoom" turns the wheel then rests, "scrub" drags the clock as a hand on the slider
// would (3 days a frame, back and forth over the data); "still" moves nothing.
void apply_script(const std::string& script, int frame, MapView& view, MapRedraw& redraw, EventState& events);

// Sources refused by the source policy (docs/security.md) since the last frame join panels.consent, and the
// consent dialog names them: Allow lets them through (remembered for the project if asked) and opens the project
// again; Don't allow logs what was not opened.
void ask_network_consent(PanelsState& panels, MapScene& scene, MapView& view, EventState& events,
                         LoadingState& loading, MapRedraw& redraw);

// The menu bar, the layer and project dialogs, the layer chooser and the Loading window: opens and saves what
// the user asks for (and the files in input.dropped); finished loads join the map.
void draw_file_panels(GLFWwindow* window, PanelsState& panels, LoadingState& loading, MapScene& scene,
                      const MapStyle& style, EventState& events, MapView& view, MapRedraw& redraw, WindowInput& input,
                      int samples);

// The panels in the frame's layout (panels.layout): the sidebar (view, layers, filters), the legend card on the
// map, the timeline, the inspector (pinned event, feature, events list) and the splitters; the log floats.
void draw_map_panels(PanelsState& panels, MapScene& scene, MapStyle& style, EventState& events, MapView& view,
                     MapRedraw& redraw, const KeyPresses& keys);

// Follows the themes chosen (panels.prefs.ui_theme, panels.map_theme): Dear ImGui's colours, and the map's style
// (its show switches kept) with the events' colours. Returns true when the map's style changed (redraw it).
bool apply_theme_choice(const PanelsState& panels, MapStyle& style, EventState& events);

// The keyboard help (F1) and the first-launch hint, over the map; a dismissed hint is remembered (and saved at
// once when this run keeps preferences).
void draw_help_and_hint(PanelsState& panels);

// Sets the window's title (window_title: project and date) when it changed.
void update_window_title(GLFWwindow* window, PanelsState& panels, const EventState& events);

// The base map from its cache (redrawn only when out of date; at the new scale once a zoom has settled) into
// the window, except the rows below the map (timeline, status bar). Returns the draw statistics when it redrew.
std::optional<DrawStats> present_base_map(MapRenderer& renderer, MapScene& scene, const MapStyle& style,
                                          const MapView& view, MapRedraw& redraw, int samples);

// The status bar's detail after a base map redraw: level, triangles, segments, and whether 1:10m is loading.
std::string base_map_detail(const DrawStats& stats, bool loading_finer);

// Writes the window's back buffer as a PNG (rows flipped into image order). Says why on stderr and returns
// false when it cannot.
bool write_screenshot(int width, int height, const std::string& path);

}  // namespace em
