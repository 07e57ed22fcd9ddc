#pragma once

#include <string>
#include <vector>

namespace em {

// A rectangle in window pixels (logical, as Dear ImGui's display size), top-left origin.
struct UiRect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    bool contains(float px, float py) const { return px >= x && px < right() && py >= y && py < bottom(); }
};

// True when a and b share some area (touching edges do not count).
bool overlaps(const UiRect& a, const UiRect& b);

// What the user chose for the frame (splitters, collapsed panels), in unscaled pixels so that it means the same
// at every UI scale. Saved with the settings.
struct LayoutSizes {
    float sidebar_w = 270;     // the left sidebar (View, Layers, Filters, Export)
    float inspector_w = 300;   // the right inspector (pinned event, events list)
    float timeline_h = 170;    // the timeline under the map
    bool sidebar_open = true;  // closed: a narrow rail with a button to open it again
    bool inspector_open = true;
};

// The fixed frame of the window: every panel's rectangle. The sidebar and the inspector run from the menu bar to
// the status bar; the map and, under it, the timeline fill the middle column; thin gutters between them hold the
// splitters. The legend is a card inside the map's top-right corner.
struct WindowLayout {
    UiRect menu, sidebar, inspector, map, timeline, status, legend;
    UiRect sidebar_split, inspector_split, timeline_split;  // the gutters: drag to resize
    float scale = 1;
};

// Heights of the bars, which follow the font (Dear ImGui's frame height), and the scale of everything else.
struct LayoutMetrics {
    float scale = 1;
    float menu_h = 20;
    float status_h = 25;
};

// The frame for a window of width x height (logical pixels). Sizes are clamped so that the map keeps at least
// half the width and more than half the height between the bars; nothing leaves the window and no two panels
// share area at any size. A pure function: the unit tests check it at every size from 1280x720 to 3840x2160.
WindowLayout compute_layout(float width, float height, const LayoutSizes& sizes, const LayoutMetrics& metrics);

// The panels of a layout with their names (for tests and --layout-dump), the legend and the gutters included.
std::vector<std::pair<std::string, UiRect>> named_rects(const WindowLayout& layout);

// Applies a splitter drag of (dx, dy) pixels to the sizes (the gutter named "sidebar_split", "inspector_split" or
// "timeline_split"), starting from the size shown in `shown` (a size clamped there does not lag behind the
// pointer), so that the next compute_layout moves that edge with the pointer.
void drag_splitter(LayoutSizes& sizes, const WindowLayout& shown, const std::string& splitter, float dx, float dy);

}  // namespace em
