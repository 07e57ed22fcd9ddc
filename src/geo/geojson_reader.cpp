#include "geo/geojson_reader.hpp"

// The fast path for GeoJSON: simdjson's On-Demand API over the whole file in memory, in two passes like GDAL's
// own driver. Pass 1 checks the structure and learns the fields (names, order, types) from the properties,
// skipping geometries; pass 2 reads every feature. Whatever this reader could not give exactly as GDAL 3.6 does
// throws Unsupported, and the caller falls back to GDAL. GDAL's behaviour copied here was observed with GDAL 3.6.2
// (Debian 12); tests/geo/geojson_reader_test.cpp compares the two readers on many files.

#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <ogr_core.h>
#include <ogr_spatialref.h>
#include <ogr_srs_api.h>
#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "core/utf8.hpp"
#include "geo/field_order.hpp"
#include "geo/layer_assembly.hpp"

namespace em {

namespace {

namespace od = simdjson::ondemand;

// Thrown when the file holds something this reader leaves to GDAL.
struct Unsupported {};

void require(bool ok) {
    if (!ok) throw Unsupported{};
}

// A field's type as GDAL's GeoJSON driver gives it; kUnknown until a value other than null is seen.
enum class FieldType { kUnknown, kInteger, kInteger64, kReal, kString };

// The type a field ends with when it holds values of types a and b (GDAL promotes integers; mixing numbers and
// strings makes a JSON-typed string field, which is left to GDAL).
FieldType merge(FieldType a, FieldType b) {
    if (a == FieldType::kUnknown || a == b) return b;
    if (b == FieldType::kUnknown) return a;
    require(a != FieldType::kString && b != FieldType::kString);
    return (a == FieldType::kReal || b == FieldType::kReal) ? FieldType::kReal : FieldType::kInteger64;
}

// A number token GDAL reads as a double (CPLGetValueType says "real"); other number tokens are 64-bit integers.
bool is_real(std::string_view token) { return token.find_first_of(".eE") != std::string_view::npos; }

// Text GDAL keeps as it is: C strings end at NUL, and malformed UTF-8 (from lone \uD800 escapes) is GDAL's to judge.
void require_plain_text(std::string_view s) { require(s.find('\0') == std::string_view::npos && is_valid_utf8(s)); }

// True for strings GDAL's GeoJSON driver could type as Date, Time or DateTime (it asks OGRParseDate); to be safe
// also for anything starting with digits and then '-', '/' or ':' and a digit, or 8 digits and 'T'.
bool looks_like_date_or_time(std::string_view s) {
    const std::string text(s);
    OGRField parsed;
    if (OGRParseDate(text.c_str(), &parsed, 0)) return true;
    std::size_t i = text.find_first_not_of(' ');
    if (i == std::string::npos) return false;
    const std::size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    const std::size_t digits = i - start;
    if (digits == 0 || i >= text.size()) return false;
    if (digits >= 8 && text[i] == 'T') return true;
    return (text[i] == '-' || text[i] == '/' || text[i] == ':') && i + 1 < text.size() &&
           std::isdigit(static_cast<unsigned char>(text[i + 1]));
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The type of one property value; throws Unsupported for booleans, lists, objects, date-like strings, integers
// beyond 64 bits and numeric ids (GDAL may take an integer "id" as the FID).
FieldType value_type(od::value v, std::string_view key) {
    if (v.is_null()) return FieldType::kUnknown;
    switch (od::json_type(v.type())) {
        case od::json_type::number: {
            require(!iequals(key, "id"));
            if (is_real(v.raw_json_token())) {
                static_cast<void>(double(v.get_double()));
                return FieldType::kReal;
            }
            const std::int64_t n = v.get_int64();
            return (n >= INT32_MIN && n <= INT32_MAX) ? FieldType::kInteger : FieldType::kInteger64;
        }
        case od::json_type::string: {
            const std::string_view s = v.get_string();
            require_plain_text(s);
            require(!looks_like_date_or_time(s));
            return FieldType::kString;
        }
        default:
            throw Unsupported{};
    }
}

// The layer's fields as GDAL's first pass finds them.
struct Schema {
    std::vector<std::string> names;      // numbered as first seen
    std::vector<FieldType> types;        // per field number
    std::vector<std::size_t> last_seen;  // 1 + the number of the feature a field was last seen in
    std::unordered_map<std::string, int> index;
    std::unordered_set<std::string> folded;  // names in ASCII lower case: GDAL finds fields case-insensitively
    FieldOrder order;

    // The number of the named field, added when new; refuses a key repeated in one feature.
    int field(std::string_view name, std::size_t feature) {
        require_plain_text(name);
        require(!name.empty() && name != "_id");  // "_id" starts GDAL's GeoCouch special case
        const auto [it, added] = index.try_emplace(std::string(name), static_cast<int>(names.size()));
        if (added) {
            require(folded.insert(ascii_lower(name)).second);
            names.emplace_back(name);
            types.push_back(FieldType::kUnknown);
            last_seen.push_back(0);
            order.add_field(it->second);
        }
        require(last_seen[it->second] != feature + 1);
        last_seen[it->second] = feature + 1;
        return it->second;
    }
};

// What pass 1 learns from the top level.
struct Header {
    std::string name;  // the "name" member, if any
    bool has_crs = false;
    std::size_t features = 0;
};

// GDAL 3.6 sees WGS84 lon/lat ("EPSG:4326") in exactly these "crs" members (as ogr2ogr writes them).
void check_crs(od::object crs) {
    bool type = false, properties = false;
    for (auto member : crs) {
        od::field m = std::move(member);
        const std::string_view key = m.unescaped_key();
        if (key == "type" && !type) {
            type = true;
            require(std::string_view(m.value().get_string()) == "name");
        } else if (key == "properties" && !properties) {
            properties = true;
            bool name = false;
            for (auto p : m.value().get_object()) {
                od::field pm = std::move(p);
                require(std::string_view(pm.unescaped_key()) == "name" && !name);
                name = true;
                const std::string_view value = pm.value().get_string();
                require(value == "urn:ogc:def:crs:OGC:1.3:CRS84" || value == "EPSG:4326" ||
                        value == "urn:ogc:def:crs:EPSG::4326");
            }
            require(name);
        } else {
            throw Unsupported{};
        }
    }
    require(type && properties);
}

void scan_properties(od::object properties, Schema& schema, std::size_t feature) {
    int previous = -1;
    for (auto member : properties) {
        od::field m = std::move(member);
        const int field = schema.field(m.unescaped_key(), feature);
        schema.types[field] = merge(schema.types[field], value_type(m.value(), schema.names[field]));
        if (previous >= 0) schema.order.add_edge(previous, field);
        previous = field;
    }
}

// Checks one feature's members and learns its properties; the geometry is skipped (read in pass 2).
void scan_feature(od::object feature, Schema& schema, std::size_t number) {
    bool type = false, properties = false, geometry = false;
    for (auto member : feature) {
        od::field m = std::move(member);
        const std::string_view key = m.unescaped_key();
        if (key == "type" && !type) {
            type = true;
            require(std::string_view(m.value().get_string()) == "Feature");
        } else if (key == "properties" && !properties) {
            properties = true;
            if (!m.value().is_null()) scan_properties(m.value().get_object(), schema, number);
        } else if (key == "geometry" && !geometry) {
            geometry = true;
        } else {
            throw Unsupported{};  // "id" (GDAL's FID or a field), "bbox", foreign members, repeated members
        }
    }
    require(type);
}

// Bytes of GeoJSON text whose objects GDAL's size estimate could take beyond max_object_bytes (json-c's objects
// cost it at most ~40 times their shortest text, plus a few hundred bytes per object); 0: no limit.
bool within_object_limit(std::size_t bytes, double max_object_bytes) {
    return max_object_bytes <= 0 || 48.0 * static_cast<double>(bytes) + 4096.0 <= max_object_bytes;
}

// Pass 1: checks the top level and every feature, learns the fields and counts the features.
Header scan(od::document& doc, Schema& schema, double max_object_bytes) {
    Header header;
    bool type = false, features = false, name = false;
    for (auto member : doc.get_object()) {
        od::field m = std::move(member);
        const std::string_view key = m.unescaped_key();
        if (key == "type" && !type) {
            type = true;
            require(std::string_view(m.value().get_string()) == "FeatureCollection");
        } else if (key == "name" && !name) {
            name = true;
            const std::string_view value = m.value().get_string();
            require_plain_text(value);
            require(!value.empty());
            header.name = value;
        } else if (key == "crs" && !header.has_crs) {
            header.has_crs = true;
            check_crs(m.value().get_object());
        } else if (key == "features" && !features) {
            features = true;
            for (auto element : m.value().get_array()) {
                od::value feature = element.value();
                const char* begin = feature.current_location();
                scan_feature(feature.get_object(), schema, header.features++);
                const char* end = feature.current_location();
                require(within_object_limit(static_cast<std::size_t>(end - begin), max_object_bytes));
            }
        } else {
            throw Unsupported{};
        }
    }
    // Nothing may follow the top-level object.
    require(type && features && doc.current_location().error() == simdjson::OUT_OF_BOUNDS);
    return header;
}

// Reads coordinates into a Feature as vector_loader's collect_geometry would from GDAL's geometry.
class GeometryReader {
public:
    GeometryReader(Feature& feature, bool allow_3d) : feature_(feature), allow_3d_(allow_3d) {}

    // Reads a geometry object; false when it has no coordinate at all (an empty geometry).
    bool read(od::object geometry) {
        std::string_view type;
        bool have_type = false, have_coordinates = false, coordinates_first = false;
        for (auto member : geometry) {
            od::field m = std::move(member);
            const std::string_view key = m.unescaped_key();
            if (key == "type" && !have_type) {
                have_type = true;
                type = m.value().get_string();
            } else if (key == "coordinates" && !have_coordinates) {
                have_coordinates = true;
                if (have_type) {
                    coordinates(type, m.value());
                } else {
                    coordinates_first = true;
                }
            } else {
                throw Unsupported{};  // "geometries" of a GeometryCollection, "bbox", ...
            }
        }
        require(have_type && have_coordinates);
        if (coordinates_first) {
            require(geometry.reset().error() == simdjson::SUCCESS);
            coordinates(type, geometry.find_field_unordered("coordinates").value());
        }
        return any_point_;
    }

private:
    void coordinates(std::string_view type, od::value c) {
        if (type == "Point") {
            feature_.points.push_back(position(c));
        } else if (type == "MultiPoint") {
            for (auto p : c.get_array()) feature_.points.push_back(position(p.value()));
        } else if (type == "LineString") {
            line(c);
        } else if (type == "MultiLineString") {
            for (auto l : c.get_array()) line(l.value());
        } else if (type == "Polygon") {
            polygon(c, true);
        } else if (type == "MultiPolygon") {
            for (auto p : c.get_array()) polygon(p.value(), false);
        } else {
            throw Unsupported{};  // GeometryCollection, other spellings
        }
    }

    // One coordinate as GDAL reads it: an integer token as a 64-bit integer (so -0 is 0), else as a double.
    static double coordinate(od::value v) {
        double d = v.get_double();
        if ((d == 0.0 && std::signbit(d)) || std::abs(d) >= 9.2e18) {
            if (!is_real(v.raw_json_token())) {
                require(std::abs(d) < 9.2e18);  // GDAL clamps integers beyond 64 bits
                d = 0.0;
            }
        }
        return d;
    }

    // [x, y] or [x, y, z]; every position of a geometry has the same length (GDAL's Z flag depends on it).
    GeoPoint position(od::value v) {
        double xyz[3];
        int n = 0;
        for (auto c : v.get_array()) {
            require(n < 3);
            xyz[n++] = coordinate(c.value());
        }
        require(n >= 2 && (dims_ == 0 || dims_ == n) && (n == 2 || allow_3d_));
        dims_ = n;
        any_point_ = true;
        return {xyz[0], xyz[1]};
    }

    // The positions of an array of positions, in scratch_.
    void positions(od::value v) {
        scratch_.clear();
        for (auto p : v.get_array()) scratch_.push_back(position(p.value()));
    }

    void line(od::value v) {
        positions(v);
        if (!scratch_.empty()) feature_.lines.emplace_back(scratch_.begin(), scratch_.end());
    }

    // GDAL reads a top-level "Polygon" with no ring as no geometry at all; that is left to GDAL.
    void polygon(od::value v, bool top_level) {
        Polygon p;
        bool any = false;
        for (auto r : v.get_array()) {
            positions(r.value());
            any = any || !scratch_.empty();
            p.rings.emplace_back(scratch_.begin(), scratch_.end());
        }
        require(!top_level || !p.rings.empty());
        if (any) feature_.polygons.push_back(std::move(p));
    }

    Feature& feature_;
    bool allow_3d_;
    int dims_ = 0;
    bool any_point_ = false;
    std::vector<GeoPoint> scratch_;
};

// One property value as GDAL's OGR_F_GetFieldAsString gives it for a field of the given type ("" for null).
std::string field_text(od::value v, FieldType type) {
    if (v.is_null()) return {};
    if (type == FieldType::kString) return std::string(std::string_view(v.get_string()));
    const bool real_token = is_real(v.raw_json_token());
    if (type != FieldType::kReal) return std::to_string(std::int64_t(v.get_int64()));
    // OGRFeature::GetFieldAsString formats a Real field of no width with "%.15g" (to_chars: the C locale's way).
    const double d = real_token ? double(v.get_double()) : static_cast<double>(std::int64_t(v.get_int64()));
    char buf[64];
    const auto end = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::general, 15).ptr;
    return std::string(buf, end);
}

// What pass 2 needs to place and format property values.
struct FieldPlan {
    const Schema& schema;
    std::vector<int> position;  // per field number: its place in VectorLayer::fields
};

void read_properties(od::object properties, const FieldPlan& plan, Feature& f, LayerAssembly& assembly) {
    for (auto member : properties) {
        od::field m = std::move(member);
        const int field = plan.schema.index.at(std::string(std::string_view(m.unescaped_key())));
        std::string text = field_text(m.value(), plan.schema.types[field]);
        if (!text.empty()) f.values[plan.position[field]] = assembly.attribute_text(std::move(text));
    }
}

// Pass 2: reads every feature into the assembly; an Error only when cancelled.
std::optional<Error> read_features(od::document& doc, const FieldPlan& plan, bool allow_3d, LayerAssembly& assembly,
                                   const std::string& where) {
    for (auto member : doc.get_object()) {
        od::field m = std::move(member);
        if (std::string_view(m.unescaped_key()) != "features") continue;
        std::int64_t fid = 0;
        for (auto element : m.value().get_array()) {
            if (assembly.cancelled()) return cancelled_error(where);
            Feature f;
            f.fid = fid++;
            f.values.resize(plan.position.size());
            bool null_geometry = true, had_geometry = false;
            for (auto fm : element.get_object()) {
                od::field part = std::move(fm);
                const std::string_view key = part.unescaped_key();
                if (key == "properties") {
                    if (!part.value().is_null()) read_properties(part.value().get_object(), plan, f, assembly);
                } else if (key == "geometry" && !part.value().is_null()) {
                    null_geometry = false;
                    had_geometry = GeometryReader(f, allow_3d).read(part.value().get_object());
                }
            }
            if (null_geometry) assembly.count_null_geometry();
            assembly.add(std::move(f), had_geometry);
        }
        // GDAL's loop asks once more before it learns that there is no feature left.
        if (assembly.cancelled()) return cancelled_error(where);
    }
    return std::nullopt;
}

// The layer name GDAL gives a GeoJSON file without a "name" member: the file name without its extension.
std::string name_from_path(const std::string& path) {
    const std::string file = path.substr(path.find_last_of('/') + 1);
    const std::string base = file.substr(0, file.rfind('.'));
    require(!base.empty());
    return base;
}

// GDAL's per-feature size limit in bytes (OGR_GEOJSON_MAX_OBJ_SIZE, megabytes, default 200; 0: none), or -1
// when GDAL's settings or the path are not what this reader assumes.
double gdal_object_limit(const std::string& path) {
    if (!GDALGetDriverByName("GeoJSON")) return -1;
    // Virtual files other than /vsimem/, "GeoJSON:" prefixes, and names GDAL does not take a layer name from.
    if ((path.rfind("/vsi", 0) == 0 && path.rfind("/vsimem/", 0) != 0) || iequals(path.substr(0, 8), "GeoJSON:") ||
        path.find_first_of("?{\\") != std::string::npos)
        return -1;
    // Options that change which features GDAL's first pass sees.
    for (const char* option : {"OGR_GEOJSON_MAX_BYTES_FIRST_PASS", "OGR_GEOJSON_MAX_FEATURES_FIRST_PASS"})
        if (CPLGetConfigOption(option, nullptr)) return -1;
    const double megabytes = CPLAtof(CPLGetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "200"));
    if (megabytes <= 0) return 0;
    if (megabytes < 1) return -1;  // the top level alone might not fit
    return megabytes * 1024 * 1024;
}

// Whether GDAL's GeoJSON driver surely claims the file from its first 6000 bytes (GDALOpenInfo's header): they
// start with {"type":"FeatureCollection" (spaces aside), and hold nothing that makes GDAL think of TopoJSON or
// ESRI JSON. GDAL does not recognise a file whose header shows no GeoJSON (a long "name" before "type", say).
bool header_says_feature_collection(std::string_view file) {
    std::string_view header = file.substr(0, 6000);
    for (const char* other : {"Topology", "esriGeometry", "fieldAliases", "esriFieldType"})
        if (header.find(other) != std::string_view::npos) return false;
    if (header.substr(0, 3) == "\xEF\xBB\xBF") header.remove_prefix(3);
    std::size_t i = 0;
    auto next = [&](std::string_view token) {
        while (i < header.size() && std::isspace(static_cast<unsigned char>(header[i]))) ++i;
        if (header.substr(i, token.size()) != token) return false;
        i += token.size();
        return true;
    };
    return next("{") && next("\"type\"") && next(":") && next("\"FeatureCollection\"");
}

// Whether GDAL would hand the file to its GeoJSON driver: a driver registered before it may claim the same header
// (OGR's VRT driver takes any file whose first bytes hold "<OGRVRTDataSource", even inside a JSON string; found by
// fuzzing). Only Identify functions run here, on the header GDAL has already read: no file is opened twice.
bool gdal_picks_geojson_driver(const std::string& path) {
    const GDALDriverH driver = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr);
    return driver != nullptr && driver == GDALGetDriverByName("GeoJSON");
}

