#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

namespace em {

// One glyph as stb_truetype made it: its signed distance field and metrics, before it is placed in an atlas.
struct GlyphBitmap {
    bool in_font = false;  // false: the font has no glyph for the code point (the atlas draws '?')
    int width = 0, height = 0;
    int x_offset = 0, y_offset = 0;  // from the pen position to the field's top-left, in pixels
    float advance = 0;
    std::vector<std::uint8_t> sdf;  // width * height values, rows top to bottom
};

// Glyph distance fields kept on disk between runs. stb_truetype takes about 1 ms a glyph here (2 cores, no GPU),
// and a 4K picture's legend and scale bar need ~30 glyphs, the window's first frame ~60: 25-65 ms on the thread
// that draws, every run. The atlas is still packed in the order glyphs are asked for, so a picture is the same
// pixel for pixel whether its glyphs came from here or from the font.
// Keyed by the font file's path, size and modification time and the distance-field settings.
class GlyphCache {
public:
    GlyphCache() = default;  // in memory only: nothing read, nothing written
    // The glyphs cached in dir for this font and these settings (an empty cache when there is no valid entry;
    // an empty dir means in memory only).
    static GlyphCache open(const std::filesystem::path& dir, const std::string& ttf_path, const std::string& settings);

    const GlyphBitmap* find(char32_t cp) const;
    const GlyphBitmap& put(char32_t cp, GlyphBitmap glyph);
    // Writes the entry when glyphs were put since it was read or saved (a whole new file, renamed into place).
    // Returns whether the file on disk holds every glyph; a cache that cannot be written only costs time.
    bool save();

    std::size_t size() const { return glyphs_.size(); }
    // The entry's file (empty when in memory only).
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
    std::string key_;
    std::unordered_map<char32_t, GlyphBitmap> glyphs_;
    bool unsaved_ = false;
};

}  // namespace em
