#pragma once

#include <optional>
#include <string>

#include "core/result.hpp"
#include "geo/feature.hpp"
#include "geo/vector_loader.hpp"

namespace em {

// True when the fast GeoJSON reader may be tried on path: a name ending in .geojson or .json (any case).
bool is_geojson_path(const std::string& path);

// Reads a GeoJSON FeatureCollection with simdjson into exactly the VectorLayer that load_vector_source gives through
// GDAL's GeoJSON driver (GDAL 3.6), several times faster. nullopt when the file holds anything it does not
// reproduce exactly (a foreign CRS, feature ids, booleans, lists, dates, broken JSON, ...): then use GDAL.
std::optional<Result<VectorLayer>> read_geojson_fast(const std::string& path, const LoadControl& control = {});

}  // namespace em
