#include "ui/ui_fonts.hpp"

#include <imgui.h>

#include <filesystem>

namespace em {

namespace {
// Indices in the atlas's font list, in the order load_ui_fonts adds them.
constexpr int kBody = 0, kSmall = 1, kHeading = 2;

ImFont* font_at(int index) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    return atlas->Fonts.Size > index ? atlas->Fonts[index] : ImGui::GetFont();
}
}  // namespace

bool load_ui_fonts(const std::string& regular_ttf, const std::string& bold_ttf, float scale) {
    ImGui::GetStyle().ScaleAllSizes(scale);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(regular_ttf, ec)) return false;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    ImFontConfig config;
    // One texel per pixel, glyphs on whole pixels: the atlas is sampled nearest (ui/font_texture), which keeps
    // small text sharp on llvmpipe and on a projector alike.
    config.OversampleH = 1;
    config.PixelSnapH = true;
    // Latin and Latin-1 (accents in place names), general punctuation (dashes, quotes), arrows.
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0x2190, 0x21FF, 0};
    if (!atlas->AddFontFromFileTTF(regular_ttf.c_str(), 15.0f * scale, &config, ranges)) return false;
    atlas->AddFontFromFileTTF(regular_ttf.c_str(), 13.0f * scale, &config, ranges);
    const bool bold = std::filesystem::is_regular_file(bold_ttf, ec);
    atlas->AddFontFromFileTTF(bold ? bold_ttf.c_str() : regular_ttf.c_str(), 17.0f * scale, &config, ranges);
    (void)kBody;
    return true;
}

ImFont* small_font() { return font_at(kSmall); }
ImFont* heading_font() { return font_at(kHeading); }

}  // namespace em
