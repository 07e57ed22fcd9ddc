#include "events/event_loader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "core/numbers.hpp"
#include "core/utf8.hpp"
#include "events/csv_reader.hpp"
#include "geo/vector_loader.hpp"

namespace em {

namespace {

const std::vector<std::string> kRequired = {"id", "date", "kind", "actor", "country", "to", "source", "confidence"};


// Resolves a place name or "lat;lon"; the error text says why not.
std::optional<EventPlace> resolve_place(const std::string& text, const PlaceTable& places, std::string& why) {
    if (const Place* p = places.find(text)) return EventPlace{text, p->position};
    const auto semi = text.find(';');
    if (semi != std::string::npos) {
        auto lat = parse_finite_number(std::string_view(text).substr(0, semi));
        auto lon = parse_finite_number(std::string_view(text).substr(semi + 1));
        if (lat && lon && std::abs(*lat) <= 90 && std::abs(*lon) <= 180) return EventPlace{text, {*lon, *lat}};
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

// Builds an event from named fields; reports problems against (file, line) with column numbers from `column`.
std::optional<Event> build_event(const std::function<std::string(const std::string&)>& get,
                                 const std::function<int(const std::string&)>& column, const std::string& file,
                                 int line, const PlaceTable& places, std::vector<EventProblem>& problems) {
    const size_t before = problems.size();
    auto error = [&](const std::string& col, const std::string& message) {
        problems.push_back({EventProblem::Severity::kError, file, line, column(col), col, message});
    };
    Event e;
    e.file = file;
    e.line = line;
    e.id = get("id");
    for (const std::string& col : kRequired)
        if (get(col).empty()) error(col, "missing required field '" + col + "'");
    for (const std::string& col : event_columns())
        if (!is_valid_utf8(get(col))) error(col, "not valid UTF-8 (save the file as UTF-8)");
    std::string why;
    if (!get("date").empty()) {
        if (auto d = FuzzyDate::parse(get("date"), &why)) {
            e.date = *d;
        } else {
            error("date", "impossible date '" + get("date") + "': " + why);
        }
    }
    if (!get("end_date").empty()) {
        if (auto d = FuzzyDate::parse(get("end_date"), &why)) {
            e.end_date = *d;
            if (problems.size() == before && e.end_date->last() < e.date.first())
                error("end_date", "end_date " + get("end_date") + " is before date " + get("date"));
        } else {
            error("end_date", "impossible date '" + get("end_date") + "': " + why);
        }
    }
    if (!get("kind").empty()) {
        if (auto k = parse_kind(get("kind"))) {
            e.kind = *k;
        } else {
            std::string known;
            for (auto k2 : all_kinds()) known += (known.empty() ? "" : ", ") + std::string(kind_name(k2));
            error("kind", "unknown kind '" + get("kind") + "' (known: " + known + ")");
        }
    }
    e.actor = get("actor");
    e.country = get("country");
    if (!e.country.empty() && !is_country_code(e.country))
        error("country", "'" + e.country + "' is not an ISO 3166-1 alpha-3 code (three capital letters)");
    if (!get("to").empty()) {
        if (auto p = resolve_place(get("to"), places, why)) {
            e.to = *p;
        } else {
            error("to", why);
        }
    }
    if (!get("from").empty()) {
        if (auto p = resolve_place(get("from"), places, why)) {
            e.from = *p;
        } else {
            error("from", why);
        }
    }
    e.size = get("size");
    e.participants = get("participants");
    e.description = get("description");
    e.source = get("source");
    e.confidence = get("confidence");
    if (problems.size() == before && e.kind == EventKind::kHandover && !e.handover_predecessor())
        problems.push_back({EventProblem::Severity::kWarning, file, line, column("description"), "description",
                            "handover without 'Handover: <predecessor> -> <actor>.' at the start of the "
                            "description: the predecessor's presence cannot be ended"});
    if (problems.size() > before) {
        for (size_t i = before; i < problems.size(); ++i)
            if (problems[i].severity == EventProblem::Severity::kError) return std::nullopt;
    }
    return e;
}

std::string read_file(const std::string& path, bool& ok) {
    std::ifstream in(path, std::ios::binary);
    ok = static_cast<bool>(in);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

std::string EventProblem::text() const {
    std::string out = file + ":" + std::to_string(line);
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
                                                     "description", "source", "confidence"};
    return columns;
}

EventSet parse_events_csv(std::string_view text, const std::string& file, const PlaceTable& places) {
    EventSet set;
    CsvDocument doc = parse_csv(text);
    using S = EventProblem::Severity;
    if (doc.had_bom)
        set.problems.push_back({S::kWarning, file, 1, 0, "", "starts with a UTF-8 byte-order mark (ignored)"});
    if (doc.had_crlf)
        set.problems.push_back({S::kWarning, file, 1, 0, "", "uses CRLF line ends (accepted)"});
    for (const auto& p : doc.problems) set.problems.push_back({S::kError, file, p.line, p.column, "", p.message});
    if (doc.records.empty()) {
        set.problems.push_back({S::kError, file, 1, 0, "", "empty file: expected a header line"});
        return set;
    }
    const auto& header = doc.records.front().fields;
    std::vector<int> index_of(event_columns().size(), -1);
    for (size_t c = 0; c < header.size(); ++c) {
        bool known = false;
        for (size_t k = 0; k < event_columns().size(); ++k) {
            if (header[c] == event_columns()[k]) index_of[k] = static_cast<int>(c), known = true;
        }
        if (!known)
            set.problems.push_back({S::kWarning, file, doc.records.front().line, static_cast<int>(c) + 1, header[c],
                                    "unknown column '" + header[c] + "' (ignored)"});
    }
    bool header_ok = true;
    for (const std::string& req : kRequired) {
        const auto k = std::find(event_columns().begin(), event_columns().end(), req) - event_columns().begin();
        if (index_of[k] < 0) {
            set.problems.push_back({S::kError, file, doc.records.front().line, 0, req,
                                    "header has no '" + req + "' column"});
            header_ok = false;
        }
    }
    if (!header_ok) return set;
    std::unordered_set<std::string> ids;
    for (size_t r = 1; r < doc.records.size(); ++r) {
        const CsvRecord& rec = doc.records[r];
        if (rec.fields.size() != header.size()) {
            set.problems.push_back({S::kError, file, rec.line, 0, "",
                                    "expected " + std::to_string(header.size()) + " columns, found " +
                                        std::to_string(rec.fields.size()) + " (row skipped)"});
            continue;
        }
        auto get = [&](const std::string& col) {
            const auto k = std::find(event_columns().begin(), event_columns().end(), col) - event_columns().begin();
            return index_of[k] >= 0 ? rec.fields[index_of[k]] : std::string();
        };
        auto column = [&](const std::string& col) {
            const auto k = std::find(event_columns().begin(), event_columns().end(), col) - event_columns().begin();
            return index_of[k] + 1;
        };
        auto event = build_event(get, column, file, rec.line, places, set.problems);
        if (!event) continue;
        if (!ids.insert(event->id).second) {
            set.problems.push_back({S::kError, file, rec.line, column("id"), "id",
                                    "duplicate id '" + event->id + "' (row skipped)"});
            continue;
        }
        set.events.push_back(std::move(*event));
    }
    return set;
}

Result<EventSet> load_events(const std::string& path, const PlaceTable& places) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return Error{path + ": is a folder, not an events file"};
    const std::string ext = std::filesystem::path(path).extension().string();
    if (ext == ".geojson" || ext == ".json") {
        auto layers = load_vector_source(path);
        if (!layers) return layers.error();
        EventSet set;
        std::unordered_set<std::string> ids;
        for (const VectorLayer& layer : layers.value()) {
            for (size_t i = 0; i < layer.features.size(); ++i) {
                const Feature& f = layer.features[i];
                const int number = static_cast<int>(i) + 1;
                auto get = [&](const std::string& col) {
                    const int k = layer.field_index(col);
                    std::string v = k >= 0 ? f.values[k] : std::string();
                    // GDAL's GeoJSON reader makes a property whose values are all full dates a Date field, which
                    // it prints as YYYY/MM/DD: give the date back as written.
                    if ((col == "date" || col == "end_date") && v.size() == 10 && v[4] == '/' && v[7] == '/')
                        v[4] = v[7] = '-';
                    return v;
                };
                auto column = [](const std::string&) { return 0; };
                // The geometry is authoritative: make `to` (and `from` for lines) resolve to it, even when they
                // name a place of the table (the geometry entries come first, so they win).
                PlaceTable local;
                auto add = [&](const std::string& key, const GeoPoint& p) {
                    local.places.push_back(Place{key, "", "", p, false, "", ""});
                };
                std::string to_name = get("to"), from_name = get("from");
                auto getter = [&](const std::string& col) {
                    if (col == "to") return to_name;
                    if (col == "from") return from_name;
                    return get(col);
                };
                if (!f.points.empty()) {
                    if (to_name.empty()) to_name = "feature " + std::to_string(number);
                    add(to_name, f.points.front());
                } else if (!f.lines.empty() && f.lines.front().size() >= 2) {
                    if (to_name.empty()) to_name = "feature " + std::to_string(number) + " end";
                    if (from_name.empty()) from_name = "feature " + std::to_string(number) + " start";
                    add(to_name, f.lines.front().back());
                    add(from_name, f.lines.front().front());
                } else {
                    set.problems.push_back({EventProblem::Severity::kError, path, number, 0, "geometry",
                                            "feature has no Point or LineString geometry (skipped)"});
                    continue;
                }
                local.places.insert(local.places.end(), places.places.begin(), places.places.end());
                auto event = build_event(getter, column, path, number, local, set.problems);
                if (!event) continue;
                if (!ids.insert(event->id).second) {
                    set.problems.push_back({EventProblem::Severity::kError, path, number, 0, "id",
                                            "duplicate id '" + event->id + "' (feature skipped)"});
                    continue;
                }
                set.events.push_back(std::move(*event));
            }
        }
        return set;
    }
    bool ok = false;
    std::string text = read_file(path, ok);
    if (!ok) return Error{path + ": cannot open"};
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
