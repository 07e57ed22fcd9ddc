#include "entries.hpp"

#include <cpl_vsi.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "core/date.hpp"
#include "events/event_loader.hpp"
#include "events/places.hpp"
#include "events/presence.hpp"
#include "events/timeline.hpp"
#include "geo/geojson_reader.hpp"
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

void check_events(const EventSet& set) {
    for (const auto& p : set.problems) {
        require(p.line >= 1, "problem line is 1-based");
        require(!p.text().empty(), "problem text");
    }
    for (const auto& e : set.events) {
        require(!e.id.empty(), "loaded event has an id");
        require(e.date.first() <= e.date.last(), "event date interval is ordered");
        if (e.end_date) require(e.date.first() <= e.end_date->last(), "end_date not before date");
    }
    // What the window and `presence` do next with the events.
    const auto intervals = derive_presence(set.events);
    for (const auto& e : set.events) (void)presence_on(intervals, e.date.first());
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

void load_and_prepare(const std::string& path) {
    auto layers = load_vector_source(path);
    if (!layers) {
        require(!layers.error().message.empty(), "vector load error has a message");
        return;
    }
    for (const auto& layer : layers.value()) {
        for (const auto& f : layer.features) {
            require(f.values.size() == layer.fields.size(), "one value per field");
            for (const auto& ring_set : f.polygons)
                for (const auto& r : ring_set.rings)
                    for (const auto& p : r) require(std::isfinite(p.lon) && std::isfinite(p.lat), "finite lon/lat");
        }
        (void)prepare_layer(layer);
    }
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