// The whole file, padded for simdjson; nullopt when it cannot be read here (GDAL then judges it).
std::optional<simdjson::padded_string> read_file(const std::string& path) {
    VSIStatBufL st;
    if (VSIStatL(path.c_str(), &st) != 0 || !VSI_ISREG(st.st_mode)) return std::nullopt;
    const auto size = static_cast<std::uint64_t>(st.st_size);
    // simdjson indexes documents under 4 GiB, with 4 bytes per structural character; GDAL streams a file that
    // would not fit comfortably.
    const auto ram = static_cast<std::uint64_t>(CPLGetUsablePhysicalRAM());
    if (size >= (std::uint64_t(1) << 32) - 4096 || (ram > 0 && size > ram / 8)) return std::nullopt;
    VSILFILE* fp = VSIFOpenL(path.c_str(), "rb");
    if (!fp) return std::nullopt;
    simdjson::padded_string text(static_cast<std::size_t>(size));
    const std::size_t got = VSIFReadL(text.data(), 1, static_cast<std::size_t>(size), fp);
    VSIFCloseL(fp);
    if (got != size) return std::nullopt;
    return text;
}

}  // namespace

bool is_geojson_path(const std::string& path) {
    const std::string lower = ascii_lower(path);
    auto ends_with = [&](std::string_view ext) {
        return lower.size() > ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0;
    };
    return ends_with(".geojson") || ends_with(".json");
}

