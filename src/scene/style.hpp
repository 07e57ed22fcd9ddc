#pragma once

// How the map and its layers look: plain values, no GL. Part of the scene (the document a user works on:
// layer styles are saved in projects) and read by the renderer.
#include <optional>
#include <string>
#include <string_view>

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

// The fixed colour of each outside party (the actor before " ("), the same in the map, the legend and every
// export of one theme. Okabe-Ito, safe for colour-blind readers: Russia vermillion, France blue, USA sky blue, UN
// bluish green, EU orange, Germany reddish purple, AES (intra-Sahel) dark grey; anything else mid grey. The dark
// theme lightens the three that fall under 3:1 against its land (see map_style(MapTheme::kDark)).
struct PartyPalette {
    Color russia = Color::hex(0xD55E00), france = Color::hex(0x0072B2), usa = Color::hex(0x56B4E9),
          un = Color::hex(0x009E73), eu = Color::hex(0xE69F00), germany = Color::hex(0xCC79A7),
          aes = Color::hex(0x4D4D4D), other = Color::hex(0x8C8C8C);
    Color of(std::string_view party) const;
};

// The neutral colours around the events' own: marker outlines, hollow (uncertain) markers, the casing under
// meeting links, the places the events name, labels of user layers.
struct EventMarkColors {
    PartyPalette parties;
    Color mark_outline = Color::hex(0xFFFFFF);       // troop markers, legend symbols
    Color hollow_fill = Color::hex(0xFFFFFF, 0.85f);  // uncertain troop markers
    Color point_hollow_fill = Color::hex(0xFFFFFF, 0.6f);  // uncertain point events (ACLED)
    Color link_casing = Color::hex(0xFFFFFF);        // under meeting and call links
    MarkerStyle place{2.2f, 1.0f, Color::hex(0x3A3A3A), Color::hex(0xFFFFFF)};  // event places (radius at scale 1)
    Color layer_label = Color::hex(0x333333);        // labels of user layers
};

// The report decorations of an export: title block and legend panels, their text, the inset's frame.
struct DecorationColors {
    Color ink = Color::hex(0x222222);
    Color panel = Color::hex(0xFFFFFF, 0.88f);
    Color subtitle = Color::hex(0x444444);
    Color when = Color::hex(0xA0380A);
    Color legend_heading = Color::hex(0x666666);
    Color attribution = Color::hex(0x555555);
    Color inset_border = Color::hex(0x777777);
    Color inset_frame = Color::hex(0xC0282D);
};

// The map's two looks: light for print and reports, dark for presentations and screens on a wall.
enum class MapTheme { kLight, kDark };

// The look of the whole map: quiet base, loud data (see ../shared/STYLE.md in the project's history). Every colour
// a renderer or a vector writer draws that is not the data's own comes from here, so a theme is only a value of
// this struct (map_style) and the window, `render` and the PDF/SVG writers follow it alike.
struct MapStyle {
    MapTheme theme = MapTheme::kLight;
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
    EventMarkColors events;
    DecorationColors decorations;
};

// The map style of a theme: MapStyle's defaults for light; for dark, a dark sea and land a step apart, borders
// lighter than the land, light labels with dark halos, and the party colours checked for contrast.
MapStyle map_style(MapTheme theme);

// "light" or "dark"; and back (nullopt when unknown).
std::string theme_name(MapTheme theme);
std::optional<MapTheme> parse_theme(std::string_view text);

}  // namespace em
