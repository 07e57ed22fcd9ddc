#include "entries.hpp"
#include "private_dir.hpp"

#include <cpl_vsi.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "core/date.hpp"
#include "events/event_loader.hpp"
#include "events/places.hpp"
#include "events/presence.hpp"
#include "events/timeline.hpp"
#include "geo/geojson_reader.hpp"
#include "geo/layer_cache.hpp"
#include "geo/prepared_layer.hpp"
#include "geo/vector_loader.hpp"

namespace em::fuzz {

namespace {

// A broken invariant: say which and abort (libFuzzer saves the input; the replay test fails).
void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The places events may name (a few real rows of data/places.csv).
const PlaceTable& fuzz_places() {
    static const PlaceTable table = [] {
        PlaceTable t;
        t.places.push_back({"Moscow", "Russia", "RUS", {37.62, 55.75}, true, "", "well-known"});
        t.places.push_back({"Bamako", "Mali", "MLI", {-8.0, 12.65}, true, "", "well-known"});
        t.places.push_back({"Niamey", "Niger", "NER", {2.11, 13.51}, true, "", "well-known"});
        t.places.push_back({"Bangui", "Central African Republic", "CAF", {18.56, 4.36}, true, "", "well-known"});
        t.places.push_back({"Sochi", "Russia", "RUS", {39.73, 43.60}, false, "", "well-known"});
        return t;
    }();
    return table;
}

bool finite(const GeoPoint& p) { return std::isfinite(p.lon) && std::isfinite(p.lat); }

void check_events(const EventSet& set) {
    for (const auto& p : set.problems) {
        require(p.line >= 1, "problem line is 1-based");
        require(!p.message.empty(), "an event problem has a message");
        require(!p.text().empty(), "problem text");
    }
    for (const auto& e : set.events) {
        require(!e.id.empty(), "loaded event has an id");
        require(e.date.first() <= e.date.last(), "event date interval is ordered");
        if (e.end_date) require(e.date.first() <= e.end_date->last(), "end_date not before date");
        require(finite(e.to.position), "event place has a finite position");
        if (e.from) require(finite(e.from->position), "event origin has a finite position");
    }
    // What the window and `presence` do next with the events.
    const auto intervals = derive_presence(set.events);
    for (const auto& p : intervals)
        require(!p.since || !p.until || *p.since <= *p.until, "presence interval: since <= until");
    for (const auto& e : set.events)
        for (const auto& p : presence_on(intervals, e.date.first()))
            require(p.covers(e.date.first()), "presence_on gives intervals covering the day");
    (void)data_range(set.events);
    (void)event_days(set.events);
}

// A file in GDAL's in-memory file system holding a copy of the bytes, removed on scope exit.
class MemFile {
public:
    MemFile(std::string path, std::string_view bytes) : path_(std::move(path)) {
        // VSIFileFromMemBuffer takes a writable buffer; give it its own copy (freed by GDAL: bTakeOwnership).
        auto* buf = static_cast<GByte*>(VSIMalloc(bytes.size() + 1));
        std::memcpy(buf, bytes.data(), bytes.size());
        VSIFCloseL(VSIFileFromMemBuffer(path_.c_str(), buf, bytes.size(), TRUE));
    }
    ~MemFile() { VSIUnlink(path_.c_str()); }
    MemFile(const MemFile&) = delete;
    MemFile& operator=(const MemFile&) = delete;

private:
    std::string path_;
};

// Every coordinate of every geometry kind (points, lines, polygon rings; multi-geometries are several of these
// in one feature) is finite; one value per field; warnings say something.
void check_layer(const VectorLayer& layer) {
    for (const auto& w : layer.warnings) require(!w.empty(), "a vector layer warning has a message");
    for (const auto& f : layer.features) {
        require(f.values.size() == layer.fields.size(), "one value per field");
        for (const auto& polygon : f.polygons)
            for (const auto& ring : polygon.rings)
                for (const auto& p : ring) require(finite(p), "finite lon/lat in polygon rings");
        for (const auto& line : f.lines)
            for (const auto& p : line) require(finite(p), "finite lon/lat in lines");
        for (const auto& p : f.points) require(finite(p), "finite lon/lat in points");
    }
}

// A prepared layer's arrays agree: one entry per feature everywhere, whole triangles whose indices are inside the
// vertex array, and per-feature ranges that tile the fill, outline and point arrays in feature order.
void check_prepared(const VectorLayer& layer, const PreparedLayer& prepared) {
    const std::size_t n = layer.features.size();
    const LayerMesh& m = prepared.mesh;
    require(prepared.values.size() == n, "prepared: values per feature");
    require(prepared.feature_bboxes.size() == n, "prepared: a bbox per feature");
    require(prepared.label_points.size() == n, "prepared: a label point per feature");
    require(m.ranges.size() == n, "prepared: a range per feature");
    require(prepared.fields == layer.fields, "prepared: same fields");
    for (const auto& v : prepared.values) require(v.size() == prepared.fields.size(), "prepared: one value per field");
    for (const auto& w : prepared.warnings) require(!w.empty(), "a prepared layer warning has a message");
    require(m.fill.indices.size() % 3 == 0, "prepared: fill indices come in threes");
    for (auto i : m.fill.indices) require(i < m.fill.vertices.size(), "prepared: triangle index < vertex count");
    for (const auto& p : m.fill.vertices) require(finite(p), "prepared: finite fill vertices");
    require(m.outline_joins.size() == m.outline_points.size(), "prepared: one join flag per outline point");
    for (const auto& p : m.outline_points) require(finite(p), "prepared: finite outline points");
    for (const auto& p : m.points) require(finite(p), "prepared: finite points");
    std::uint64_t index = 0, outline = 0, point = 0;
    for (const FeatureRange& r : m.ranges) {
        require(r.first_index == index && r.first_outline == outline && r.first_point == point,
                "prepared: feature ranges follow one another");
        index += r.index_count, outline += r.outline_count, point += r.point_count;
        require(r.index_count % 3 == 0, "prepared: a feature's fill is whole triangles");
        require(index <= m.fill.indices.size(), "prepared: fill range inside the index array");
        require(outline <= m.outline_points.size(), "prepared: outline range inside the outline array");
        require(point <= m.points.size(), "prepared: point range inside the point array");
    }
    require(index == m.fill.indices.size() && outline == m.outline_points.size() && point == m.points.size(),
            "prepared: feature ranges cover the arrays");
}

template <typename T>
bool same_pod(const std::vector<T>& a, const std::vector<T>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

// Bitwise equality of two prepared layers (NaN label points included).
bool same_prepared(const PreparedLayer& a, const PreparedLayer& b) {
    return a.source == b.source && a.name == b.name && a.crs == b.crs && a.kind == b.kind &&
           std::memcmp(&a.bbox, &b.bbox, sizeof(BBox)) == 0 && a.fields == b.fields && a.values == b.values &&
           same_pod(a.feature_bboxes, b.feature_bboxes) && same_pod(a.label_points, b.label_points) &&
           a.warnings == b.warnings && same_pod(a.mesh.fill.vertices, b.mesh.fill.vertices) &&
           same_pod(a.mesh.fill.indices, b.mesh.fill.indices) &&
           same_pod(a.mesh.outline_points, b.mesh.outline_points) &&
           same_pod(a.mesh.outline_joins, b.mesh.outline_joins) && same_pod(a.mesh.points, b.mesh.points) &&
           same_pod(a.mesh.ranges, b.mesh.ranges) && a.mesh.tessellation_failures == b.mesh.tessellation_failures;
}

// The private folder (fuzz/private_dir.hpp) with a stand-in source file: the layer cache lives in cache/, keyed by
// the file source (the cache keys entries by a real file's path, size and time; /vsimem/ paths have none).
const std::filesystem::path& work_dir() {
    static const bool made = [] {
        std::ofstream(private_dir() / "source.shp") << "fuzz";
        return true;
    }();
    (void)made;
    return private_dir();
}

// What the layer cache stores loads back bit for bit.
void check_cache_round_trip(const std::vector<PreparedLayer>& layers) {
    const LayerCache cache(work_dir() / "cache");
    const std::string source = (work_dir() / "source.shp").string();
    PrepareOptions options;
    cache.store(source, options, layers);
    const auto back = cache.load(source, options);
    require(back.has_value(), "layer cache: a stored entry loads");
    require(back->size() == layers.size(), "layer cache: as many layers back as stored");
    for (std::size_t i = 0; i < layers.size(); ++i)
        require(same_prepared((*back)[i], layers[i]), "layer cache: store then load gives the same layer");
}

void load_and_prepare(const std::string& path) {
    auto layers = load_vector_source(path);
    if (!layers) {
        require(!layers.error().message.empty(), "vector load error has a message");
        return;
    }
    std::vector<PreparedLayer> prepared;
    for (const auto& layer : layers.value()) {
        check_layer(layer);
        prepared.push_back(prepare_layer(layer));
        check_prepared(layer, prepared.back());
    }
    check_cache_round_trip(prepared);
}

bool same_points(const std::vector<GeoPoint>& a, const std::vector<GeoPoint>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(GeoPoint)) == 0);
}

// Bitwise equality of two layers, as tests/geo/geojson_reader_test.cpp compares them.
bool same_layer(const VectorLayer& a, const VectorLayer& b) {
    if (a.source != b.source || a.name != b.name || a.crs != b.crs || a.fields != b.fields ||
        a.warnings != b.warnings || a.kind != b.kind || std::memcmp(&a.bbox, &b.bbox, sizeof(BBox)) != 0 ||
        a.features.size() != b.features.size())
        return false;
    for (std::size_t i = 0; i < a.features.size(); ++i) {
        const Feature& x = a.features[i];
        const Feature& y = b.features[i];
        if (x.fid != y.fid || x.values != y.values || std::memcmp(&x.bbox, &y.bbox, sizeof(BBox)) != 0 ||
            x.polygons.size() != y.polygons.size() || x.lines.size() != y.lines.size() ||
            !same_points(x.points, y.points))
            return false;
        for (std::size_t p = 0; p < x.polygons.size(); ++p) {
            if (x.polygons[p].rings.size() != y.polygons[p].rings.size()) return false;
            for (std::size_t r = 0; r < x.polygons[p].rings.size(); ++r)
                if (!same_points(x.polygons[p].rings[r], y.polygons[p].rings[r])) return false;
        }
        for (std::size_t l = 0; l < x.lines.size(); ++l)
            if (!same_points(x.lines[l], y.lines[l])) return false;
    }
    return true;
}

}  // namespace

