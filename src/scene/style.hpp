#pragma once

// How the map and its layers look: plain values, no GL. Part of the scene (the document a user works on:
// layer styles are saved in projects) and read by the renderer.
#include <string>

#include "core/color.hpp"

namespace em {

// How a round marker looks, sizes in pixels.
struct MarkerStyle {
    float radius = 3.5f;
    float stroke_width = 1.0f;
    Color fill = Color::hex(0xFFFFFF);
    Color stroke = Color::hex(0x333333);
    int shape = 0;  // MarkerShape
};

// Marker outlines the marker shader knows.
enum MarkerShape { kCircle = 0, kTriangleUp = 1, kTriangleDown = 2, kDiamond = 3, kSquare = 4 };

// How label text is finished: the halo that keeps it legible over fills and lines.
struct TextStyle {
    Color halo = Color::hex(0xFFFFFF, 0.85f);
    float halo_width = 1.6f;  // pixels
};

// How one vector layer is drawn. Widths in pixels at pixel scale 1.
struct LayerStyle {
    bool visible = true;
    bool fill_enabled = true;
    Color fill = Color::hex(0xF1EEE8);
    Color outline = Color::hex(0x9C9C9C);
    float outline_width = 0.6f;
    float opacity = 1.0f;
    MarkerStyle marker;  // for point features
    std::string color_field;  // colour features by this attribute (categories or classes); empty: one colour
    std::string label_field;  // label features with this attribute; empty: none
};

// The look of the whole map: quiet base, loud data (see ../shared/STYLE.md in the project's history).
struct MapStyle {
    Color ocean = Color::hex(0xDDE8EF);
    LayerStyle base{true, true, Color::hex(0xF3F1EC), Color::hex(0xA3A3A3), 0.6f, 1.0f, {}, {}, {}};
    Color focus_fill = Color::hex(0xE3DCCB);  // Mali, Burkina Faso, Niger, Chad, CAR: one step stronger
    Color focus_outline = Color::hex(0x8A8170);
    LayerStyle graticule{true, false, Color{}, Color::hex(0xC9D8E2), 0.5f, 1.0f, {}, {}, {}};
    bool show_graticule = true;
    bool show_country_labels = true;
    bool show_capitals = true;
    bool show_capital_labels = true;
    MarkerStyle capital{2.6f, 1.0f, Color::hex(0xFFFFFF), Color::hex(0x3A3A3A)};
    float country_label_size = 10.5f;
    float focus_label_size = 12.0f;
    float capital_label_size = 10.5f;
    Color country_label_color = Color::hex(0x8A8A8A);
    Color focus_label_color = Color::hex(0x4D463A);
    Color capital_label_color = Color::hex(0x2B2B2B);
    TextStyle text;
    float focus_outline_scale = 1.3f;     // focus countries' outline width, times the base outline's
    float presence_tint_opacity = 0.22f;  // a country where one outside party is present, in its colour
};

}  // namespace em
