#pragma once

#include <vector>

namespace em {

// One key press as the window system delivered it: a GLFW key code and its modifier bits (GLFW_MOD_*).
struct KeyPress {
    int key = 0;
    int mods = 0;
};

// Every key press (and auto-repeat) since the last frame, in order. ImGui 1.86 keeps only whether a key is down
// when a frame starts, so a tap whose press and release both fall between two frames -- any quick key while a
// frame is slow -- never reaches ImGui::IsKeyPressed; shortcuts read this list instead, and a key tapped three
// times during one slow frame acts three times.
struct KeyPresses {
    std::vector<KeyPress> presses;

    // How many times `key` was pressed with exactly the modifiers `mods` (shift, ctrl, alt, super bits).
    int count(int key, int mods = 0) const;
    // True if `key` was pressed at least once with exactly the modifiers `mods`.
    bool pressed(int key, int mods = 0) const { return count(key, mods) > 0; }
};

}  // namespace em
