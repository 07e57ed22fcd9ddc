#pragma once

// What the program's own cache files share (prepared layers in geo/layer_cache, glyphs in render/glyph_cache):
// keys from a file's path, size and modification time, plain values written and read back in native byte order
// (a cache is local to one machine), and files replaced whole so that no reader sees half of one.

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace em {

// FNV-1a, enough to name cache files.
inline std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}

// "path|size|mtime", or empty when the file cannot be looked at.
inline std::string stamp_of(const std::filesystem::path& p) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(p, ec);
    if (ec) return "";
    const auto mtime = std::filesystem::last_write_time(p, ec);
    if (ec) return "";
    return p.string() + "|" + std::to_string(size) + "|" + std::to_string(mtime.time_since_epoch().count());
}

// Writes plain values and vectors of them in native byte order.
class CacheWriter {
public:
    explicit CacheWriter(std::FILE* f) : f_(f) {}
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
class CacheReader {
public:
    CacheReader(std::FILE* f, std::size_t size) : f_(f), left_(size) {}
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

// Writes a cache file through a temporary one renamed over it (creating its folder), streamed: a layer's entry is
// hundreds of MB and is never held whole in memory. `write` returns false when it failed; the temporary is removed
// then. Returns whether the file is there now; a failure only costs the next run time, so it is not an error.
// (A user's output goes through export's write_file_atomically: whole bytes, fsync, a one-line error.)
bool write_cache_file(const std::filesystem::path& path, const std::function<bool(std::FILE*)>& write);

}  // namespace em
