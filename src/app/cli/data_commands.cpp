#include "app/cli/data_commands.hpp"

#include <iostream>

#include "app/cli/command_line.hpp"
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

// The ACLED actor table beside the places table that is used (data/acled_actors.csv by default).
AcledActorMap load_actor_table(const std::string& places_path, const std::filesystem::path& executable) {
    if (!places_path.empty()) return acled_actors_for(places_path);
    auto paths = find_data_paths(executable);
    return paths ? acled_actors_for(paths->places().string()) : AcledActorMap{};
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

int run_check_command(const std::vector<std::string>& args, const std::filesystem::path& executable) {
    auto parsed = parse_check_args(args);
    if (!parsed) {
        std::cerr << "eventmap check: " << parsed.error().message << "\n";
        return 2;
    }
    if (parsed->help) {
        std::cout << check_help();
        return 0;
    }
    {
        std::vector<std::string> named = parsed->files;
        if (!parsed->places.empty()) named.push_back(parsed->places);
        apply_command_line_sources(parsed->allow_network, named);
    }
    const std::vector<std::string>& files = parsed->files;
    const std::string& places_path = parsed->places;
    auto places = load_place_table(places_path, executable);
    if (!places) {
        std::cerr << "eventmap check: " << places.error().message << "\n";
        return 1;
    }
    size_t errors = 0, warnings = 0, events = 0;
    for (const auto& p : places->problems) std::cout << p << "\n", ++errors;
    const AcledActorMap actors = load_actor_table(places_path, executable);
    for (const auto& p : actors.problems) std::cout << p << "\n", ++errors;
    for (const auto& file : files) {
        auto set = load_events(file, places.value(), &actors);
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
    auto parsed = parse_presence_args(args);
    if (!parsed) {
        std::cerr << "eventmap presence: " << parsed.error().message << "\n";
        return 2;
    }
    if (parsed->help) {
        std::cout << presence_help();
        return 0;
    }
    apply_command_line_sources(parsed->allow_network, {parsed->events, parsed->places});
    const auto date = Date::parse(parsed->date);  // checked by the parser
    const std::string& places_path = parsed->places;
    const std::string& format = parsed->format;
    std::string events_path = parsed->events;
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
    const AcledActorMap actors = load_actor_table(places_path, executable);
    auto set = load_events(events_path, places.value(), &actors);
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
