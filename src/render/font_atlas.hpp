#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "render/glyph_cache.hpp"

namespace em {

// One glyph's place in the atlas and its metrics, in atlas pixels at the atlas's base size.
struct Glyph {
    int x = 0, y = 0, w = 0, h = 0;  // rectangle in the atlas
    float x_offset = 0, y_offset = 0;  // from the pen position (baseline) to the rectangle's top-left
    float advance = 0;
};

// A signed-distance-field glyph atlas built with stb_truetype (Debian's libstb) from a TrueType font. Glyphs
// are added on demand; the SDF lets one atlas serve every label size with a crisp halo. CPU only: the
// renderer uploads pixels() when version() changes.
class FontAtlas {
public:
    // Loads the font file; base_size is the pixel height the distance field is computed at. With a cache_dir,
    // glyphs made in an earlier run are taken from there (render/glyph_cache) instead of being made again.
    static constexpr float kBaseSize = 40.0f;
    static Result<FontAtlas> load(const std::string& ttf_path, float base_size = kBaseSize,
                                  const std::filesystem::path& cache_dir = {});

    // Makes sure every code point of the UTF-8 text has a glyph (missing ones fall back to '?').
    void ensure(std::string_view utf8);
    // The glyph of a code point, or nullptr if it was never ensured.
    const Glyph* glyph(char32_t cp) const;
    // Kerning between two code points at base size, in pixels.
    float kerning(char32_t a, char32_t b) const;
    // Width of a text at the given pixel size.
    float measure(std::string_view utf8, float size) const;

    float base_size() const { return base_size_; }
    // The TrueType file the atlas was loaded from (vector exports embed the same font).
    const std::string& path() const { return path_; }
    float ascent() const { return ascent_; }    // at base size, pixels above the baseline
    float descent() const { return descent_; }  // at base size, pixels below (positive)
    // The font's em size for a label of this pixel size (sizes here are ascent + descent, stb_truetype's
    // "pixel height"; PDF and SVG fonts are sized by the em).
    float em_size(float size) const { return size * em_per_height_; }
    // Distance encoding: stored value 0.5 is the edge; one unit of stored value spans this many base pixels.
    float distance_range() const { return distance_range_; }
    int width() const { return width_; }
    int height() const { return height_; }
    const std::vector<std::uint8_t>& pixels() const { return pixels_; }
    // Increases whenever pixels change.
    int version() const { return version_; }
    // What besides the font file keys its cached glyphs: the distance field's size, padding and edge value.
    static std::string cache_settings(float base_size);
    // Keeps the glyphs made so far for later runs (when loaded with a cache folder; a no-op when none are new).
    bool save_glyphs() { return cache_.save(); }

private:
    struct FontData;
    std::shared_ptr<FontData> font_;
    std::string path_;
    float base_size_ = kBaseSize, scale_ = 1.0f, em_per_height_ = 1.0f, ascent_ = 0, descent_ = 0, distance_range_ = 16.0f;
    int width_ = 1024, height_ = 1024, pen_x_ = 1, pen_y_ = 1, row_height_ = 0, version_ = 0;
    std::vector<std::uint8_t> pixels_;
    std::unordered_map<char32_t, Glyph> glyphs_;
    GlyphCache cache_;

    GlyphBitmap make_glyph(char32_t cp) const;
    bool add(char32_t cp);
};

}  // namespace em
