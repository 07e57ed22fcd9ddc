#include "app/window_app.hpp"

// The GL loader comes first; GLFW must not pull in its own GL header.
#include "gl/gl_api.hpp"
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <fstream>
#include <future>
#include <iostream>
#include <map>
#include <numeric>
#include <sstream>
#include <utility>

#include "app/data_paths.hpp"
#include "app/scene_builder.hpp"
#include "app/views.hpp"
#include "export/png_writer.hpp"
#include "render/map_renderer.hpp"
#include "render/base_map_cache.hpp"
#include "app/event_state.hpp"
#include "render/event_overlay.hpp"
#include "app/picture.hpp"
#include "ui/export_panel.hpp"
#include "app/layer_loading.hpp"
#include "app/project_file.hpp"
#include "geo/picking.hpp"
#include "geo/vector_loader.hpp"
#include "export/png_writer.hpp"
#include "ui/file_browser.hpp"
#include "ui/filter_panel.hpp"
#include "ui/log_panel.hpp"
#include "ui/inspector_panel.hpp"
#include "ui/layer_chooser.hpp"
#include "ui/layers_panel.hpp"
#include "ui/legend_panel.hpp"
#include "ui/timeline_panel.hpp"
#include "ui/status_bar.hpp"
#include "ui/view_panel.hpp"
#include "app/window_frame_stats.hpp"
#include "app/window_input.hpp"
#include "app/window_settings.hpp"
#include "app/window_view.hpp"

namespace em {

namespace {

// Applies mouse and keyboard to the camera unless ImGui wants them; returns true if the camera moved.
bool handle_input(GLFWwindow* window, Camera& camera, DragState& drag, double wheel, const KeyPresses& keys,
                  const Camera& home) {
    const ImGuiIO& io = ImGui::GetIO();
    bool moved = false;
    double x = 0, y = 0;
    glfwGetCursorPos(window, &x, &y);
    int ww = 1, wh = 1, fw = 1, fh = 1;
    glfwGetWindowSize(window, &ww, &wh);
    glfwGetFramebufferSize(window, &fw, &fh);
    const double sx = static_cast<double>(fw) / ww, sy = static_cast<double>(fh) / wh;  // HiDPI
    x *= sx, y *= sy;
    if (!io.WantCaptureMouse) {
        const bool down = glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
        if (down && drag.dragging && (x != drag.last_x || y != drag.last_y)) {
            camera.pan_pixels(x - drag.last_x, y - drag.last_y);
            moved = true;
        }
        drag.dragging = down;
        if (wheel != 0) {
            camera.zoom_at({x, y}, std::pow(1.25, wheel));
            moved = true;
        }
    } else if (glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_LEFT) != GLFW_PRESS) {
        drag.dragging = false;
    }
    drag.last_x = x, drag.last_y = y;
    // Every press counts, also several within one slow frame. '+' is Shift+'=' on most layouts.
    if (!io.WantCaptureKeyboard) {
        const XY centre{camera.width() / 2.0, camera.height() / 2.0};
        const int zoom_in = keys.count(GLFW_KEY_EQUAL) + keys.count(GLFW_KEY_EQUAL, GLFW_MOD_SHIFT) +
                            keys.count(GLFW_KEY_KP_ADD);
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
    }
    if (moved) camera.clamp_scale(5.0, 200000.0);
    return moved;
}

}  // namespace

