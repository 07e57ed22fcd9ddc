#pragma once

// GDAL's reading of vector sources (geo/vector_loader.cpp), inside GDAL's module: the program reaches these
// through GdalModule (geo/gdal_module.hpp) and the functions of geo/vector_loader.hpp, which document them.

#include <string>
#include <vector>

#include "core/result.hpp"
#include "geo/feature.hpp"
#include "geo/vector_loader.hpp"

namespace em::gdal_reader {

// Registers GDAL's drivers once, quiets GDAL's stderr, lifts the GeoJSON size limit (unless the user set one) and
// installs the source guards.
void start_gdal();

// fast_geojson: offer a .geojson/.json path to the simdjson reader first (geo/geojson_reader).
Result<std::vector<VectorLayer>> load_vector_source(const std::string& path, const LoadControl& control,
                                                    bool fast_geojson);
Result<std::vector<std::string>> list_vector_layers(const std::string& path);
Result<VectorLayer> load_vector_layer(const std::string& path, const std::string& layer_name,
                                      const LoadControl& control);

}  // namespace em::gdal_reader
