#pragma once

#include <string>

#include "scene/project.hpp"

namespace em {

// The sources line of an exported picture: where the base map, the events and every user layer come from, and
// the projection. One text for the window's exports and `eventmap render` (they used to differ).
std::string sources_line(const Project& doc, const std::string& projection_label);

}  // namespace em
