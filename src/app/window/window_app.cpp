#include "app/window/window_app.hpp"

#include "app/cli/event_filter_args.hpp"

// The GL loader comes first; GLFW must not pull in its own GL header.
#include "gl/gl_api.hpp"
#define GLFW_INCLUDE_NONE
#include <cstdio>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <chrono>
#include <iostream>
#include <optional>
#include <string>
#include <utility>

#include "app/cli/command_line.hpp"
#include "app/data_paths.hpp"
#include "app/event_state.hpp"
#include "scene/project.hpp"
#include "app/views.hpp"
#include "app/window/window_export.hpp"
#include "app/window/window_frame.hpp"
#include "app/window/window_frame_stats.hpp"
#include "app/window/window_input.hpp"
#include "app/window/window_loading.hpp"
#include "app/window/window_panels.hpp"
#include "app/window/window_settings.hpp"
#include "app/window/window_view.hpp"
#include "geo/layer_cache.hpp"
#include "render/map_labels.hpp"
#include "render/map_renderer.hpp"
#include "app/window/window_layout_panels.hpp"
#include "ui/draw_list_merge.hpp"
#include "ui/panel_pictures.hpp"
#include "ui/font_texture.hpp"
#include "ui/ui_fonts.hpp"
#include "ui/ui_theme.hpp"
#include "ui/window_layout.hpp"
#include "ui/timeline_panel.hpp"
#include "render/uploaded_vertices.hpp"
#include "app/window/window_memory.hpp"

