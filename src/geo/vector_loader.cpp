#include "geo/vector_loader.hpp"

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <mutex>

#include "core/utf8.hpp"

namespace em {

namespace {

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

struct TransformDeleter {
    void operator()(OGRCoordinateTransformation* ct) const { OGRCoordinateTransformation::DestroyCT(ct); }
};
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

std::string last_gdal_error() {
    const char* msg = CPLGetLastErrorMsg();
    return (msg && *msg) ? std::string(msg) : std::string();
}

Result<DatasetPtr> open_dataset(const std::string& path) {
    ensure_gdal_registered();
    std::error_code ec;
    bool is_folder = false;
    if (!std::filesystem::exists(path, ec)) {
        // /vsimem/ and other virtual paths are not on disk; let GDAL judge those.
        if (path.rfind("/vsi", 0) != 0) return Error{path + ": no such file"};
    } else if (std::filesystem::is_directory(path, ec) && std::filesystem::path(path).extension() != ".gdb") {
        // A folder can be a valid OGR source (a folder of shapefiles); GDAL decides below.
        is_folder = true;
    }
    CPLErrorReset();
    GDALDataset* ds = static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds) {
        if (is_folder)
            return Error{path + ": is a folder with no vector data GDAL can read; give a file (.shp, .geojson, ...)"};
        std::string why = last_gdal_error();
        // GDAL says nothing when it cannot even read the file (no permission, an I/O error): say why, rather
        // than blame the format.
        if (why.empty() && path.rfind("/vsi", 0) != 0) {
            if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
                std::fclose(f);
            } else {
                why = std::strerror(errno);
            }
        }
        if (why.empty()) why = "not a vector format GDAL can read";
        return Error{path + ": cannot open: " + why};
    }
    return DatasetPtr(ds);
}

bool plausible_lon_lat(const OGREnvelope& e) {
    return e.MinX >= -180.5 && e.MaxX <= 360.5 && e.MinY >= -90.5 && e.MaxY <= 90.5;
}

std::string describe_crs(const OGRSpatialReference& srs) {
    const char* auth = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (auth && code) return std::string(auth) + ":" + code;
    const char* name = srs.GetName();
    return name ? name : "unnamed CRS";
}

// Reads raw coordinates of the geometry into the feature, untransformed.
void collect_geometry(const OGRGeometry* g, Feature& f) {
    if (!g || g->IsEmpty()) return;
    const auto type = wkbFlatten(g->getGeometryType());
    switch (type) {
        case wkbPoint: {
            auto* p = g->toPoint();
            f.points.push_back({p->getX(), p->getY()});
            return;
        }
        case wkbLineString:
        case wkbLinearRing: {
            auto* ls = g->toSimpleCurve();
            LineString line(ls->getNumPoints());
            for (int i = 0; i < ls->getNumPoints(); ++i) line[i] = {ls->getX(i), ls->getY(i)};
            f.lines.push_back(std::move(line));
            return;
        }
        case wkbPolygon: {
            auto* poly = g->toPolygon();
            Polygon out;
            for (const OGRLinearRing* ring : *poly) {
                Ring r(ring->getNumPoints());
                for (int i = 0; i < ring->getNumPoints(); ++i) r[i] = {ring->getX(i), ring->getY(i)};
                out.rings.push_back(std::move(r));
            }
            f.polygons.push_back(std::move(out));
            return;
        }
        case wkbMultiPoint:
        case wkbMultiLineString:
        case wkbMultiPolygon:
        case wkbGeometryCollection: {
            for (const OGRGeometry* part : *g->toGeometryCollection()) collect_geometry(part, f);
            return;
        }
        default: {
            if (g->hasCurveGeometry()) {
                std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
                collect_geometry(linear.get(), f);
            }
            return;
        }
    }
}

// Drops non-finite points and the closing duplicate of rings; returns how many points were dropped.
std::size_t clean_feature(Feature& f) {
    std::size_t dropped = 0;
    auto finite = [](const GeoPoint& p) { return std::isfinite(p.lon) && std::isfinite(p.lat); };
    auto clean = [&](std::vector<GeoPoint>& pts) {
        const auto before = pts.size();
        std::erase_if(pts, [&](const GeoPoint& p) { return !finite(p); });
        dropped += before - pts.size();
    };
    for (auto& poly : f.polygons) {
        for (auto& r : poly.rings) {
            clean(r);
            if (r.size() > 1 && r.front() == r.back()) r.pop_back();
        }
        std::erase_if(poly.rings, [](const Ring& r) { return r.size() < 3; });
    }
    std::erase_if(f.polygons, [](const Polygon& p) { return p.rings.empty(); });
    for (auto& l : f.lines) clean(l);
    std::erase_if(f.lines, [](const LineString& l) { return l.size() < 2; });
    clean(f.points);
    return dropped;
}

