#pragma once

#include "core/color.hpp"
#include "render/marker_renderer.hpp"
#include "render/text_renderer.hpp"

namespace em {

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
};

}  // namespace em