std::optional<Result<VectorLayer>> read_geojson_fast(const std::string& path, const LoadControl& control) {
    if (!is_geojson_path(path)) return std::nullopt;
    ensure_gdal_registered();
    const double max_object_bytes = gdal_object_limit(path);
    if (max_object_bytes < 0) return std::nullopt;
    auto text = read_file(path);
    if (!text) return std::nullopt;
    if (!header_says_feature_collection(std::string_view(text->data(), text->size()))) return std::nullopt;
    if (!gdal_picks_geojson_driver(path)) return std::nullopt;
    try {
        // GDAL skips a UTF-8 byte order mark.
        const std::size_t skip = text->size() >= 3 && std::string_view(text->data(), 3) == "\xEF\xBB\xBF" ? 3 : 0;
        od::parser parser;
        od::document doc =
            parser.iterate(text->data() + skip, text->size() - skip, text->size() - skip + simdjson::SIMDJSON_PADDING);
        Schema schema;
        const Header header = scan(doc, schema, max_object_bytes);
        doc.rewind();

        VectorLayer out;
        out.source = path;
        out.name = header.name.empty() ? name_from_path(path) : header.name;
        const std::string where = path + " (layer " + out.name + ")";
        FieldPlan plan{schema, std::vector<int>(schema.names.size())};
        for (int field : schema.order.sorted(schema.names)) {
            plan.position[field] = static_cast<int>(out.fields.size());
            out.fields.push_back(schema.names[field]);
        }
        // GDAL's GeoJSON layers without a "crs" member are WGS84 lon/lat (EPSG:4979 when 3D: left to GDAL).
        OGRSpatialReference srs;
        srs.SetFromUserInput(SRS_WKT_WGS84_LAT_LONG);
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        auto crs = source_crs(srs, where);
        if (!crs) return std::nullopt;
        out.crs = crs->description;

        LayerAssembly assembly(out, control, header.features, crs->to_wgs84.get());
        if (auto error = read_features(doc, plan, header.has_crs, assembly, where)) return Result<VectorLayer>(*error);
        assembly.finish(where, crs->fold, "");
        return Result<VectorLayer>(std::move(out));
    } catch (const Unsupported&) {
        return std::nullopt;
    } catch (const simdjson::simdjson_error&) {
        return std::nullopt;
    }
}

}  // namespace em
