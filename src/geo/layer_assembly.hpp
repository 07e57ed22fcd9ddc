#pragma once

// What every vector reader of em_geo shares once it has raw features in hand (GDAL's in vector_loader, the
// simdjson GeoJSON reader in geojson_reader): the source CRS, cleaning and folding of coordinates, attribute text,
// bounding boxes, geometry kinds, progress, cancellation and the warnings. Internal to em_geo.

#include <cstddef>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "geo/feature.hpp"
#include "geo/vector_loader.hpp"

class OGRCoordinateTransformation;
class OGRSpatialReference;

namespace em {

// Owns a GDAL coordinate transformation.
struct TransformDeleter {
    // Destroys it through GDAL.
    void operator()(OGRCoordinateTransformation* ct) const;
};
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

// Whether longitudes in (180, 360] are folded back to -180..180 when the layer is finished.
enum class LonFold { kNever, kAlways, kFromData };

// A layer's source CRS as eventmap uses it.
struct SourceCrs {
    std::string description;  // e.g. "EPSG:4326"
    TransformPtr to_wgs84;    // null when the source is WGS84 lon/lat already
    LonFold fold = LonFold::kNever;
};

// GDAL's last error message, or "" when there is none; without advice to set a GDAL configuration option.
std::string last_gdal_error();

// A short description of a CRS: "AUTHORITY:CODE", else its name.
std::string describe_crs(const OGRSpatialReference& srs);

// How to bring coordinates in srs to WGS84 lon/lat; an Error (naming where) when no transformation exists.
Result<SourceCrs> source_crs(const OGRSpatialReference& srs, const std::string& where);

// The error of a load stopped through LoadControl::cancel.
Error cancelled_error(const std::string& where);

// Collects one layer's features as a reader produces them, then finishes the layer the same way for every reader.
class LayerAssembly {
public:
    // total is the feature count for progress; to_wgs84 (may be null) transforms each feature as it is added.
    LayerAssembly(VectorLayer& layer, const LoadControl& control, std::size_t total,
                  OGRCoordinateTransformation* to_wgs84);

    // True when the load has been cancelled.
    bool cancelled() const;
    // Attribute text as stored: valid UTF-8, malformed bytes replaced by U+FFFD (counted for a warning).
    std::string attribute_text(std::string text);
    // Counts a feature that has no geometry at all (it is still added, without one).
    void count_null_geometry() { ++null_geometries_; }
    // Adds a feature holding raw coordinates; had_geometry: it had a non-empty geometry before cleaning.
    void add(Feature feature, bool had_geometry);
    // Folds longitudes, computes boxes and kinds, reports the end to progress and appends the warnings.
    // gdal_error: the message of a GDAL failure while reading, or "".
    void finish(const std::string& where, LonFold fold, const std::string& gdal_error);

private:
    VectorLayer& layer_;
    const LoadControl& control_;
    std::size_t total_;
    OGRCoordinateTransformation* to_wgs84_;
    std::vector<bool> had_geometry_;
    double largest_lon_ = -std::numeric_limits<double>::infinity();
    std::size_t null_geometries_ = 0, dropped_points_ = 0, failed_points_ = 0, bad_text_ = 0;
};

}  // namespace em
