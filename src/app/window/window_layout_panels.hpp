#pragma once

#include <string>

#include "app/event_state.hpp"
#include "app/window/window_panels.hpp"
#include "app/window/window_view.hpp"
#include "render/map_scene.hpp"
#include "scene/project.hpp"
#include "ui/key_presses.hpp"
#include "ui/window_layout.hpp"

namespace em {

// The bars' heights for the fonts and style loaded (menu: ImGui's frame height; status: a line and padding).
LayoutMetrics current_layout_metrics();

// The window's frame as a project keeps it, and applying a project's (the sections as the panels next draw).
ProjectWindowLayout current_window_layout(const PanelsState& panels);
void apply_window_layout(PanelsState& panels, const ProjectWindowLayout& layout);

// Computes this frame's frame layout from the window's size and the splitters, and gives the map its area
// (framebuffer pixels; the camera takes its size and Home is framed in it again when it moved; returns true then).
bool update_layout(PanelsState& panels, MapView& view, const Projection& projection);

// Begins a fixed, undecorated ImGui window exactly over `rect` (it never moves, resizes or comes to the front over
// a dialog). Calling it again with the same name in one frame appends to the window. End with ImGui::End().
void begin_fixed_panel(const char* name, const UiRect& rect);

// Begins the left sidebar (`first`: the first time this frame, which draws its fold button; later calls append
// to it); folded, it is a rail with a button to open it. Returns true when its sections should be drawn. End with
// ImGui::End() either way.
bool begin_sidebar(PanelsState& panels, bool first);

// The gutters between panels: dragging one resizes its neighbours; the new sizes are kept in panels.layout_sizes.
void draw_splitters(PanelsState& panels);

// The right-hand inspector: the pinned event, the feature last clicked and the events list. A row chosen in the
// list pins its event and brings it onto the map when it is off it.
void draw_inspector(PanelsState& panels, const EventState& events, const MapScene& scene, MapView& view,
                    MapRedraw& redraw, const KeyPresses& keys);

// Rings the pinned event and the one hovered in the list on the map (drawn by ImGui over the map, under the
// panels).
void highlight_events_on_map(const PanelsState& panels, const MapScene& scene, const MapView& view);

// Removes the list's keys (arrows, Page Up/Down) from `keys` while the list has the keyboard, so they do not
// also pan the map.
void keep_list_keys_from_map(const PanelsState& panels, KeyPresses& keys);

// --layout-dump: writes the frame's panel and widget rectangles as JSON to `path` when they changed (atomically).
// With the screen position of each of the events' places ("places": {"Bamako": [x, y]}) for tests to aim at.
void write_layout_dump(PanelsState& panels, const std::string& path, const EventState& events, const MapScene& scene,
                       const MapView& view);

// The splitters' sizes come back from, and go to, layout.json beside the settings.
LayoutSizes load_layout_sizes();
void save_layout_sizes(const LayoutSizes& sizes);

}  // namespace em
