#include "events/event_loader.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "core/numbers.hpp"
#include "core/utf8.hpp"
#include "events/acled_reader.hpp"
#include "events/csv_reader.hpp"
#include "geo/source_policy.hpp"
#include "geo/vector_loader.hpp"

namespace em {

namespace {

// The columns of events.csv by position in event_columns().
enum Column : int {
    kId,
    kDate,
    kEndDate,
    kKind,
    kActor,
    kCountry,
    kFrom,
    kTo,
    kSize,
    kParticipants,
    kDescription,
    kSource,
    kConfidence,
    kUrl,
    kColumnCount
};

constexpr Column kRequired[] = {kId, kDate, kKind, kActor, kCountry, kTo, kSource, kConfidence};

// One row's fields by column: the value (an empty string when the file has no such column) and the 1-based field
// number it was read from (0 when there is none, as for GeoJSON properties). build_event may move values out.
struct RowFields {
    std::array<std::string*, kColumnCount> value{};
    std::array<int, kColumnCount> column{};
};

// Places by name, for rows that name them: the first place of the table with a name wins, as in
// PlaceTable::find, but in constant time (a table is searched twice per row).
class PlaceLookup {
public:
    explicit PlaceLookup(const PlaceTable& table) {
        by_name_.reserve(table.places.size());
        for (const Place& p : table.places) by_name_.emplace(p.name, &p);
    }
    const Place* find(std::string_view name) const {
        const auto it = by_name_.find(name);
        return it == by_name_.end() ? nullptr : it->second;
    }

private:
    std::unordered_map<std::string_view, const Place*> by_name_;
};

// A GeoJSON feature's own places (from its geometry, searched first) in front of the shared table.
struct FeaturePlaces {
    std::vector<Place> own;
    const PlaceLookup& shared;

    const Place* find(std::string_view name) const {
        for (const Place& p : own)
            if (p.name == name) return &p;
        return shared.find(name);
    }
};

// Resolves a place name or "lat;lon"; the error text says why not.
template <class Places>
std::optional<GeoPoint> resolve_place(const std::string& text, const Places& places, std::string& why) {
    if (const Place* p = places.find(text)) return p->position;
    const auto semi = text.find(';');
    if (semi != std::string::npos) {
        auto lat = parse_finite_number(std::string_view(text).substr(0, semi));
        auto lon = parse_finite_number(std::string_view(text).substr(semi + 1));
        if (lat && lon && std::abs(*lat) <= 90 && std::abs(*lon) <= 180) return GeoPoint{*lon, *lat};
        why = "'" + text + "' is not lat;lon with latitude -90..90 and longitude -180..180";
        return std::nullopt;
    }
    why = "unknown place '" + text + "' (not in places.csv, and not lat;lon)";
    return std::nullopt;
}

bool is_country_code(const std::string& s) {
    return s.size() == 3 && std::isupper(static_cast<unsigned char>(s[0])) &&
           std::isupper(static_cast<unsigned char>(s[1])) && std::isupper(static_cast<unsigned char>(s[2]));
}

// The ids of the events loaded so far, to find duplicates: an open-addressing table of (hash, index into the
// events), sized once for the rows expected (fresh memory is slow to touch here: see reserve_events). The events
// may move if their vector grows; the table only keeps indices and hashes.
class IdSet {
public:
    IdSet(const std::vector<Event>& events, std::size_t expected) : events_(events) {
        slots_.resize(std::bit_ceil(2 * std::max<std::size_t>(expected, 16)));
    }

    // Adds events[i]'s id; false, and nothing added, when an event already added has the same id.
    bool insert(std::size_t i) {
        if (2 * (count_ + 1) > slots_.size()) grow();
        const std::string& id = events_[i].id;
        const auto hash = static_cast<std::uint32_t>(std::hash<std::string>{}(id));
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
            Slot& slot = slots_[s];
            if (slot.index == kEmpty) {
                slot = {hash, static_cast<std::uint32_t>(i)};
                ++count_;
                return true;
            }
            if (slot.hash == hash && events_[slot.index].id == id) return false;
        }
    }

private:
    static constexpr std::uint32_t kEmpty = ~std::uint32_t{0};
    struct Slot {
        std::uint32_t hash = 0, index = kEmpty;
    };

