#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "geo/feature.hpp"

namespace em {

// `eventmap info PATH...`: what eventmap sees in a vector file, read by the same loader the map uses: each layer
// with its geometry type, feature and vertex counts, source CRS, extent in lon/lat (after transformation to
// WGS84), its fields with their first non-empty values, and every warning the loader gave. Exit 0 when every
// file could be read; otherwise 1 with one line on stderr per unreadable file naming it and the reason; 2 on
// bad arguments.
int run_info_command(const std::vector<std::string>& args, const std::filesystem::path& executable);

// The help text of the command.
std::string info_help();

// The report run_info_command prints for one source that loaded (layers as load_vector_source gives them).
std::string describe_vector_source(const std::string& path, const std::vector<VectorLayer>& layers);

// "polygon", "line", "point", "mixed" or "none".
std::string geometry_kind_name(GeometryKind kind);

}  // namespace em
