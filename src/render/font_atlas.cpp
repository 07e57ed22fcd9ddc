#include "render/font_atlas.hpp"

#include <dlfcn.h>
#include <stb_truetype.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

#include "core/cache_file.hpp"
#include "core/utf8.hpp"

namespace em {

struct FontAtlas::FontData {
    std::vector<unsigned char> bytes;
    stbtt_fontinfo info{};
};

namespace {
constexpr int kPadding = 6;           // pixels of distance field around each glyph
constexpr unsigned char kOnEdge = 128;  // stored value on the outline
}  // namespace

Result<FontAtlas> FontAtlas::load(const std::string& ttf_path, float base_size, const std::filesystem::path& cache_dir) {
    std::ifstream in(ttf_path, std::ios::binary);
    if (!in) return Error{ttf_path + ": cannot open font"};
    auto data = std::make_shared<FontData>();
    data->bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    const int offset = stbtt_GetFontOffsetForIndex(data->bytes.data(), 0);
    if (offset < 0 || !stbtt_InitFont(&data->info, data->bytes.data(), offset))
        return Error{ttf_path + ": not a TrueType font stb_truetype can read"};
    FontAtlas atlas;
    atlas.font_ = data;
    atlas.path_ = ttf_path;
    atlas.base_size_ = base_size;
    atlas.scale_ = stbtt_ScaleForPixelHeight(&data->info, base_size);
    // One scale maps font units to pixels both ways: em / units_per_em = height / (ascent - descent).
    atlas.em_per_height_ = stbtt_ScaleForPixelHeight(&data->info, 1.0f) / stbtt_ScaleForMappingEmToPixels(&data->info, 1.0f);
    int ascent = 0, descent = 0, gap = 0;
    stbtt_GetFontVMetrics(&data->info, &ascent, &descent, &gap);
    atlas.ascent_ = ascent * atlas.scale_;
    atlas.descent_ = -descent * atlas.scale_;
    // pixel_dist_scale = kOnEdge / kPadding: the full byte range covers +-kPadding pixels.
    atlas.distance_range_ = 255.0f / (static_cast<float>(kOnEdge) / kPadding);
    atlas.pixels_.assign(static_cast<size_t>(atlas.width_) * atlas.height_, 0);
    atlas.cache_ = GlyphCache::open(cache_dir, ttf_path, cache_settings(base_size));
    atlas.ensure("?");
    return atlas;
}

std::string FontAtlas::cache_settings(float base_size) {
    // The library that makes the fields is part of the key too: glyphs from an older libstb are made again.
    Dl_info stb{};
    const bool found = dladdr(reinterpret_cast<void*>(&stbtt_GetGlyphSDF), &stb) != 0 && stb.dli_fname;
    return "size=" + std::to_string(base_size) + "|padding=" + std::to_string(kPadding) +
           "|edge=" + std::to_string(kOnEdge) + "|stb=" + (found ? stamp_of(stb.dli_fname) : std::string("?"));
}

GlyphBitmap FontAtlas::make_glyph(char32_t cp) const {
    const stbtt_fontinfo& info = font_->info;
    const int index = stbtt_FindGlyphIndex(&info, static_cast<int>(cp));
    GlyphBitmap g;
    if (index == 0 && cp != '?') return g;
    g.in_font = true;
    int advance = 0, lsb = 0;
    stbtt_GetGlyphHMetrics(&info, index, &advance, &lsb);
    g.advance = advance * scale_;
    unsigned char* sdf = stbtt_GetGlyphSDF(&info, scale_, index, kPadding, kOnEdge,
                                           static_cast<float>(kOnEdge) / kPadding, &g.width, &g.height, &g.x_offset,
                                           &g.y_offset);
    if (sdf) {
        g.sdf.assign(sdf, sdf + static_cast<size_t>(g.width) * g.height);
        stbtt_FreeSDF(sdf, nullptr);
    } else {
        g.width = g.height = 0;  // nothing to draw (a space)
    }
    return g;
}

bool FontAtlas::add(char32_t cp) {
    const GlyphBitmap* made = cache_.find(cp);
    if (!made) made = &cache_.put(cp, make_glyph(cp));
    if (!made->in_font) return false;
    Glyph g;
    g.advance = made->advance;
    const int w = made->width, h = made->height;
    if (!made->sdf.empty()) {
        if (pen_x_ + w + 1 > width_) pen_x_ = 1, pen_y_ += row_height_ + 1, row_height_ = 0;
        while (pen_y_ + h + 1 > height_) {
            // Grow downwards; existing rows keep their coordinates.
            height_ *= 2;
            pixels_.resize(static_cast<size_t>(width_) * height_, 0);
        }
        for (int y = 0; y < h; ++y)
            std::copy_n(made->sdf.data() + static_cast<size_t>(y) * w, w,
                        pixels_.data() + static_cast<size_t>(pen_y_ + y) * width_ + pen_x_);
        g.x = pen_x_, g.y = pen_y_, g.w = w, g.h = h;
        g.x_offset = static_cast<float>(made->x_offset);
        g.y_offset = static_cast<float>(made->y_offset);
        pen_x_ += w + 1;
        row_height_ = std::max(row_height_, h);
        ++version_;
    }
    glyphs_[cp] = g;
    return true;
}

void FontAtlas::ensure(std::string_view utf8) {
    for (char32_t cp : decode_utf8(utf8)) {
        if (glyphs_.count(cp)) continue;
        if (!add(cp)) glyphs_[cp] = glyphs_.at('?');
    }
}

const Glyph* FontAtlas::glyph(char32_t cp) const {
    auto it = glyphs_.find(cp);
    return it == glyphs_.end() ? nullptr : &it->second;
}

float FontAtlas::kerning(char32_t a, char32_t b) const {
    return stbtt_GetCodepointKernAdvance(&font_->info, static_cast<int>(a), static_cast<int>(b)) * scale_;
}

float FontAtlas::measure(std::string_view utf8, float size) const {
    const float k = size / base_size_;
    float width = 0;
    char32_t prev = 0;
    for (char32_t cp : decode_utf8(utf8)) {
        const Glyph* g = glyph(cp);
        if (!g) g = glyph('?');
        if (prev) width += kerning(prev, cp) * k;
        width += g->advance * k;
        prev = cp;
    }
    return width;
}

}  // namespace em
