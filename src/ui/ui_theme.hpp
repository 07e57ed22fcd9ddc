#pragma once

// The window chrome's two looks (Dear ImGui's colours), and the party colours that read on it.
#include <optional>
#include <string>
#include <string_view>

#include "core/color.hpp"

namespace em {

enum class UiTheme { kLight, kDark };

// Sets Dear ImGui's colours for the theme: neutral greys only, so that the actors' colours are the only colour
// on screen (STYLE.md "The window"). Sizes and roundings are left alone (set once, then scaled with the fonts).
void apply_ui_theme(UiTheme theme);

// The theme whose colours Dear ImGui has now (from its window background's lightness).
UiTheme current_ui_theme();

// A party's colour as the panels show it (swatches, lanes, list cells): the palette of the map theme of the same
// lightness as the chrome (scene/style.hpp), so that with both dark, or both light, the panels and the map agree.
Color ui_party_color(std::string_view party);

// "light" or "dark"; and back (nullopt when unknown).
std::string ui_theme_name(UiTheme theme);
std::optional<UiTheme> parse_ui_theme(std::string_view text);

}  // namespace em
