#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "geo/feature.hpp"

namespace em {

// Progress and cancellation for long loads; both optional.
struct LoadControl {
    std::function<void(std::size_t features_done, std::size_t features_total)> progress;
    const std::atomic<bool>* cancel = nullptr;
    // Lon/lat: when set, a source may leave out features whose extent misses this box (GDAL's spatial filter; a
    // picture of part of the world then reads only that part of a heavy file). Callers still clip: features that
    // merely meet the box come whole, and readers without a filter give everything.
    std::optional<BBox> within;
    // The caller fills even-odd over all of a feature's rings (fans for the stencil) and never asks which ring is a
    // hole: GDAL may then skip sorting holes into their polygons (OGR_ORGANIZE_POLYGONS=SKIP, set for this read on
    // this thread only), which took a third of the time of reading the OSM-derived land layer.
    bool rings_unorganised = false;
};

// Reads every layer of an OGR vector source (shapefile, GeoJSON, GeoPackage, ...) into WGS84 lon/lat.
// Attribute text ends up UTF-8. A layer with no CRS is taken as WGS84 (with a warning) only when its
// coordinates are plausible lon/lat; otherwise the whole load fails with a message that says so.
Result<std::vector<VectorLayer>> load_vector_source(const std::string& path, const LoadControl& control = {});

// load_vector_source through GDAL alone, without the fast GeoJSON reader (for tests and benchmarks comparing them).
Result<std::vector<VectorLayer>> load_vector_source_with_gdal(const std::string& path, const LoadControl& control = {});

// Names of the layers in an OGR vector source.
Result<std::vector<std::string>> list_vector_layers(const std::string& path);

// Reads one named layer of a source (see load_vector_source).
Result<VectorLayer> load_vector_layer(const std::string& path, const std::string& layer_name,
                                      const LoadControl& control = {});

// Registers GDAL drivers once; safe to call from any thread. Also lifts GDAL's per-feature size limit for GeoJSON
// (OGR_GEOJSON_MAX_OBJ_SIZE=0) unless the option is already set. GDAL lives in a module opened the first time it is
// needed (geo/gdal_module.hpp): every function of this file opens it, this one included.
void ensure_gdal_registered();

}  // namespace em
