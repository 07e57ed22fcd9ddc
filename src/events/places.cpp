#include "events/places.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "core/numbers.hpp"
#include "core/utf8.hpp"
#include "events/csv_reader.hpp"
#include "geo/source_policy.hpp"

namespace em {

namespace {


std::string where(const std::string& path, int line, int column) {
    return path + ":" + std::to_string(line) + (column > 0 ? ":" + std::to_string(column) : "") + ": ";
}

}  // namespace

const Place* PlaceTable::find(std::string_view name) const {
    for (const auto& p : places)
        if (p.name == name) return &p;
    return nullptr;
}

Result<PlaceTable> parse_places(std::string_view text, const std::string& path) {
    CsvDocument doc = parse_csv(text);
    PlaceTable table;
    for (const auto& pr : doc.problems) table.problems.push_back(where(path, pr.line, pr.column) + pr.message);
    if (doc.records.empty()) return Error{path + ": no header line (expected place,country,iso_a3,lat,lon,...)"};
    const auto& header = doc.records.front().fields;
    auto col = [&](std::string_view name) {
        for (size_t i = 0; i < header.size(); ++i)
            if (header[i] == name) return static_cast<int>(i);
        return -1;
    };
    const int c_place = col("place"), c_country = col("country"), c_iso = col("iso_a3"), c_lat = col("lat"),
              c_lon = col("lon"), c_cap = col("is_capital"), c_note = col("note"), c_conf = col("confidence");
    if (c_place < 0 || c_lat < 0 || c_lon < 0)
        return Error{where(path, doc.records.front().line, 0) + "header must name at least place, lat and lon"};
    for (size_t r = 1; r < doc.records.size(); ++r) {
        const auto& rec = doc.records[r];
        if (rec.fields.size() != header.size()) {
            // The column where the row stops matching the header: the first missing or the first extra one.
            const int column = static_cast<int>(std::min(rec.fields.size(), header.size())) + 1;
            table.problems.push_back(where(path, rec.line, column) + "expected " + std::to_string(header.size()) +
                                     " columns, found " + std::to_string(rec.fields.size()));
            continue;
        }
        auto get = [&](int c) { return c >= 0 ? rec.fields[c] : std::string(); };
        Place p;
        p.name = get(c_place);
        if (p.name.empty()) {
            table.problems.push_back(where(path, rec.line, c_place + 1) + "empty place name");
            continue;
        }
        if (!is_valid_utf8(p.name)) {
            table.problems.push_back(where(path, rec.line, c_place + 1) + "place name is not valid UTF-8");
            continue;
        }
        auto lat = parse_finite_number(get(c_lat));
        auto lon = parse_finite_number(get(c_lon));
        if (!lat || *lat < -90 || *lat > 90) {
            table.problems.push_back(where(path, rec.line, c_lat + 1) + "latitude '" + get(c_lat) +
                                     "' is not a number in -90..90");
            continue;
        }
        if (!lon || *lon < -180 || *lon > 180) {
            table.problems.push_back(where(path, rec.line, c_lon + 1) + "longitude '" + get(c_lon) +
                                     "' is not a number in -180..180");
            continue;
        }
        if (table.find(p.name)) {
            table.problems.push_back(where(path, rec.line, c_place + 1) + "duplicate place '" + p.name + "'");
            continue;
        }
        p.position = {*lon, *lat};
        p.country = get(c_country);
        p.iso_a3 = get(c_iso);
        p.is_capital = get(c_cap) == "yes";
        p.note = get(c_note);
        p.confidence = get(c_conf);
        table.places.push_back(std::move(p));
    }
    return table;
}

Result<PlaceTable> load_places(const std::string& path) {
    if (auto ok = check_source(path); !ok) return ok.error();
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open"};
    std::stringstream ss;
    ss << in.rdbuf();
    return parse_places(ss.str(), path);
}

}  // namespace em
