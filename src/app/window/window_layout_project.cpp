#include "app/window/window_layout_project.hpp"

namespace em {

ProjectWindowLayout project_window_layout(const LayoutSizes& sizes, const std::map<std::string, bool>& sections) {
    ProjectWindowLayout p;
    p.sidebar_width = sizes.sidebar_w;
    p.inspector_width = sizes.inspector_w;
    p.timeline_height = sizes.timeline_h;
    p.sidebar_open = sizes.sidebar_open;
    p.inspector_open = sizes.inspector_open;
    p.sections = sections;
    return p;
}

LayoutSizes layout_sizes_of(const ProjectWindowLayout& layout) {
    // compute_layout clamps sizes that do not fit the window; a project from a larger screen still opens.
    LayoutSizes s;
    s.sidebar_w = layout.sidebar_width;
    s.inspector_w = layout.inspector_width;
    s.timeline_h = layout.timeline_height;
    s.sidebar_open = layout.sidebar_open;
    s.inspector_open = layout.inspector_open;
    return s;
}

}  // namespace em
