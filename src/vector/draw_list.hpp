#pragma once

// What a vector export draws, in picture pixels (origin top-left, y down), with no GL and no scene: the one
// description both backends write (cairo PDF, hand-written SVG). Built from the scene by draw_list_builder; the
// styling lives in the scene's style values and the renderer's CPU layouts, never here.
#include <deque>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/color.hpp"
#include "core/geo_point.hpp"
#include "scene/style.hpp"

namespace em {

// A line's look: width in picture pixels, dash and gap length (0: solid).
struct StrokeStyle {
    Color color;
    float width = 1.0f;
    float dash = 0.0f;
};

// Rings or polylines in picture pixels. Filled paths use the even-odd rule (holes are rings inside rings,
// whatever their orientation, as the tessellator reads them). Colours carry the opacity in their alpha.
struct PathItem {
    std::vector<std::vector<XY>> parts;
    bool closed = false;
    std::optional<Color> fill;
    std::optional<StrokeStyle> stroke;
};

enum class TextAnchor { kStart, kMiddle, kEnd };

// One run of text on a baseline, size in pixels (the font's em height as the label layout measures it).
struct TextItem {
    std::string text;  // UTF-8
    XY at;             // baseline point the anchor refers to
    float size = 12.0f;
    Color color;
    TextAnchor anchor = TextAnchor::kStart;
    Color halo;             // drawn under the text when halo_width > 0
    float halo_width = 0;   // pixels
};

// A point marker of the scene's shapes (MarkerStyle sizes already in picture pixels); backends draw it with
// marker_outline so that both agree with the marker shader.
struct MarkerItem {
    XY centre;
    MarkerStyle style;
    float opacity = 1.0f;
};

using DrawItem = std::variant<PathItem, TextItem, MarkerItem>;

// An axis-aligned rectangle in picture pixels.
struct PixelRect {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// One named layer of the picture (the SVG group id a designer sees: "countries", "labels", ...), optionally
// clipped to a rectangle (the locator inset).
struct DrawGroup {
    std::string id;
    std::vector<DrawItem> items;
    std::optional<PixelRect> clip;
    std::optional<Color> clip_background;  // painted inside the clip first (the inset's ocean)
};

// The whole picture: its pixel size, the background and the groups from bottom to top.
struct DrawList {
    int width = 0, height = 0;
    Color background;
    std::deque<DrawGroup> groups;  // a deque: group() hands out references that stay valid as groups are added

    DrawGroup& group(const std::string& id);  // the group with this id, appended if new
    std::size_t item_count() const;
};

// A marker's shape as the marker shader draws it (shaders/marker.frag), moved `inset` pixels inwards: the
// shader's stroke lies inside the outline, so backends fill and stroke this path with the stroke width and an
// inset of half of it. Circles are returned as a centre and radius, other shapes as a polygon.
struct MarkerOutline {
    bool circle = false;
    XY centre;
    double radius = 0;
    std::vector<XY> polygon;  // picture pixels, y down
};
MarkerOutline marker_outline(const MarkerStyle& style, XY centre, double inset);

}  // namespace em
