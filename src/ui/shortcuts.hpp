#pragma once

// Every keyboard shortcut of the window, in one table: the help overlay (F1) lists it and the menus show their
// items' keys from it, so neither can drift from the other.
#include <string_view>
#include <vector>

namespace em {

struct Shortcut {
    const char* group;   // "Map", "Time", "Events list", "Files"
    const char* keys;    // as shown: "Ctrl+O", "Space", ", / ."
    const char* action;  // what it does
    const char* id;      // stable name for menus: "open-layer", "quit", ...; empty when no menu item has it
};

// The shortcuts, grouped, in the order the help overlay lists them.
const std::vector<Shortcut>& shortcuts();

// The keys of the shortcut `id` (for a menu item), or nullptr when there is none.
const char* shortcut_keys(std::string_view id);

}  // namespace em
