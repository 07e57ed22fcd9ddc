#include "geo/layer_assembly.hpp"

#include <cpl_error.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>

#include "core/utf8.hpp"
#include "geo/missing_shx.hpp"

namespace em {

namespace {

// Drops the closing duplicate of rings, then rings, polygons and lines with too few points left. Returns whether
// a part went (a closing duplicate repeats a point that stays: the feature's box is the same without it).
bool drop_closing_points_and_degenerate_parts(Feature& f) {
    std::size_t parts_dropped = 0;
    for (auto& poly : f.polygons) {
        for (auto& r : poly.rings)
            if (r.size() > 1 && r.front() == r.back()) r.pop_back();
        parts_dropped += std::erase_if(poly.rings, [](const Ring& r) { return r.size() < 3; });
    }
    parts_dropped += std::erase_if(f.polygons, [](const Polygon& p) { return p.rings.empty(); });
    parts_dropped += std::erase_if(f.lines, [](const LineString& l) { return l.size() < 2; });
    return parts_dropped > 0;
}

// Drops non-finite points and the closing duplicate of rings; returns how many points were dropped. largest_lon
// (if given) gets the largest longitude of the parts kept, in the same pass (a heavy file's points are read once
// fewer).
std::size_t clean_feature(Feature& f, double* largest_lon = nullptr) {
    std::size_t dropped = 0;
    auto finite = [](const GeoPoint& p) { return std::isfinite(p.lon) && std::isfinite(p.lat); };
    // min_points: fewer left and the part goes (drop_closing_points_and_degenerate_parts), its longitudes unseen.
    auto clean = [&](std::vector<GeoPoint>& pts, std::size_t min_points, bool ring) {
        bool all_finite = true;
        double largest = -std::numeric_limits<double>::infinity();
        for (const GeoPoint& p : pts) {
            all_finite = all_finite && finite(p);
            largest = std::max(largest, p.lon);
        }
        if (!all_finite) {
            const auto before = pts.size();
            std::erase_if(pts, [&](const GeoPoint& p) { return !finite(p); });
            dropped += before - pts.size();
            largest = -std::numeric_limits<double>::infinity();
            for (const GeoPoint& p : pts) largest = std::max(largest, p.lon);
        }
        const bool closed = ring && pts.size() > 1 && pts.front() == pts.back();
        if (largest_lon && pts.size() - (closed ? 1 : 0) >= min_points) *largest_lon = std::max(*largest_lon, largest);
    };
    for (auto& poly : f.polygons)
        for (auto& r : poly.rings) clean(r, 3, true);
    for (auto& l : f.lines) clean(l, 2, false);
    clean(f.points, 1, false);
    drop_closing_points_and_degenerate_parts(f);
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
// clean_feature to drop, and counted; kept, it made the antimeridian cutting loop for ever. box gets the points'
// box in the same pass (without the NaN ones).
std::size_t normalise_lon_lat(Feature& f, bool shift_0_360, BBox& box) {
    std::size_t out_of_range = 0;
    auto fix = [&](GeoPoint& p) {
        if (shift_0_360 && p.lon > 180.0) p.lon -= 360.0;
        p.lat = std::clamp(p.lat, -90.0, 90.0);
        if (std::abs(p.lon) > 360.0) {
            p.lon = std::numeric_limits<double>::quiet_NaN(), ++out_of_range;
        } else {
            box.add(p.lon, p.lat);
        }
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


GeometryKind kind_of(const Feature& f) {
    int kinds = (!f.polygons.empty()) + (!f.lines.empty()) + (!f.points.empty());
    if (kinds == 0) return GeometryKind::kNone;
    if (kinds > 1) return GeometryKind::kMixed;
    if (!f.polygons.empty()) return GeometryKind::kPolygon;
    if (!f.lines.empty()) return GeometryKind::kLine;
    return GeometryKind::kPoint;
}

GeometryKind merge_kind(GeometryKind a, GeometryKind b) {
    if (a == GeometryKind::kNone) return b;
    if (b == GeometryKind::kNone || a == b) return a;
    return GeometryKind::kMixed;
}

}  // namespace

void TransformDeleter::operator()(OGRCoordinateTransformation* ct) const { OGRCoordinateTransformation::DestroyCT(ct); }

std::string last_gdal_error() {
    // Without GDAL's advice to set a configuration option, which a desktop user cannot act on.
    const char* msg = CPLGetLastErrorMsg();
    return (msg && *msg) ? without_config_option_advice(msg) : std::string();
}

std::string describe_crs(const OGRSpatialReference& srs) {
    const char* auth = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (auth && code) return std::string(auth) + ":" + code;
    const char* name = srs.GetName();
    return name ? name : "unnamed CRS";
}

Result<SourceCrs> source_crs(const OGRSpatialReference& srs, const std::string& where) {
    SourceCrs out;
    out.description = describe_crs(srs);
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRSpatialReference> source_srs(srs.Clone());
    source_srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    // Whether longitudes in 0..360 are folded is decided from the data read (the largest longitude) for WGS84
    // sources: asking GDAL for a forced extent first cost a whole extra pass over a big GeoJSON (~30 s of 84).
    if (source_srs->IsGeographic() && source_srs->IsSameGeogCS(&wgs84)) {
        out.fold = LonFold::kFromData;
        return out;
    }
    CPLErrorReset();
    out.to_wgs84.reset(OGRCreateCoordinateTransformation(source_srs.get(), &wgs84));
    if (!out.to_wgs84)
        return Error{where + ": cannot transform from " + out.description + " to WGS84: " + last_gdal_error()};
    return out;
}

Error cancelled_error(const std::string& where) { return Error{where + ": loading cancelled"}; }

LayerAssembly::LayerAssembly(VectorLayer& layer, const LoadControl& control, std::size_t total,
                             OGRCoordinateTransformation* to_wgs84)
    : layer_(layer), control_(control), total_(total), to_wgs84_(to_wgs84) {}

bool LayerAssembly::cancelled() const { return control_.cancel && control_.cancel->load(); }

std::string LayerAssembly::attribute_text(std::string text) {
    if (is_valid_utf8(text)) return text;
    ++bad_text_;
    return sanitize_utf8(text);
}

void LayerAssembly::add(Feature feature, bool had_geometry) {
    if (to_wgs84_) {
        dropped_points_ += clean_feature(feature);
        failed_points_ += transform_feature(feature, *to_wgs84_);
        largest_lon_ = std::max(largest_lon_, largest_longitude(feature));
    } else {
        dropped_points_ += clean_feature(feature, &largest_lon_);
    }
    had_geometry_.push_back(had_geometry);
    layer_.features.push_back(std::move(feature));
    const std::size_t done = layer_.features.size();
    if (control_.progress && (done % 1024 == 0)) control_.progress(done, total_);
}

void LayerAssembly::finish(const std::string& where, LonFold fold, const std::string& gdal_error) {
    const bool shift_0_360 = fold == LonFold::kAlways || (fold == LonFold::kFromData && largest_lon_ > 180.0);
    std::size_t out_of_range = 0, lost_geoms = 0;
    for (std::size_t i = 0; i < layer_.features.size(); ++i) {
        Feature& f = layer_.features[i];
        BBox box;
        const std::size_t out_of_range_here = normalise_lon_lat(f, shift_0_360, box);
        out_of_range += out_of_range_here;
        // Points made NaN go; otherwise every point is finite already (add), and only a ring's ends may have
        // become equal (folded or clamped). The box stands unless a part went.
        bool box_stands = false;
        if (out_of_range_here) {
            clean_feature(f);
        } else {
            box_stands = !drop_closing_points_and_degenerate_parts(f);
        }
        // Had a geometry, but nothing drawable is left (a one-vertex polygon, every point dropped above).
        if (had_geometry_[i] && kind_of(f) == GeometryKind::kNone) ++lost_geoms;
        if (box_stands) {
            f.bbox = box;
        } else {
            f.update_bbox();
        }
        layer_.kind = merge_kind(layer_.kind, kind_of(f));
        layer_.bbox.add(f.bbox);
    }
    const std::size_t done = layer_.features.size();
    if (control_.progress) control_.progress(done, done);
    auto& warnings = layer_.warnings;
    if (!gdal_error.empty()) warnings.push_back(where + ": GDAL reported: " + gdal_error);
    if (null_geometries_)
        warnings.push_back(where + ": " + std::to_string(null_geometries_) +
                           " feature(s) have no geometry (kept, not drawn)");
    if (lost_geoms)
        warnings.push_back(where + ": " + std::to_string(lost_geoms) +
                           " feature(s) have a degenerate geometry (a ring of under 3 points, a line of under 2, or "
                           "no valid coordinate): kept, not drawn");
    if (dropped_points_)
        warnings.push_back(where + ": " + std::to_string(dropped_points_) +
                           " non-finite coordinate(s) (NaN/Inf) dropped");
    if (out_of_range)
        warnings.push_back(where + ": " + std::to_string(out_of_range) +
                           " coordinate(s) with a longitude beyond -360..360 dropped");
    if (failed_points_)
        warnings.push_back(where + ": " + std::to_string(failed_points_) + " point(s) could not be transformed from " +
                           layer_.crs + " to WGS84 and were dropped");
    if (bad_text_)
        warnings.push_back(where + ": " + std::to_string(bad_text_) +
                           " attribute value(s) were not valid UTF-8 (wrong or missing .cpg?); bad bytes shown as "
                           "U+FFFD");
    if (layer_.features.empty()) warnings.push_back(where + ": layer has no features");
}

}  // namespace em
