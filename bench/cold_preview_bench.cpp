// A heavy layer's cold open up to its first picture in the window (issue 18: dense10m shown at or under QGIS's
// open time): the source read, then the quick coarse preview made from it (app/overlay_preview), on this thread
// with no window beside it. The input is bench/heavy_layers.sh's dense10m.shp (the 1:10m countries densified to
// ~4.6 M vertices), looked for in $EVENTMAP_HEAVY_DIR or /tmp/eventmap-heavy; run heavy_layers.sh once to make it.
// Run: build/bench/bench_cold_preview
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

#include "app/overlay_preview.hpp"
#include "geo/vector_loader.hpp"

namespace {

std::string dense10m() {
    const char* dir = std::getenv("EVENTMAP_HEAVY_DIR");
    return std::string(dir && *dir ? dir : "/tmp/eventmap-heavy") + "/dense10m.shp";
}

// The coarsest overlay level's tolerance (app/overlay_layers: kDetailTolerances), which the preview is made at.
constexpr double kPreviewTolerance = 0.032;

void BM_ReadDense10m(benchmark::State& state) {
    if (!std::filesystem::exists(dense10m())) return state.SkipWithError(("no " + dense10m()).c_str());
    for (auto _ : state) {
        auto layers = em::load_vector_source(dense10m());
        if (!layers) return state.SkipWithError(layers.error().message.c_str());
        state.counters["vertices"] = static_cast<double>(layers->front().vertex_count());
    }
}

void BM_QuickPreviewDense10m(benchmark::State& state) {
    if (!std::filesystem::exists(dense10m())) return state.SkipWithError(("no " + dense10m()).c_str());
    auto layers = em::load_vector_source(dense10m());
    if (!layers) return state.SkipWithError(layers.error().message.c_str());
    for (auto _ : state) {
        auto preview = em::quick_preview_layers(layers.value(), kPreviewTolerance);
        state.counters["outline_points"] = static_cast<double>(preview.front().mesh.outline_points.size());
        state.counters["triangles"] = static_cast<double>(preview.front().mesh.fill.indices.size() / 3);
    }
}

}  // namespace

BENCHMARK(BM_ReadDense10m)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_QuickPreviewDense10m)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();
