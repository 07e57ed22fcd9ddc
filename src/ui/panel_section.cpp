#include "ui/panel_section.hpp"

#include <imgui.h>

#include <algorithm>

namespace em {

bool begin_section(const char* title, bool open_at_first) {
    ImGui::PushID(title);
    const bool open = ImGui::CollapsingHeader(title, open_at_first ? ImGuiTreeNodeFlags_DefaultOpen : 0);
    note_item(std::string("Section/") + title);
    return open;
}

void end_section() {
    ImGui::Spacing();
    ImGui::PopID();
}

bool begin_frame_window(const char* name, int imgui_window_flags) {
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 0));  // ImGui skips fills with zero alpha
    const bool shown = ImGui::Begin(name, nullptr, imgui_window_flags);
    ImGui::PopStyleColor();
    return shown;
}

namespace {
// The id begin_section's header has: its title under PushID(title), in the current window.
ImGuiID section_id(const char* title) {
    ImGui::PushID(title);
    const ImGuiID id = ImGui::GetID(title);
    ImGui::PopID();
    return id;
}
}  // namespace

bool section_open(const char* title, bool open_at_first) {
    // Dear ImGui keeps a header's open state in the window's storage, under the header's id.
    return ImGui::GetStateStorage()->GetInt(section_id(title), open_at_first ? 1 : 0) != 0;
}

void set_section_open(const char* title, bool open) { ImGui::GetStateStorage()->SetInt(section_id(title), open); }

void note_item(const std::string& name) {
    auto* rects = static_cast<WidgetRects*>(ImGui::GetIO().UserData);
    if (!rects) return;
    // Only the part on screen: an item scrolled out of its panel (or a table row wider than it) cannot be
    // clicked there.
    const ImVec2 c0 = ImGui::GetWindowDrawList()->GetClipRectMin(), c1 = ImGui::GetWindowDrawList()->GetClipRectMax();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const float x0 = std::max(a.x, c0.x), y0 = std::max(a.y, c0.y), x1 = std::min(b.x, c1.x), y1 = std::min(b.y, c1.y);
    if (x1 <= x0 || y1 <= y0) return;
    rects->items.push_back({name, UiRect{x0, y0, x1 - x0, y1 - y0}});
}

void note_window(const std::string& name) {
    auto* rects = static_cast<WidgetRects*>(ImGui::GetIO().UserData);
    if (!rects) return;
    const ImVec2 a = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    rects->items.push_back({"panel/" + name, UiRect{a.x, a.y, size.x, size.y}});
}

}  // namespace em
