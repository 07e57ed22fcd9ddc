#include "ui/shortcuts.hpp"

namespace em {

const std::vector<Shortcut>& shortcuts() {
    // The keys each handler reads: window_view (map), timeline_panel (time), events_list_panel (list),
    // window_panels and export_panel (files), help_overlay (help).
    static const std::vector<Shortcut> list = {
        {"Map", "Drag", "pan", ""},
        {"Map", "Arrows", "pan", ""},
        {"Map", "Wheel, + / -", "zoom in and out", ""},
        {"Map", "Home", "back to the start view", "home"},
        {"Map", "Click", "pin an event, or inspect a feature", ""},
        {"Time", "Space", "play or pause", "play"},
        {"Time", ", / .", "a day back / forward", ""},
        {"Time", "Shift+W / W", "a week back / forward", ""},
        {"Time", "[ / ]", "a month back / forward", ""},
        {"Time", "P / N", "previous / next event", ""},
        {"Events list", "Up / Down", "previous / next row (pins it)", ""},
        {"Events list", "Page Up / Page Down", "a page up / down", ""},
        {"Files", "Ctrl+O", "open a layer", "open-layer"},
        {"Files", "Ctrl+S, F12", "export the map as it is shown", "export"},
        {"Files", "Ctrl+Q", "quit", "quit"},
        {"Help", "F1, ?", "show or hide these shortcuts", "help"},
        {"Help", "Esc", "close this overlay", ""},
    };
    return list;
}

const char* shortcut_keys(std::string_view id) {
    for (const auto& s : shortcuts())
        if (id == s.id) return s.keys;
    return nullptr;
}

}  // namespace em