    void grow() {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(2 * old.size(), Slot{});
        const std::size_t mask = slots_.size() - 1;
        for (const Slot& slot : old) {
            if (slot.index == kEmpty) continue;
            std::size_t s = slot.hash & mask;
            while (slots_[s].index != kEmpty) s = (s + 1) & mask;
            slots_[s] = slot;
        }
    }

    const std::vector<Event>& events_;
    std::vector<Slot> slots_;
    std::size_t count_ = 0;
};

// Makes room at once for the rows the text can hold, so that the events do not move while loading, and asks for
// transparent huge pages under them: on the virtual machines eventmap is measured on, a 4 KiB page fault costs
// about 15 us, and 100,000 events fill 44 MB (11,000 faults: more time than the parsing). The room is the smaller
// of two bounds: a row starts on a line of its own, and a row that loads has its 8 required fields (at least
// 1+4+4+1+3+1+1+1 bytes), 7 separators and an end. (A lone CR after a quoted field also ends a row, so odd files
// can hold more rows than lines; the vector then grows as usual.)
void reserve_events(std::vector<Event>& events, std::string_view text) {
    const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    events.reserve(std::min(lines, text.size() / 24 + 1));
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const std::uintptr_t page = 4096, huge = std::uintptr_t{2} << 20;
    const std::size_t bytes = events.capacity() * sizeof(Event);
    if (bytes < 2 * huge) return;
    const auto begin = (reinterpret_cast<std::uintptr_t>(events.data()) + page - 1) & ~(page - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(events.data()) + bytes) & ~(page - 1);
    madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);  // advice: if refused, nothing changes
#endif
}