namespace em {

namespace {

// The most a frame spends drawing tiles of the base map when a redraw is spread (BaseMapCache; at least one tile
// is drawn). With the rest of a frame (events, panels: 10-15 ms at 1080p on llvmpipe) a frame that draws tiles of
// the light base map stays under the 33 ms panning target; a heavy layer's busiest tile alone takes 80-90 ms
// (land10m), which a smaller tile would cut.
constexpr double kBaseMapFrameBudgetMs = 12.0;

// The filter options of the window's command line, applied over the restored settings.
void apply_window_filter_args(const EventFilterArgs& args, EventState& events, FilterUiState& filter_ui) {
    if (!any_filter_args(args)) return;
    Project doc;
    doc.time = project_time(events.timeline.window);
    doc.filters = ProjectFilters::from(events.filter);
    apply_filter_args(args, doc.time, doc.filters);
    apply_document_clock(doc, events);
    sync_filter_ui(filter_ui, events.filter);
}


// Opens the OpenGL 3.3 core window (vsync unless scripted) and makes its context current. Says why on stderr and
// returns nullptr when it cannot.
GLFWwindow* open_window(const WindowOptions& options) {
    glfwSetErrorCallback([](int code, const char* text) { std::cerr << "eventmap: GLFW: " << text << "\n"; });
    if (!glfwInit()) {
        std::cerr << "eventmap: cannot open a window (no display? DISPLAY is unset or unreachable); "
                     "'eventmap render -o out.png' draws without one\n";
        return nullptr;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(options.width, options.height, "eventmap", nullptr, nullptr);
    if (!window) {
        std::cerr << "eventmap: cannot create an OpenGL 3.3 core window\n";
        glfwTerminate();
        return nullptr;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(options.frames > 0 ? 0 : 1);
    return window;
}

// The UI's scale: --ui-scale, else the monitor's content scale (GLFW: the ratio of the monitor's DPI to 96 on X11,
// from Xft.dpi), at least 1.
float ui_scale(GLFWwindow* window, const WindowOptions& options) {
    if (options.ui_scale > 0) return options.ui_scale;
    float sx = 1, sy = 1;
    glfwGetWindowContentScale(window, &sx, &sy);
    return std::clamp(std::max(sx, sy), 1.0f, 4.0f);
}

// The chrome's sizes (scaled with the fonts by load_ui_fonts); its colours are the theme's (ui/ui_theme).
void use_neutral_style() {
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0;
    style.FrameRounding = 3;
    style.GrabRounding = 3;
    style.WindowBorderSize = 0;
    style.WindowMinSize = ImVec2(4, 4);  // the layout sizes the fixed panels; ImGui's 32 px minimum would overflow them
    style.FramePadding = ImVec2(6, 3);
    style.ItemSpacing = ImVec2(8, 5);
    apply_ui_theme(UiTheme::kLight);
}

// Starts Dear ImGui on the window with the UI fonts at the UI scale, restoring the last session's panel layout
// when use_settings.
void start_imgui(GLFWwindow* window, bool use_settings, const WindowOptions& options, const DataPaths& paths) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // the layout is saved with the settings, atomically, by save_session
    if (use_settings) restore_panel_layout();
    use_neutral_style();
    const std::filesystem::path bold = paths.font().parent_path() / "DejaVuSans-Bold.ttf";
    if (!load_ui_fonts(paths.font().string(), bold.string(), ui_scale(window, options)))
        std::cerr << "eventmap: " << paths.font().string() << ": cannot read the UI font; using ImGui's own\n";
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
}

// Stops ImGui and closes the window (after every GL object is gone).
void close_window(GLFWwindow* window) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
}

// The open window, closed (ImGui, then GLFW) when this goes. Declared before what holds GL objects of its context
// (the panels' thumbnail), which is made before the window opens: those then go first.
struct OpenWindow {
    GLFWwindow* window = nullptr;
    OpenWindow() = default;
    OpenWindow(const OpenWindow&) = delete;
    OpenWindow& operator=(const OpenWindow&) = delete;
    ~OpenWindow() {
        if (window) close_window(window);
    }
};

// The capitals from the places file; a problem goes to `message`.
void load_capitals(MapScene& scene, const DataPaths& paths, std::string& message) {
    if (auto places = load_places(paths.places().string())) {
        scene.set_capitals(places.value());
        if (!places->problems.empty()) message = places->problems.front();
    } else {
        message = places.error().message;
    }
}

// The events (--events, else data/events.csv) and their places, the clock at --date (else the last event) with
// --window days; problems go to stderr, and the first to `message`.
void load_events(EventState& events, const WindowOptions& options, const DataPaths& paths, std::string& message) {
    std::vector<std::string> files = options.events;
    if (files.empty()) files.push_back(paths.events().string());
    const std::string places = options.places.empty() ? paths.places().string() : options.places;
    std::optional<Date> start;
    if (options.date) start = Date::parse(*options.date);
    if (auto ok = load_event_state(events, places, files, start, options.window_days); !ok)
        message = ok.error().message;
    for (const auto& p : events.set.problems) std::cerr << "eventmap: " << p.text() << "\n";
    if (events.set.error_count() > 0)
        message = std::to_string(events.set.error_count()) +
                  " problem(s) in the events; first: " + events.set.problems.front().text();
}

// The first view: the last session's unless the command line names one; Home goes to --bbox or --view. Views
// are framed in the part of the window above the timeline and status bar.
MapView start_view(GLFWwindow* window, const WindowOptions& options, const std::optional<Project>& settings,
                   const Projection& projection, const LayoutSizes& sizes) {
    MapView view;
    glfwGetFramebufferSize(window, &view.fb_w, &view.fb_h);
    // The map is drawn at the scale of the UI's fonts: at content scale 2 its lines, markers and labels are twice
    // as many pixels, as the panels' text is (exports keep their own pixel scale).
    view.pixel_scale = ui_scale(window, options);
    view.home_box = options.bbox ? *options.bbox : find_view(options.view)->lon_lat;
    const BBox start_box = (settings && !options.bbox && !options.view_given && !settings->view.bbox.empty())
                               ? settings->view.bbox
                               : view.home_box;
    // The map's area of the first frame's layout (ImGui's display size is the window's until the first frame).
    int ww = 1, wh = 1;
    glfwGetWindowSize(window, &ww, &wh);
    const WindowLayout first = compute_layout(float(ww), float(wh), sizes, current_layout_metrics());
    const float sx = float(view.fb_w) / std::max(ww, 1), sy = float(view.fb_h) / std::max(wh, 1);
    set_map_area(view, {first.map.x * sx, first.map.y * sy, first.map.w * sx, first.map.h * sy}, projection);
    // The last session's exact frame (its projection's metres), when it was saved in this projection: the lon/lat
    // box alone is larger than what was shown outside equirectangular, and the map zoomed out at every launch.
    const bool last_frame = settings && !options.bbox && !options.view_given && !options.projection_given &&
                            !settings->view.frame.empty() && settings->view.projection == projection.name();
    const BBox frame = last_frame ? settings->view.frame : projection.project_box(start_box);
    view.camera = Camera::fit(frame, map_width(view), map_height(view));
    view.frame_at_first_layout = frame;  // framed again in the first frame's own area
    return view;
}

// The preferences (panels' theme, first-use hint, recent files and projects) when this run keeps settings, the
// map's theme from the last session's settings; --theme wins for both. The first-launch hint shows until dismissed,
// never in runs without settings (scripts and tests stay stable) unless --first-use-hint asks for it.
void start_preferences(PanelsState& panels, const WindowOptions& options, const std::optional<Project>& settings,
                       bool use_settings) {
    panels.keep_preferences = use_settings;
    if (use_settings) {
        if (auto prefs = load_preferences(settings_dir())) {
            panels.prefs = std::move(prefs).value();
        } else {
            std::cerr << "eventmap: preferences not restored: " << prefs.error().message << "\n";
        }
    }
    panels.browser.recent = panels.prefs.recent_files;
    if (settings) panels.map_theme = settings->map.theme;
    if (options.theme) {
        const bool dark = *options.theme == "dark";
        panels.prefs.ui_theme = dark ? UiTheme::kDark : UiTheme::kLight;
        panels.map_theme = dark ? MapTheme::kDark : MapTheme::kLight;
    }
    panels.hint_open = options.first_use_hint || (use_settings && !panels.prefs.hint_dismissed);
}

// Draws frames until the window closes or a scripted run has drawn its frames (stats counts them). Returns the exit
// code: 1 if the screenshot could not be written.
int run_frames(GLFWwindow* window, const WindowOptions& options, MapRenderer& renderer, MapScene& scene,
               EventState& events, LoadingState& loading, PanelsState& panels, MapView& view, WindowInput& input,
               FrameStats& stats) {
    const bool scripted = options.frames > 0;
    int exit_code = 0;
    MapStyle style;
    MapRedraw redraw;
    MergedDrawData merged_draw;  // the panels drawn as one list: see ui/draw_list_merge
    PanelPainter panel_painter;  // panels unchanged for a few frames are copied: see ui/panel_pictures
    panel_painter.set_enabled(options.copy_unchanged_panels);
    // A redraw of the cached base map that takes longer is spread over frames (a heavy layer): each frame stays
    // interactive, well under issue 18's 100 ms on llvmpipe.
    redraw.base_cache.set_frame_budget_ms(kBaseMapFrameBudgetMs);
    double last_s = glfwGetTime();
    if (!options.layout_dump.empty()) ImGui::GetIO().UserData = &panels.widget_rects;  // note_item collects
    while (!glfwWindowShouldClose(window)) {
        wait_for_events(options, redraw, loading, events, view,
                        panels.layout_sizes.inspector_open && list_behind_clock(panels.events_list, events.timeline.window));
        const double woke_s = glfwGetTime();  // the frame's drawing time starts here, after the idle wait
        if (apply_finished_base_levels(loading, scene, panels.status.message)) {
            redraw_base_map(redraw);
            note_frame(stats, "1:10m base levels joined");
        }
        const int full_redraws = redraw.base_cache.full_redraws(), scrolls = redraw.base_cache.scrolls();
        ImGui_ImplOpenGL3_NewFrame();
        use_nearest_font_sampling();  // after NewFrame, which (re)creates the atlas texture
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        follow_framebuffer_size(window, view, redraw);
        if (update_layout(panels, view, scene.projection)) redraw.dirty = true;
        const double now_s = glfwGetTime();
        if (advance(events.timeline, now_s - last_s, events.days)) events.overlay_stale = true;
        last_s = now_s;
        WindowInput frame_input = std::exchange(input, {});  // what arrived since the last frame
        const KeyPresses all_keys = frame_input.keys;  // the events list reads its arrows from these
        keep_list_keys_from_map(panels, frame_input.keys);
        if (handle_timeline_keys(events.timeline, events.days, frame_input.keys, ImGui::GetIO().WantCaptureKeyboard))
            events.overlay_stale = true;
        if (handle_map_input(window, view, frame_input.wheel, frame_input.keys)) redraw.dirty = true;
        // Once its frames are drawn, a scripted run lets the view rest so that a spread redraw can finish; so it does
        // between the end of loading and the first whole picture (the frames it is measured on start after that,
        // and a zoom every 40 frames could otherwise keep a heavy layer's redraw from ever finishing).
        const bool settling = !still_loading(loading) && stats.loaded_frames == 0 && redraw.base_cache.drawing();
        if (!scripted || (stats.loaded_frames < options.frames && !settling))
            // Counted in the script's own steps, not in frames: frames the view rests in (settling) would otherwise
            // skip steps, and the zoom script drifted in or out depending on how long the load took.
            apply_script(options.script, stats.script_steps++, view, redraw, events);

        loading.view_metres_per_pixel->store(view.camera.metres_per_pixel_x());  // loads keep this scale's level
        const std::size_t loads_before = loading.loads.size(), previews_before = loading.previewed.size();
        draw_file_panels(window, panels, loading, scene, style, events, view, redraw, frame_input, options.samples);
        if (loading.previewed.size() > previews_before) note_frame(stats, "layer preview joined");
        if (loading.loads.size() < loads_before) note_frame(stats, "layer load joined");
        if (apply_theme_choice(panels, style, events)) redraw_base_map(redraw);
        draw_map_panels(panels, scene, style, events, view, redraw, all_keys);
        scene.refresh_derived();  // classes and focus countries for the styles the panels may have changed
        {
            // Export and Animation are the sidebar's last sections (appended; folded, it still answers Ctrl+S and F12, unseen).
            const bool shown = begin_sidebar(panels, false);
            if (!shown) ImGui::PushClipRect(ImVec2(0, 0), ImVec2(0, 0), false);
            draw_export_panel_and_write(panels, renderer, scene, style, view, events, frame_input.keys,
                                        options.samples);
            draw_animation_panel_and_run(panels.animation, scene, style, view, events, panels.export_state,
                                         options.samples);
            if (!shown) ImGui::PopClipRect();
            ImGui::End();
        }
        if (std::exchange(panels.reload_events, false) || event_files_changed(events, now_s)) {
            panels.pinned = nullptr;  // these point into the events about to be replaced
            panels.hovered_row = nullptr;
            panels.events_list.rows.clear();  // so do the list's rows (the layout dump reads them this frame)
            panels.events_list.stale = panels.events_list.index_stale = true;
            const Status reloaded = reload_event_state(events);
            panels.status.message = reloaded ? std::to_string(events.set.events.size()) + " events reloaded"
                                             : reloaded.error().message;
            std::cerr << "eventmap: " << panels.status.message << "\n";
        }
        if (refresh_event_state(events, scene)) redraw.dirty = true;
        handle_map_pointer(window, panels, view, scene);
        highlight_events_on_map(panels, scene, view);
        draw_help_and_hint(panels);
        update_window_title(window, panels, events);
        draw_map_status(window, panels.status, view, scene, panels.layout.status);
        if (!options.layout_dump.empty())  // the labels draw_overlays places this frame, for the dump
            panels.map_labels = layout_map_labels(scene, style, view.camera, view.pixel_scale, 1.0, renderer.font()).placed;
        write_layout_dump(panels, options.layout_dump, events, scene, view);
        ImGui::Render();
        if (scripted) {
            const ImDrawData* data = ImGui::GetDrawData();
            int commands = 0;
            for (int i = 0; i < data->CmdListsCount; ++i) commands += data->CmdLists[i]->CmdBuffer.Size;
            note_imgui_draw(stats, data->TotalVtxCount, data->TotalIdxCount, commands);
        }
        mark_phase(stats, 0, scripted);

        // The gutters between the panels show the window's background; the map is drawn only in its area.
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, view.fb_w, view.fb_h);
        const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        // The base map (and the presence tints) come from its cache; events and labels are drawn over it every frame.
        if (follow_presence_tints(redraw, scene, style)) note_frame(stats, "presence tints changed");
        if (auto drawn =
                present_base_map(renderer, scene, style, view, redraw, options.samples))
            stats.base_map = panels.status.detail = base_map_detail(*drawn, loading.finer.valid());
        // A layer on its way: the pipeline its fill is drawn with is compiled now, not in the frame it joins in.
        if (!loading.loads.empty()) redraw.base_cache.prepare_translucent_fills(renderer);
        if (redraw.base_cache.full_redraws() != full_redraws) note_frame(stats, "base map redraw started");
        if (redraw.base_cache.scrolls() != scrolls) note_frame(stats, "base map scrolled");
        if (redraw.base_cache.drawing()) note_frame(stats, "base map tiles to come");
        mark_phase(stats, 1, scripted);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glEnable(GL_SCISSOR_TEST);  // markers and labels at the area's edge stop there
        glScissor(map_gl_x(view), map_gl_y(view), view.camera.width(), view.camera.height());
        renderer.draw_overlays(scene, style, view.camera, view.pixel_scale, map_gl_x(view), map_gl_y(view),
                               TintsDrawn::kWithLayers);
        glDisable(GL_SCISSOR_TEST);
        renderer.sweep(scene);  // GPU copies of removed or reprojected layers and of old event arcs go
        // The driver has them now (render/uploaded_vertices), levels the view left are parked; what was let go
        // leaves the process.
        give_back_freed_memory(release_uploaded_vertices(scene, renderer.gpu_meshes()) +
                               park_unwanted_levels(scene, renderer.gpu_meshes(), view.camera.metres_per_pixel_x()));
        mark_phase(stats, 2, scripted);
        // Tiles of a spread redraw still to come, or a level still uploading (its stand-in drawn): another frame.
        redraw.dirty = redraw.base_cache.drawing();
        glViewport(0, 0, view.fb_w, view.fb_h);
        // Panels unchanged since the last frames are copied from their pictures (ui/panel_pictures); the map, redrawn
        // every frame, keeps them out.
        const UiRect& m = view.map_area;
        const FramebufferRect map_pixels{int(std::floor(m.x)), int(std::floor(m.y)), int(std::ceil(m.x + m.w)),
                                         int(std::ceil(m.y + m.h))};
        const PanelPainter::Painted painted = panel_painter.paint(
            *ImGui::GetDrawData(), map_pixels, {bg.x, bg.y, bg.z, 1.0f}, ImGui::GetIO().Fonts->TexID,
            [&](ImDrawData* rest) { ImGui_ImplOpenGL3_RenderDrawData(merged_draw.merge(*rest)); });
        panels.panels_copied = painted.copied;
        if (scripted) note_panels_copied(stats, painted.copied), note_panels_drawn(stats, painted.drawn);
        if (painted.captured > 0) note_frame(stats, "panels captured: " + painted.captured_names);
        mark_phase(stats, 3, scripted);

        // Scripted runs (--frames N) draw N frames once everything is loaded, then quit.
        const bool loading_now = still_loading(loading);
        // A scripted run ends on a whole picture: while tiles of the base map are still coming, it goes on.
        const bool last_frame = stats.loaded_frames + 1 >= options.frames && !redraw.base_cache.drawing();
        if (scripted && !loading_now && last_frame && !options.screenshot.empty() &&
            !write_screenshot(view.fb_w, view.fb_h, options.screenshot))
            exit_code = 1;
        glfwSwapBuffers(window);
        if (scripted) glFinish();  // measure whole frames when scripted
        mark_phase(stats, 4, scripted);
        // The first picture's tiles still coming in count as loading too: the frames a script is measured on start
        // once everything has loaded and been drawn whole, not while the base map is still being filled in.
        const bool not_whole_yet = loading_now || (stats.loaded_frames == 0 && redraw.base_cache.drawing());
        // A layer joining restarts the cached picture's redraw, spread over frames: shown in part until it is done.
        const LayerShown layer = scene.overlays.empty()      ? LayerShown::kNone
                                 : redraw.base_cache.drawing() ? LayerShown::kInPart
                                                               : LayerShown::kWhole;
        record_frame(stats, not_whole_yet, layer);
        panels.status.frame_ms = (glfwGetTime() - woke_s) * 1000.0;  // not the wait for input before it
        if (scripted && stats.loaded_frames >= options.frames && !redraw.base_cache.drawing()) break;
    }
    return exit_code;
}

// The map's projection: --projection, else the last session's, else the default.
Projection start_projection(const WindowOptions& options, const std::optional<Project>& settings) {
    if (settings && !options.projection_given) {
        if (auto p = Projection::from_name(settings->view.projection)) return *p;
    }
    return *Projection::from_name(options.projection);
}

// The panels' state before the window opens: splitter sizes and preferences when the run keeps settings.
PanelsState start_panels(const WindowOptions& options, const std::optional<Project>& settings, bool use_settings,
                         const DataPaths& paths) {
    PanelsState panels = make_panels_state(options.project);
    if (use_settings) panels.layout_sizes = load_layout_sizes();
    start_preferences(panels, options, settings, use_settings);
    panels.animation.paths = paths;  // an Animation job draws with its own HeadlessMap
    return panels;
}

// Loads the map and the events, runs the frames, then saves the session (use_settings) and writes --stats.
// Returns the exit code.
int run_map_window(GLFWwindow* window, const WindowOptions& options, const DataPaths& paths,
                   const std::optional<Project>& settings, bool use_settings, WindowInput& input,
                   FrameStats::Clock::time_point started, LoadingState& loading, PanelsState& panels,
                   const Projection& projection) {
    MapScene scene;
    scene.projection = projection;
    std::string message;
    load_base_levels(paths, scene, loading, message);
    load_capitals(scene, paths, message);
    scene.graticule.data = make_graticule();
    scene.graticule.reproject(scene.projection);
    EventState events;
    load_events(events, options, paths, message);

    int exit_code = 0;
    auto renderer = MapRenderer::create(paths.font().string(), LayerCache::default_dir());
    if (!renderer) {
        std::cerr << "eventmap: " << renderer.error().message << "\n";
        exit_code = 1;
    } else {
        MapView view = start_view(window, options, settings, scene.projection, panels.layout_sizes);
        loading.view_metres_per_pixel->store(view.camera.metres_per_pixel_x());
        if (settings) apply_settings(*settings, options, events, panels.filter_ui);
        apply_window_filter_args(options.filters, events, panels.filter_ui);  // the command line wins
        panels.status.message = message;
        FrameStats stats = start_frame_stats(started);
        exit_code = run_frames(window, options, renderer.value(), scene, events, loading, panels, view, input, stats);
        renderer.value().font().save_glyphs();  // the next start's first frame takes them from the cache
        if (use_settings) {
            save_session(scene, view.camera, events, panels.map_theme);
            save_layout_sizes(panels.layout_sizes);
            panels.prefs.recent_files = panels.browser.recent;
            if (auto ok = save_preferences(panels.prefs, settings_dir()); !ok)
                std::cerr << "eventmap: preferences not saved: " << ok.error().message << "\n";
        }
        if (!options.stats.empty()) write_frame_stats(stats, options.script, view.fb_w, view.fb_h, options.stats);
    }
    if (loading.finer.valid()) loading.finer.wait();
    return exit_code;
}

}  // namespace

