// GDAL's reading of vector sources, in GDAL's module (geo/gdal_module.hpp); the program calls it through
// geo/vector_loader.hpp.
#include "geo/gdal_vector_reader.hpp"

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>

#include "geo/gdal_source_guards.hpp"
#include "geo/geojson_reader.hpp"
#include "geo/layer_assembly.hpp"
#include "geo/missing_shx.hpp"
#include "geo/source_policy.hpp"

namespace em {

namespace {

// The GeoJSON fast path is tried unless the caller or EVENTMAP_NO_FAST_GEOJSON (to compare with GDAL's reading)
// says not to.
bool try_fast_geojson(const std::string& path, bool fast_geojson) {
    static const bool disabled = std::getenv("EVENTMAP_NO_FAST_GEOJSON") != nullptr;
    return fast_geojson && !disabled && is_geojson_path(path);
}

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

// GDAL's messages about the temporary copy name the user's file instead.
std::string in_user_folder(std::string message, const ShapefileCopy& copy, const std::string& user_shp) {
    const std::string from = copy.shp();
    for (std::size_t at = message.find(from); at != std::string::npos; at = message.find(from, at + user_shp.size()))
        message.replace(at, from.size(), user_shp);
    const std::string folder = copy.folder().string() + "/";
    const std::string user_folder = std::filesystem::path(user_shp).parent_path().string();
    const std::string to = user_folder.empty() ? std::string() : user_folder + "/";
    for (std::size_t at = message.find(folder); at != std::string::npos; at = message.find(folder, at + to.size()))
        message.replace(at, folder.size(), to);
    return message;
}

// An open source. When the user's shapefile has no .shx, GDAL reads a temporary copy (with the index it rebuilt
// there), which lives as long as the dataset and is removed after it is closed.
struct OpenedSource {
    std::optional<ShapefileCopy> copy;  // declared first: destroyed after the dataset
    DatasetPtr dataset;
    std::vector<std::string> warnings;  // given with every layer read from it
    GDALDataset* operator->() const { return dataset.get(); }
};

Result<OpenedSource> open_dataset(const std::string& given) {
    // Network and database sources only with the user's consent; devices, FIFOs and /proc never (source_policy).
    if (auto ok = check_source(given); !ok) return ok.error();
    const std::string path = gdal_path(given);
    std::error_code ec;
    bool is_folder = false;
    if (!std::filesystem::exists(path, ec)) {
        // /vsimem/ and other virtual paths are not on disk; let GDAL judge those.
        if (path.rfind("/vsi", 0) != 0 && classify_source(path) != SourceKind::kDatabase)
            return Error{path + ": no such file"};
    } else if (std::filesystem::is_directory(path, ec) && std::filesystem::path(path).extension() != ".gdb") {
        // A folder can be a valid OGR source (a folder of shapefiles); GDAL decides below.
        is_folder = true;
    }
    OpenedSource opened;
    std::string open_path = path;
    if (shapefile_missing_shx(path)) {
        // Opened anyway, as pyshp and mbostock/shapefile open it: GDAL rebuilds the index, in a copy.
        auto copy = ShapefileCopy::make(path);
        if (!copy) return copy.error();
        opened.copy = std::move(copy).value();
        open_path = opened.copy->shp();
        opened.warnings.push_back(missing_shx_warning(path));
    }
    CPLErrorReset();
    GDALDataset* ds = nullptr;
    {
        // Only for this open, on this thread, and only on the copy (see above).
        std::optional<ScopedThreadConfigOption> restore;
        if (opened.copy) restore.emplace("SHAPE_RESTORE_SHX", "YES");
        ds = static_cast<GDALDataset*>(
            GDALOpenEx(open_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    }
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
        if (opened.copy) why = in_user_folder(why, *opened.copy, path);
        return Error{path + ": cannot open: " + why};
    }
    opened.dataset = DatasetPtr(ds);
    return opened;
}

bool plausible_lon_lat(const OGREnvelope& e) {
    return e.MinX >= -180.5 && e.MaxX <= 360.5 && e.MinY >= -90.5 && e.MaxY <= 90.5;
}

// A curve's points, copied by GDAL in one call (a call per coordinate through the library's interface was a tenth
// of reading a heavy shapefile).
std::vector<GeoPoint> points_of(const OGRSimpleCurve& curve) {
    std::vector<GeoPoint> out(static_cast<std::size_t>(curve.getNumPoints()));
    if (!out.empty())
        curve.getPoints(&out[0].lon, static_cast<int>(sizeof(GeoPoint)), &out[0].lat,
                        static_cast<int>(sizeof(GeoPoint)));
    return out;
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
            f.lines.push_back(points_of(*g->toSimpleCurve()));
            return;
        }
        case wkbPolygon: {
            auto* poly = g->toPolygon();
            Polygon out;
            out.rings.reserve(poly->getNumInteriorRings() + 1);
            for (const OGRLinearRing* ring : *poly) out.rings.push_back(points_of(*ring));
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

// Sets GDAL's spatial filter to the lon/lat box, in the layer's own coordinates: the box itself for lon/lat layers,
// else the extent of its outline transformed (16 points a side); no filter when a point cannot be transformed.
void set_lon_lat_filter(OGRLayer& layer, const BBox& box, OGRCoordinateTransformation* to_wgs84) {
    if (!to_wgs84) {
        layer.SetSpatialFilterRect(box.min_x, box.min_y, box.max_x, box.max_y);
        return;
    }
    std::unique_ptr<OGRCoordinateTransformation> back(to_wgs84->GetInverse());
    if (!back) return;
    constexpr int kSteps = 16;
    std::vector<double> xs, ys;
    for (int i = 0; i <= kSteps; ++i) {
        const double t = static_cast<double>(i) / kSteps;
        const double x = box.min_x + t * (box.max_x - box.min_x), y = box.min_y + t * (box.max_y - box.min_y);
        xs.insert(xs.end(), {x, x, box.min_x, box.max_x});
        ys.insert(ys.end(), {box.min_y, box.max_y, y, y});
    }
    std::vector<int> ok(xs.size());
    if (!back->Transform(xs.size(), xs.data(), ys.data(), nullptr, ok.data())) return;
    BBox native;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (!ok[i]) return;
        native.add(xs[i], ys[i]);
    }
    layer.SetSpatialFilterRect(native.min_x, native.min_y, native.max_x, native.max_y);
}

// Sets a GDAL configuration option on this thread for as long as it lives, then puts the old value back.
class ThreadConfigOption {
public:
    ThreadConfigOption(const char* key, const char* value) : key_(key) {
        if (const char* old = CPLGetThreadLocalConfigOption(key, nullptr)) old_ = old;
        CPLSetThreadLocalConfigOption(key, value);
    }
    ~ThreadConfigOption() { CPLSetThreadLocalConfigOption(key_, old_ ? old_->c_str() : nullptr); }
    ThreadConfigOption(const ThreadConfigOption&) = delete;
    ThreadConfigOption& operator=(const ThreadConfigOption&) = delete;

private:
    const char* key_;
    std::optional<std::string> old_;
};

Result<VectorLayer> read_layer(const std::string& path, OGRLayer& layer, const LoadControl& control) {
    std::optional<ThreadConfigOption> unorganised;
    if (control.rings_unorganised) unorganised.emplace("OGR_ORGANIZE_POLYGONS", "SKIP");
    VectorLayer out;
    out.source = path;
    out.name = layer.GetName();
    const std::string where = path + " (layer " + out.name + ")";

    OGRFeatureDefn* defn = layer.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) out.fields.push_back(defn->GetFieldDefn(i)->GetNameRef());

    TransformPtr ct;
    LonFold fold = LonFold::kNever;
    const OGRSpatialReference* src = layer.GetSpatialRef();
    if (!src) {
        OGREnvelope env;
        const bool has_extent = layer.GetExtent(&env, TRUE) == OGRERR_NONE;
        if (has_extent && !plausible_lon_lat(env)) {
            char buf[256];
            std::snprintf(buf, sizeof buf, "%.6g..%.6g, %.6g..%.6g", env.MinX, env.MaxX, env.MinY, env.MaxY);
            return Error{where + ": no CRS (missing .prj?) and the coordinates (x " + std::string(buf) +
                         ") cannot be longitude/latitude; add a .prj file or reproject the data"};
        }
        out.crs = "none (taken as WGS84 lon/lat)";
        out.warnings.push_back(where +
                               ": no CRS (missing .prj?); coordinates look like longitude/latitude, taken "
                               "as WGS84");
        fold = has_extent && env.MaxX > 180.0 ? LonFold::kAlways : LonFold::kNever;
    } else {
        auto crs = source_crs(*src, where);
        if (!crs) return crs.error();
        out.crs = crs->description;
        ct = std::move(crs->to_wgs84);
        fold = crs->fold;
    }

    if (control.within) {
        // Longitudes in 0..360 would miss a filter in -180..180: filter only when the layer's extent, where the
        // format knows it without a pass over the data (a shapefile's header), says they are not.
        OGREnvelope env;
        const bool plain = fold == LonFold::kNever ||
                           (fold == LonFold::kFromData && layer.GetExtent(&env, FALSE) == OGRERR_NONE && env.MaxX <= 180);
        if (plain) set_lon_lat_filter(layer, *control.within, ct.get());
    }
    const GIntBig total = layer.GetFeatureCount(TRUE);
    LayerAssembly assembly(out, control, static_cast<std::size_t>(total), ct.get());
    layer.ResetReading();
    CPLErrorReset();
    while (true) {
        if (assembly.cancelled()) return cancelled_error(where);
        std::unique_ptr<OGRFeature> feat(layer.GetNextFeature());
        if (!feat) break;
        Feature f;
        f.fid = feat->GetFID();
        f.values.resize(out.fields.size());
        for (size_t i = 0; i < out.fields.size(); ++i) {
            if (!feat->IsFieldSetAndNotNull(static_cast<int>(i))) continue;
            f.values[i] = assembly.attribute_text(feat->GetFieldAsString(static_cast<int>(i)));
        }
        const OGRGeometry* geom = feat->GetGeometryRef();
        if (!geom) {
            assembly.count_null_geometry();
        } else {
            collect_geometry(geom, f);
        }
        assembly.add(std::move(f), geom && !geom->IsEmpty());
    }
    const std::string gdal_error = CPLGetLastErrorType() >= CE_Failure ? last_gdal_error() : std::string();
    assembly.finish(where, fold, gdal_error);
    if (shapefile_without_dbf(path))
        out.warnings.push_back(where + ": no .dbf file beside the .shp, so the features have no attributes");
    return out;
}

// The source's own warnings (a rebuilt .shx) first; GDAL's words about a temporary copy name the user's file.
void add_source_warnings(VectorLayer& layer, const OpenedSource& source, const std::string& path) {
    if (source.copy)
        for (std::string& w : layer.warnings) w = in_user_folder(w, *source.copy, path);
    layer.warnings.insert(layer.warnings.begin(), source.warnings.begin(), source.warnings.end());
}

// A file that points at others (a VRT) whose sources GDAL's guards refused while it was read: GDAL may give it as
// an empty layer; the whole file is "not opened" instead, naming what it wanted (and nothing of it is cached).
std::optional<Error> refused_inside(const std::string& path, std::size_t refused_before) {
    if (refusals_on_this_thread() == refused_before) return std::nullopt;
    const std::string wanted = last_refused_on_this_thread();
    return Error{path + ": not opened: it points at " + source_address(wanted) +
                 ", off this machine, which was not allowed; use --allow-network or agree in the window"};
}

}  // namespace

namespace gdal_reader {

void start_gdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // Quiet GDAL's own stderr printing; errors are collected and reported by eventmap.
        CPLSetErrorHandler(CPLQuietErrorHandler);
        // GDAL refuses GeoJSON features it estimates over 200 MB of memory (a guard for servers): the 168 MB land
        // polygons of issue 6 then failed to open at all. A desktop user who picks a file wants it read, so no
        // limit, unless the user set one (environment or --config).
        if (!CPLGetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", nullptr))
            CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
        // Nothing leaves this machine because of what a file says (docs/security.md): GDAL's network file systems
        // are guarded, its HTTP fetches refused, its database/web-service drivers deregistered, PROJ's network off.
        install_gdal_source_guards();
    });
}

