// Reading one big GeoJSON into a VectorLayer: GDAL's driver (load_vector_source_with_gdal) against the simdjson fast
// path (read_geojson_fast). The file is $EVENTMAP_BENCH_GEOJSON, by default land10m from bench/heavy_layers.sh
// (/tmp/eventmap-heavy/land10m.geojson); OGR_GEOJSON_MAX_OBJ_SIZE is set to 0 unless given, as that file needs.
// peak_rss_MiB is the process's peak so far: for each reader's own figure run one per process, e.g.
//   GLIBC_TUNABLES=glibc.malloc.hugetlb=1 build/bench/bench_geojson --benchmark_filter=Fast
// (the eventmap launcher asks for huge pages in the same way; without them page faults dominate on our VMs).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>

#include "geo/geojson_reader.hpp"
#include "geo/vector_loader.hpp"

namespace {

std::string bench_file() {
    const char* path = std::getenv("EVENTMAP_BENCH_GEOJSON");
    return path ? path : "/tmp/eventmap-heavy/land10m.geojson";
}

void report(benchmark::State& state, const em::VectorLayer& layer) {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    state.counters["features"] = static_cast<double>(layer.features.size());
    state.counters["vertices"] = static_cast<double>(layer.vertex_count());
    state.counters["peak_rss_MiB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void BM_ReadGdal(benchmark::State& state) {
    for (auto _ : state) {
        auto layers = em::load_vector_source_with_gdal(bench_file());
        if (!layers) return state.SkipWithError(layers.error().message.c_str());
        report(state, layers->front());
    }
}

void BM_ReadFast(benchmark::State& state) {
    for (auto _ : state) {
        auto layer = em::read_geojson_fast(bench_file());
        if (!layer) return state.SkipWithError("the fast reader declined the file");
        if (!layer->ok()) return state.SkipWithError(layer->error().message.c_str());
        report(state, layer->value());
    }
}

}  // namespace

int main(int argc, char** argv) {
    setenv("OGR_GEOJSON_MAX_OBJ_SIZE", "0", 0);
    benchmark::Initialize(&argc, argv);
    if (!std::filesystem::exists(bench_file())) {
        std::fprintf(stderr, "bench_geojson: %s not found (make it with bench/heavy_layers.sh)\n",
                     bench_file().c_str());
        return 0;
    }
    for (auto* b :
         {benchmark::RegisterBenchmark("ReadGdal", BM_ReadGdal), benchmark::RegisterBenchmark("ReadFast", BM_ReadFast)})
        b->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1)->Repetitions(3);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
}
