#include "app/window/window_frame.hpp"

// The GL loader comes first; GLFW must not pull in its own GL header.
#include "gl/gl_api.hpp"
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <vector>

#include "app/window/window_project.hpp"
#include "app/window/window_settings.hpp"
#include "app/window/window_title.hpp"
#include "ui/help_overlay.hpp"
#include "ui/ui_theme.hpp"
#include "geo/source_policy.hpp"
#include "ui/consent_dialog.hpp"
#include "core/image.hpp"
#include "export/png_writer.hpp"
#include "render/offscreen_target.hpp"
#include "ui/inspector_panel.hpp"
#include "ui/layers_panel.hpp"
#include "ui/legend_panel.hpp"
#include "ui/timeline_panel.hpp"
#include "app/window/window_layout_panels.hpp"

namespace em {

void wait_for_events(const WindowOptions& options, const MapRedraw& redraw, const LoadingState& loading,
                     const EventState& events, const MapView& view, bool list_behind) {
    const bool driven = options.frames > 0 && options.script != "idle";
    if (driven || redraw.dirty || events.timeline.playing || !zoom_settled(view)) {
        glfwPollEvents();
    } else if (loading.finer.valid() || !loading.loads.empty()) {
        // Loading with nothing moving: ten frames a second keep the progress bar alive and leave the cores to the
        // loader (drawing flat out on llvmpipe took one of the two). Input still wakes the loop at once.
        glfwWaitEventsTimeout(0.1);
    } else {
        glfwWaitEventsTimeout(list_behind ? 0.05 : 0.5);
    }
}

void apply_script(const std::string& script, int frame, MapView& view, MapRedraw& redraw, EventState& events) {
    if (script == "pan") {
        view.camera.pan_pixels(frame % 120 < 60 ? 6.0 : -6.0, 2.0 * (frame % 40 < 20 ? 1 : -1));
        redraw.dirty = true;
    } else if (script == "sweep") {
        // Fast drags of a screen width, back and forth: the view leaves the cached base map's margin every 10 frames
        // or so, and the base map is redrawn then (the pan script stays inside the margin and never redraws it).
        view.camera.pan_pixels(frame % 60 < 30 ? 64.0 : -64.0, 0.0);
        redraw.dirty = true;
    } else if (script == "zoom") {
        // A wheel turned a notch a frame for 4 frames, in, then the view left to rest (the base map is redrawn at
        // the new scale a quarter of a second later); the next time out, and so on (2 notches in, then 2 out).
        const int step = frame % 40;
        if (step < 4) {
            const double factor = (frame / 40) % 4 < 2 ? 1.25 : 0.8;
            view.camera.zoom_at({view.camera.width() / 2.0 + 37, view.camera.height() / 2.0 - 23}, factor);
            view.last_zoom = glfwGetTime();
            redraw.dirty = true;
        }
    } else if (script == "scrub") {
        const int span = std::max(1, events.timeline.data_last.days - events.timeline.data_first.days);
        const int at = (frame * 3) % (2 * span);
        jump_to(events.timeline, Date{events.timeline.data_first.days + (at < span ? at : 2 * span - at)});
        events.overlay_stale = true;
    }
}

namespace {
// A project's window layout, applied at once so that its view is framed in the map's new area.
std::function<void(const ProjectWindowLayout&)> apply_layout_now(PanelsState& panels, MapView& view,
                                                                 const Projection& projection) {
    return [&panels, &view, &projection](const ProjectWindowLayout& layout) {
        apply_window_layout(panels, layout);
        update_layout(panels, view, projection);
    };
}
}  // namespace

void draw_file_panels(GLFWwindow* window, PanelsState& panels, LoadingState& loading, MapScene& scene,
                      const MapStyle& style, EventState& events, MapView& view, MapRedraw& redraw, WindowInput& input,
                      int samples) {
    draw_menu_bar(panels, loading, scene.projection, window);
    handle_window_shortcuts(panels, input.keys, window);
    const std::vector<std::string> to_open = draw_layer_dialog(panels, input.dropped);
    if (auto chosen = draw_project_dialog(panels)) {
        if (panels.saving_project) {
            Project doc = window_document(scene, style, view, events, panels.export_state, samples);
            doc.window = current_window_layout(panels);
            save_project_file(*chosen, doc, panels.log);
        } else {
            open_project_file(*chosen, scene, view, events, panels.filter_ui, panels.export_state, panels.map_theme,
                              loading, redraw, panels.log, apply_layout_now(panels, view, scene.projection));
        }
        panels.current_project = *chosen;  // the title names it
        push_recent(panels.prefs.recent_projects, std::filesystem::absolute(*chosen).string());
        redraw.dirty = true;
    }
    open_layer_files(to_open, loading, panels.browser, scene.projection, panels.log);
    draw_layer_choice(loading, scene.projection, panels.log);
    if (apply_finished_loads(loading, scene, redraw.base_cache, panels.log, panels.status.message)) redraw.dirty = true;
    draw_loading_panel(loading, view.fb_w);
    ask_network_consent(panels, scene, view, events, loading, redraw);
}

void ask_network_consent(PanelsState& panels, MapScene& scene, MapView& view, EventState& events,
                         LoadingState& loading, MapRedraw& redraw) {
    // Sources a layer (or a VRT inside it) wanted off this machine and the source policy refused: ask.
    for (const auto& source : take_refused_sources()) {
        if (!panels.consent) {
            panels.consent.emplace();
            panels.consent->project = panels.current_project;
        }
        auto& c = *panels.consent;
        if (std::find(c.sources.begin(), c.sources.end(), source) != c.sources.end()) continue;
        c.sources.push_back(source);
        c.addresses.push_back(source_address(source));
    }
    if (!panels.consent) return;
    const ConsentAnswer answer = draw_consent_dialog(*panels.consent);
    if (answer == ConsentAnswer::kNone) return;
    const ConsentRequest request = std::move(*panels.consent);
    panels.consent.reset();
    if (answer == ConsentAnswer::kDeny) {
        for (const auto& a : request.addresses) panels.log.info("not opened (network access not allowed): " + a);
        return;
    }
    for (const auto& s : request.sources) allow_source(s);
    for (const auto& a : request.addresses) panels.log.info("network access allowed: " + a);
    if (!request.project.empty()) {
        if (request.remember) remember_sources(request.project, request.sources, panels.log);
        open_project_file(request.project, scene, view, events, panels.filter_ui, panels.export_state, panels.map_theme,
                          loading, redraw, panels.log, apply_layout_now(panels, view, scene.projection));
    } else {
        panels.log.info("open the file again to load it");
    }
    redraw.dirty = true;
}

void draw_map_panels(PanelsState& panels, MapScene& scene, MapStyle& style, EventState& events, MapView& view,
                     MapRedraw& redraw, const KeyPresses& keys) {
    const WindowLayout& l = panels.layout;
    // The log floats over the map (it is opened from the View menu when wanted).
    ImGui::SetNextWindowPos(ImVec2(l.map.x + 16 * l.scale, l.map.bottom() - 260 * l.scale), ImGuiCond_FirstUseEver);
    draw_log_panel(panels.log);
    // The sidebar: view, layers, filters; export is appended by the frame loop (begin_sidebar again).
    if (begin_sidebar(panels, true)) {
        draw_view_panel_and_apply(panels, scene, view, redraw);
        if (draw_layers_panel(scene, style)) redraw_base_map(redraw);
        if (draw_filter_panel(events.filter, panels.filter_ui, events.choices,
                              scene.events ? scene.events->visible_count : 0, events.set.events.size()))
            events.histogram_stale = events.overlay_stale = true;
    }
    ImGui::End();
    // The legend: a card in the map's top-right corner, as tall as its content or the map allows.
    ImGui::SetNextWindowPos(ImVec2(l.legend.right(), l.legend.y), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(l.legend.w, 0), ImVec2(l.legend.w, std::max(1.0f, l.legend.h)));
    // Open at first when the map is tall enough to keep most of it in view (about 900 px at scale 1).
    ImGui::SetNextWindowCollapsed(l.map.h < 560 * l.scale, ImGuiCond_Appearing);
    draw_legend_panel(events.choices.parties);
    if (draw_timeline_panel(events.timeline, panels.timeline_ui, events.histogram, events.presence, events.days,
                            l.timeline))
        events.overlay_stale = true;
    draw_inspector(panels, events, scene, view, redraw, keys);
    draw_splitters(panels);
}

bool apply_theme_choice(const PanelsState& panels, MapStyle& style, EventState& events) {
    if (current_ui_theme() != panels.prefs.ui_theme) apply_ui_theme(panels.prefs.ui_theme);
    if (style.theme == panels.map_theme) return false;
    MapStyle next = map_style(panels.map_theme);
    next.show_graticule = style.show_graticule;
    next.show_country_labels = style.show_country_labels;
    next.show_capitals = style.show_capitals;
    next.show_capital_labels = style.show_capital_labels;
    style = next;
    events.mark_colors = style.events;
    events.overlay_stale = true;  // links and markers take the theme's colours when the overlay is rebuilt
    return true;
}

void draw_help_and_hint(PanelsState& panels) {
    draw_help_overlay(panels.help_open, panels.layout.map, panels.layout.scale);
    const WindowLayout& l = panels.layout;
    const float room = l.legend.x - l.map.x - 24 * l.scale;  // left of the legend card
    if (panels.hint_open && draw_first_use_hint(l.map, room, l.scale)) {
        panels.hint_open = false;
        panels.prefs.hint_dismissed = true;
        if (panels.keep_preferences) {
            if (auto ok = save_preferences(panels.prefs, settings_dir()); !ok)
                std::cerr << "eventmap: preferences not saved: " << ok.error().message << "\n";
        }
    }
}

void update_window_title(GLFWwindow* window, PanelsState& panels, const EventState& events) {
    std::optional<Date> date;
    if (!events.set.events.empty()) date = events.timeline.window.at;
    std::string title = window_title(panels.current_project, date);
    if (title == panels.title) return;
    glfwSetWindowTitle(window, title.c_str());
    panels.title = std::move(title);
}

std::optional<DrawStats> present_base_map(MapRenderer& renderer, MapScene& scene, const MapStyle& style,
                                          const MapView& view, MapRedraw& redraw, int samples) {
    // Only the map's area: the panels around it are not drawn over.
    DrawStats stats;
    redraw.base_cache.set_pixel_scale(view.pixel_scale);
    if (!redraw.base_cache.present(renderer, scene, style, view.camera, samples, zoom_settled(view), &stats,
                                   map_gl_x(view), map_gl_y(view)))
        return std::nullopt;
    return stats;
}

std::string base_map_detail(const DrawStats& stats, bool loading_finer) {
    char detail[160];
    std::snprintf(detail, sizeof detail, "%s | %zu triangles, %zu segments%s", stats.base_level.c_str(),
                  stats.triangles, stats.segments, loading_finer ? " | loading 1:10m..." : "");
    return detail;
}

bool write_screenshot(int width, int height, const std::string& path) {
    const Image shot = read_window_back_buffer(width, height);
    if (auto ok = write_png(shot, path); !ok) {
        std::cerr << "eventmap: " << ok.error().message << "\n";
        return false;
    }
    return true;
}

}  // namespace em
