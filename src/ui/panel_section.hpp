#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ui/window_layout.hpp"

namespace em {

// A panel's part of a fixed frame panel (the sidebar or the inspector): a collapsible header, open at first.
// Returns true when open; end_section() must follow either way (as ImGui::Begin / End).
bool begin_section(const char* title, bool open_at_first = true);
void end_section();

// ImGui::Begin for a panel of the window's fixed frame (sidebar, inspector, timeline, status bar, gutters),
// without painting its background: the frame loop clears the whole window to ImGuiCol_WindowBg before drawing
// (a plain clear, where llvmpipe would blend every pixel of the panels' backgrounds, about half of a 1080p window).
bool begin_frame_window(const char* name, int imgui_window_flags);

// Whether the current window's section `title` is open (`open_at_first`, as given to begin_section, until the
// user toggles it: Dear ImGui stores only a toggled state), and setting it before it is drawn: a project keeps
// which sections were folded. Call with the panel current.
bool section_open(const char* title, bool open_at_first);
void set_section_open(const char* title, bool open);

// The rectangles of named widgets drawn this frame, for window tests (--layout-dump): a panel notes a widget a
// test clicks with note_item right after drawing it. Collected only while Dear ImGui's io.UserData points at a
// WidgetRects (the window sets it in test mode); otherwise note_item does nothing.
struct WidgetRects {
    std::vector<std::pair<std::string, UiRect>> items;
};
void note_item(const std::string& name);
// The same for the current window as a whole, noted as "panel/NAME".
void note_window(const std::string& name);

}  // namespace em
