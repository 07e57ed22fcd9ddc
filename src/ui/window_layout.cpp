#include "ui/window_layout.hpp"

#include <algorithm>
#include <cmath>

namespace em {

namespace {

// Clamps to [lo, hi], hi winning when the window is too small for lo (std::clamp needs lo <= hi).
float fit(float v, float lo, float hi) { return std::min(std::max(v, lo), hi); }

}  // namespace

bool overlaps(const UiRect& a, const UiRect& b) {
    return a.w > 0 && a.h > 0 && b.w > 0 && b.h > 0 && a.x < b.right() && b.x < a.right() && a.y < b.bottom() &&
           b.y < a.bottom();
}

WindowLayout compute_layout(float width, float height, const LayoutSizes& sizes, const LayoutMetrics& m) {
    WindowLayout l;
    const float s = std::max(0.5f, m.scale);
    l.scale = s;
    width = std::max(0.0f, std::floor(width));
    height = std::max(0.0f, std::floor(height));
    // (A minimised window, 0 x 0, gets no gutters, so that nothing sticks out of it.)
    const float gutter = std::min({std::max(2.0f, std::round(4 * s)), std::floor(width / 8), std::floor(height / 8)});
    const float rail = std::round(28 * s);
    // Whole pixels everywhere, so that neighbours meet exactly instead of sharing a fraction of a pixel.
    const float menu_h = std::min(height, std::ceil(m.menu_h));
    const float status_h = std::min(height - menu_h, std::ceil(m.status_h));
    const float top = menu_h, bottom = height - status_h, body_h = bottom - top;
    l.menu = {0, 0, width, menu_h};
    l.status = {0, bottom, width, status_h};

    // Each side panel may take at most a quarter of the width with its gutter: the map keeps half.
    const float side_max = std::max(0.0f, std::floor(width * 0.25f) - gutter);
    const float side_w = std::floor(fit(sizes.sidebar_open ? sizes.sidebar_w * s : rail, std::min(rail, 180 * s), side_max));
    const float insp_w = std::floor(fit(sizes.inspector_open ? sizes.inspector_w * s : rail, std::min(rail, 180 * s), side_max));
    l.sidebar = {0, top, side_w, body_h};
    l.inspector = {width - insp_w, top, insp_w, body_h};
    l.sidebar_split = {side_w, top, gutter, body_h};
    l.inspector_split = {width - insp_w - gutter, top, gutter, body_h};

    // The timeline takes at most 40 % of the height between the bars.
    const float middle_x = side_w + gutter, middle_w = std::max(0.0f, width - side_w - insp_w - 2 * gutter);
    const float timeline_h = std::floor(fit(sizes.timeline_h * s, 90 * s, std::max(0.0f, body_h * 0.4f - gutter)));
    const float map_h = std::max(0.0f, body_h - timeline_h - gutter);
    l.map = {middle_x, top, middle_w, map_h};
    l.timeline_split = {middle_x, top + map_h, middle_w, std::min(gutter, body_h - map_h)};
    l.timeline = {middle_x, top + map_h + gutter, middle_w, std::max(0.0f, body_h - map_h - gutter)};

    // The legend: a card in the map's top-right corner, never wider than the map leaves room for.
    const float margin = std::round(8 * s);
    const float legend_w = std::floor(std::max(0.0f, std::min(250 * s, l.map.w - 2 * margin)));
    const float legend_h = std::floor(std::max(0.0f, l.map.h - 2 * margin));
    if (legend_w > 0 && legend_h > 0)
        l.legend = {l.map.right() - margin - legend_w, l.map.y + margin, legend_w, legend_h};
    else
        l.legend = {l.map.x, l.map.y, 0, 0};
    return l;
}

std::vector<std::pair<std::string, UiRect>> named_rects(const WindowLayout& l) {
    return {{"menu", l.menu},
            {"sidebar", l.sidebar},
            {"inspector", l.inspector},
            {"map", l.map},
            {"timeline", l.timeline},
            {"status", l.status},
            {"legend", l.legend},
            {"sidebar_split", l.sidebar_split},
            {"inspector_split", l.inspector_split},
            {"timeline_split", l.timeline_split}};
}

void drag_splitter(LayoutSizes& sizes, const WindowLayout& shown, const std::string& splitter, float dx, float dy) {
    const float s = shown.scale;
    if (splitter == "sidebar_split") {
        sizes.sidebar_w = std::clamp((shown.sidebar.w + dx) / s, 120.0f, 4000.0f);
        sizes.sidebar_open = true;
    } else if (splitter == "inspector_split") {
        sizes.inspector_w = std::clamp((shown.inspector.w - dx) / s, 120.0f, 4000.0f);
        sizes.inspector_open = true;
    } else if (splitter == "timeline_split") {
        sizes.timeline_h = std::clamp((shown.timeline.h - dy) / s, 60.0f, 4000.0f);
    }
}

}  // namespace em
