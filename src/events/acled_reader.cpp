#include "events/acled_reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "core/numbers.hpp"
#include "events/csv_reader.hpp"
#include "events/event_loader.hpp"

namespace em {

namespace {

// The columns eventmap reads, by name (ACLED codebook). Both column sets have them, but for the alpha-3 code:
// `iso3` in the older set only.
enum Col : int {
    kEventId, kEventDate, kTimePrecision, kDisorderType, kEventType, kSubEventType, kActor1, kAssocActor1, kActor2,
    kAssocActor2, kIso, kIso3, kCountry, kAdmin1, kLocation, kLatitude, kLongitude, kGeoPrecision, kSource, kNotes,
    kFatalities, kColCount
};
constexpr std::array<std::string_view, kColCount> kNames = {
    "event_id_cnty", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "actor2", "assoc_actor_2", "iso", "iso3", "country", "admin1", "location", "latitude",
    "longitude", "geo_precision", "source", "notes", "fatalities"};
constexpr Col kRequired[] = {kEventId, kEventDate, kEventType, kLatitude, kLongitude};

constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",   "may",      "june",
                                                      "july",    "august",   "september", "october", "november", "december"};

std::optional<int> whole_number(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    int v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return v;
}

int month_of(std::string_view word) {
    std::string w(word);
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::size_t m = 0; m < kMonths.size(); ++m)
        if (w == kMonths[m] || (w.size() == 3 && kMonths[m].substr(0, 3) == w)) return static_cast<int>(m) + 1;
    return 0;
}

}  // namespace

bool is_acled_header(const std::vector<std::string>& header) {
    for (const Col c : kRequired)
        if (std::find(header.begin(), header.end(), kNames[c]) == header.end()) return false;
    return true;
}

