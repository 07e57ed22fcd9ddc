#include "ui/panel_section.hpp"

#include <imgui.h>

namespace em {

bool begin_section(const char* title, bool open_at_first) {
    ImGui::PushID(title);
    return ImGui::CollapsingHeader(title, open_at_first ? ImGuiTreeNodeFlags_DefaultOpen : 0);
}

void end_section() {
    ImGui::Spacing();
    ImGui::PopID();
}

void note_item(const std::string& name) {
    auto* rects = static_cast<WidgetRects*>(ImGui::GetIO().UserData);
    if (!rects) return;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    // Only what is on screen: an item scrolled out of its panel cannot be clicked.
    const ImVec2 c0 = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    if (b.y <= c0.y || a.y >= c0.y + size.y) return;
    rects->items.push_back({name, UiRect{a.x, a.y, b.x - a.x, b.y - a.y}});
}

void note_window(const std::string& name) {
    auto* rects = static_cast<WidgetRects*>(ImGui::GetIO().UserData);
    if (!rects) return;
    const ImVec2 a = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    rects->items.push_back({"panel/" + name, UiRect{a.x, a.y, size.x, size.y}});
}

}  // namespace em
