// The map's themes are values of MapStyle (scene/map_theme.cpp): light is the style every golden was drawn with,
// dark keeps the data legible on a dark map. GL-free.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "render/actor_style.hpp"
#include "scene/style.hpp"

namespace em {
namespace {

// WCAG 2 relative luminance and contrast ratio of two opaque colours.
double channel(float c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double luminance(const Color& c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); }
double contrast(const Color& a, const Color& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

const char* const kParties[] = {"Russia", "France", "USA", "UN", "EU", "Germany", "AES", "someone else"};

TEST(MapTheme, LightIsTheDefaultStyleAndThePartyColoursOfTheLegend) {
    const MapStyle light = map_style(MapTheme::kLight);
    const MapStyle defaults;
    EXPECT_EQ(light.theme, MapTheme::kLight);
    EXPECT_EQ(light.ocean, defaults.ocean);
    EXPECT_EQ(light.base.fill, defaults.base.fill);
    EXPECT_EQ(light.text.halo, defaults.text.halo);
    for (const char* p : kParties) EXPECT_EQ(light.events.parties.of(p), party_color(p)) << p;
    EXPECT_EQ(light.events.parties.of("Russia"), Color::hex(0xD55E00));
}

TEST(MapTheme, DarkHasADarkSeaAndLandAStepApartWithLighterBorders) {
    const MapStyle dark = map_style(MapTheme::kDark);
    EXPECT_EQ(dark.theme, MapTheme::kDark);
    EXPECT_LT(luminance(dark.ocean), 0.02);
    EXPECT_LT(luminance(dark.base.fill), 0.05);
    EXPECT_GT(luminance(dark.base.fill), luminance(dark.ocean));  // land a step above the sea
    EXPECT_GT(luminance(dark.base.outline), luminance(dark.base.fill));
    EXPECT_GT(luminance(dark.focus_fill), luminance(dark.base.fill));  // focus countries a step stronger
}

TEST(MapTheme, DarkLabelsAreLightOverDarkHalos) {
    const MapStyle dark = map_style(MapTheme::kDark);
    for (const Color& label : {dark.capital_label_color, dark.focus_label_color, dark.country_label_color,
                               dark.events.layer_label, dark.decorations.ink}) {
        EXPECT_GE(contrast(label, dark.base.fill), 4.5);
        EXPECT_GE(contrast(label, dark.text.halo), 4.5);
    }
    EXPECT_LT(luminance(dark.text.halo), 0.02);
    EXPECT_GE(contrast(dark.decorations.ink, dark.decorations.panel), 7.0);  // legend and title panels
}

// Every party colour reads on both dark surfaces with the 3:1 contrast WCAG asks of graphics; in light, the
// Okabe-Ito palette as it was (AES's dark grey and France's blue fall under 3:1 on the dark land unless changed).
TEST(MapTheme, DarkPartyColoursKeepThreeToOneOnLandAndSea) {
    const MapStyle dark = map_style(MapTheme::kDark);
    for (const char* p : kParties) {
        const Color c = dark.events.parties.of(p);
        EXPECT_GE(contrast(c, dark.base.fill), 3.0) << p;
        EXPECT_GE(contrast(c, dark.ocean), 3.0) << p;
        EXPECT_GE(contrast(c, dark.focus_fill), 2.5) << p;
    }
    const MapStyle light = map_style(MapTheme::kLight);
    EXPECT_LT(contrast(light.events.parties.of("AES"), dark.base.fill), 3.0);  // why dark changes it
    // France stays darker than the USA, as in light, so the two blues stay apart.
    EXPECT_LT(luminance(dark.events.parties.of("France")), luminance(dark.events.parties.of("USA")));
    EXPECT_GE(contrast(dark.events.parties.of("France"), dark.events.parties.of("USA")), 2.0);
}

TEST(MapTheme, DarkMarksAreOutlinedInTheSeaColourNotWhite) {
    const MapStyle dark = map_style(MapTheme::kDark);
    EXPECT_LT(luminance(dark.events.mark_outline), 0.05);
    EXPECT_LT(luminance(dark.events.link_casing), 0.05);
    EXPECT_LT(luminance(dark.events.hollow_fill), 0.05);
    EXPECT_GE(contrast(dark.events.place.fill, dark.base.fill), 4.5);
}

TEST(MapTheme, NamesRoundTrip) {
    EXPECT_EQ(theme_name(MapTheme::kLight), "light");
    EXPECT_EQ(theme_name(MapTheme::kDark), "dark");
    EXPECT_EQ(parse_theme("dark"), MapTheme::kDark);
    EXPECT_EQ(parse_theme("light"), MapTheme::kLight);
    EXPECT_FALSE(parse_theme("Dark"));
    EXPECT_FALSE(parse_theme(""));
}

}  // namespace
}  // namespace em
