#include "app/window/window_view.hpp"

// The GL loader comes first; GLFW must not pull in its own GL header.
#include "gl/gl_api.hpp"
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace em {

void redraw_base_map(MapRedraw& redraw) {
    redraw.base_cache.invalidate();
    redraw.dirty = true;
}

bool follow_presence_tints(MapRedraw& redraw, const SceneRef& scene, const MapStyle& style) {
    redraw.base_cache.set_tints_drawn(TintsDrawn::kWithLayers);
    std::vector<PresenceTint> now = presence_tints(scene, style);
    if (now == redraw.tints) return false;
    redraw.base_cache.redraw_area(changed_tints_box(scene, redraw.tints, now));
    redraw.tints = std::move(now);
    redraw.dirty = true;
    return true;
}

Camera camera_for(const BBox& lon_lat, const Projection& projection, int width, int height, UiRect area) {
    if (area.w < 1 || area.h < 1) area = {0, 0, float(width), float(height)};
    Camera fitted = Camera::fit(projection.project_box(lon_lat), std::max(1, int(area.w)), std::max(1, int(area.h)));
    // The box's centre goes to the area's centre: the camera's centre (the window's) is offset from it.
    const double dx = width / 2.0 - (area.x + area.w / 2.0), dy = height / 2.0 - (area.y + area.h / 2.0);
    const XY c = fitted.centre();
    return Camera({c.x + dx * fitted.metres_per_pixel_x(), c.y - dy * fitted.metres_per_pixel_y()},
                  fitted.metres_per_pixel_x(), width, height);
}

int map_width(const MapView& view) { return view.map_area.w >= 1 ? int(view.map_area.w) : std::max(1, view.fb_w); }
int map_height(const MapView& view) { return view.map_area.h >= 1 ? int(view.map_area.h) : std::max(1, view.fb_h); }

Camera camera_in_map(const BBox& lon_lat, const Projection& projection, const MapView& view) {
    return camera_for(lon_lat, projection, map_width(view), map_height(view));
}

XY to_map_pixels(const MapView& view, XY window) { return {window.x - view.map_area.x, window.y - view.map_area.y}; }
XY to_window_pixels(const MapView& view, XY map) { return {map.x + view.map_area.x, map.y + view.map_area.y}; }

int map_gl_x(const MapView& view) { return int(view.map_area.x); }
int map_gl_y(const MapView& view) {
    return view.map_area.h >= 1 ? view.fb_h - int(view.map_area.y + view.map_area.h) : 0;
}

bool set_map_area(MapView& view, UiRect area, const Projection& projection) {
    // Whole pixels: the base map's cache is copied to the area without scaling.
    const float x0 = std::round(area.x), y0 = std::round(area.y);
    area = {x0, y0, std::max(1.0f, std::round(area.x + area.w) - x0), std::max(1.0f, std::round(area.y + area.h) - y0)};
    const UiRect& was = view.map_area;
    if (was.x == area.x && was.y == area.y && was.w == area.w && was.h == area.h) {
        view.frame_at_first_layout.reset();  // the camera was framed in this very area
        return false;
    }
    // What sits at the new area's centre stays where it is on the screen (a panel folding reveals more map
    // rather than moving it).
    const bool had_area = was.w >= 1 && was.h >= 1;
    const XY keep = had_area ? view.camera.to_world({area.x + area.w / 2.0 - was.x, area.y + area.h / 2.0 - was.y})
                             : view.camera.centre();
    view.map_area = area;
    view.camera.resize(map_width(view), map_height(view));
    if (had_area) view.camera = Camera(keep, view.camera.metres_per_pixel_x(), map_width(view), map_height(view));
    view.home = camera_in_map(view.home_box, projection, view);
    if (view.frame_at_first_layout) {
        // The start view (or the last session's frame) is framed in the first frame's area: the area guessed before
        // ImGui's first frame can differ, and keeping the scale would then show a different box.
        view.camera = Camera::fit(*view.frame_at_first_layout, map_width(view), map_height(view));
        view.frame_at_first_layout.reset();
    }
    return true;
}

bool on_map(const MapView& view, double x, double y) {
    return view.map_area.w < 1 || view.map_area.contains(float(x), float(y));
}

BBox visible_lon_lat(const Camera& camera, const Projection& projection) {
    BBox out;
    for (int i = 0; i <= 16; ++i) {
        for (const XY s : {XY{camera.width() * i / 16.0, 0}, XY{camera.width() * i / 16.0, double(camera.height())},
                           XY{0, camera.height() * i / 16.0}, XY{double(camera.width()), camera.height() * i / 16.0}}) {
            if (auto g = projection.inverse(camera.to_world(s))) out.add(g->lon, g->lat);
        }
    }
    return out;
}

bool zoom_settled(const MapView& view) { return glfwGetTime() - view.last_zoom > 0.25; }

void follow_framebuffer_size(GLFWwindow* window, MapView& view, MapRedraw& redraw) {
    glfwGetFramebufferSize(window, &view.fb_w, &view.fb_h);
    if (view.fb_w > 0 && view.fb_h > 0 && (view.target_w != view.fb_w || view.target_h != view.fb_h)) {
        view.target_w = view.fb_w, view.target_h = view.fb_h;  // the camera follows the map area (set_map_area)
        redraw_base_map(redraw);
    }
}

namespace {

// Drag and wheel, in framebuffer pixels. Returns true if the camera moved.
bool apply_mouse(GLFWwindow* window, Camera& camera, DragState& drag, double wheel, const UiRect& area) {
    const ImGuiIO& io = ImGui::GetIO();
    bool moved = false;
    double x = 0, y = 0;
    glfwGetCursorPos(window, &x, &y);
    int ww = 1, wh = 1, fw = 1, fh = 1;
    glfwGetWindowSize(window, &ww, &wh);
    glfwGetFramebufferSize(window, &fw, &fh);
    const double sx = static_cast<double>(fw) / ww, sy = static_cast<double>(fh) / wh;  // HiDPI
    x *= sx, y *= sy;
    const bool inside = area.w < 1 || area.contains(float(x), float(y));
    const XY at{x - area.x, y - area.y};  // the camera's pixels: the map area's top-left is (0, 0)
    if (!io.WantCaptureMouse && (inside || drag.dragging)) {
        const bool down = glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
        if (down && drag.dragging && (x != drag.last_x || y != drag.last_y)) {
            camera.pan_pixels(x - drag.last_x, y - drag.last_y);
            moved = true;
        }
        drag.dragging = down;
        if (wheel != 0 && inside) {
            camera.zoom_at(at, std::pow(1.25, wheel));
            moved = true;
        }
    } else if (glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_LEFT) != GLFW_PRESS || !inside) {
        drag.dragging = false;
    }
    drag.last_x = x, drag.last_y = y;
    return moved;
}

// + - arrows and Home. Every press counts, also several within one slow frame. '+' is Shift+'=' on most
// layouts. Returns true if the camera moved.
bool apply_keys(Camera& camera, const KeyPresses& keys, const Camera& home) {
    if (ImGui::GetIO().WantCaptureKeyboard) return false;
    bool moved = false;
    const XY centre{camera.width() / 2.0, camera.height() / 2.0};  // the camera is the map area's
    const int zoom_in =
        keys.count(GLFW_KEY_EQUAL) + keys.count(GLFW_KEY_EQUAL, GLFW_MOD_SHIFT) + keys.count(GLFW_KEY_KP_ADD);
    const int zoom_out = keys.count(GLFW_KEY_MINUS) + keys.count(GLFW_KEY_KP_SUBTRACT);
    if (zoom_in != zoom_out) camera.zoom_at(centre, std::pow(1.5, zoom_in - zoom_out)), moved = true;
    const double step = 80.0;
    const int dx = keys.count(GLFW_KEY_LEFT) - keys.count(GLFW_KEY_RIGHT);
    const int dy = keys.count(GLFW_KEY_UP) - keys.count(GLFW_KEY_DOWN);
    if (dx != 0 || dy != 0) camera.pan_pixels(step * dx, step * dy), moved = true;
    if (keys.pressed(GLFW_KEY_HOME)) {
        Camera h = home;
        h.resize(camera.width(), camera.height());
        camera = h;
        moved = true;
    }
    return moved;
}

}  // namespace

bool handle_map_input(GLFWwindow* window, MapView& view, double wheel, const KeyPresses& keys) {
    const double mpp_before = view.camera.metres_per_pixel_x();
    bool moved = apply_mouse(window, view.camera, view.drag, wheel, view.map_area);
    if (apply_keys(view.camera, keys, view.home)) moved = true;
    if (moved) view.camera.clamp_scale(5.0, 200000.0);
    if (view.camera.metres_per_pixel_x() != mpp_before) view.last_zoom = glfwGetTime();
    return moved;
}

}  // namespace em
