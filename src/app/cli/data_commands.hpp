#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace em {

// `eventmap check FILE...`: validates events files (CSV or GeoJSON) against the places table; prints every
// problem as file:line:column and exits 1 if any is an error, 0 otherwise (warnings alone keep 0).
int run_check_command(const std::vector<std::string>& args, const std::filesystem::path& executable);

// `eventmap presence --date YYYY-MM-DD [--events FILE] [--format csv|json]`: which outside forces are in which
// country on that date, with since and the id of the event that began it.
int run_presence_command(const std::vector<std::string>& args, const std::filesystem::path& executable);

// Help texts of the two commands.
std::string check_help();
std::string presence_help();

}  // namespace em
