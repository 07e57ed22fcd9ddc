#pragma once

#include <chrono>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/data_paths.hpp"
#include "app/event_state.hpp"
#include "app/frame_canvas.hpp"
#include "app/cli/render_options.hpp"
#include "core/image.hpp"
#include "core/result.hpp"
#include "events/event_loader.hpp"
#include "geo/layer_cache.hpp"
#include "gl/headless_context.hpp"
#include "render/decorations.hpp"
#include "render/map_renderer.hpp"
#include "scene/project.hpp"
#include "vector/draw_list.hpp"

namespace em {

// Named phase durations (ms), for --timings and benchmarks.
class PhaseTimer {
public:
    // Records the time since the previous mark under this name.
    void mark(const char* phase);
    // "context 95.1 load 90.0 ... | total 700.2"
    std::string summary() const;
    // Records a phase that ran on another thread, beside the others (listed, not added to the total).
    void add_parallel(const char* phase, double ms) { parallel_.push_back({phase, ms}); }
    const std::vector<std::pair<const char*, double>>& phases() const { return phases_; }

private:
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
    std::vector<std::pair<const char*, double>> phases_;
    std::vector<std::pair<const char*, double>> parallel_;
};

// Draws maps without a window: one EGL context, one MapRenderer and loaded layers kept across renders, so a
// test suite or a frame sequence pays start-up once. The same MapRenderer path as the window.
class HeadlessMap {
public:
    // Starts creating the GL context and renderer for the data folder on a thread of their own (Mesa loads LLVM
    // and compiles shaders for ~100 ms) while the caller goes on; the first picture loads its data meanwhile and
    // then takes the context over (a context that cannot be made is that picture's error).
    static Result<std::unique_ptr<HeadlessMap>> create(const DataPaths& paths, bool use_cache = true,
                                                       PhaseTimer* timer = nullptr);
    ~HeadlessMap();
    HeadlessMap(const HeadlessMap&) = delete;
    HeadlessMap& operator=(const HeadlessMap&) = delete;

    // Renders a document (a project) into an image of doc.output's size. The one drawing path of `eventmap
    // render`, of `render --project` and of the tests; the window's Export draws the same document through the
    // same decorations. max_tile: largest tile side (0: what GL allows), for tests.
    Result<Image> render(const Project& doc, PhaseTimer* timer = nullptr, int max_tile = 0);
    // The same picture as render(), drawn as one frame of a clip: into targets kept from the previous frame,
    // over the base map and layers drawn once (FrameCanvas). Same pixels, less work when only the clock moved.
    Result<Image> render_frame(const Project& doc, PhaseTimer* timer = nullptr, int max_tile = 0);
    // How often render_frame drew the clip's static layers (tests).
    int frame_statics_drawn() const { return canvas_ ? canvas_->statics_drawn() : 0; }
    // The same document as a vector draw list (PDF and SVG exports): the same loading, level of detail, labels
    // and decorations as render(), in the picture's pixels.
    Result<DrawList> draw_list(const Project& doc, PhaseTimer* timer = nullptr);
    // The label font's path (vector exports embed it).
    std::string font_path() const { return paths_.font().string(); }
    // Renders the map the options describe (output and timings ignored): render(document_for(options)).
    Result<Image> render(const RenderOptions& options, PhaseTimer* timer = nullptr);
    // The camera the options describe (view preset or box, projection, size).
    static Result<Camera> camera_for(const RenderOptions& options);
    // Says this map draws one picture and ends (a single `eventmap render` PNG): a heavy file the cache does not
    // hold is then read for that picture only (load_overlay_for_picture), not prepared whole for later ones.
    void set_one_picture(bool one) { one_picture_ = one; }
    // Waits for the GL side (once) and makes its context current on this thread; a picture does it after loading
    // its data. Tests that draw with GL themselves call it first.
    Status ensure_gl(PhaseTimer* timer = nullptr);
    // Warnings met while loading layers (each names its file).
    const std::vector<std::string>& warnings() const { return warnings_; }

private:
    // The GL side, made on its own thread (see create).
    struct GlParts {
        std::unique_ptr<gl::HeadlessContext> context;
        std::optional<MapRenderer> renderer;
        double context_ms = 0, shaders_ms = 0;
    };

    HeadlessMap() = default;
    DataPaths paths_;
    std::future<Result<GlParts>> gl_pending_;  // until the first picture takes the context over
    std::unique_ptr<gl::HeadlessContext> context_;
    std::optional<MapRenderer> renderer_;
    std::unique_ptr<FrameCanvas> canvas_;  // render_frame's targets (GL objects: dropped before the renderer)
    LayerCache cache_{std::filesystem::path()};
    MapScene scene_;
    std::map<std::string, SceneLayer> base_by_scale_;
    std::map<std::string, std::vector<SceneLayer>> overlays_by_path_;
    std::vector<std::string> warnings_;
    bool capitals_loaded_ = false;
    bool one_picture_ = false;
    std::map<std::string, EventState> events_by_key_;  // loaded events per (places, files) key

    // The 1:110m base layer for the locator inset, in the scene's projection (loaded once); nullptr if it fails.
    SceneLayer* inset_layer();
    // Loads what doc needs and calls draw with the scene to draw (the kept layers, where they lie), the picture's
    // camera, style and decorations.
    Status with_scene(const Project& doc, PhaseTimer* timer,
                      const std::function<void(const SceneRef&, const Camera&, const MapStyle&, const Decorations&)>& draw);
    // Builds the scene's event overlay for the document (or clears it).
    Status prepare_events(const Project& doc);
};

}  // namespace em
