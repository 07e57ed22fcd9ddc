#include "events/acled_actors.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "events/csv_reader.hpp"

namespace em {

namespace {
bool equal_folded(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

bool matches(std::string_view pattern, std::string_view name) {
    if (!pattern.empty() && pattern.back() == '*') {
        const auto prefix = pattern.substr(0, pattern.size() - 1);
        return name.size() >= prefix.size() && equal_folded(prefix, name.substr(0, prefix.size()));
    }
    return equal_folded(pattern, name);
}
}  // namespace

std::string AcledActorMap::actor_for(std::string_view name) const {
    for (const AcledActorRule& r : rules)
        if (matches(r.pattern, name)) return r.actor;
    return "";
}

std::string AcledActorMap::actor_for_row(const std::vector<std::string_view>& fields) const {
    if (rules.empty()) return "";
    for (std::string_view field : fields) {
        // ACLED lists several associated actors in one field, separated by "; ".
        while (!field.empty()) {
            const auto semi = field.find(';');
            std::string_view name = field.substr(0, semi);
            while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
            while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
            if (!name.empty())
                if (std::string actor = actor_for(name); !actor.empty()) return actor;
            field = semi == std::string_view::npos ? std::string_view{} : field.substr(semi + 1);
        }
    }
    return "";
}

Result<AcledActorMap> parse_acled_actors(std::string_view text, const std::string& file) {
    const CsvDocument doc = parse_csv(text);
    AcledActorMap map;
    for (const CsvProblem& p : doc.problems)
        map.problems.push_back(file + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + p.message);
    if (doc.records.empty()) return Error{file + ":1: empty file: expected the header acled_actor,actor"};
    const auto& header = doc.records.front();
    if (header.fields.size() < 2 || header.fields[0] != "acled_actor" || header.fields[1] != "actor")
        return Error{file + ":" + std::to_string(header.line) + ": the header must start with acled_actor,actor"};
    for (std::size_t i = 1; i < doc.records.size(); ++i) {
        const CsvRecord& rec = doc.records[i];
        const std::string where = file + ":" + std::to_string(rec.line) + ":";
        if (rec.fields.size() == 1 && rec.fields[0].empty()) continue;  // a blank line
        if (rec.fields.size() < 2) {
            map.problems.push_back(where + "0: expected acled_actor,actor (row skipped)");
            continue;
        }
        if (rec.fields[0].empty() || rec.fields[0] == "*") {
            map.problems.push_back(where + "1: no ACLED actor name (row skipped)");
            continue;
        }
        if (rec.fields[1].empty()) {
            map.problems.push_back(where + "2: no eventmap actor for '" + rec.fields[0] + "' (row skipped)");
            continue;
        }
        map.rules.push_back({rec.fields[0], rec.fields[1], rec.line});
    }
    return map;
}

Result<AcledActorMap> load_acled_actors(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open"};
    std::stringstream ss;
    ss << in.rdbuf();
    return parse_acled_actors(ss.str(), path);
}

std::string acled_actors_beside(const std::string& places_path) {
    return (std::filesystem::path(places_path).parent_path() / "acled_actors.csv").string();
}

AcledActorMap acled_actors_for(const std::string& places_path) {
    const std::string path = acled_actors_beside(places_path);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return {};
    auto map = load_acled_actors(path);
    if (!map) {
        AcledActorMap empty;
        empty.problems.push_back(map.error().message);
        return empty;
    }
    return std::move(map).value();
}

}  // namespace em
