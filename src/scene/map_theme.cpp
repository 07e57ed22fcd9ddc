#include "scene/style.hpp"

namespace em {

Color PartyPalette::of(std::string_view party) const {
    if (party == "Russia") return russia;
    if (party == "France") return france;
    if (party == "USA") return usa;
    if (party == "UN") return un;
    if (party == "EU") return eu;
    if (party == "Germany") return germany;
    if (party == "AES") return aes;
    return other;
}

namespace {

// The dark map: for presentations and screens on a wall. A near-black blue sea and a dark slate land a step
// apart, borders lighter than the land, the focus countries a step lighter again; labels light over dark halos.
// Party colours: Okabe-Ito as in light, but France's blue, the USA's sky blue and AES's dark grey are lightened so
// every party colour has at least 3:1 contrast against the land and the sea (tests/scene/map_theme_test.cpp),
// keeping France darker than the USA as in light.
MapStyle dark_map_style() {
    MapStyle s;
    s.theme = MapTheme::kDark;
    s.ocean = Color::hex(0x10161E);
    s.base.fill = Color::hex(0x262B33);
    s.base.outline = Color::hex(0x58606C);
    s.focus_fill = Color::hex(0x343B46);
    s.focus_outline = Color::hex(0x8C95A3);
    s.graticule.outline = Color::hex(0x1F2935);
    s.capital = MarkerStyle{2.6f, 1.0f, Color::hex(0x10161E), Color::hex(0xD8DCE2)};
    s.country_label_color = Color::hex(0x8E96A3);
    s.focus_label_color = Color::hex(0xDCD5C4);
    s.capital_label_color = Color::hex(0xE6E8EB);
    s.text.halo = Color::hex(0x0C1015, 0.85f);
    s.presence_tint_opacity = 0.30f;  // a tint over dark land needs more of the colour to be seen
    EventMarkColors& e = s.events;
    e.parties.france = Color::hex(0x3A8FD6);
    e.parties.usa = Color::hex(0x9AD6F5);
    e.parties.aes = Color::hex(0xC8C8C8);
    e.mark_outline = Color::hex(0x10161E);
    e.hollow_fill = Color::hex(0x10161E, 0.85f);
    e.point_hollow_fill = Color::hex(0x10161E, 0.6f);
    e.link_casing = Color::hex(0x0C1015);
    e.place = MarkerStyle{2.2f, 1.0f, Color::hex(0xC8CCD2), Color::hex(0x10161E)};
    e.layer_label = Color::hex(0xD0D4DA);
    DecorationColors& d = s.decorations;
    d.ink = Color::hex(0xE8EAED);
    d.panel = Color::hex(0x161B22, 0.88f);
    d.subtitle = Color::hex(0xBFC5CC);
    d.when = Color::hex(0xF2A66A);
    d.legend_heading = Color::hex(0xA0A7B0);
    d.attribution = Color::hex(0xA0A7B0);
    d.inset_border = Color::hex(0x8A929C);
    d.inset_frame = Color::hex(0xFF6B6B);
    return s;
}

}  // namespace

MapStyle map_style(MapTheme theme) { return theme == MapTheme::kDark ? dark_map_style() : MapStyle{}; }

std::string theme_name(MapTheme theme) { return theme == MapTheme::kDark ? "dark" : "light"; }

std::optional<MapTheme> parse_theme(std::string_view text) {
    if (text == "light") return MapTheme::kLight;
    if (text == "dark") return MapTheme::kDark;
    return std::nullopt;
}

}  // namespace em
