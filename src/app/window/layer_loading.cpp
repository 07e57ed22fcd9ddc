#include "app/window/layer_loading.hpp"

#include <utility>

#include <sys/resource.h>
#include <unistd.h>

#include "app/overlay_layers.hpp"

namespace em {

namespace {

// How much a load's threads give way to the window's: nice values (CFS weights 110 and 526 against the window
// thread's 1024). A --layer file starts loading with the window (issue 18's cold open); on 2 cores its levels'
// simplification and tessellation on every core otherwise took the CPU the window's start-up and frames needed.
// Until its preview is out (the source read, then coarsened: app/overlay_preview), the load gives way less: both
// the window's first frame and the preview are on the way to the first picture showing the layer, and at 10 the
// preview of dense10m came up to 0.5 s after the first frame; at 3 it was there by the end of the first frame in
// 4 runs of 5, 0.06 s after it in the fifth (bench/README.md, "Session of 2026-12-06 (7)").
constexpr int kLoadNice = 10;
constexpr int kLoadNiceUntilPreview = 3;

// Sets this thread's priority (Linux: per thread; the threads it starts, the tessellation's, inherit it).
void set_load_nice(int nice) { setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), nice); }

}  // namespace

BackgroundLoad::BackgroundLoad(std::string path, const Projection& projection, const LayerCache* cache,
                               std::vector<std::string> layers,
                               std::shared_ptr<const std::atomic<double>> view_metres_per_pixel)
    : path_(std::move(path)), progress_(std::make_shared<Progress>()) {
    future_ = std::async(
        std::launch::async,
        [path = path_, projection, cache, progress = progress_, layers = std::move(layers),
         view = std::move(view_metres_per_pixel)]() -> Result<LoadedLayers> {
            set_load_nice(kLoadNiceUntilPreview);
            LoadControl control;
            control.cancel = &progress->cancel;
            control.progress = [progress](std::size_t done, std::size_t total) {
                progress->done.store(done);
                progress->total.store(total);
            };
            LoadedLayers out;
            const auto preview = [progress](std::vector<SceneLayer> layers) {
                {
                    const std::lock_guard lock(progress->preview_mutex);
                    progress->preview = std::move(layers);
                }
                set_load_nice(kLoadNice);  // called on the load's thread
            };
            // A source too small for a preview loads on at the first value: it is quick.
            auto loaded = load_overlay_layers(path, projection, cache, &out.warnings, control, layers, preview,
                                              LevelParkingAtLoad{true, 0.0, view.get()});
            if (!loaded) return loaded.error();
            if (progress->cancel.load()) return Error{path + ": loading cancelled"};
            out.layers = std::move(loaded).value();
            return out;
        });
}

BackgroundLoad::~BackgroundLoad() {
    if (future_.valid()) {
        cancel();
        future_.wait();
    }
}

bool BackgroundLoad::ready() const {
    return future_.valid() && future_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

Result<LoadedLayers> BackgroundLoad::result() { return future_.get(); }

std::optional<std::vector<SceneLayer>> BackgroundLoad::take_preview() {
    const std::lock_guard lock(progress_->preview_mutex);
    return std::exchange(progress_->preview, std::nullopt);
}

}  // namespace em
