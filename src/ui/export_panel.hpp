#pragma once

#include <optional>
#include <string>

#include "ui/key_presses.hpp"

namespace em {

// The export settings the panel edits (kept between frames and exports).
struct ExportState {
    int preset = 1;  // 0 window size, 1 2x window, 2 3840x2160, 3 A4 landscape 300 dpi, 4 custom
    int custom_width = 4000, custom_height = 3000;
    char path[512] = "eventmap-export.png";
    char title[256] = "";
    char subtitle[256] = "";
    bool legend = true, scale_bar = true, attribution = true, inset = true;
    bool save_project = true;  // write the project beside the picture (maps/army.png -> maps/army.project.json)
    std::string last_message;
};

// One export to do now.
struct ExportRequest {
    int width = 0, height = 0;
    float pixel_scale = 1.0f;  // lines and text scaled so the picture looks like the screen, only sharper
    std::string path;
};

// The export panel; returns a request when the user presses Export (or Ctrl+S / F12 anywhere, from `keys`).
std::optional<ExportRequest> draw_export_panel(ExportState& state, int window_width, int window_height,
                                               const KeyPresses& keys);

// The pixel size and scale of a preset for a window of the given size.
ExportRequest export_size(const ExportState& state, int window_width, int window_height);

}  // namespace em
