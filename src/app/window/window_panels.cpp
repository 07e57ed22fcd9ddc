#include "app/window/window_panels.hpp"

// The GL loader comes first; GLFW must not pull in its own GL header.
#include "gl/gl_api.hpp"
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "app/views.hpp"
#include "geo/picking.hpp"
#include "render/event_overlay.hpp"
#include "ui/help_overlay.hpp"
#include "ui/inspector_panel.hpp"
#include "ui/panel_section.hpp"
#include "ui/shortcuts.hpp"
#include "ui/point_event_details.hpp"
#include "ui/view_panel.hpp"

namespace em {

PanelsState make_panels_state(const std::optional<std::string>& startup_project) {
    PanelsState panels;
    panels.project_browser.extensions = {".json", ".emproj"};
    panels.project_browser.title = "Project";
    panels.startup_project = startup_project;
    for (const auto& p : view_presets()) panels.preset_keys.push_back(p.key), panels.preset_labels.push_back(p.label);
    return panels;
}

void draw_menu_bar(PanelsState& panels, LoadingState& loading, const Projection& projection, GLFWwindow* window) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open layer...", shortcut_keys("open-layer"))) panels.browser.open = true;
        if (ImGui::BeginMenu("Recent files", !panels.browser.recent.empty())) {
            for (const auto& r : panels.browser.recent) {
                if (ImGui::MenuItem(r.c_str())) start_load(loading, r, projection);
                note_item("menu/recent-file/" + r);
            }
            ImGui::EndMenu();
        } else {
            note_item("menu/Recent files");
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Open project...")) panels.project_browser.open = true, panels.saving_project = false;
        if (ImGui::BeginMenu("Recent projects", !panels.prefs.recent_projects.empty())) {
            for (const auto& r : panels.prefs.recent_projects) {
                if (ImGui::MenuItem(r.c_str())) panels.startup_project = r;  // opened by draw_project_dialog
                note_item("menu/recent-project/" + r);
            }
            ImGui::EndMenu();
        } else {
            note_item("menu/Recent projects");
        }
        if (ImGui::MenuItem("Save project...")) panels.project_browser.open = true, panels.saving_project = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Reload events")) panels.reload_events = true;  // also automatic for changed files
        note_item("menu/File/Reload events");
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", shortcut_keys("quit"))) glfwSetWindowShouldClose(window, GLFW_TRUE);
        ImGui::EndMenu();
    } else {
        note_item("menu/File");
    }
    if (ImGui::BeginMenu("View")) {
        // One choice for both, as a presentation wants; the two apart below (QGIS keeps the interface's theme
        // apart from the map's style too).
        const bool all_light = panels.prefs.ui_theme == UiTheme::kLight && panels.map_theme == MapTheme::kLight;
        const bool all_dark = panels.prefs.ui_theme == UiTheme::kDark && panels.map_theme == MapTheme::kDark;
        if (ImGui::MenuItem("Light theme", nullptr, all_light))
            panels.prefs.ui_theme = UiTheme::kLight, panels.map_theme = MapTheme::kLight;
        note_item("menu/Light theme");
        if (ImGui::MenuItem("Dark theme", nullptr, all_dark))
            panels.prefs.ui_theme = UiTheme::kDark, panels.map_theme = MapTheme::kDark;
        note_item("menu/Dark theme");
        if (ImGui::BeginMenu("Panels")) {
            if (ImGui::MenuItem("Light", nullptr, panels.prefs.ui_theme == UiTheme::kLight))
                panels.prefs.ui_theme = UiTheme::kLight;
            if (ImGui::MenuItem("Dark", nullptr, panels.prefs.ui_theme == UiTheme::kDark))
                panels.prefs.ui_theme = UiTheme::kDark;
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Map style")) {
            if (ImGui::MenuItem("Light (print, reports)", nullptr, panels.map_theme == MapTheme::kLight))
                panels.map_theme = MapTheme::kLight;
            if (ImGui::MenuItem("Dark (presentations)", nullptr, panels.map_theme == MapTheme::kDark))
                panels.map_theme = MapTheme::kDark;
            ImGui::EndMenu();
        }
        ImGui::Separator();
        ImGui::MenuItem("Log", nullptr, &panels.log.open);
        ImGui::EndMenu();
    } else {
        note_item("menu/View");
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Keyboard shortcuts", shortcut_keys("help"), panels.help_open))
            panels.help_open = !panels.help_open;
        note_item("menu/Keyboard shortcuts");
        if (ImGui::MenuItem("Getting started", nullptr, panels.hint_open)) panels.hint_open = !panels.hint_open;
        ImGui::EndMenu();
    } else {
        note_item("menu/Help");
    }
    ImGui::EndMainMenuBar();
}

void handle_window_shortcuts(PanelsState& panels, const KeyPresses& pressed, GLFWwindow* window) {
    if (pressed.pressed(GLFW_KEY_O, GLFW_MOD_CONTROL)) panels.browser.open = true;
    if (pressed.pressed(GLFW_KEY_Q, GLFW_MOD_CONTROL)) glfwSetWindowShouldClose(window, GLFW_TRUE);
    toggle_help_on_keys(panels.help_open, pressed, ImGui::GetIO().WantCaptureKeyboard);
}

std::vector<std::string> draw_layer_dialog(PanelsState& panels, std::vector<std::string>& dropped) {
    std::vector<std::string> to_open = std::move(dropped);
    dropped.clear();
    if (auto chosen = draw_file_browser(panels.browser)) to_open.push_back(*chosen);
    return to_open;
}