int run_window(const WindowOptions& options, const std::filesystem::path& executable) {
    const auto started = FrameStats::Clock::now();
    auto paths = find_data_paths(executable);
    if (!paths) {
        std::cerr << "eventmap: " << paths.error().message << "\n";
        return 1;
    }
    glfwSetErrorCallback([](int code, const char* text) { std::cerr << "eventmap: GLFW: " << text << "\n"; });
    if (!glfwInit()) {
        std::cerr << "eventmap: cannot open a window (no display? DISPLAY is unset or unreachable); "
                     "'eventmap render -o out.png' draws without one\n";
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(options.width, options.height, "eventmap", nullptr, nullptr);
    if (!window) {
        std::cerr << "eventmap: cannot create an OpenGL 3.3 core window\n";
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(options.frames > 0 ? 0 : 1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // the layout is saved with the settings, atomically, below
    const bool use_settings = uses_settings(options);
    std::optional<Project> settings;
    if (use_settings) settings = load_settings();
    ImGui::StyleColorsLight();
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    WindowInput input;
    std::optional<std::string> startup_project = options.project;
    std::vector<LayerChoice> layer_choices;  // multi-layer sources waiting for the user's pick
    double& wheel = input.wheel;
    collect_window_input(window, input);

    int exit_code = 0;
    {
        LayerCache cache(LayerCache::default_dir());
        MapScene scene;
        scene.projection = *Projection::from_name(options.projection);
        if (settings && !options.projection_given) {
            if (auto p = Projection::from_name(settings->view.projection)) scene.projection = *p;
        }
        std::string message;
        // The coarse levels load at once (fast); the 1:10m levels load on a worker thread while the map is usable.
        std::vector<BaseScale> background;
        for (const auto& scale : base_scales()) {
            if (scale.dataset == "10m") {
                background.push_back(scale);
                continue;
            }
            auto layer = load_base_layer(paths.value(), scale, scene.projection, &cache);
            if (!layer) {
                message = layer.error().message;
                continue;
            }
            scene.base.push_back({scale.min_metres_per_pixel, std::move(layer).value()});
        }
        const DataPaths data = paths.value();
        using Loaded = std::vector<std::pair<double, Result<SceneLayer>>>;
        std::future<Loaded> finer = std::async(std::launch::async, [data, &cache, background,
                                                                    projection = scene.projection] {
            Loaded out;
            for (const auto& scale : background)
                out.emplace_back(scale.min_metres_per_pixel, load_base_layer(data, scale, projection, &cache));
            return out;
        });
        if (auto places = load_places(paths->places().string())) {
            scene.set_capitals(places.value());
            if (!places->problems.empty()) message = places->problems.front();
        } else {
            message = places.error().message;
        }
        scene.graticule.data = make_graticule();
        scene.graticule.reproject(scene.projection);
        // User layers load on worker threads, with progress and a cancel button; the map stays usable.
        std::vector<std::unique_ptr<BackgroundLoad>> loads;
        LogState log;
        FileBrowserState browser;
        FileBrowserState project_browser;
        project_browser.extensions = {".json", ".emproj"};
        project_browser.title = "Project";
        bool saving_project = false;
        // The feature last clicked: layer title and its attributes.
        struct Inspected {
            std::string layer;
            std::vector<std::pair<std::string, std::string>> values;
        };
        std::optional<Inspected> inspected;
        // Styles from an opened project, by "path\nlayer name" ("path\n" for a whole source).
        std::map<std::string, LayerStyle> pending_styles;
        // --layer files open as if dropped on the window (a GeoPackage of several layers asks which to open).
        input.dropped.insert(input.dropped.end(), options.layers.begin(), options.layers.end());

        EventState events;
        {
            std::vector<std::string> files = options.events;
            if (files.empty()) files.push_back(paths->events().string());
            const std::string places = options.places.empty() ? paths->places().string() : options.places;
            std::optional<Date> start;
            if (options.date) start = Date::parse(*options.date);
            if (auto ok = load_event_state(events, places, files, start, options.window_days); !ok)
                message = ok.error().message;
            for (const auto& p : events.set.problems) std::cerr << "eventmap: " << p.text() << "\n";
            if (events.set.error_count() > 0)
                message = std::to_string(events.set.error_count()) + " problem(s) in the events; first: " +
                          events.set.problems.front().text();
        }
        ExportState export_state;
        TimelineUiState timeline_ui;
        FilterUiState filter_ui;
        const Event* pinned = nullptr;
        double press_x = -1, press_y = -1;

        auto renderer = MapRenderer::create(paths->font().string());
        if (!renderer) {
            std::cerr << "eventmap: " << renderer.error().message << "\n";
            exit_code = 1;
        } else {
            MapStyle style;
            int fb_w = 0, fb_h = 0;
            glfwGetFramebufferSize(window, &fb_w, &fb_h);
            BBox home_box = options.bbox ? *options.bbox : find_view(options.view)->lon_lat;
            // The view of the last session comes back unless the command line names one (Home still goes to the
            // preset).
            const BBox start_box = (settings && !options.bbox && !options.view_given && !settings->view.bbox.empty())
                                       ? settings->view.bbox
                                       : home_box;
            // The timeline and status bar cover the bottom of the window: frame views in the part above.
            const int bottom_ui = static_cast<int>(timeline_panel_height(events.presence.size())) + 25;
            Camera camera = camera_for(start_box, scene.projection, fb_w, fb_h, bottom_ui);
            Camera home = camera_for(home_box, scene.projection, fb_w, fb_h, bottom_ui);
            if (settings) apply_settings(*settings, options, events, filter_ui);
            BaseMapCache base_cache;
            bool dirty = true;         // something changed: draw a frame
            double last_zoom = -1e9;   // glfwGetTime() of the last zoom step; the cache redraws once it rests
            int target_w = 0, target_h = 0;
            DragState drag;
            std::vector<std::string> keys, labels;
            for (const auto& p : view_presets()) keys.push_back(p.key), labels.push_back(p.label);
            FrameStats stats = start_frame_stats(started);
            StatusInfo status;
            status.message = message;
            const bool scripted = options.frames > 0;
            double last_s = glfwGetTime();
            while (!glfwWindowShouldClose(window)) {
                const bool settled = glfwGetTime() - last_zoom > 0.25;
                if (options.frames > 0 || dirty || finer.valid() || events.timeline.playing || !settled ||
                    !loads.empty()) {
                    glfwPollEvents();
                } else {
                    glfwWaitEventsTimeout(0.5);
                }
                if (finer.valid() && finer.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
                    for (auto& [min_mpp, layer] : finer.get()) {
                        if (!layer) {
                            status.message = layer.error().message;
                            continue;
                        }
                        layer->ensure_projection(scene.projection);  // the projection may have changed meanwhile
                        scene.base.push_back({min_mpp, std::move(layer).value()});
                    }
                    base_cache.invalidate();
                    dirty = true;
                }
                ImGui_ImplOpenGL3_NewFrame();
                ImGui_ImplGlfw_NewFrame();
                ImGui::NewFrame();

                glfwGetFramebufferSize(window, &fb_w, &fb_h);
                if (fb_w > 0 && fb_h > 0 && (target_w != fb_w || target_h != fb_h)) {
                    target_w = fb_w, target_h = fb_h;
                    camera.resize(fb_w, fb_h);
                    base_cache.invalidate();
                    dirty = true;
                }
                const double now_s = glfwGetTime();
                if (advance(events.timeline, now_s - last_s, events.days)) events.overlay_stale = true;
                last_s = now_s;
                const KeyPresses pressed = std::exchange(input.keys, {});
                if (handle_timeline_keys(events.timeline, events.days, pressed, ImGui::GetIO().WantCaptureKeyboard))
                    events.overlay_stale = true;
                const double mpp_before = camera.metres_per_pixel_x();
                if (handle_input(window, camera, drag, wheel, pressed, home)) dirty = true;
                if (camera.metres_per_pixel_x() != mpp_before) last_zoom = glfwGetTime();
                wheel = 0;
                if (options.script == "pan") {
                    camera.pan_pixels(stats.frame % 120 < 60 ? 6.0 : -6.0, 2.0 * (stats.frame % 40 < 20 ? 1 : -1));
                    dirty = true;
                } else if (options.script == "scrub") {
                    // Drags the clock as a hand on the slider would: 3 days a frame, back and forth over the data.
                    const int span = std::max(1, events.timeline.data_last.days - events.timeline.data_first.days);
                    const int at = (stats.frame * 3) % (2 * span);
                    jump_to(events.timeline, Date{events.timeline.data_first.days + (at < span ? at : 2 * span - at)});
                    events.overlay_stale = true;
                }

                // Menu bar: open layers, the log, export.
                if (ImGui::BeginMainMenuBar()) {
                    if (ImGui::BeginMenu("File")) {
                        if (ImGui::MenuItem("Open layer...", "Ctrl+O")) browser.open = true;
                        if (ImGui::BeginMenu("Recent", !browser.recent.empty())) {
                            for (const auto& r : browser.recent)
                                if (ImGui::MenuItem(r.c_str()))
                                    loads.push_back(std::make_unique<BackgroundLoad>(r, scene.projection, &cache));
                            ImGui::EndMenu();
                        }
                        if (ImGui::MenuItem("Open project...")) project_browser.open = true, saving_project = false;
                        if (ImGui::MenuItem("Save project...")) project_browser.open = true, saving_project = true;
                        if (ImGui::MenuItem("Quit", "Ctrl+Q")) glfwSetWindowShouldClose(window, GLFW_TRUE);
                        ImGui::EndMenu();
                    }
                    if (ImGui::BeginMenu("View")) {
                        ImGui::MenuItem("Log", nullptr, &log.open);
                        ImGui::EndMenu();
                    }
                    ImGui::EndMainMenuBar();
                }
                if (pressed.pressed(GLFW_KEY_O, GLFW_MOD_CONTROL)) browser.open = true;
                if (pressed.pressed(GLFW_KEY_Q, GLFW_MOD_CONTROL)) glfwSetWindowShouldClose(window, GLFW_TRUE);
                std::vector<std::string> to_open = std::move(input.dropped);
                input.dropped.clear();
                if (auto chosen = draw_file_browser(browser)) to_open.push_back(*chosen);
                project_browser.title = saving_project ? "Save project as (type a name, .json)" : "Open project";
                std::optional<std::string> chosen = draw_file_browser(project_browser);
                if (!chosen && startup_project) {
                    chosen = std::exchange(startup_project, std::nullopt);  // --project: opened like File > Open
                    saving_project = false;
                }
                if (chosen) {
                    if (saving_project) {
                        Project p = session_project(scene, camera, events);
                        for (const auto& layer : scene.overlays)
                            p.layers.push_back({std::filesystem::absolute(layer.data.source), layer.data.name,
                                                layer.title, layer.style});
                        if (auto ok = write_project(p, *chosen); ok) {
                            log.info("saved project " + *chosen);
                        } else {
                            log.error(ok.error().message);
                        }
                    } else if (auto project = read_project(*chosen); project) {
                        for (const auto& w : project->warnings) log.info("warning: " + w);
                        scene.overlays.clear();
                        // One load per file: the project's layers of a GeoPackage by name, other files whole.
                        std::map<std::string, std::pair<bool, std::vector<std::string>>> files;  // whole?, names
                        for (const auto& layer : project->layers) {
                            auto& [whole, names] = files[layer.path.string()];
                            if (!may_hold_several_layers(layer.path.string()) || layer.layer.empty()) whole = true;
                            else names.push_back(layer.layer);
                        }
                        for (const auto& [path, what] : files)
                            loads.push_back(std::make_unique<BackgroundLoad>(
                                path, scene.projection, &cache, what.first ? std::vector<std::string>{} : what.second));
                        pending_styles.clear();
                        for (const auto& layer : project->layers)
                            pending_styles[layer.path.string() + "\n" + layer.layer] = layer.style;
                        if (auto proj = Projection::from_name(project->view.projection)) scene.set_projection(*proj);
                        if (!project->view.bbox.empty())
                            camera = camera_for(project->view.bbox, scene.projection, fb_w, fb_h, bottom_ui);
                        if (project->time.date) jump_to(events.timeline, *project->time.date);
                        events.timeline.window.mode = project->time.mode;
                        events.timeline.window.days = project->time.days;
                        events.filter = project->filters.to_event_filter();
                        events.overlay_stale = events.histogram_stale = true;
                        base_cache.invalidate();
                        log.info("opened project " + *chosen);
                    } else {
                        log.error(project.error().message);
                    }
                    dirty = true;
                }
                for (const auto& path : to_open) {
                    remember_recent(browser, path);
                    // A GeoPackage (or another source that may hold several layers) lists its layers first.
                    if (may_hold_several_layers(path)) {
                        if (auto names = list_vector_layers(path); names && names->size() > 1) {
                            log.info(path + ": " + std::to_string(names->size()) + " layers; choose which to open");
                            layer_choices.push_back({path, std::move(names).value(), {}});
                            continue;
                        }
                    }
                    log.info("opening " + path);
                    loads.push_back(std::make_unique<BackgroundLoad>(path, scene.projection, &cache));
                }
                if (auto choice = draw_layer_chooser(layer_choices)) {
                    std::vector<std::string> chosen;
                    for (std::size_t i = 0; i < choice->names.size(); ++i)
                        if (choice->chosen[i]) chosen.push_back(choice->names[i]);
                    log.info("opening " + choice->path + " (" + std::to_string(chosen.size()) + " of " +
                             std::to_string(choice->names.size()) + " layers)");
                    loads.push_back(std::make_unique<BackgroundLoad>(choice->path, scene.projection, &cache, chosen));
                }
                // Finished loads join the map; failures go to the log and change nothing else.
                for (auto it = loads.begin(); it != loads.end();) {
                    if (!(*it)->ready()) {
                        ++it;
                        continue;
                    }
                    auto result = (*it)->result();
                    if (!result) {
                        log.error(result.error().message);
                        status.message = result.error().message;
                    } else {
                        for (const auto& w : result->warnings) log.info("warning: " + w);
                        for (auto& layer : result->layers) {
                            layer.ensure_projection(scene.projection);  // the projection may have changed
                            auto style = pending_styles.find(layer.data.source + "\n" + layer.data.name);
                            if (style == pending_styles.end()) style = pending_styles.find(layer.data.source + "\n");
                            if (style != pending_styles.end())
                                layer.style = style->second;
                            log.info("added " + layer.title + " (" + std::to_string(layer.data.values.size()) +
                                     " features, " + layer.data.crs + ")");
                            scene.overlays.push_back(std::move(layer));
                        }
                        base_cache.invalidate();
                    }
                    it = loads.erase(it);
                    dirty = true;
                }
                if (!loads.empty()) {
                    ImGui::SetNextWindowPos(ImVec2(fb_w / 2.0f - 200, 40), ImGuiCond_Always);
                    ImGui::SetNextWindowSize(ImVec2(400, 0), ImGuiCond_Always);
                    ImGui::Begin("Loading", nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove);
                    for (auto& load : loads) {
                        ImGui::PushID(load.get());
                        ImGui::TextUnformatted(std::filesystem::path(load->path()).filename().string().c_str());
                        const float fraction = load->total() ? float(load->done()) / float(load->total()) : 0.0f;
                        char overlay[64];
                        std::snprintf(overlay, sizeof overlay, "%zu / %zu features", load->done(), load->total());
                        ImGui::ProgressBar(fraction, ImVec2(-70, 0), overlay);
                        ImGui::SameLine();
                        if (ImGui::Button("Cancel")) load->cancel();
                        ImGui::PopID();
                    }
                    ImGui::End();
                }
                ImGui::SetNextWindowPos(ImVec2(10, fb_h - bottom_ui - 240.0f), ImGuiCond_FirstUseEver);
                draw_log_panel(log);
                ImGui::SetNextWindowPos(ImVec2(10, 30), ImGuiCond_FirstUseEver);
                ImGui::SetNextWindowSize(ImVec2(330, 120), ImGuiCond_FirstUseEver);
                ViewCommands view = draw_view_panel(scene.projection, keys, labels);
                if (view.projection) {
                    const XY c = camera.centre();
                    const auto centre = scene.projection.inverse(c);
                    scene.set_projection(*view.projection);
                    const BBox box = centre ? BBox::of(centre->lon - 1, centre->lat - 1, centre->lon + 1,
                                                       centre->lat + 1)
                                            : home_box;
                    const double mpp = camera.metres_per_pixel_x();
                    camera = camera_for(box, scene.projection, fb_w, fb_h);
                    camera = Camera(camera.centre(), mpp, fb_w, fb_h);
                    home = camera_for(home_box, scene.projection, fb_w, fb_h, bottom_ui);
                    base_cache.invalidate();
                    dirty = true;
                }
                if (view.preset) {
                    camera = camera_for(find_view(*view.preset)->lon_lat, scene.projection, fb_w, fb_h, bottom_ui);
                    dirty = true;
                }
                ImGui::SetNextWindowPos(ImVec2(10, 160), ImGuiCond_FirstUseEver);
                ImGui::SetNextWindowSize(ImVec2(330, 360), ImGuiCond_FirstUseEver);
                ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);  // opened on demand: the map first
                if (draw_layers_panel(scene, style)) base_cache.invalidate(), dirty = true;
                ImGui::SetNextWindowPos(ImVec2(fb_w - 300.0f, 30), ImGuiCond_FirstUseEver);
                ImGui::SetNextWindowSize(ImVec2(290, 330), ImGuiCond_FirstUseEver);
                draw_legend_panel(events.choices.parties);
                ImGui::SetNextWindowPos(ImVec2(fb_w - 300.0f, 350), ImGuiCond_FirstUseEver);
                ImGui::SetNextWindowSize(ImVec2(290, 300), ImGuiCond_FirstUseEver);
                ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
                if (draw_filter_panel(events.filter, filter_ui, events.choices,
                                      scene.events ? scene.events->visible_count : 0, events.set.events.size()))
                    events.histogram_stale = events.overlay_stale = true;
                if (draw_timeline_panel(events.timeline, timeline_ui, events.histogram, events.presence, events.days))
                    events.overlay_stale = true;
                draw_inspector_panel(pinned);
                if (inspected) {
                    bool open = true;
                    ImGui::SetNextWindowSize(ImVec2(360, 0), ImGuiCond_FirstUseEver);
                    if (ImGui::Begin("Feature", &open)) {
                        ImGui::TextDisabled("%s", inspected->layer.c_str());
                        for (const auto& [field, value] : inspected->values) {
                            ImGui::TextDisabled("%s", field.c_str());
                            ImGui::SameLine(120);
                            ImGui::TextWrapped("%s", value.c_str());
                        }
                    }
                    ImGui::End();
                    if (!open) inspected.reset();
                }
                ImGui::SetNextWindowPos(ImVec2(340, 30), ImGuiCond_FirstUseEver);
                ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
                if (auto request = draw_export_panel(export_state, fb_w, fb_h, pressed)) {
                    // Framed as on screen: the window's extent fitted into the export's size.
                    Decorations deco;
                    deco.title = export_state.title;
                    deco.subtitle = export_state.subtitle;
                    if (scene.events) deco.when = window_caption(scene.events->window);
                    deco.legend = export_state.legend;
                    deco.legend_entries = legend_for(scene);
                    deco.scale_bar = export_state.scale_bar;
                    if (export_state.attribution)
                        deco.attribution = "Base map: Natural Earth (public domain). Events: each with its source. "
                                           "Projection: " + scene.projection.label();
                    for (auto& level : scene.base)
                        if (level.layer.data.values.size() < 200 && export_state.inset) {  // the 1:110m level
                            if (level.layer.highlight.empty()) scene.mark_focus(level.layer);
                            deco.inset = true;
                            deco.inset_layer = &level.layer;
                        }
                    const PictureRequest picture{Camera::fit(camera.visible(), request->width, request->height),
                                                 request->pixel_scale, options.samples, 0};
                    auto image = draw_picture(renderer.value(), scene, style, picture, deco);
                    glBindFramebuffer(GL_FRAMEBUFFER, 0);
                    if (!image) {
                        export_state.last_message = "Export failed: " + image.error().message;
                    } else if (auto ok = write_png(image.value(), request->path); !ok) {
                        export_state.last_message = "Export failed: " + ok.error().message;
                    } else {
                        export_state.last_message = "Wrote " + request->path + " (" + std::to_string(request->width) +
                                                    " x " + std::to_string(request->height) + ")";
                    }
                    status.message = export_state.last_message;
                }
                if (refresh_event_state(events, scene)) dirty = true;
                // Hover shows an event's record; a click (press and release in place) pins it.
                if (!ImGui::GetIO().WantCaptureMouse && scene.events) {
                    double mx = 0, my = 0;
                    glfwGetCursorPos(window, &mx, &my);
                    int ww2 = 1, wh2 = 1;
                    glfwGetWindowSize(window, &ww2, &wh2);
                    const XY at{mx * fb_w / std::max(ww2, 1), my * fb_h / std::max(wh2, 1)};
                    const Event* hovered = pick_event(*scene.events, scene.projection, camera, at);
                    if (hovered) {
                        ImGui::BeginTooltip();
                        draw_event_details(*hovered);
                        ImGui::EndTooltip();
                    }
                    if (ImGui::IsMouseClicked(0)) press_x = mx, press_y = my;
                    if (ImGui::IsMouseReleased(0) && std::hypot(mx - press_x, my - press_y) < 3) {
                        if (hovered) {
                            pinned = hovered;
                        } else if (auto where = scene.projection.inverse(camera.to_world(at))) {
                            // A click elsewhere inspects the top-most feature under it (holes respected).
                            const double tolerance = 4.0 * camera.metres_per_pixel_x() / 111000.0;
                            inspected.reset();
                            auto inspect = [&](const SceneLayer& layer) {
                                if (inspected || !layer.style.visible) return;
                                if (auto f = pick_feature(layer.data, *where, tolerance)) {
                                    Inspected ins{layer.title, {}};
                                    for (size_t k = 0; k < layer.data.fields.size(); ++k)
                                        ins.values.push_back({layer.data.fields[k], layer.data.value(*f, int(k))});
                                    inspected = ins;
                                }
                            };
                            for (auto it = scene.overlays.rbegin(); it != scene.overlays.rend(); ++it) inspect(*it);
                            if (BaseLevel* level = scene.base_for(camera.metres_per_pixel_x())) inspect(level->layer);
                        }
                    }
                }

                double cx = 0, cy = 0;
                glfwGetCursorPos(window, &cx, &cy);
                int ww = 1, wh = 1;
                glfwGetWindowSize(window, &ww, &wh);
                status.cursor = scene.projection.inverse(
                    camera.to_world({cx * fb_w / std::max(ww, 1), cy * fb_h / std::max(wh, 1)}));
                const auto centre = scene.projection.inverse(camera.centre());
                status.metres_per_pixel =
                    camera.metres_per_pixel_x() * (centre ? scene.projection.scale_factor_x(*centre) : 1.0);
                draw_status_bar(status);
                ImGui::Render();
                mark_phase(stats, 0, scripted);

                // The base map comes from its cache (redrawn only when out of date); events and labels are
                // drawn over it every frame.
                DrawStats drawn;
                // The timeline and status bar are opaque and span the window's width: the base map under them
                // is not copied (2 px less, so no seam can show).
                const int covered_rows = static_cast<int>(
                    (timeline_panel_height(events.presence.size()) + ImGui::GetFrameHeight() + 6 - 2) * fb_h /
                    std::max(1.0f, ImGui::GetIO().DisplaySize.y));
                if (base_cache.present(renderer.value(), scene, style, camera, options.samples,
                                       glfwGetTime() - last_zoom > 0.25, &drawn, covered_rows)) {
                    char detail[160];
                    std::snprintf(detail, sizeof detail, "%s | %zu triangles, %zu segments%s", drawn.base_level.c_str(),
                                  drawn.triangles, drawn.segments, finer.valid() ? " | loading 1:10m..." : "");
                    status.detail = detail;
                }
                mark_phase(stats, 1, scripted);
                glBindFramebuffer(GL_FRAMEBUFFER, 0);
                renderer->draw_overlays(scene, style, camera);
                mark_phase(stats, 2, scripted);
                dirty = false;
                glViewport(0, 0, fb_w, fb_h);
                ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
                mark_phase(stats, 3, scripted);
                // Scripted runs (--frames N) draw N frames once everything is loaded, then quit.
                const bool loading = !loads.empty() || finer.valid();
                if (options.frames > 0 && !loading && stats.loaded_frames + 1 == options.frames &&
                    !options.screenshot.empty()) {
                    Image shot(fb_w, fb_h);
                    glReadBuffer(GL_BACK);
                    glPixelStorei(GL_PACK_ALIGNMENT, 1);
                    glReadPixels(0, 0, fb_w, fb_h, GL_RGBA, GL_UNSIGNED_BYTE, shot.pixels.data());
                    Image flipped(fb_w, fb_h);
                    for (int y = 0; y < fb_h; ++y)
                        std::copy_n(shot.row(fb_h - 1 - y), static_cast<size_t>(fb_w) * 4, flipped.row(y));
                    if (auto ok = write_png(flipped, options.screenshot); !ok) {
                        std::cerr << "eventmap: " << ok.error().message << "\n";
                        exit_code = 1;
                    }
                }
                glfwSwapBuffers(window);
                if (options.frames > 0) glFinish();  // measure whole frames when scripted
                mark_phase(stats, 4, scripted);
                status.frame_ms = record_frame(stats, loading);
                if (options.frames > 0 && stats.loaded_frames >= options.frames) break;
            }
            if (use_settings) save_session(scene, camera, events);
            if (!options.stats.empty()) write_frame_stats(stats, options.script, fb_w, fb_h, options.stats);
        }
        if (finer.valid()) finer.wait();
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}

}  // namespace em