int run_window(const WindowOptions& options, const std::filesystem::path& executable) {
    const auto started = FrameStats::Clock::now();
    tune_allocator_for_window();  // big arrays freed go back to the system (window_memory)
    {
        std::vector<std::string> named = options.layers;
        named.insert(named.end(), options.events.begin(), options.events.end());
        if (!options.places.empty()) named.push_back(options.places);
        apply_command_line_sources(options.allow_network, named);
    }
    auto paths = find_data_paths(executable);
    if (!paths) {
        std::cerr << "eventmap: " << paths.error().message << "\n";
        return 1;
    }
    const bool use_settings = uses_settings(options);
    const std::optional<Project> settings = use_settings ? read_settings() : std::nullopt;
    const Projection projection = start_projection(options, settings);
    OpenWindow open;  // closed last
    LoadingState loading;  // before the loads it holds: its cache outlives them
    PanelsState panels = start_panels(options, settings, use_settings, paths.value());
    // --layer files open as if dropped on the window (a GeoPackage of several layers asks which to open), but now,
    // on their worker threads, while the window, its GL context, ImGui's fonts, the base map and the events start
    // (0.9 s on llvmpipe before the first frame, which is when a dropped file would start): a heavy file's preview
    // can be ready for the first frame (issue 18, dense10m's cold open). The coarse base levels, too, are read
    // and projected while the window opens.
    open_layer_files(options.layers, loading, panels.browser, projection, panels.log);
    start_base_levels(paths.value(), projection, loading);
    GLFWwindow* window = open.window = open_window(options);
    if (!window) return 1;
    start_imgui(window, use_settings, options, paths.value());
    WindowInput input;
    collect_window_input(window, input);
    return run_map_window(window, options, paths.value(), settings, use_settings, input, started, loading, panels,
                          projection);
}

}  // namespace em
