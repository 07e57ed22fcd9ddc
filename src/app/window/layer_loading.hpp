#pragma once

#include <atomic>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "geo/layer_cache.hpp"
#include "render/scene_layer.hpp"

namespace em {

// What a finished background load gives back.
struct LoadedLayers {
    std::vector<SceneLayer> layers;
    std::vector<std::string> warnings;
};

// One vector file being read, prepared and projected on a worker thread while the map stays interactive.
// GL uploads happen later on the GL thread, when the renderer first draws the layer (GpuMeshCache). Progress counts features read.
class BackgroundLoad {
public:
    // Starts reading path (through the cache) in the projection: the named layers, or all if `layers` is empty.
    // Finer levels are parked as they are loaded, except the one drawn at the view's scale, read from
    // view_metres_per_pixel (the window's, kept up to date by its frames) when the levels are projected (none: none).
    BackgroundLoad(std::string path, const Projection& projection, const LayerCache* cache,
                   std::vector<std::string> layers = {},
                   std::shared_ptr<const std::atomic<double>> view_metres_per_pixel = nullptr);
    ~BackgroundLoad();
    BackgroundLoad(const BackgroundLoad&) = delete;
    BackgroundLoad& operator=(const BackgroundLoad&) = delete;

    const std::string& path() const { return path_; }
    // Features read so far and the layer's total (0 while unknown).
    std::size_t done() const { return progress_->done.load(); }
    std::size_t total() const { return progress_->total.load(); }
    // Asks the worker to stop; the result then is an Error saying it was cancelled.
    void cancel() { progress_->cancel.store(true); }
    // True once the worker has finished (result() will not block).
    bool ready() const;
    // The result (call once, after ready()).
    Result<LoadedLayers> result();
    // The coarse first version of a heavy file's layers (see load_overlay_layers), once: empty until the worker has
    // made it, and after it was taken.
    std::optional<std::vector<SceneLayer>> take_preview();

    std::uint64_t id = 0;  // set by the owner: tags the preview layers in the scene so the result can replace them

private:
    struct Progress {
        std::atomic<std::size_t> done{0}, total{0};
        std::atomic<bool> cancel{false};
        std::mutex preview_mutex;
        std::optional<std::vector<SceneLayer>> preview;  // guarded by preview_mutex
    };
    std::string path_;
    std::shared_ptr<Progress> progress_;
    std::future<Result<LoadedLayers>> future_;
};

}  // namespace em
