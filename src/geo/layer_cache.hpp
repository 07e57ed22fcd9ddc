#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "geo/prepared_layer.hpp"
#include "geo/vector_loader.hpp"

namespace em {

// Prepared layers of a vector source cached on disk, keyed by the source's path, size and modification time
// (and those of a shapefile's sidecar files) plus the preparation options and the cache format version.
class LayerCache {
public:
    // A cache in dir; an empty path disables caching.
    explicit LayerCache(std::filesystem::path dir) : dir_(std::move(dir)) {}

    // The default cache folder: $XDG_CACHE_HOME/eventmap, else ~/.cache/eventmap; empty if neither is known.
    static std::filesystem::path default_dir();

    // Cached layers for the source, if a valid entry exists.
    std::optional<std::vector<PreparedLayer>> load(const std::string& source, const PrepareOptions& options) const;
    // Stores layers for the source (written to a temporary file, then renamed). Returns whether the entry is
    // there now; callers may ignore a failure: a cache that cannot be written only costs time.
    bool store(const std::string& source, const PrepareOptions& options, const std::vector<PreparedLayer>& layers) const;
    // The file an entry would live in (empty if the source cannot be keyed).
    std::filesystem::path entry_path(const std::string& source, const PrepareOptions& options) const;

private:
    std::filesystem::path dir_;
};

// Loads and prepares every layer of a source, through the cache when one is given.
// Reports whether the cache was hit through from_cache (if not null).
Result<std::vector<PreparedLayer>> load_prepared_source(const std::string& path, const PrepareOptions& options,
                                                        const LayerCache* cache, bool* from_cache = nullptr,
                                                        const LoadControl& control = {});

}  // namespace em
