#pragma once

// GDAL behind a module opened when a file must be read (issue 18). GDAL pulls in 113 shared libraries (poppler,
// netCDF, HDF5, PostgreSQL, Xerces, curl ...), and mapping and relocating them cost every start of eventmap-core
// tens of milliseconds, although a render from a warm cache reads no file through GDAL. So em_geo's GDAL code
// (vector_loader, layer_assembly, missing_shx, geojson_reader, the source guards) and the WKT of a world file live
// in eventmap-gdal.so, which the program opens with dlopen (core/shared_module) the first time it needs GDAL:
// load_vector_source and the other functions of geo/vector_loader.hpp, ensure_gdal_registered,
// write_world_file and version_text keep their signatures and open it behind the caller's back.
//
// The source policy's state (what the user allowed, the refusals, the per-thread counters) stays in the program
// (geo/source_policy.cpp): the module reaches it through GdalHost, and the program tells the module what to let
// through with apply_policy. Both sides are built from the same tree with the same compiler, so C++ types cross.

#include <cstddef>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "geo/feature.hpp"
#include "geo/source_policy.hpp"
#include "geo/vector_loader.hpp"

namespace em {

inline constexpr const char* kGdalModuleFile = "eventmap-gdal.so";
inline constexpr const char* kGdalModuleFactory = "eventmap_gdal_module";

// The program's source policy as the module's code calls it (see geo/source_policy.hpp for each).
struct GdalHost {
    Status (*check_source)(const std::string& path);
    SourceKind (*classify_source)(const std::string& path);
    std::string (*source_address)(const std::string& path);
    std::string (*gdal_path)(const std::string& path);
    // True when the policy allows GDAL to touch `filename`; a refusal is recorded (and counted on this thread).
    bool (*guard_allows)(const char* filename);
    std::size_t (*refusals_on_this_thread)();
    std::string (*last_refused_on_this_thread)();
};

// What eventmap-gdal.so does for the program. One object, made by the module's factory.
class GdalModule {
public:
    virtual ~GdalModule() = default;
    // Registers GDAL's drivers, quiets its stderr, lifts the GeoJSON size limit and installs the source guards,
    // which ask `host`. Called once, before anything else.
    virtual void start(const GdalHost& host) const = 0;
    // What GDAL may reach: network file systems and HTTP (network), database and web-service drivers (network or
    // databases), PROJ's grid downloads (network).
    virtual void apply_policy(bool network, bool databases) const = 0;
    virtual Result<std::vector<VectorLayer>> load_vector_source(const std::string& path, const LoadControl& control,
                                                                bool fast_geojson) const = 0;
    virtual Result<std::vector<std::string>> list_vector_layers(const std::string& path) const = 0;
    virtual Result<VectorLayer> load_vector_layer(const std::string& path, const std::string& layer_name,
                                                  const LoadControl& control) const = 0;
    // The projection given as PROJ text, as WKT (for OUT.prj and OUT.png.aux.xml).
    virtual Result<std::string> wkt_of_proj(const std::string& proj_string) const = 0;
    // GDAL's release name, e.g. "3.6.2".
    virtual std::string release_name() const = 0;
};

// The module, opened and started the first time it is asked for (thread-safe); an error naming the module and
// where it was looked for when it cannot be opened.
Result<const GdalModule*> gdal_module();

// True once gdal_module() has opened it: a render from a warm cache never does (tests/app/gdal_module_test.cpp).
bool gdal_module_opened();

}  // namespace em