// Beyond any real coordinate of any CRS (the Earth's circumference is 4e10 mm). GDAL 3.6's Web Mercator to
// lon/lat shortcut wraps longitudes by adding 360 in a loop, which never ends for x = 1e193 (found by the
// vector_shp fuzzer; tests/fuzz/regressions/vector_shp keeps the file): such points are failures, not input.
constexpr double kLargestCoordinate = 1e12;

// Transforms all coordinates in place; returns the number of points that failed (those are removed).
std::size_t transform_feature(Feature& f, OGRCoordinateTransformation& ct) {
    std::size_t failed = 0;
    std::vector<double> xs, ys;
    std::vector<int> ok;
    auto run = [&](std::vector<GeoPoint>& pts) {
        const int n = static_cast<int>(pts.size());
        if (n == 0) return;
        xs.resize(n), ys.resize(n), ok.assign(n, 0);
        std::vector<bool> sane(n);
        for (int i = 0; i < n; ++i) {
            sane[i] = std::abs(pts[i].lon) <= kLargestCoordinate && std::abs(pts[i].lat) <= kLargestCoordinate;
            xs[i] = sane[i] ? pts[i].lon : 0.0, ys[i] = sane[i] ? pts[i].lat : 0.0;
        }
        ct.Transform(n, xs.data(), ys.data(), nullptr, ok.data());
        std::size_t w = 0;
        for (int i = 0; i < n; ++i) {
            if (sane[i] && ok[i] && std::isfinite(xs[i]) && std::isfinite(ys[i])) {
                pts[w++] = {xs[i], ys[i]};
            } else {
                ++failed;
            }
        }
        pts.resize(w);
    };
    for (auto& poly : f.polygons)
        for (auto& r : poly.rings) run(r);
    for (auto& l : f.lines) run(l);
    run(f.points);
    return failed;
}

// Folds longitudes in (180, 360] back to [-180, 180] when a whole layer uses 0..360, and clamps latitudes.
// A longitude beyond -360..360 even so (1e308 in a broken file) is no place on Earth: it is made NaN for
// clean_feature to drop, and counted; kept, it made the antimeridian cutting loop for ever.
std::size_t normalise_lon_lat(Feature& f, bool shift_0_360) {
    std::size_t out_of_range = 0;
    auto fix = [&](GeoPoint& p) {
        if (shift_0_360 && p.lon > 180.0) p.lon -= 360.0;
        if (std::abs(p.lon) > 360.0) p.lon = std::numeric_limits<double>::quiet_NaN(), ++out_of_range;
        p.lat = std::clamp(p.lat, -90.0, 90.0);
    };
    for (auto& poly : f.polygons)
        for (auto& r : poly.rings)
            for (auto& p : r) fix(p);
    for (auto& l : f.lines)
        for (auto& p : l) fix(p);
    for (auto& p : f.points) fix(p);
    return out_of_range;
}

// The largest longitude of a feature (before any folding); -inf when it has no point.
double largest_longitude(const Feature& f) {
    double m = -std::numeric_limits<double>::infinity();
    for (const auto& poly : f.polygons)
        for (const auto& r : poly.rings)
            for (const auto& p : r) m = std::max(m, p.lon);
    for (const auto& l : f.lines)
        for (const auto& p : l) m = std::max(m, p.lon);
    for (const auto& p : f.points) m = std::max(m, p.lon);
    return m;
}

void compute_bbox(Feature& f) {
    f.bbox = BBox{};
    for (const auto& poly : f.polygons)
        for (const auto& r : poly.rings)
            for (const auto& p : r) f.bbox.add(p.lon, p.lat);
    for (const auto& l : f.lines)
        for (const auto& p : l) f.bbox.add(p.lon, p.lat);
    for (const auto& p : f.points) f.bbox.add(p.lon, p.lat);
}

