#include "render/font_atlas.hpp"

#include <stb_truetype.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <thread>

#include "core/utf8.hpp"

namespace em {

struct FontAtlas::FontData {
    std::vector<unsigned char> bytes;
    stbtt_fontinfo info{};
};

namespace {
constexpr int kPadding = 6;           // pixels of distance field around each glyph
constexpr unsigned char kOnEdge = 128;  // stored value on the outline
constexpr std::size_t kGlyphsWorthAThread = 8;  // fewer new glyphs than this: one thread (a thread costs ~0.1 ms)
}  // namespace

Result<FontAtlas> FontAtlas::load(const std::string& ttf_path, float base_size) {
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
    atlas.ensure("?");
    return atlas;
}

// A glyph's distance field and metrics, computed apart from the atlas (a pure function of the font).
struct FontAtlas::GlyphField {
    int index = 0;  // 0: the font has no such glyph
    float advance = 0;
    int w = 0, h = 0, xoff = 0, yoff = 0;
    std::unique_ptr<unsigned char, void (*)(unsigned char*)> sdf{nullptr, [](unsigned char* p) { stbtt_FreeSDF(p, nullptr); }};
};

FontAtlas::GlyphField FontAtlas::field_of(char32_t cp) const {
    const stbtt_fontinfo& info = font_->info;
    GlyphField f;
    f.index = stbtt_FindGlyphIndex(&info, static_cast<int>(cp));
    if (f.index == 0 && cp != '?') return f;
    int advance = 0, lsb = 0;
    stbtt_GetGlyphHMetrics(&info, f.index, &advance, &lsb);
    f.advance = advance * scale_;
    f.sdf.reset(stbtt_GetGlyphSDF(&info, scale_, f.index, kPadding, kOnEdge, static_cast<float>(kOnEdge) / kPadding,
                                  &f.w, &f.h, &f.xoff, &f.yoff));
    return f;
}

bool FontAtlas::place(char32_t cp, const GlyphField& f) {
    if (f.index == 0 && cp != '?') return false;
    Glyph g;
    g.advance = f.advance;
    if (f.sdf) {
        const int w = f.w, h = f.h;
        if (pen_x_ + w + 1 > width_) pen_x_ = 1, pen_y_ += row_height_ + 1, row_height_ = 0;
        if (pen_y_ + h + 1 > height_) {
            // Grow downwards; existing rows keep their coordinates.
            height_ *= 2;
            pixels_.resize(static_cast<size_t>(width_) * height_, 0);
        }
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                pixels_[static_cast<size_t>(pen_y_ + y) * width_ + pen_x_ + x] = f.sdf.get()[y * w + x];
        g.x = pen_x_, g.y = pen_y_, g.w = w, g.h = h;
        g.x_offset = static_cast<float>(f.xoff);
        g.y_offset = static_cast<float>(f.yoff);
        pen_x_ += w + 1;
        row_height_ = std::max(row_height_, h);
        ++version_;
    }
    glyphs_[cp] = g;
    return true;
}

void FontAtlas::ensure(std::string_view utf8) {
    // The code points not in the atlas yet, each once, in the order of their first use.
    std::vector<char32_t> missing;
    for (char32_t cp : decode_utf8(utf8))
        if (!glyphs_.count(cp) && std::find(missing.begin(), missing.end(), cp) == missing.end()) missing.push_back(cp);
    if (missing.empty()) return;
    // Distance fields are the slow part (stb_truetype measures each pixel's distance to the outline's curves): the
    // glyphs of a 4K picture's scale bar and attribution were ~4% of its CPU samples, on the drawing thread (perf,
    // issue 18). A text's new glyphs are computed on two threads, then placed in the order of their first use, as
    // one at a time did, so the atlas is the same.
    std::vector<GlyphField> fields(missing.size());
    const std::size_t half = missing.size() >= kGlyphsWorthAThread ? missing.size() / 2 : 0;
    {
        std::jthread second;
        if (half > 0)
            second = std::jthread([&] {
                for (std::size_t i = half; i < missing.size(); ++i) fields[i] = field_of(missing[i]);
            });
        for (std::size_t i = 0; i < (half > 0 ? half : missing.size()); ++i) fields[i] = field_of(missing[i]);
    }
    for (std::size_t i = 0; i < missing.size(); ++i)
        if (!place(missing[i], fields[i])) glyphs_[missing[i]] = glyphs_.at('?');
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
