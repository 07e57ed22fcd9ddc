#include "app/data_commands.hpp"

#include <iostream>

#include "app/data_paths.hpp"
#include "events/event_loader.hpp"
#include "events/presence.hpp"

namespace em {

namespace {

// Loads the places table: --places FILE, else the shipped data/places.csv.
Result<PlaceTable> load_place_table(const std::string& places_path, const std::filesystem::path& executable) {
    if (!places_path.empty()) return load_places(places_path);
    auto paths = find_data_paths(executable);
    if (!paths) return paths.error();
    return load_places(paths->places().string());
}

std::string json_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    return out;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

std::string check_help() {
    return "Usage: eventmap check [--places FILE] FILE...\n"
           "\n"
           "Checks events files (CSV as in docs/data-format.md, or GeoJSON) and prints every problem as\n"
           "FILE:LINE:COLUMN: error|warning: message [column]. Exit 1 if any error, 0 otherwise.\n"
           "Warnings (a byte-order mark, CRLF line ends, unknown columns) do not fail the check.\n"
           "  --places FILE   places table to resolve from/to (default: the shipped data/places.csv)\n";
}

std::string presence_help() {
    return "Usage: eventmap presence --date YYYY-MM-DD [--events FILE] [--places FILE] [--format csv|json]\n"
           "\n"
           "Prints which outside forces are present in which country on the date: country, actor, since\n"
           "(empty: before the data begins) and the id of the event that began it. Derived from arrivals,\n"
           "departures and handovers as docs/data-format.md describes. Default events: data/events.csv.\n";
}

int run_check_command(const std::vector<std::string>& args, const std::filesystem::path& executable) {
    std::vector<std::string> files;
    std::string places_path;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-h" || args[i] == "--help") {
            std::cout << check_help();
            return 0;
        }
        if (args[i] == "--places") {
            if (i + 1 >= args.size()) {
                std::cerr << "eventmap check: --places: missing value\n";
                return 2;
            }
            places_path = args[++i];
        } else if (!args[i].empty() && args[i][0] == '-') {
            std::cerr << "eventmap check: " << args[i] << ": unknown option\n";
            return 2;
        } else {
            files.push_back(args[i]);
        }
    }
    if (files.empty()) {
        std::cerr << "eventmap check: no file given (see 'eventmap check --help')\n";
        return 2;
    }
    auto places = load_place_table(places_path, executable);
    if (!places) {
        std::cerr << "eventmap check: " << places.error().message << "\n";
        return 1;
    }
    size_t errors = 0, warnings = 0, events = 0;
    for (const auto& p : places->problems) std::cout << p << "\n", ++errors;
    for (const auto& file : files) {
        auto set = load_events(file, places.value());
        if (!set) {
            std::cout << set.error().message << "\n";
            ++errors;
            continue;
        }
        events += set->events.size();
        size_t file_errors = 0, file_warnings = 0;
        for (const auto& p : set->problems) {
            std::cout << p.text() << "\n";
            (p.severity == EventProblem::Severity::kError ? file_errors : file_warnings)++;
        }
        errors += file_errors, warnings += file_warnings;
        if (files.size() > 1 || set->events.empty())
            std::cout << file << ": " << set->events.size() << " events loaded, " << file_errors << " errors, "
                      << file_warnings << " warnings\n";
    }
    std::cout << events << " events loaded, " << errors << " errors, " << warnings << " warnings\n";
    return errors ? 1 : 0;
}

int run_presence_command(const std::vector<std::string>& args, const std::filesystem::path& executable) {
    std::string date_text, events_path, places_path, format = "csv";
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-h" || a == "--help") {
            std::cout << presence_help();
            return 0;
        }
        if (a != "--date" && a != "--events" && a != "--places" && a != "--format") {
            std::cerr << "eventmap presence: " << a << ": unknown option\n";
            return 2;
        }
        if (i + 1 >= args.size()) {
            std::cerr << "eventmap presence: " << a << ": missing value\n";
            return 2;
        }
        const std::string& v = args[++i];
        if (a == "--date") date_text = v;
        if (a == "--events") events_path = v;
        if (a == "--places") places_path = v;
        if (a == "--format") format = v;
    }
    if (format != "csv" && format != "json") {
        std::cerr << "eventmap presence: --format: expected csv or json, got '" << format << "'\n";
        return 2;
    }
    const auto date = Date::parse(date_text);
    if (!date) {
        std::cerr << "eventmap presence: --date: '" << date_text << "' is not a real date YYYY-MM-DD\n";
        return 2;
    }
    auto places = load_place_table(places_path, executable);
    if (!places) {
        std::cerr << "eventmap presence: " << places.error().message << "\n";
        return 1;
    }
    if (events_path.empty()) {
        auto paths = find_data_paths(executable);
        if (!paths) {
            std::cerr << "eventmap presence: " << paths.error().message << "\n";
            return 1;
        }
        events_path = paths->events().string();
    }
    auto set = load_events(events_path, places.value());
    if (!set) {
        std::cerr << "eventmap presence: " << set.error().message << "\n";
        return 1;
    }
    for (const auto& p : set->problems) std::cerr << "eventmap presence: " << p.text() << "\n";
    const auto present = presence_on(derive_presence(set->events), *date);
    if (format == "csv") {
        std::cout << "country,actor,since,event\n";
        for (const auto& p : present)
            std::cout << p.country << "," << csv_field(p.actor) << "," << (p.since ? p.since->iso() : "") << ","
                      << p.started_by << "\n";
    } else {
        std::cout << "[";
        for (size_t i = 0; i < present.size(); ++i) {
            const auto& p = present[i];
            std::cout << (i ? ",\n " : "\n ") << "{\"country\": \"" << p.country << "\", \"actor\": \""
                      << json_escape(p.actor) << "\", \"since\": "
                      << (p.since ? "\"" + p.since->iso() + "\"" : std::string("null")) << ", \"event\": "
                      << (p.started_by.empty() ? std::string("null") : "\"" + json_escape(p.started_by) + "\"")
                      << "}";
        }
        std::cout << (present.empty() ? "]\n" : "\n]\n");
    }
    return 0;
}

}  // namespace em
