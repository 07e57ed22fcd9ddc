#pragma once

#include <optional>
#include <vector>

#include "core/bbox.hpp"
#include "geo/projection.hpp"
#include "render/base_map_cache.hpp"
#include "render/camera.hpp"
#include "render/presence_tints.hpp"
#include "ui/key_presses.hpp"
#include "ui/window_layout.hpp"

struct GLFWwindow;

namespace em {

// Pointer state between frames.
struct DragState {
    bool dragging = false;
    double last_x = 0, last_y = 0;
};

// What part of the map the window shows, where Home goes, and what the pointer is doing.
struct MapView {
    Camera camera;                   // the map area's size: camera pixel (0, 0) is the area's top-left corner
    Camera home;                     // the view Home returns to: the preset or --bbox of the start
    BBox home_box;                   // Home's lon/lat box (re-fitted when the projection changes)
    UiRect map_area;                 // the map's part of the window (framebuffer pixels): between the panels
    float pixel_scale = 1.0f;        // the map's lines, markers, text and hit radii: the UI's scale (see start_view)
    int fb_w = 0, fb_h = 0;          // the framebuffer's size this frame
    int target_w = 0, target_h = 0;  // the size the camera and base map were last fitted to
    std::optional<BBox> frame_at_first_layout;  // a projected box the camera frames once the map's area is known
    DragState drag;
    double last_zoom = -1e9;            // glfwGetTime() of the last zoom step; the cache redraws once it rests
    double press_x = -1, press_y = -1;  // where the left button last went down (window pixels), for clicks
};

// What must be drawn again: the cached base map picture and the frame.
struct MapRedraw {
    BaseMapCache base_cache;  // the base map, redrawn only when out of date
    bool dirty = true;        // something changed: draw a frame
    std::vector<PresenceTint> tints;  // the presence tints in the cached picture (TintsDrawn::kWithLayers)
};

// The base map changed (layers, styles, projection, size): redraw its cache and the frame.
void redraw_base_map(MapRedraw& redraw);

// Has the cache draw the presence tints into its picture, and redraw the part under the countries whose tint
// differs from the one drawn (the clock passed an arrival or a departure, a party's colour changed): a still
// frame then draws no tint (they were 4 of its 7 ms of events and labels on llvmpipe at 1920x1080), and a scrub
// redraws a few tiles only when who is present changes. Each frame, before the cache is presented; true when
// the tints changed.
bool follow_presence_tints(MapRedraw& redraw, const SceneRef& scene, const MapStyle& style);

// A camera for a width x height window showing the box in `area`, the map's part of the window between the
// panels (framebuffer pixels; empty: the whole window).
Camera camera_for(const BBox& lon_lat, const Projection& projection, int width, int height, UiRect area = {});

// The camera's size: the map area's (whole pixels), or the window's before there is a layout.
int map_width(const MapView& view);
int map_height(const MapView& view);
// A camera of the map area's size showing the box.
Camera camera_in_map(const BBox& lon_lat, const Projection& projection, const MapView& view);
// Window framebuffer pixels to the camera's pixels and back (the map area's offset).
XY to_map_pixels(const MapView& view, XY window);
XY to_window_pixels(const MapView& view, XY map);
// The map area's bottom-left corner in GL's orientation (rows bottom up), for viewports and scissors.
int map_gl_x(const MapView& view);
int map_gl_y(const MapView& view);

// The map's area moved (a splitter, a resize, a panel folded): the camera takes its size (same centre and scale)
// and Home is framed in it again. Returns true if it moved.
bool set_map_area(MapView& view, UiRect area, const Projection& projection);

// True when the framebuffer point (x, y) is on the map, not on a panel.
bool on_map(const MapView& view, double x, double y);

// The lon/lat box the camera shows (sampled along its edges).
BBox visible_lon_lat(const Camera& camera, const Projection& projection);

// True once the last zoom step is a quarter of a second old (the base map is then drawn at the new scale).
bool zoom_settled(const MapView& view);

// Reads the framebuffer size; when it changed, resizes the camera and asks for a redraw.
void follow_framebuffer_size(GLFWwindow* window, MapView& view, MapRedraw& redraw);

// Applies mouse (drag, wheel steps) and keys (+ - arrows Home) to the camera unless ImGui wants them, noting
// when it zoomed. Returns true if the camera moved.
bool handle_map_input(GLFWwindow* window, MapView& view, double wheel, const KeyPresses& keys);

}  // namespace em
