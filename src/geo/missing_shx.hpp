#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/result.hpp"

namespace em {

// Shapefiles whose .shx index is missing (mail and file shares often drop it). GDAL can rebuild the index
// (SHAPE_RESTORE_SHX) but writes it beside the .shp; eventmap never writes beside a user's file, so the rebuild
// happens in a temporary copy of the shapefile's other parts.

// True when `path` is a .shp file (any case) with no .shx/.SHX beside it.
bool shapefile_missing_shx(const std::string& path);

// A temporary folder holding a copy of a shapefile's .shp, .dbf, .prj and .cpg (those that exist, their names
// kept, so GDAL names the layer as it would the original), removed with everything in it when destroyed. GDAL
// writes the rebuilt .shx there.
class ShapefileCopy {
public:
    // Copies the parts of `shp`; an error names the file and says why (disk full, no temporary folder).
    static Result<ShapefileCopy> make(const std::string& shp);

    ShapefileCopy(ShapefileCopy&& other) noexcept;
    ShapefileCopy& operator=(ShapefileCopy&& other) noexcept;
    ShapefileCopy(const ShapefileCopy&) = delete;
    ShapefileCopy& operator=(const ShapefileCopy&) = delete;
    ~ShapefileCopy();

    // The copied .shp, to open instead of the user's.
    const std::string& shp() const { return shp_; }
    const std::filesystem::path& folder() const { return folder_; }

private:
    ShapefileCopy(std::filesystem::path folder, std::string shp) : folder_(std::move(folder)), shp_(std::move(shp)) {}
    std::filesystem::path folder_;
    std::string shp_;
};

// Sets a GDAL configuration option on this thread only, for the object's lifetime (CPLSetThreadLocalConfigOption),
// and puts back the thread's previous value, so nothing is left set for other loads or threads. GDAL 3.6 has no
// open option for what SHAPE_RESTORE_SHX does.
class ScopedThreadConfigOption {
public:
    ScopedThreadConfigOption(const char* key, const char* value);
    ~ScopedThreadConfigOption();
    ScopedThreadConfigOption(const ScopedThreadConfigOption&) = delete;
    ScopedThreadConfigOption& operator=(const ScopedThreadConfigOption&) = delete;

private:
    std::string key_;
    std::optional<std::string> previous_;
};

// The one-line warning given with every layer read this way, naming the file.
std::string missing_shx_warning(const std::string& shp);

// GDAL's message without its advice to set a configuration option ("Set SHAPE_RESTORE_SHX config option to YES
// ..."): a desktop user cannot act on it, and eventmap's messages never ask for one.
std::string without_config_option_advice(const std::string& gdal_message);

}  // namespace em