GeometryKind kind_of(const Feature& f) {
    int kinds = (!f.polygons.empty()) + (!f.lines.empty()) + (!f.points.empty());
    if (kinds == 0) return GeometryKind::kNone;
    if (kinds > 1) return GeometryKind::kMixed;
    if (!f.polygons.empty()) return GeometryKind::kPolygon;
    if (!f.lines.empty()) return GeometryKind::kLine;
    return GeometryKind::kPoint;
}

// GDAL opens a shapefile whose .dbf is missing without a word (the layer just has no fields); true in that case.
bool shapefile_without_dbf(const std::string& path) {
    std::filesystem::path p(path);
    std::string ext = p.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != ".shp") return false;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(p, ec)) return false;
    for (const char* dbf : {".dbf", ".DBF"}) {
        if (std::filesystem::exists(std::filesystem::path(p).replace_extension(dbf), ec)) return false;
    }
    return true;
}

GeometryKind merge_kind(GeometryKind a, GeometryKind b) {
    if (a == GeometryKind::kNone) return b;
    if (b == GeometryKind::kNone || a == b) return a;
    return GeometryKind::kMixed;
}

Result<VectorLayer> read_layer(const std::string& path, OGRLayer& layer, const LoadControl& control) {
    VectorLayer out;
    out.source = path;
    out.name = layer.GetName();
    const std::string where = path + " (layer " + out.name + ")";

    OGRFeatureDefn* defn = layer.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) out.fields.push_back(defn->GetFieldDefn(i)->GetNameRef());

    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

    TransformPtr ct;
    bool shift_0_360 = false;
    // Whether longitudes in 0..360 are folded is decided from the data read (the largest longitude) for WGS84
    // sources: asking GDAL for a forced extent first cost a whole extra pass over a big GeoJSON (~30 s of 84).
    bool shift_from_data = false;
    const OGRSpatialReference* src = layer.GetSpatialRef();
    OGREnvelope env;
    const bool has_extent = !src && layer.GetExtent(&env, TRUE) == OGRERR_NONE;
    if (!src) {
        if (has_extent && !plausible_lon_lat(env)) {
            char buf[256];
            std::snprintf(buf, sizeof buf, "%.6g..%.6g, %.6g..%.6g", env.MinX, env.MaxX, env.MinY, env.MaxY);
            return Error{where + ": no CRS (missing .prj?) and the coordinates (x " + std::string(buf) +
                         ") cannot be longitude/latitude; add a .prj file or reproject the data"};
        }
        out.crs = "none (taken as WGS84 lon/lat)";
        out.warnings.push_back(where + ": no CRS (missing .prj?); coordinates look like longitude/latitude, taken "
                                       "as WGS84");
        shift_0_360 = has_extent && env.MaxX > 180.0;
    } else {
        out.crs = describe_crs(*src);
        std::unique_ptr<OGRSpatialReference> source_srs(src->Clone());
        source_srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        const bool is_wgs84_geographic = source_srs->IsGeographic() && source_srs->IsSameGeogCS(&wgs84);
        if (is_wgs84_geographic) {
            shift_from_data = true;
        } else {
            CPLErrorReset();
            ct.reset(OGRCreateCoordinateTransformation(source_srs.get(), &wgs84));
            if (!ct) return Error{where + ": cannot transform from " + out.crs + " to WGS84: " + last_gdal_error()};
        }
    }

    const GIntBig total = layer.GetFeatureCount(TRUE);
    std::size_t done = 0, failed_points = 0, dropped_points = 0, bad_text = 0, null_geoms = 0, out_of_range = 0,
                lost_geoms = 0;
    double largest_lon = -std::numeric_limits<double>::infinity();
    std::vector<bool> had_geometry;
    layer.ResetReading();
    CPLErrorReset();
    while (true) {
        if (control.cancel && control.cancel->load()) return Error{where + ": loading cancelled"};
        std::unique_ptr<OGRFeature> feat(layer.GetNextFeature());
        if (!feat) break;
        Feature f;
        f.fid = feat->GetFID();
        f.values.resize(out.fields.size());
        for (size_t i = 0; i < out.fields.size(); ++i) {
            if (!feat->IsFieldSetAndNotNull(static_cast<int>(i))) continue;
            std::string text = feat->GetFieldAsString(static_cast<int>(i));
            if (!is_valid_utf8(text)) {
                ++bad_text;
                text = sanitize_utf8(text);
            }
            f.values[i] = std::move(text);
        }
        const OGRGeometry* geom = feat->GetGeometryRef();
        if (!geom) {
            ++null_geoms;
        } else {
            collect_geometry(geom, f);
        }
        dropped_points += clean_feature(f);
        if (ct) failed_points += transform_feature(f, *ct);
        if (shift_from_data) largest_lon = std::max(largest_lon, largest_longitude(f));
        had_geometry.push_back(geom && !geom->IsEmpty());
        out.features.push_back(std::move(f));
        ++done;
        if (control.progress && (done % 1024 == 0)) control.progress(done, static_cast<std::size_t>(total));
    }
    if (shift_from_data) shift_0_360 = largest_lon > 180.0;
    for (std::size_t i = 0; i < out.features.size(); ++i) {
        Feature& f = out.features[i];
        out_of_range += normalise_lon_lat(f, shift_0_360);
        clean_feature(f);
        // Had a geometry, but nothing drawable is left (a one-vertex polygon, every point dropped above).
        if (had_geometry[i] && kind_of(f) == GeometryKind::kNone) ++lost_geoms;
        compute_bbox(f);
        out.kind = merge_kind(out.kind, kind_of(f));
        out.bbox.add(f.bbox);
    }
    if (control.progress) control.progress(done, done);
    const std::string gdal_error = last_gdal_error();
    if (!gdal_error.empty() && CPLGetLastErrorType() >= CE_Failure)
        out.warnings.push_back(where + ": GDAL reported: " + gdal_error);
    if (null_geoms)
        out.warnings.push_back(where + ": " + std::to_string(null_geoms) + " feature(s) have no geometry (kept, not drawn)");
    if (lost_geoms)
        out.warnings.push_back(where + ": " + std::to_string(lost_geoms) +
                               " feature(s) have a degenerate geometry (a ring of under 3 points, a line of under 2, or "
                               "no valid coordinate): kept, not drawn");
    if (dropped_points)
        out.warnings.push_back(where + ": " + std::to_string(dropped_points) +
                               " non-finite coordinate(s) (NaN/Inf) dropped");
    if (out_of_range)
        out.warnings.push_back(where + ": " + std::to_string(out_of_range) +
                               " coordinate(s) with a longitude beyond -360..360 dropped");
    if (failed_points)
        out.warnings.push_back(where + ": " + std::to_string(failed_points) + " point(s) could not be transformed from " +
                               out.crs + " to WGS84 and were dropped");
    if (bad_text)
        out.warnings.push_back(where + ": " + std::to_string(bad_text) +
                               " attribute value(s) were not valid UTF-8 (wrong or missing .cpg?); bad bytes shown as "
                               "U+FFFD");
    if (out.features.empty()) out.warnings.push_back(where + ": layer has no features");
    if (shapefile_without_dbf(path))
        out.warnings.push_back(where + ": no .dbf file beside the .shp, so the features have no attributes");
    return out;
}

}  // namespace