int events_csv(const std::uint8_t* data, std::size_t size) {
    check_events(parse_events_csv(as_text(data, size), "fuzz.csv", fuzz_places()));
    return 0;
}

int events_geojson(const std::uint8_t* data, std::size_t size) {
    ensure_gdal_registered();
    const std::string path = "/vsimem/fuzz/events.geojson";
    MemFile file(path, as_text(data, size));
    auto set = load_events(path, fuzz_places());
    if (set) check_events(set.value());
    else require(!set.error().message.empty(), "events load error has a message");
    return 0;
}

int dates(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = as_text(data, size);
    std::string why;
    if (auto f = FuzzyDate::parse(text, &why)) {
        require(f->first() <= f->last(), "fuzzy date interval is ordered");
        auto again = FuzzyDate::parse(f->text());
        require(again && *again == *f, "FuzzyDate text() parses back to the same date");
        require(!f->display().empty(), "display text");
    } else {
        require(!why.empty(), "a rejected date says why");
    }
    if (auto d = Date::parse(text)) require(Date::parse(d->iso()) == d, "Date iso() parses back");
    if (auto d = parse_typed_date(text)) {
        auto back = parse_typed_date(d->iso());
        require(back && *back == *d, "typed date: iso() parses back to the same day");
    }
    // The calendar arithmetic itself, on the first twelve bytes taken as three ints.
    if (size >= 12) {
        int ymd[3];
        std::memcpy(ymd, data, sizeof ymd);
        if (auto d = Date::from_ymd(ymd[0], ymd[1], ymd[2])) {
            require(d->year() == ymd[0] && d->month() == ymd[1] && d->day() == ymd[2],
                    "from_ymd gives back its year, month and day");
        }
    }
    return 0;
}

