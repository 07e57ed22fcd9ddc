// Where a heavy user layer's memory goes: loads a file as the window does (through the geometry cache) and
// prints, per level of detail, the bytes of its lon/lat mesh and of its projected mesh (what is uploaded: the GPU
// driver keeps a copy of that too), then the process's peak and current RSS.
// Usage: build/bench/bench_level_sizes FILE [PROJECTION]   (XDG_CACHE_HOME picks the cache)
#include <cstdio>
#include <fstream>
#include <string>

#include "app/overlay_layers.hpp"

namespace {

template <typename T>
double mib(const std::vector<T>& v) {
    return static_cast<double>(v.size() * sizeof(T)) / (1 << 20);
}

double lon_lat_mib(const em::LayerMesh& m) {
    return mib(m.fill.vertices) + mib(m.fill.indices) + mib(m.outline_points) + mib(m.outline_joins) + mib(m.points) +
           mib(m.ranges);
}

double projected_mib(const em::ProjectedMesh& m) {
    return mib(m.fill_xy) + mib(m.fill_indices) + mib(m.outline) + mib(m.points_xy);
}

double index_mib(const em::ProjectedMesh& m) { return mib(m.ranges) + mib(m.fill_pieces) + mib(m.outline_pieces); }

void print_level(const char* name, const em::LayerMesh& lon_lat, const em::ProjectedMesh& projected) {
    std::printf("%-12s %10zu %10zu %10zu %12.1f %12.1f %10.1f\n", name, lon_lat.fill.vertices.size(),
                lon_lat.fill.indices.size() / 3, lon_lat.outline_points.size(), lon_lat_mib(lon_lat),
                projected_mib(projected), index_mib(projected));
}

void print_status() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM", 0) == 0 || line.rfind("VmRSS", 0) == 0) std::printf("%s\n", line.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE [PROJECTION]\n", argv[0]);
        return 2;
    }
    const auto projection = em::Projection::from_name(argc > 2 ? argv[2] : "laea");
    if (!projection) return 2;
    const em::LayerCache cache(em::LayerCache::default_dir());
    auto layers = em::load_overlay_layers(argv[1], *projection, &cache, nullptr);
    if (!layers) {
        std::fprintf(stderr, "%s\n", layers.error().message.c_str());
        return 1;
    }
    std::printf("%-12s %10s %10s %10s %12s %12s %10s\n", "level", "vertices", "triangles", "outline", "lonlat MiB",
                "project MiB", "index MiB");
    for (const em::SceneLayer& layer : layers.value()) {
        for (const em::LayerDetail& level : layer.coarser) {
            const std::string name = std::to_string(level.tolerance_degrees);
            print_level(name.c_str(), level.mesh, level.projected);
        }
        print_level("full", layer.data.mesh, layer.projected);
    }
    print_status();
    return 0;
}
