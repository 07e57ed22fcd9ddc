// Load + prepare + project of the Natural Earth countries, first time (no cache) and again (cached).
// Run: build/bench/bench_prepare [--benchmark_filter=10m]
#include <benchmark/benchmark.h>

#include <filesystem>

#include "geo/layer_cache.hpp"
#include "geo/projected_mesh.hpp"
#include "geo/vector_loader.hpp"

namespace {

std::string base_map(const std::string& scale) {
    return std::string(EVENTMAP_SOURCE_DIR) + "/data/naturalearth/ne_" + scale + "_admin0_countries.shp";
}

void report(benchmark::State& state, const em::PreparedLayer& layer) {
    state.counters["vertices_in"] = 0;
    state.counters["fill_vertices"] = static_cast<double>(layer.mesh.fill.vertices.size());
    state.counters["triangles"] = static_cast<double>(layer.mesh.fill.indices.size() / 3);
    state.counters["outline_points"] = static_cast<double>(layer.mesh.outline_points.size());
}

void BM_LoadOnly(benchmark::State& state, std::string scale) {
    for (auto _ : state) {
        auto layers = em::load_vector_source(base_map(scale));
        if (!layers) state.SkipWithError(layers.error().message.c_str());
        state.counters["vertices_in"] = static_cast<double>(layers->front().vertex_count());
    }
}

void BM_LoadPrepareCold(benchmark::State& state, std::string scale) {
    for (auto _ : state) {
        auto layers = em::load_prepared_source(base_map(scale), {}, nullptr);
        if (!layers) state.SkipWithError(layers.error().message.c_str());
        report(state, layers->front());
    }
}

void BM_PrepareOnly(benchmark::State& state, std::string scale, int threads) {
    auto layers = em::load_vector_source(base_map(scale));
    em::PrepareOptions options;
    options.threads = threads;
    for (auto _ : state) {
        auto prepared = em::prepare_layer(layers->front(), options);
        report(state, prepared);
    }
}

void BM_PrepareSimplified(benchmark::State& state, std::string scale, double tolerance) {
    auto layers = em::load_vector_source(base_map(scale));
    em::PrepareOptions options;
    options.simplify_degrees = tolerance;
    for (auto _ : state) {
        auto prepared = em::prepare_layer(layers->front(), options);
        report(state, prepared);
    }
}

void BM_LoadCached(benchmark::State& state, std::string scale) {
    const auto dir = std::filesystem::temp_directory_path() / "eventmap-bench-cache";
    em::LayerCache cache(dir);
    bool hit = false;
    (void)em::load_prepared_source(base_map(scale), {}, &cache, &hit);  // fill the cache
    for (auto _ : state) {
        auto layers = em::load_prepared_source(base_map(scale), {}, &cache, &hit);
        if (!hit) state.SkipWithError("cache missed");
        report(state, layers->front());
    }
}

void BM_Project(benchmark::State& state, std::string scale, em::ProjectionKind kind) {
    auto layers = em::load_prepared_source(base_map(scale), {}, nullptr);
    const em::Projection projection(kind);
    for (auto _ : state) {
        auto projected = em::project_mesh(layers->front().mesh, projection);
        benchmark::DoNotOptimize(projected.fill_xy.data());
    }
}

}  // namespace

BENCHMARK_CAPTURE(BM_LoadOnly, 10m, std::string("10m"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LoadPrepareCold, 10m, std::string("10m"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PrepareOnly, 10m_1thread, std::string("10m"), 1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PrepareOnly, 10m_2threads, std::string("10m"), 2)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PrepareSimplified, 10m_0_002deg, std::string("10m"), 0.002)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PrepareSimplified, 10m_0_008deg, std::string("10m"), 0.008)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LoadCached, 10m, std::string("10m"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Project, 10m_laea, std::string("10m"), em::ProjectionKind::kLambertAzimuthal)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Project, 10m_equirect, std::string("10m"), em::ProjectionKind::kEquirectangular)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LoadPrepareCold, 110m, std::string("110m"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LoadCached, 110m, std::string("110m"))->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
