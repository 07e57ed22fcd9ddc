#pragma once

#include <atomic>
#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/data_paths.hpp"
#include "app/window/layer_loading.hpp"
#include "core/result.hpp"
#include "geo/layer_cache.hpp"
#include "render/base_map_cache.hpp"
#include "render/map_scene.hpp"
#include "ui/file_browser.hpp"
#include "ui/layer_chooser.hpp"
#include "ui/log_panel.hpp"

namespace em {

// Base-map levels loaded on a worker thread: each with the resolution it is drawn from (metres per pixel).
using LoadedBaseLevels = std::vector<std::pair<double, Result<SceneLayer>>>;

// What is loading on worker threads while the map stays usable, what waits for it, and the on-disk cache of
// prepared layers the loads read through (declared first: it outlives the loads).
struct LoadingState {
    LayerCache cache{LayerCache::default_dir()};
    std::future<LoadedBaseLevels> coarse;                // the coarser base levels, until the map takes them
    std::future<LoadedBaseLevels> finer;                 // the 1:10m base levels; invalid once they joined
    std::vector<std::unique_ptr<BackgroundLoad>> loads;  // user layers, with progress and cancel
    std::vector<LayerChoice> layer_choices;              // multi-layer sources waiting for the user's pick
    std::map<std::string, LayerStyle> pending_styles;    // styles from an opened project, by "path\nlayer name"
                                                         // ("path\n" for a whole source)
    std::uint64_t next_load_id = 1;                      // tags each load's preview layers in the scene
    std::set<std::uint64_t> previewed;                   // loads whose preview joined the scene
    // The view's scale, kept by the frame loop (0 before the window has a view): a load keeps the level drawn there
    // ready instead of parking it (app/overlay_layers), read when its levels are projected.
    std::shared_ptr<std::atomic<double>> view_metres_per_pixel = std::make_shared<std::atomic<double>>(0.0);
};

// Starts loading a file (the named layers of it, or all) on a worker thread.
void start_load(LoadingState& loading, const std::string& path, const Projection& projection,
                std::vector<std::string> layers = {});

// True while user layers or the finer base levels are still loading.
bool still_loading(const LoadingState& loading);

// Starts loading the coarse base levels on a worker thread (loading.coarse): they are read and projected while
// the window and its GL context open, which is most of the first frame's wait on llvmpipe.
void start_base_levels(const DataPaths& data, const Projection& projection, LoadingState& loading);
// Adds the coarse base levels to the scene (started by start_base_levels, or now if it was not called; waits for
// them) and starts the 1:10m ones on a worker thread (loading.finer). A level that fails leaves its message in
// `message`.
void load_base_levels(const DataPaths& data, MapScene& scene, LoadingState& loading, std::string& message);

// Adds the finer base levels to the scene once the worker has finished (failures go to `message`). Returns
// true if they joined (the base map must be redrawn).
bool apply_finished_base_levels(LoadingState& loading, MapScene& scene, std::string& message);

// Starts loading files the user opened; a source of several layers first asks which (draw_layer_choice).
void open_layer_files(const std::vector<std::string>& paths, LoadingState& loading, FileBrowserState& browser,
                      const Projection& projection, LogState& log);

// The layer chooser of a multi-layer source; starts loading the layers picked.
void draw_layer_choice(LoadingState& loading, const Projection& projection, LogState& log);

// Finished user loads join the map (with a project's pending styles); failures go to the log and `message` and
// change nothing else. A heavy file's coarse preview joins first and is replaced, keeping the style the user
// gave it meanwhile, when the load ends (or removed if it fails). Returns true if the scene changed (a frame must
// be drawn); invalidates the base map cache when layers were added.
bool apply_finished_loads(LoadingState& loading, MapScene& scene, BaseMapCache& base_cache, LogState& log,
                          std::string& message);

// Shows a load's coarse preview: its layers join the map tagged with the load's id (and a project's pending
// style, if one waits for them).
void add_preview_layers(std::vector<SceneLayer> preview, std::uint64_t id,
                        const std::map<std::string, LayerStyle>& pending_styles, MapScene& scene, LogState& log);

// Adds one finished load's layers to the scene, each with its project style if one waits for it. A layer that was
// previewed replaces its preview in place, with the style the preview has now; if the user removed the preview
// (previewed but no longer in the scene), the layer is not added.
void add_loaded_layers(LoadedLayers& loaded, std::uint64_t id, bool previewed,
                       const std::map<std::string, LayerStyle>& pending_styles, MapScene& scene, LogState& log);

// The Loading window: one progress bar and Cancel button per user load (nothing when none is running).
void draw_loading_panel(LoadingState& loading, int window_width);

}  // namespace em
