#pragma once

#include "ui/key_presses.hpp"
#include "ui/window_layout.hpp"

namespace em {

// F1 or ? (when no text field has the keyboard) shows or hides the shortcuts overlay; Esc hides it.
void toggle_help_on_keys(bool& open, const KeyPresses& keys, bool keyboard_taken);

// The keyboard help: every shortcut (ui/shortcuts) in a card centred over the map area; Close or Esc hides it.
void draw_help_overlay(bool& open, const UiRect& map_area, float scale);

// The first-launch hint: how to pan, scrub and open a layer, in a small card in the map area's top-left corner, at
// most `max_width` wide (the legend card holds the top-right). Returns true when the user dismissed it (then the
// caller remembers that and stops drawing it).
bool draw_first_use_hint(const UiRect& map_area, float max_width, float scale);

}  // namespace em
