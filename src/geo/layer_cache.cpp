#include "geo/layer_cache.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "core/cache_file.hpp"

namespace em {

namespace {

constexpr char kMagic[8] = {'E', 'M', 'L', 'C', 'A', 'C', 'H', 'E'};
// 2: levels of detail leave out rings smaller than their tolerance (scene_builder).
constexpr std::uint32_t kFormatVersion = 3;  // 3: keys carry PrepareOptions::purpose (version 2 entries may be poisoned)

void write_layer(CacheWriter& w, const PreparedLayer& l) {
    w.str(l.source), w.str(l.name), w.str(l.crs);
    w.pod(static_cast<std::int32_t>(l.kind));
    w.pod(l.bbox);
    w.strs(l.fields);
    w.pod<std::uint64_t>(l.values.size());
    for (const auto& v : l.values) w.strs(v);
    w.vec(l.feature_bboxes);
    w.vec(l.label_points);
    w.strs(l.warnings);
    w.vec(l.mesh.fill.vertices), w.vec(l.mesh.fill.indices);
    w.vec(l.mesh.outline_points), w.vec(l.mesh.outline_joins);
    w.vec(l.mesh.points), w.vec(l.mesh.ranges);
    w.pod<std::uint64_t>(l.mesh.tessellation_failures);
}

bool read_layer(CacheReader& r, PreparedLayer& l) {
    std::int32_t kind = 0;
    std::uint64_t count = 0, failures = 0;
    if (!(r.str(l.source) && r.str(l.name) && r.str(l.crs) && r.pod(kind) && r.pod(l.bbox) && r.strs(l.fields) &&
          r.pod(count)))
        return false;
    if (kind < static_cast<std::int32_t>(GeometryKind::kNone) || kind > static_cast<std::int32_t>(GeometryKind::kMixed))
        return false;
    l.kind = static_cast<GeometryKind>(kind);
    // Each feature's values take at least 8 bytes (their count): a damaged count must not make us allocate.
    if (count > r.remaining() / 8) return false;
    l.values.resize(count);
    for (auto& v : l.values)
        if (!r.strs(v)) return false;
    if (!(r.vec(l.feature_bboxes) && r.vec(l.label_points) && r.strs(l.warnings) && r.vec(l.mesh.fill.vertices) &&
          r.vec(l.mesh.fill.indices) && r.vec(l.mesh.outline_points) && r.vec(l.mesh.outline_joins) &&
          r.vec(l.mesh.points) && r.vec(l.mesh.ranges) && r.pod(failures)))
        return false;
    l.mesh.tessellation_failures = failures;
    // Cheap consistency checks so a damaged entry is rejected rather than drawn.
    if (l.mesh.outline_points.size() != l.mesh.outline_joins.size()) return false;
    for (auto i : l.mesh.fill.indices)
        if (i >= l.mesh.fill.vertices.size()) return false;
    for (const auto& rg : l.mesh.ranges) {
        if (std::uint64_t{rg.first_index} + rg.index_count > l.mesh.fill.indices.size() ||
            std::uint64_t{rg.first_outline} + rg.outline_count > l.mesh.outline_points.size() ||
            std::uint64_t{rg.first_point} + rg.point_count > l.mesh.points.size())
            return false;
    }
    return l.values.size() == l.mesh.ranges.size() && l.label_points.size() == l.mesh.ranges.size();
}

}  // namespace

std::filesystem::path LayerCache::default_dir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "eventmap";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".cache" / "eventmap";
    return {};
}

std::filesystem::path LayerCache::entry_path(const std::string& source, const PrepareOptions& options) const {
    if (dir_.empty()) return {};
    std::error_code ec;
    const auto abs = std::filesystem::absolute(source, ec);
    if (ec) return {};
    std::string key = stamp_of(abs);
    if (key.empty()) return {};
    for (const char* ext : {".shx", ".dbf", ".prj", ".cpg"}) {
        auto side = abs;
        side.replace_extension(ext);
        key += "|" + stamp_of(side);
    }
    key += "|densify=" + std::to_string(options.densify_degrees) + "|simplify=" +
           std::to_string(options.simplify_degrees) + "|v" + std::to_string(kFormatVersion);
    for (const auto& layer : options.layers) key += "|layer=" + layer;
    if (!options.purpose.empty()) key += "|for=" + options.purpose;
    char name[40];
    std::snprintf(name, sizeof name, "%016llx.emc", static_cast<unsigned long long>(fnv1a(key)));
    return dir_ / name;
}

std::optional<std::vector<PreparedLayer>> LayerCache::load(const std::string& source,
                                                           const PrepareOptions& options) const {
    const auto path = entry_path(source, options);
    if (path.empty()) return std::nullopt;
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size < sizeof kMagic + 4) return std::nullopt;
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f) return std::nullopt;
    char magic[sizeof kMagic];
    if (std::fread(magic, 1, sizeof magic, f.get()) != sizeof magic || std::memcmp(magic, kMagic, sizeof kMagic) != 0)
        return std::nullopt;
    CacheReader r(f.get(), size - sizeof kMagic);
    std::uint32_t version = 0;
    std::uint64_t count = 0;
    if (!r.pod(version) || version != kFormatVersion || !r.pod(count) || count > 4096) return std::nullopt;
    std::vector<PreparedLayer> layers(count);
    for (auto& l : layers)
        if (!read_layer(r, l)) return std::nullopt;
    return layers;
}

bool LayerCache::store(const std::string& source, const PrepareOptions& options,
                       const std::vector<PreparedLayer>& layers) const {
    const auto path = entry_path(source, options);
    if (path.empty()) return false;
    // Fans for the stencil are a one-off picture's fill, of part of a source: never an entry for the whole.
    for (const auto& l : layers)
        if (l.mesh.fill_even_odd) return false;
    return write_cache_file(path, [&](std::FILE* f) {
        CacheWriter w(f);
        for (char c : kMagic) w.pod(c);
        w.pod(kFormatVersion);
        w.pod<std::uint64_t>(layers.size());
        for (const auto& l : layers) write_layer(w, l);
        return w.ok();
    });
}

Result<std::vector<PreparedLayer>> load_prepared_source(const std::string& path, const PrepareOptions& options,
                                                        const LayerCache* cache, bool* from_cache,
                                                        const LoadControl& control) {
    if (from_cache) *from_cache = false;
    if (cache) {
        if (auto hit = cache->load(path, options)) {
            if (from_cache) *from_cache = true;
            return std::move(*hit);
        }
    }
    auto raw = load_vector_source(path, control);
    if (!raw) return raw.error();
    std::vector<PreparedLayer> prepared;
    for (const auto& layer : raw.value()) prepared.push_back(prepare_layer(layer, options));
    if (cache) cache->store(path, options, prepared);
    return prepared;
}

}  // namespace em