Result<std::vector<std::string>> list_vector_layers(const std::string& path) {
    const std::size_t refused_before = refusals_on_this_thread();
    auto ds = open_dataset(path);
    if (auto refused = refused_inside(path, refused_before)) return *refused;
    if (!ds) return ds.error();
    std::vector<std::string> names;
    for (OGRLayer* layer : ds.value()->GetLayers()) names.emplace_back(layer->GetName());
    if (names.empty()) return Error{path + ": contains no vector layers"};
    return names;
}

Result<std::vector<VectorLayer>> load_vector_source(const std::string& path, const LoadControl& control,
                                                    bool fast_geojson) {
    if (auto ok = check_source(path); !ok) return ok.error();
    // GeoJSON through simdjson where it gives exactly what GDAL would (GDAL's driver is single-threaded and slow).
    if (try_fast_geojson(path, fast_geojson)) {
        if (auto fast = read_geojson_fast(path, control)) {
            if (!*fast) return fast->error();
            std::vector<VectorLayer> layers;
            layers.push_back(std::move(*fast).value());
            return layers;
        }
    }
    const std::size_t refused_before = refusals_on_this_thread();
    auto ds = open_dataset(path);
    if (auto refused = refused_inside(path, refused_before)) return *refused;
    if (!ds) return ds.error();
    std::vector<VectorLayer> layers;
    for (OGRLayer* layer : ds.value()->GetLayers()) {
        auto l = read_layer(path, *layer, control);
        if (auto refused = refused_inside(path, refused_before)) return *refused;
        if (!l) return l.error();
        add_source_warnings(l.value(), ds.value(), path);
        layers.push_back(std::move(l).value());
    }
    if (layers.empty()) return Error{path + ": contains no vector layers"};
    return layers;
}

Result<VectorLayer> load_vector_layer(const std::string& path, const std::string& layer_name,
                                      const LoadControl& control) {
    if (auto ok = check_source(path); !ok) return ok.error();
    if (try_fast_geojson(path, true)) {
        auto fast = read_geojson_fast(path, control);
        if (fast && (!*fast || (*fast)->name == layer_name)) return std::move(*fast);
    }
    const std::size_t refused_before = refusals_on_this_thread();
    auto ds = open_dataset(path);
    if (auto refused = refused_inside(path, refused_before)) return *refused;
    if (!ds) return ds.error();
    OGRLayer* layer = ds.value()->GetLayerByName(layer_name.c_str());
    if (!layer) return Error{path + ": has no layer named '" + layer_name + "'"};
    auto read = read_layer(path, *layer, control);
    if (auto refused = refused_inside(path, refused_before)) return *refused;
    if (read) add_source_warnings(read.value(), ds.value(), path);
    return read;
}

}  // namespace gdal_reader

}  // namespace em