void ensure_gdal_registered() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // Quiet GDAL's own stderr printing; errors are collected and reported by eventmap.
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

Result<std::vector<std::string>> list_vector_layers(const std::string& path) {
    auto ds = open_dataset(path);
    if (!ds) return ds.error();
    std::vector<std::string> names;
    for (OGRLayer* layer : ds.value()->GetLayers()) names.emplace_back(layer->GetName());
    if (names.empty()) return Error{path + ": contains no vector layers"};
    return names;
}

Result<std::vector<VectorLayer>> load_vector_source(const std::string& path, const LoadControl& control) {
    auto ds = open_dataset(path);
    if (!ds) return ds.error();
    std::vector<VectorLayer> layers;
    for (OGRLayer* layer : ds.value()->GetLayers()) {
        auto l = read_layer(path, *layer, control);
        if (!l) return l.error();
        layers.push_back(std::move(l).value());
    }
    if (layers.empty()) return Error{path + ": contains no vector layers"};
    return layers;
}

Result<VectorLayer> load_vector_layer(const std::string& path, const std::string& layer_name,
                                      const LoadControl& control) {
    auto ds = open_dataset(path);
    if (!ds) return ds.error();
    OGRLayer* layer = ds.value()->GetLayerByName(layer_name.c_str());
    if (!layer) return Error{path + ": has no layer named '" + layer_name + "'"};
    return read_layer(path, *layer, control);
}

}  // namespace em
