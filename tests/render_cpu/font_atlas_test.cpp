// FontAtlas computes a text's new glyphs on two threads and places them in order: the atlas must be the one that
// adding them one at a time gives (the same pixels, the same rectangles), fallbacks included.
#include "render/font_atlas.hpp"

#include <gtest/gtest.h>

#include <string>
#include <tuple>

#include "core/utf8.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

std::string utf8_of(char32_t cp) {
    std::string s;
    if (cp < 0x80) {
        s += static_cast<char>(cp);
    } else if (cp < 0x800) {
        s += static_cast<char>(0xC0 | (cp >> 6)), s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        s += static_cast<char>(0xE0 | (cp >> 12)), s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return s;
}

FontAtlas load_font() {
    auto loaded = FontAtlas::load((test::source_dir() / "assets/fonts/DejaVuSans.ttf").string(), 40.0f);
    EXPECT_TRUE(loaded) << loaded.error().message;
    return std::move(loaded).value();
}

TEST(FontAtlasTest, ATextAtOnceGivesTheSameAtlasAsOneGlyphAtATime) {
    // Repeats, accents, a private-use code point the font lacks (drawn as '?'), and enough glyphs to grow the atlas.
    std::string text = "Base map: Natural Earth (public domain). Projection: Equirectangular (plate carr\xc3\xa9" "e) \xee\x80\x80";
    for (char c = '!'; c <= '~'; ++c) text += c;
    for (char32_t cp = 0xC0; cp < 0x500; ++cp) text += utf8_of(cp);  // Latin, Greek, Cyrillic
    FontAtlas at_once = load_font();
    at_once.ensure(text);
    FontAtlas one_by_one = load_font();
    for (char32_t cp : decode_utf8(text)) one_by_one.ensure(utf8_of(cp));
    ASSERT_EQ(at_once.width(), one_by_one.width());
    ASSERT_EQ(at_once.height(), one_by_one.height());
    EXPECT_GT(at_once.height(), 1024) << "the atlas did not grow: the test misses that path";
    EXPECT_TRUE(at_once.pixels() == one_by_one.pixels());
    for (char32_t cp : decode_utf8(text)) {
        const Glyph* a = at_once.glyph(cp);
        const Glyph* b = one_by_one.glyph(cp);
        ASSERT_TRUE(a && b) << static_cast<unsigned>(cp);
        EXPECT_EQ(std::tie(a->x, a->y, a->w, a->h), std::tie(b->x, b->y, b->w, b->h)) << static_cast<unsigned>(cp);
        EXPECT_EQ(a->advance, b->advance) << static_cast<unsigned>(cp);
    }
    const Glyph* missing = at_once.glyph(0xE000);
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->x, at_once.glyph('?')->x);  // the font has no such glyph: drawn as '?'
}

}  // namespace
}  // namespace em
