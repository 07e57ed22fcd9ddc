#include "app/window/window_input.hpp"

// The GL loader comes first; GLFW must not pull in its own GL header.
#include "gl/gl_api.hpp"
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>

namespace em {

void collect_window_input(GLFWwindow* window, WindowInput& input) {
    glfwSetWindowUserPointer(window, &input);
    glfwSetDropCallback(window, [](GLFWwindow* w, int count, const char** paths) {
        auto* in = static_cast<WindowInput*>(glfwGetWindowUserPointer(w));
        for (int i = 0; i < count; ++i) in->dropped.emplace_back(paths[i]);
    });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double xoff, double yoff) {
        ImGui_ImplGlfw_ScrollCallback(w, xoff, yoff);
        static_cast<WindowInput*>(glfwGetWindowUserPointer(w))->wheel += yoff;
    });
    glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int scancode, int action, int mods) {
        ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);  // ImGui still sees every key
        auto* in = static_cast<WindowInput*>(glfwGetWindowUserPointer(w));
        if (action != GLFW_RELEASE) in->keys.presses.push_back({key, mods});
    });
}

}  // namespace em
