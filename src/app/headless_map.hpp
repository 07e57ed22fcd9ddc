#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/data_paths.hpp"
#include "app/render_options.hpp"
#include "core/image.hpp"
#include "core/result.hpp"
#include "events/event_loader.hpp"
#include "geo/layer_cache.hpp"
#include "gl/headless_context.hpp"
#include "render/decorations.hpp"
#include "render/map_renderer.hpp"

namespace em {

// Named phase durations (ms), for --timings and benchmarks.
class PhaseTimer {
public:
    // Records the time since the previous mark under this name.
    void mark(const char* phase);
    // "context 95.1 load 90.0 ... | total 700.2"
    std::string summary() const;
    const std::vector<std::pair<const char*, double>>& phases() const { return phases_; }

private:
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
    std::vector<std::pair<const char*, double>> phases_;
};

// Draws maps without a window: one EGL context, one MapRenderer and loaded layers kept across renders, so a
// test suite or a frame sequence pays start-up once. The same MapRenderer path as the window.
class HeadlessMap {
public:
    // Creates the GL context and renderer for the data folder.
    static Result<std::unique_ptr<HeadlessMap>> create(const DataPaths& paths, bool use_cache = true,
                                                       PhaseTimer* timer = nullptr);

    // Renders the map the options describe (output and timings ignored) into an image.
    Result<Image> render(const RenderOptions& options, PhaseTimer* timer = nullptr);
    // The camera render() would use for these options.
    static Result<Camera> camera_for(const RenderOptions& options);
    // Warnings met while loading layers (each names its file).
    const std::vector<std::string>& warnings() const { return warnings_; }

private:
    HeadlessMap() = default;
    DataPaths paths_;
    std::unique_ptr<gl::HeadlessContext> context_;
    std::optional<MapRenderer> renderer_;
    LayerCache cache_{std::filesystem::path()};
    MapScene scene_;
    std::map<std::string, SceneLayer> base_by_scale_;
    std::map<std::string, std::vector<SceneLayer>> overlays_by_path_;
    std::vector<std::string> warnings_;
    bool capitals_loaded_ = false;
    PlaceTable places_;
    std::map<std::string, EventSet> events_by_key_;  // loaded events per (places, files) key

    // The decorations the options ask for.
    Decorations decorations_for(const RenderOptions& options);
    // Draws map and decorations, in tiles when the picture is larger than one GL target.
    Result<Image> draw_picture(const Camera& camera, const RenderOptions& options, const Decorations& deco,
                               PhaseTimer* timer);
    // Builds the scene's event overlay for the options (or clears it).
    Status prepare_events(const RenderOptions& options, const Projection& projection);
};

}  // namespace em
