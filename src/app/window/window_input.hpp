#pragma once

#include <string>
#include <vector>

#include "ui/key_presses.hpp"

struct GLFWwindow;

namespace em {

// What the GLFW callbacks collect between frames.
struct WindowInput {
    double wheel = 0;
    std::vector<std::string> dropped;  // files dropped onto the window
    KeyPresses keys;                   // every key press since the last frame (ImGui 1.86 loses quick taps)
};

// Points the window's drop, scroll and key callbacks at `input` (after ImGui's GLFW backend installed its own:
// scroll and key events are passed on to ImGui). `input` must outlive the window's event polling.
void collect_window_input(GLFWwindow* window, WindowInput& input);

}  // namespace em