int places(const std::uint8_t* data, std::size_t size) {
    auto table = parse_places(as_text(data, size), "fuzz-places.csv");
    if (!table) {
        require(!table.error().message.empty(), "places error has a message");
        return 0;
    }
    for (const auto& problem : table->problems) require(!problem.empty(), "a places problem has a message");
    for (const auto& p : table->places) {
        require(!p.name.empty(), "place has a name");
        require(p.position.lat >= -90 && p.position.lat <= 90, "latitude in range");
        require(p.position.lon >= -180 && p.position.lon <= 180, "longitude in range");
        require(table->find(p.name) != nullptr, "place can be found by name");
    }
    return 0;
}

int vector_shp(const std::uint8_t* data, std::size_t size) {
    ensure_gdal_registered();
    const std::string_view text = as_text(data, size);
    // Split on the markers; each part ends where the next marker (of any kind) starts.
    static const char* const kMarkers[] = {"|SHX|", "|DBF|", "|PRJ|", "|CPG|"};
    static const char* const kExtensions[] = {".shx", ".dbf", ".prj", ".cpg"};
    auto next_marker = [&](std::size_t from) {
        std::size_t best = std::string_view::npos;
        for (const char* m : kMarkers) best = std::min(best, text.find(m, from));
        return best;
    };
    const std::string base = "/vsimem/fuzz/layer";
    std::vector<std::unique_ptr<MemFile>> files;
    std::size_t end = next_marker(0);
    files.push_back(std::make_unique<MemFile>(base + ".shp", text.substr(0, end)));
    while (end != std::string_view::npos) {
        const std::size_t start = end + 5;
        std::string ext;
        for (int k = 0; k < 4; ++k)
            if (text.compare(end, 5, kMarkers[k]) == 0) ext = kExtensions[k];
        end = next_marker(start);
        const auto part = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        files.push_back(std::make_unique<MemFile>(base + ext, part));  // a repeated part replaces the earlier one
    }
    load_and_prepare(base + ".shp");
    return 0;
}

int vector_geojson(const std::uint8_t* data, std::size_t size) {
    ensure_gdal_registered();
    const std::string path = "/vsimem/fuzz/layer.geojson";
    MemFile file(path, as_text(data, size));
    load_and_prepare(path);
    // Differential: what the fast reader takes must equal GDAL's reading, bit for bit.
    if (auto fast = read_geojson_fast(path)) {
        auto gdal = load_vector_source_with_gdal(path);
        require(fast->ok() && gdal.ok() && gdal->size() == 1, "fast GeoJSON reader and GDAL both read the file");
        require(same_layer(fast->value(), gdal->front()), "fast GeoJSON reader gives GDAL's layer");
    }
    return 0;
}

const std::vector<Entry>& all_entries() {
    static const std::vector<Entry> entries = {
        {"events_csv", events_csv}, {"events_geojson", events_geojson}, {"dates", dates},
        {"places", places},         {"vector_shp", vector_shp},         {"vector_geojson", vector_geojson},
#ifdef EVENTMAP_FUZZ_PROJECT_FILE
        {"project_file", project_file},
#endif
    };
    return entries;
}

}  // namespace em::fuzz