// is_valid_utf8 with a shortcut for plain ASCII, which almost every field is.
bool valid_utf8(const std::string& s) {
    for (const char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return is_valid_utf8(s);
    return true;
}

// Fills `e` from a row's fields; reports problems against (file, line) with the row's column numbers. Returns
// false when the row has an error (it is then to be skipped). Every value but the id may be moved into `e`.
template <class Places>
bool build_event(RowFields& row, const std::string& file, int line, const Places& places,
                 std::vector<EventProblem>& problems, Event& e) {
    const size_t before = problems.size();
    auto get = [&](Column c) -> const std::string& { return *row.value[c]; };
    auto error = [&](Column c, std::string message) {
        problems.push_back(
            {EventProblem::Severity::kError, file, line, row.column[c], event_columns()[c], std::move(message)});
    };
    e.file = file;
    e.line = line;
    e.id = get(kId);
    for (const Column c : kRequired)
        if (get(c).empty()) error(c, "missing required field '" + event_columns()[c] + "'");
    for (int c = 0; c < kColumnCount; ++c)
        if (!valid_utf8(get(Column(c)))) error(Column(c), "not valid UTF-8 (save the file as UTF-8)");
    std::string why;
    if (!get(kDate).empty()) {
        if (auto d = FuzzyDate::parse(get(kDate), &why)) {
            e.date = *d;
        } else {
            error(kDate, "impossible date '" + get(kDate) + "': " + why);
        }
    }
    if (!get(kEndDate).empty()) {
        if (auto d = FuzzyDate::parse(get(kEndDate), &why)) {
            e.end_date = *d;
            if (problems.size() == before && e.end_date->last() < e.date.first())
                error(kEndDate, "end_date " + get(kEndDate) + " is before date " + get(kDate));
        } else {
            error(kEndDate, "impossible date '" + get(kEndDate) + "': " + why);
        }
    }
    if (!get(kKind).empty()) {
        if (auto k = parse_kind(get(kKind))) {
            e.kind = *k;
        } else {
            std::string known;
            for (auto k2 : all_kinds()) known += (known.empty() ? "" : ", ") + std::string(kind_name(k2));
            error(kKind, "unknown kind '" + get(kKind) + "' (known: " + known + ")");
        }
    }
    if (!get(kCountry).empty() && !is_country_code(get(kCountry)))
        error(kCountry, "'" + get(kCountry) + "' is not an ISO 3166-1 alpha-3 code (three capital letters)");
    std::optional<GeoPoint> to, from;
    if (!get(kTo).empty()) {
        to = resolve_place(get(kTo), places, why);
        if (!to) error(kTo, why);
    }
    if (!get(kFrom).empty()) {
        from = resolve_place(get(kFrom), places, why);
        if (!from) error(kFrom, why);
    }
    for (size_t i = before; i < problems.size(); ++i)
        if (problems[i].severity == EventProblem::Severity::kError) return false;
    // The row is good: its text moves into the event.
    auto take = [&](Column c) { return std::move(*row.value[c]); };
    e.actor = take(kActor);
    e.country = take(kCountry);
    if (to) e.to = EventPlace{take(kTo), *to};
    if (from) e.from = EventPlace{take(kFrom), *from};
    e.size = take(kSize);
    e.participants = take(kParticipants);
    e.description = take(kDescription);
    e.source = take(kSource);
    e.confidence = take(kConfidence);
    e.url = take(kUrl);
    if (!e.url.empty()) {
        if (const std::string why_url = web_address_problem(e.url); !why_url.empty())
            problems.push_back({EventProblem::Severity::kWarning, file, line, row.column[kUrl], "url",
                                "'" + e.url + "' is not a well-formed web address: " + why_url +
                                    " (kept, but it will not be opened)"});
    }
    if (problems.size() == before && e.kind == EventKind::kHandover && !e.handover_predecessor())
        problems.push_back({EventProblem::Severity::kWarning, file, line, row.column[kDescription], "description",
                            "handover without 'Handover: <predecessor> -> <actor>.' at the start of the "
                            "description: the predecessor's presence cannot be ended"});
    return true;
}

std::string read_file(const std::string& path, bool& ok) {
    std::ifstream in(path, std::ios::binary);
    ok = static_cast<bool>(in);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

// Why `url` is not a well-formed http(s) address, or empty when it is: scheme http or https, a host of letters,
// digits, '-' and '.', an optional port, then an optional path, query or fragment without spaces or control
// characters.
std::string web_address_problem(std::string_view url) {
    std::size_t pos = 0;
    if (url.rfind("https://", 0) == 0) {
        pos = 8;
    } else if (url.rfind("http://", 0) == 0) {
        pos = 7;
    } else {
        return "not an http:// or https:// address";
    }
    const std::size_t host_start = pos;
    while (pos < url.size() && url[pos] != '/' && url[pos] != '?' && url[pos] != '#' && url[pos] != ':') {
        const unsigned char c = static_cast<unsigned char>(url[pos]);
        if (!(std::isalnum(c) || c == '-' || c == '.')) return "the host name has a character that is not allowed";
        ++pos;
    }
    const std::string_view host = url.substr(host_start, pos - host_start);
    if (host.empty() || host.front() == '.' || host.back() == '.' || host.find("..") != std::string_view::npos ||
        host.find('.') == std::string_view::npos)
        return "no valid host name";
    if (pos < url.size() && url[pos] == ':') {
        const std::size_t port_start = ++pos;
        while (pos < url.size() && std::isdigit(static_cast<unsigned char>(url[pos]))) ++pos;
        if (pos == port_start || (pos < url.size() && url[pos] != '/' && url[pos] != '?' && url[pos] != '#'))
            return "the port is not a number";
    }
    for (; pos < url.size(); ++pos) {
        const unsigned char c = static_cast<unsigned char>(url[pos]);
        if (c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`')
            return "contains a space, a control character or one of \" < > \\ `";
    }
    return "";
}

std::string EventProblem::text() const {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line);  // 0: about the whole file or layer
    if (column > 0) out += ":" + std::to_string(column);
    out += severity == Severity::kError ? ": error: " : ": warning: ";
    out += message;
    if (!column_name.empty()) out += " [" + column_name + "]";
    return out;
}

std::size_t EventSet::error_count() const {
    std::size_t n = 0;
    for (const auto& p : problems) n += p.severity == EventProblem::Severity::kError;
    return n;
}

const std::vector<std::string>& event_columns() {
    static const std::vector<std::string> columns = {"id",   "date", "end_date", "kind",         "actor",
                                                     "country", "from", "to",   "size",     "participants",
                                                     "description", "source", "confidence", "url"};
    return columns;
}

EventSet parse_events_csv(std::string_view text, const std::string& file, const PlaceTable& places) {
    using S = EventProblem::Severity;
    EventSet set;
    // The file is read in one pass, record by record. Problems keep the order they had when the whole file was
    // parsed first: notes on the file, CSV problems, the header's, then the rows'.
    std::vector<EventProblem> header_problems, row_problems;
    bool have_header = false, header_ok = false;
    int header_line = 0;
    size_t header_size = 0;
    std::array<int, kColumnCount> index_of;
    index_of.fill(-1);
    const PlaceLookup lookup(places);
    std::string absent;  // the value of a column the file does not have
    reserve_events(set.events, text);
    IdSet ids(set.events, set.events.capacity());
    auto on_record = [&](CsvRecord& rec) {
        if (!have_header) {
            have_header = true;
            header_line = rec.line;
            header_size = rec.fields.size();
            const auto& header = rec.fields;
            for (size_t c = 0; c < header.size(); ++c) {
                bool known = false;
                for (int k = 0; k < kColumnCount; ++k) {
                    if (header[c] == event_columns()[k]) index_of[k] = static_cast<int>(c), known = true;
                }
                if (!known)
                    header_problems.push_back({S::kWarning, file, header_line, static_cast<int>(c) + 1, header[c],
                                               "unknown column '" + header[c] + "' (ignored)"});
            }
            header_ok = true;
            for (const Column req : kRequired) {
                if (index_of[req] < 0) {
                    header_problems.push_back({S::kError, file, header_line, 0, event_columns()[req],
                                               "header has no '" + event_columns()[req] + "' column"});
                    header_ok = false;
                }
            }
            return;
        }
        if (!header_ok) return;
        if (rec.fields.size() != header_size) {
            row_problems.push_back({S::kError, file, rec.line, 0, "",
                                    "expected " + std::to_string(header_size) + " columns, found " +
                                        std::to_string(rec.fields.size()) + " (row skipped)"});
            return;
        }
        RowFields row;
        absent.clear();
        for (int k = 0; k < kColumnCount; ++k) {
            row.value[k] = index_of[k] >= 0 ? &rec.fields[index_of[k]] : &absent;
            row.column[k] = index_of[k] + 1;
        }
        if (!build_event(row, file, rec.line, lookup, row_problems, set.events.emplace_back())) {
            set.events.pop_back();
            return;
        }
        if (!ids.insert(set.events.size() - 1)) {
            row_problems.push_back({S::kError, file, rec.line, row.column[kId], "id",
                                    "duplicate id '" + set.events.back().id + "' (row skipped)"});
            set.events.pop_back();
        }
    };
    CsvScan scan;
    read_csv(text, scan, on_record);
    add_csv_read_problems(set, file, scan, have_header, std::move(header_problems), std::move(row_problems));
    return set;
}

void add_csv_read_problems(EventSet& set, const std::string& file, const CsvScan& scan, bool have_header,
                           std::vector<EventProblem> header_problems, std::vector<EventProblem> row_problems) {
    using S = EventProblem::Severity;
    if (scan.had_bom)
        set.problems.push_back({S::kWarning, file, 1, 0, "", "starts with a UTF-8 byte-order mark (ignored)"});
    if (scan.had_crlf)
        set.problems.push_back({S::kWarning, file, 1, 0, "", "uses CRLF line ends (accepted)"});
    for (const auto& p : scan.problems) set.problems.push_back({S::kError, file, p.line, p.column, "", p.message});
    if (!have_header) {
        set.problems.push_back({S::kError, file, 1, 0, "", "empty file: expected a header line"});
        return;
    }
    for (auto& p : header_problems) set.problems.push_back(std::move(p));
    for (auto& p : row_problems) set.problems.push_back(std::move(p));
}

Result<EventSet> load_events(const std::string& path, const PlaceTable& places, const AcledActorMap* acled_actors) {
    if (auto ok = check_source(path); !ok) return ok.error();
    std::error_code ec;
    const bool database = classify_source(path) == SourceKind::kDatabase;
    if (!database && std::filesystem::is_directory(path, ec)) return Error{path + ": is a folder, not an events file"};
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // CSV (and anything without an extension) is ours to read, with line and column; every other source goes
    // through GDAL: GeoJSON, GeoPackage, shapefiles, PostGIS ("PG:..."), ...
    if (database || (ext != ".csv" && ext != ".txt" && !ext.empty())) {
        auto layers = load_vector_source(path);
        if (!layers) {
            // One line: a database driver's message spans several (libpq: "connection ... failed:\n\tIs the
            // server running ...").
            std::string message = layers.error().message;
            std::string flat;
            for (std::size_t i = 0; i < message.size(); ++i) {
                if (message[i] == '\n' || message[i] == '\r' || message[i] == '\t') {
                    if (!flat.empty() && flat.back() != ' ') flat += ' ';
                    continue;
                }
                flat += message[i];
            }
            while (!flat.empty() && flat.back() == ' ') flat.pop_back();
            return Error{flat};
        }
        EventSet set;
        std::unordered_set<std::string> ids;
        const PlaceLookup lookup(places);
        for (const VectorLayer& layer : layers.value()) {
            std::array<int, kColumnCount> field_of;
            for (int k = 0; k < kColumnCount; ++k) field_of[k] = layer.field_index(event_columns()[k]);
            // A table without a required column (a PostGIS table made for something else) is one line, not one
            // error per feature. `to` may come from the geometry alone. GeoJSON has no table: its features' own
            // properties are checked one by one, as before.
            const bool has_schema = ext != ".geojson" && ext != ".json";
            std::string missing;
            for (const Column c : kRequired)
                if (c != kTo && field_of[c] < 0) missing += (missing.empty() ? "'" : ", '") + event_columns()[c] + "'";
            if (has_schema && !layer.features.empty() && !missing.empty()) {
                set.problems.push_back({EventProblem::Severity::kError, path, 0, 0, "",
                                        "layer '" + layer.name + "' has no " + missing +
                                            " column (see docs/data-format.md; layer skipped)"});
                continue;
            }
            for (size_t i = 0; i < layer.features.size(); ++i) {
                const Feature& f = layer.features[i];
                const int number = static_cast<int>(i) + 1;
                std::array<std::string, kColumnCount> values;
                RowFields row;  // columns stay 0: properties have no column number
                for (int k = 0; k < kColumnCount; ++k) {
                    if (field_of[k] >= 0) values[k] = f.values[field_of[k]];
                    row.value[k] = &values[k];
                }
                // GDAL's GeoJSON reader makes a property whose values are all full dates a Date field, which it
                // prints as YYYY/MM/DD: give the date back as written.
                for (const Column c : {kDate, kEndDate}) {
                    std::string& v = values[c];
                    if (v.size() == 10 && v[4] == '/' && v[7] == '/') v[4] = v[7] = '-';
                }
                // The geometry is authoritative: make `to` (and `from` for lines) resolve to it, even when they
                // name a place of the table (the geometry entries come first, so they win).
                FeaturePlaces local{{}, lookup};
                auto add = [&](const std::string& key, const GeoPoint& p) {
                    local.own.push_back(Place{key, "", "", p, false, "", ""});
                };
                std::string& to_name = values[kTo];
                std::string& from_name = values[kFrom];
                if (!f.points.empty()) {
                    if (to_name.empty()) to_name = "feature " + std::to_string(number);
                    add(to_name, f.points.front());
                } else if (!f.lines.empty() && f.lines.front().size() >= 2) {
                    if (to_name.empty()) to_name = "feature " + std::to_string(number) + " end";
                    if (from_name.empty()) from_name = "feature " + std::to_string(number) + " start";
                    add(to_name, f.lines.front().back());
                    add(from_name, f.lines.front().front());
                } else if (layer.kind != GeometryKind::kNone || to_name.empty()) {
                    set.problems.push_back({EventProblem::Severity::kError, path, number, 0, "geometry",
                                            "feature has no Point or LineString geometry (skipped)"});
                    continue;
                }  // else a layer without any geometry (a plain PostgreSQL table, a CSV through GDAL): `to`
                   // and `from` name places or lat;lon, as in events.csv
                Event event;
                if (!build_event(row, path, number, local, set.problems, event)) continue;
                if (!ids.insert(event.id).second) {
                    set.problems.push_back({EventProblem::Severity::kError, path, number, 0, "id",
                                            "duplicate id '" + event.id + "' (feature skipped)"});
                    continue;
                }
                set.events.push_back(std::move(event));
            }
        }
        return set;
    }
    bool ok = false;
    std::string text = read_file(path, ok);
    if (!ok) return Error{path + ": cannot open"};
    if (looks_like_acled(text))
        return parse_acled_csv(text, path, acled_actors ? *acled_actors : AcledActorMap{}, CountryCodes::from_iso_codes());
    return parse_events_csv(text, path, places);
}

void merge_events(EventSet& into, EventSet other) {
    std::unordered_set<std::string> ids;
    for (const auto& e : into.events) ids.insert(e.id);
    for (auto& e : other.events) {
        if (!ids.insert(e.id).second) {
            into.problems.push_back({EventProblem::Severity::kError, e.file, e.line, 0, "id",
                                     "duplicate id '" + e.id + "' (already loaded from another file; skipped)"});
            continue;
        }
        into.events.push_back(std::move(e));
    }
    for (auto& p : other.problems) into.problems.push_back(std::move(p));
}

}  // namespace em