std::optional<std::string> draw_project_dialog(PanelsState& panels) {
    panels.project_browser.title = panels.saving_project ? "Save project as (type a name, .json)" : "Open project";
    std::optional<std::string> chosen = draw_file_browser(panels.project_browser);
    if (!chosen && panels.startup_project) {
        chosen = std::exchange(panels.startup_project, std::nullopt);  // --project: opened like File > Open
        panels.saving_project = false;
    }
    return chosen;
}

void draw_feature_panel(std::optional<InspectedFeature>& inspected) {
    if (!inspected) return;
    bool keep = true;
    if (begin_section("Feature")) {
        ImGui::TextDisabled("%s", inspected->layer.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Clear")) keep = false;
        for (const auto& [field, value] : inspected->values) {
            ImGui::TextDisabled("%s", field.c_str());
            ImGui::SameLine(7 * ImGui::GetFontSize());
            ImGui::TextWrapped("%s", value.c_str());
        }
    }
    end_section();
    if (!keep) inspected.reset();
}

void draw_view_panel_and_apply(PanelsState& panels, MapScene& scene, MapView& view, MapRedraw& redraw) {
    const int map_w = map_width(view), map_h = map_height(view);
    ViewCommands commands = draw_view_panel(scene.projection, panels.preset_keys, panels.preset_labels);
    if (commands.projection) {
        const XY c = view.camera.centre();
        const auto centre = scene.projection.inverse(c);
        scene.set_projection(*commands.projection);
        const BBox box =
            centre ? BBox::of(centre->lon - 1, centre->lat - 1, centre->lon + 1, centre->lat + 1) : view.home_box;
        const double mpp = view.camera.metres_per_pixel_x();
        view.camera = camera_for(box, scene.projection, map_w, map_h);
        view.camera = Camera(view.camera.centre(), mpp, map_w, map_h);
        view.home = camera_in_map(view.home_box, scene.projection, view);
        redraw_base_map(redraw);
    }
    if (commands.preset) {
        view.camera = camera_in_map(find_view(*commands.preset)->lon_lat, scene.projection, view);
        redraw.dirty = true;
    }
}

namespace {

// The top-most visible feature at `where` (holes respected): the user layers from the top, then the base level
// drawn at this scale.
std::optional<InspectedFeature> feature_at(MapScene& scene, const Camera& camera, GeoPoint where, float pixel_scale) {
    const double tolerance = 4.0 * pixel_scale * camera.metres_per_pixel_x() / 111000.0;
    std::optional<InspectedFeature> inspected;
    auto inspect = [&](const SceneLayer& layer) {
        if (inspected || !layer.style.visible) return;
        if (auto f = pick_feature(layer.data, where, tolerance)) {
            InspectedFeature ins{layer.title, {}};
            for (size_t k = 0; k < layer.data.fields.size(); ++k)
                ins.values.push_back({layer.data.fields[k], layer.data.value(*f, int(k))});
            inspected = ins;
        }
    };
    for (auto it = scene.overlays.rbegin(); it != scene.overlays.rend(); ++it) inspect(*it);
    if (BaseLevel* level = scene.base_for(camera.metres_per_pixel_x())) inspect(level->layer);
    return inspected;
}

}  // namespace

void handle_map_pointer(GLFWwindow* window, PanelsState& panels, MapView& view, MapScene& scene) {
    if (ImGui::GetIO().WantCaptureMouse || !scene.events) return;
    double mx = 0, my = 0;
    glfwGetCursorPos(window, &mx, &my);
    int ww = 1, wh = 1;
    glfwGetWindowSize(window, &ww, &wh);
    const XY at{mx * view.fb_w / std::max(ww, 1), my * view.fb_h / std::max(wh, 1)};
    if (!on_map(view, at.x, at.y)) return;
    const XY on_camera = to_map_pixels(view, at);
    const Event* hovered = pick_event(*scene.events, scene.projection, view.camera, on_camera, 6.0f, view.pixel_scale);
    const auto bin =
        hovered ? std::nullopt : pick_point_bin(scene.events->points, view.camera, on_camera, view.pixel_scale);
    if (hovered || bin) {
        ImGui::BeginTooltip();
        if (hovered) draw_event_details(*hovered); else draw_point_bin_summary(*bin);
        ImGui::EndTooltip();
    }
    if (ImGui::IsMouseClicked(0)) view.press_x = mx, view.press_y = my;
    if (ImGui::IsMouseReleased(0) && std::hypot(mx - view.press_x, my - view.press_y) < 3) {
        if (hovered) {
            panels.pinned = hovered;
            panels.pinned_bin.reset();
        } else if (bin) {
            panels.pinned = nullptr;
            panels.pinned_bin = bin;
        } else if (auto where = scene.projection.inverse(view.camera.to_world(on_camera))) {
            // A click elsewhere inspects the top-most feature under it.
            panels.inspected = feature_at(scene, view.camera, *where, view.pixel_scale);
        }
    }
}

void draw_map_status(GLFWwindow* window, StatusInfo& status, const MapView& view, const MapScene& scene,
                     const UiRect& rect) {
    double cx = 0, cy = 0;
    glfwGetCursorPos(window, &cx, &cy);
    int ww = 1, wh = 1;
    glfwGetWindowSize(window, &ww, &wh);
    const XY at{cx * view.fb_w / std::max(ww, 1), cy * view.fb_h / std::max(wh, 1)};
    status.cursor.reset();  // only over the map
    if (on_map(view, at.x, at.y))
        status.cursor = scene.projection.inverse(view.camera.to_world(to_map_pixels(view, at)));
    const auto centre = scene.projection.inverse(view.camera.centre());
    status.metres_per_pixel =
        view.camera.metres_per_pixel_x() * (centre ? scene.projection.scale_factor_x(*centre) : 1.0);
    draw_status_bar(status, rect);
}

}  // namespace em
