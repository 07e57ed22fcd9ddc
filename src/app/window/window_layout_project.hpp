#pragma once

#include <map>
#include <string>

#include "scene/project.hpp"
#include "ui/window_layout.hpp"

namespace em {

// The window's frame as a project keeps it (issue 13 item 6): the splitters, the folded side panels and which
// sections are open. Pure conversions; the window applies them (window_layout_panels).
ProjectWindowLayout project_window_layout(const LayoutSizes& sizes, const std::map<std::string, bool>& sections);
LayoutSizes layout_sizes_of(const ProjectWindowLayout& layout);

}  // namespace em