bool looks_like_acled(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::string_view line = text.substr(0, text.find('\n'));
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::vector<std::string> fields;
    for (std::size_t start = 0;;) {
        const auto comma = line.find(',', start);
        std::string_view f = line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        if (f.size() >= 2 && f.front() == '"' && f.back() == '"') f = f.substr(1, f.size() - 2);
        fields.emplace_back(f);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return is_acled_header(fields);
}

std::optional<Date> parse_acled_date(std::string_view text, std::string* why) {
    auto fail = [&](std::string reason) -> std::optional<Date> {
        if (why) *why = std::move(reason);
        return std::nullopt;
    };
    int y = 0, m = 0, d = 0;
    const auto space = text.find(' ');
    if (space != std::string_view::npos) {  // "13 August 2024"
        const auto space2 = text.find(' ', space + 1);
        if (space2 == std::string_view::npos) return fail("expected '13 August 2024', '2024-08-13' or '13-08-2024'");
        const auto day = whole_number(text.substr(0, space));
        m = month_of(text.substr(space + 1, space2 - space - 1));
        const auto year = whole_number(text.substr(space2 + 1));
        if (!day || !year || m == 0) return fail("expected '13 August 2024', '2024-08-13' or '13-08-2024'");
        d = *day, y = *year;
    } else if (text.size() == 10 && text[4] == '-' && text[7] == '-') {  // 2024-08-13
        const auto year = whole_number(text.substr(0, 4)), month = whole_number(text.substr(5, 2)),
                   day = whole_number(text.substr(8, 2));
        if (!year || !month || !day) return fail("expected '13 August 2024', '2024-08-13' or '13-08-2024'");
        y = *year, m = *month, d = *day;
    } else if (text.size() == 10 && text[2] == '-' && text[5] == '-') {  // 13-08-2024
        const auto day = whole_number(text.substr(0, 2)), month = whole_number(text.substr(3, 2)),
                   year = whole_number(text.substr(6, 4));
        if (!year || !month || !day) return fail("expected '13 August 2024', '2024-08-13' or '13-08-2024'");
        y = *year, m = *month, d = *day;
    } else {
        return fail("expected '13 August 2024', '2024-08-13' or '13-08-2024'");
    }
    if (y < 1000 || y > 9999) return fail("the year is not four digits");
    if (auto date = Date::from_ymd(y, m, d)) return date;
    return fail("no such day");
}

EventSet parse_acled_csv(std::string_view text, const std::string& file, const AcledActorMap& actors,
                         const CountryCodes& codes) {
    using S = EventProblem::Severity;
    EventSet set;
    std::vector<EventProblem> header_problems, row_problems;
    std::array<int, kColCount> index_of;
    index_of.fill(-1);
    bool have_header = false, header_ok = false, warned_codes = false;
    std::size_t header_size = 0;
    // Ids seen so far, as views of the events' own ids: the events never move, since there is room for a row on
    // every line (and one more, for a last line without an end).
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    set.events.reserve(lines);
    std::unordered_set<std::string_view> ids;
    ids.reserve(lines);
    std::unordered_map<std::string, std::string> country_of_name;  // a few distinct names: look each up once
    // The confidence text of each pair of precision codes (1 to 3 each), made once rather than per row.
    std::array<std::string, 9> confidences;
    for (int t = 1; t <= 3; ++t) {
        for (int g = 1; g <= 3; ++g) {
            const bool vague = t == 3 || g == 3;
            confidences[(t - 1) * 3 + (g - 1)] = std::string(vague ? "uncertain" : "sourced") +
                                                 " (ACLED; time_precision " + std::to_string(t) + ", geo_precision " +
                                                 std::to_string(g) + ")";
        }
    }

    auto on_record = [&](CsvRecord& rec) {
        if (!have_header) {
            have_header = true;
            header_size = rec.fields.size();
            for (std::size_t c = 0; c < rec.fields.size(); ++c)
                for (int k = 0; k < kColCount; ++k)
                    if (rec.fields[c] == kNames[k]) index_of[k] = static_cast<int>(c);
            header_ok = true;
            for (const Col c : kRequired) {
                if (index_of[c] < 0) {
                    header_problems.push_back({S::kError, file, rec.line, 0, std::string(kNames[c]),
                                               "ACLED header has no '" + std::string(kNames[c]) + "' column"});
                    header_ok = false;
                }
            }
            return;
        }
        if (!header_ok) return;
        if (rec.fields.size() == 1 && rec.fields[0].empty()) return;  // a blank line
        if (rec.fields.size() != header_size) {
            row_problems.push_back({S::kError, file, rec.line, 0, "",
                                    "expected " + std::to_string(header_size) + " columns, found " +
                                        std::to_string(rec.fields.size()) + " (row skipped)"});
            return;
        }
        static const std::string kAbsent;
        auto get = [&](Col c) -> const std::string& { return index_of[c] < 0 ? kAbsent : rec.fields[index_of[c]]; };
        const std::size_t before = row_problems.size();
        auto error = [&](Col c, std::string message) {
            row_problems.push_back({S::kError, file, rec.line, index_of[c] + 1, std::string(kNames[c]),
                                    std::move(message) + " (row skipped)"});
        };
        auto warning = [&](Col c, std::string message) {
            row_problems.push_back({S::kWarning, file, rec.line, index_of[c] + 1, std::string(kNames[c]),
                                    std::move(message)});
        };
        bool bad = false;
        for (const Col c : kRequired)
            if (get(c).empty()) error(c, "missing required field '" + std::string(kNames[c]) + "'"), bad = true;
        if (bad) return;
        std::string why;
        const auto day = parse_acled_date(get(kEventDate), &why);
        if (!day) error(kEventDate, "impossible date '" + get(kEventDate) + "': " + why);
        const auto lat = parse_finite_number(get(kLatitude));
        const auto lon = parse_finite_number(get(kLongitude));
        if (!lat || std::abs(*lat) > 90) error(kLatitude, "'" + get(kLatitude) + "' is not a latitude from -90 to 90");
        if (!lon || std::abs(*lon) > 180)
            error(kLongitude, "'" + get(kLongitude) + "' is not a longitude from -180 to 180");
        int fatalities = 0;
        if (!get(kFatalities).empty()) {
            const auto n = whole_number(get(kFatalities));
            if (!n || *n < 0) error(kFatalities, "'" + get(kFatalities) + "' is not a whole number of fatalities");
            else fatalities = *n;
        }
        auto precision = [&](Col c) {
            if (get(c).empty()) return 1;
            const auto p = whole_number(get(c));
            if (!p || *p < 1 || *p > 3) {
                warning(c, "'" + get(c) + "' is not an ACLED precision code 1, 2 or 3 (taken as 1)");
                return 1;
            }
            return *p;
        };
        const int time_precision = precision(kTimePrecision), geo_precision = precision(kGeoPrecision);
        for (std::size_t i = before; i < row_problems.size(); ++i)
            if (row_problems[i].severity == S::kError) return;
        if (set.events.size() == set.events.capacity()) return;  // not reached: a row per line at most
        Event& e = set.events.emplace_back();
        e.id = get(kEventId);
        if (!ids.insert(e.id).second) {
            set.events.pop_back();
            error(kEventId, "duplicate event_id_cnty '" + get(kEventId) + "'");
            return;
        }
        auto details = std::make_shared<PointEventDetails>();
        PointEventDetails& p = *details;
        e.kind = EventKind::kIncident;
        e.file = file;
        e.line = rec.line;
        // time_precision is the date's uncertainty: 2 a week around the date ACLED gives, 3 the whole month.
        if (time_precision == 3) {
            e.date = FuzzyDate{day->year(), day->month(), 0, DatePrecision::kMonth};
        } else if (time_precision == 2) {
            e.date = FuzzyDate::of(*day - 3);
            e.end_date = FuzzyDate::of(*day + 3);
        } else {
            e.date = FuzzyDate::of(*day);
        }
        // The country: ACLED's alpha-3 where the older set gives it, else its numeric code, else its name.
        e.country = get(kIso3);
        if (e.country.empty() && !get(kIso).empty()) {
            if (codes.empty() && !warned_codes) {
                warning(kIso, "country codes unknown: " + codes.why_not());
                warned_codes = true;
            }
            if (const auto n = whole_number(get(kIso))) e.country = codes.alpha3_of_numeric(*n);
        }
        if (e.country.empty() && !get(kCountry).empty()) {
            auto [it, fresh] = country_of_name.emplace(get(kCountry), "");
            if (fresh) it->second = codes.alpha3_of_name(get(kCountry));
            e.country = it->second;
        }
        // The row is good: its text moves into the event (the record is reused for the next row).
        auto take = [&](Col c) { return index_of[c] < 0 ? std::string() : std::move(rec.fields[index_of[c]]); };
        p.event_type = take(kEventType);
        p.sub_event_type = take(kSubEventType);
        p.disorder_type = take(kDisorderType);
        p.actor1 = take(kActor1);
        p.assoc_actor_1 = take(kAssocActor1);
        p.actor2 = take(kActor2);
        p.assoc_actor_2 = take(kAssocActor2);
        p.admin1 = take(kAdmin1);
        p.location = take(kLocation);
        p.date_text = take(kEventDate);
        p.fatalities = fatalities;
        p.time_precision = time_precision;
        p.geo_precision = geo_precision;
        p.mapped_party = actors.actor_for_row({p.actor1, p.assoc_actor_1, p.actor2, p.assoc_actor_2});
        // The actor (hence the party, its colour and its filter): the eventmap actor the table maps one of the row's
        // actors to, else "ACLED (actor1)", so that ACLED's many local actors make one party, "ACLED".
        // Each string is made in place, sized once (temporaries of concatenations cost a third of the allocations
        // of a 100,000-row load).
        if (!p.mapped_party.empty()) {
            e.actor = p.mapped_party;
        } else {
            const std::string_view who = p.actor1.empty() ? std::string_view("unknown") : std::string_view(p.actor1);
            e.actor.reserve(who.size() + 8);
            e.actor.append("ACLED (").append(who).append(")");
        }
        std::size_t length = 0;
        for (const std::string* a : {&p.actor1, &p.assoc_actor_1, &p.actor2, &p.assoc_actor_2}) length += a->size() + 2;
        e.participants.reserve(length);
        for (const std::string* a : {&p.actor1, &p.assoc_actor_1, &p.actor2, &p.assoc_actor_2}) {
            if (a->empty()) continue;
            if (!e.participants.empty()) e.participants.append("; ");
            e.participants.append(*a);
        }
        e.to = EventPlace{p.location.empty() ? get(kLatitude) + ";" + get(kLongitude) : p.location,
                          GeoPoint{*lon, *lat}};
        e.description = take(kNotes);
        e.source = take(kSource);
        e.confidence = confidences[(time_precision - 1) * 3 + (geo_precision - 1)];
        e.point = std::move(details);
    };
    CsvScan scan;
    read_csv(text, scan, on_record);
    // The same report as our own CSV's (CRLF noted too, which this reader once left out).
    add_csv_read_problems(set, file, scan, have_header, std::move(header_problems), std::move(row_problems));
    return set;
}

}  // namespace em
