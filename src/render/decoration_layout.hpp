#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/bbox.hpp"
#include "core/color.hpp"
#include "core/geo_point.hpp"
#include "render/camera.hpp"
#include "render/font_atlas.hpp"
#include "scene/style.hpp"

namespace em {

struct Decorations;
struct SceneRef;

// The decorations of a picture laid out on the CPU, in the full picture's pixels (origin top-left, y down):
// panels, lines, symbols and text with their sizes and colours. draw_decorations draws it with GL; vector
// exports (src/vector) write the same shapes, so the numbers live only here.
struct DecorationLayout {
    struct Rect {
        float x0, y0, x1, y1;
        Color color;
    };
    struct Line {
        std::vector<XY> points;
        Color color;
        float width = 1, dash = 0;
    };
    struct Text {
        std::string text;
        float x = 0, baseline = 0, size = 12;  // start of the baseline; size as labels (ascent + descent)
        Color color;
    };
    struct Marker {
        float x = 0, y = 0;
        MarkerStyle style;
    };
    // The locator map: the region (`camera`, in the inset's own pixels from its top-left) drawn into a box,
    // the picture's extent framed on it, a border round it.
    struct Inset {
        float x0 = 0, y0 = 0, width = 0, height = 0;
        Camera camera;
        BBox frame;  // projected metres: the picture's extent
        Color frame_color = Color::hex(0xC0282D);
        float frame_width = 1, outline_width = 1;
        Line border;
    };
    // Drawn in this order: rects, lines, markers, texts, then the inset.
    std::vector<Rect> rects;
    std::vector<Line> lines;
    std::vector<Marker> markers;
    std::vector<Text> texts;
    std::optional<Inset> inset;
};

// Lays out the title block, legend, scale bar, sources line and inset for a picture of `camera` (the full
// picture's) at pixel scale s, in the style's decoration colours; font measures text.
DecorationLayout layout_decorations(const SceneRef& scene, const MapStyle& style, const Decorations& deco, const Camera& camera, float s,
                                    FontAtlas& font);

}  // namespace em
