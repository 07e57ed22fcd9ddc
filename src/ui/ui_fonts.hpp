#pragma once

#include <string>

struct ImFont;

namespace em {

// The UI's type: DejaVu Sans (the map's labels' face) in three sizes, body 15 px, small 13 px and heading 17 px
// (bold) times the UI scale, rasterised at that size so that text is crisp on HiDPI screens.
// Loads them into Dear ImGui's atlas (body first: the default font) and scales the style's paddings and
// spacings by `scale`. Returns false, keeping ImGui's built-in font, when the font file cannot be read.
bool load_ui_fonts(const std::string& regular_ttf, const std::string& bold_ttf, float scale);

// The small and heading fonts (ImGui's default font when load_ui_fonts failed).
ImFont* small_font();
ImFont* heading_font();

}  // namespace em
