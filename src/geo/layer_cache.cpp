#include "geo/layer_cache.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <type_traits>

#include <unistd.h>

namespace em {

namespace {

constexpr char kMagic[8] = {'E', 'M', 'L', 'C', 'A', 'C', 'H', 'E'};
// 2: levels of detail leave out rings smaller than their tolerance (scene_builder).
constexpr std::uint32_t kFormatVersion = 3;  // 3: keys carry PrepareOptions::purpose (version 2 entries may be poisoned)

// FNV-1a, enough to name cache files.
std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}

std::string stamp_of(const std::filesystem::path& p) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(p, ec);
    if (ec) return "";
    const auto mtime = std::filesystem::last_write_time(p, ec);
    if (ec) return "";
    return p.string() + "|" + std::to_string(size) + "|" + std::to_string(mtime.time_since_epoch().count());
}

// Writes plain values and vectors of them in native byte order; the cache is local to one machine.
class Writer {
public:
    explicit Writer(std::FILE* f) : f_(f) {}
    template <typename T>
    void pod(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        ok_ = ok_ && std::fwrite(&v, sizeof v, 1, f_) == 1;
    }
    template <typename T>
    void vec(const std::vector<T>& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        pod<std::uint64_t>(v.size());
        if (!v.empty()) ok_ = ok_ && std::fwrite(v.data(), sizeof(T), v.size(), f_) == v.size();
    }
    void str(const std::string& s) {
        pod<std::uint64_t>(s.size());
        if (!s.empty()) ok_ = ok_ && std::fwrite(s.data(), 1, s.size(), f_) == s.size();
    }
    void strs(const std::vector<std::string>& v) {
        pod<std::uint64_t>(v.size());
        for (const auto& s : v) str(s);
    }
    bool ok() const { return ok_; }

private:
    std::FILE* f_;
    bool ok_ = true;
};

// Reads straight from the file into the vectors (no copy of the whole entry in memory: a big layer's entry is
// hundreds of MB, and holding it twice made the warm open's peak). Counts are checked against what is left.
class Reader {
public:
    Reader(std::FILE* f, std::size_t size) : f_(f), left_(size) {}
    template <typename T>
    bool pod(T& v) {
        return bytes(&v, sizeof v);
    }
    template <typename T>
    bool vec(std::vector<T>& v) {
        std::uint64_t n = 0;
        if (!pod(n) || n > left_ / sizeof(T)) return ok_ = false;
        v.resize(n);
        return n == 0 || bytes(v.data(), n * sizeof(T));
    }
    bool str(std::string& s) {
        std::uint64_t n = 0;
        if (!pod(n) || n > left_) return ok_ = false;
        s.resize(n);
        return n == 0 || bytes(s.data(), n);
    }
    bool strs(std::vector<std::string>& v) {
        std::uint64_t n = 0;
        if (!pod(n) || n > left_ / 8) return ok_ = false;
        v.resize(n);
        for (auto& s : v)
            if (!str(s)) return false;
        return true;
    }
    bool ok() const { return ok_; }
    std::size_t remaining() const { return left_; }

private:
    bool bytes(void* to, std::size_t n) {
        if (!ok_ || n > left_ || std::fread(to, 1, n, f_) != n) return ok_ = false;
        left_ -= n;
        return true;
    }

    std::FILE* f_;
    std::size_t left_;
    bool ok_ = true;
};

void write_layer(Writer& w, const PreparedLayer& l) {
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

bool read_layer(Reader& r, PreparedLayer& l) {
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
    Reader r(f.get(), size - sizeof kMagic);
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
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    const auto tmp = path.string() + ".tmp." + std::to_string(::getpid());
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return false;
    Writer w(f);
    for (char c : kMagic) w.pod(c);
    w.pod(kFormatVersion);
    w.pod<std::uint64_t>(layers.size());
    for (const auto& l : layers) write_layer(w, l);
    const bool ok = w.ok() && std::fflush(f) == 0;
    std::fclose(f);
    if (ok && std::rename(tmp.c_str(), path.c_str()) == 0) return true;
    std::remove(tmp.c_str());
    return false;
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
