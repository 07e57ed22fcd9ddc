#pragma once

// The command line of every eventmap command, defined once with CLI11: the options, their checks and the
// --help texts all come from the same definitions in command_line.cpp.
//
// Every parser returns the options or an Error whose message is one line starting with the option it is
// about: "--samples: 'abc' is not a whole number from 0 to 16". The caller prefixes the command
// ("eventmap render: ") and exits 2.
//
// Also defined there, declared beside the code that uses them: parse_render_args, render_help, main_help
// (app/render_options.hpp), parse_window_args (app/window_app.hpp), check_help, presence_help
// (app/data_commands.hpp) and info_help (app/info_command.hpp).

#include <string>
#include <vector>

#include "core/result.hpp"

namespace em {

// `eventmap check [--places FILE] FILE...`
struct CheckOptions {
    bool help = false;
    std::vector<std::string> files;
    std::string places;  // empty: the shipped data/places.csv
    bool allow_network = false;  // --allow-network (docs/security.md)
};
Result<CheckOptions> parse_check_args(const std::vector<std::string>& args);

// `eventmap presence --date YYYY-MM-DD [--events FILE] [--places FILE] [--format csv|json]`
struct PresenceOptions {
    bool help = false;
    std::string date;    // checked: a real date
    std::string events;  // empty: data/events.csv
    std::string places;  // empty: data/places.csv
    std::string format = "csv";
    bool allow_network = false;
};
Result<PresenceOptions> parse_presence_args(const std::vector<std::string>& args);

// `eventmap info PATH...`
struct InfoOptions {
    bool help = false;
    std::vector<std::string> paths;
    bool allow_network = false;
};
Result<InfoOptions> parse_info_args(const std::vector<std::string>& args);

// Sets the process-wide source policy (geo/source_policy.hpp) for a command: --allow-network lets files reach the
// network and databases; otherwise only the sources named on the command line (the user's own choice) may.
void apply_command_line_sources(bool allow_network, const std::vector<std::string>& named);

}  // namespace em
