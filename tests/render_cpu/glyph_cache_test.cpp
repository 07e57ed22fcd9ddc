// GlyphCache (render/glyph_cache) and FontAtlas with a cache folder: glyph distance fields kept between runs.
// What matters: an atlas built from the cache is the same, byte for byte, as one built from the font; the cache
// is really read (a planted glyph shows up); a stale or damaged entry is never used.
#include "render/glyph_cache.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <string>

#include "render/font_atlas.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

const char* const kText = "Bamako, Niamey, Ouagadougou, Bangui - Moscow 12-14 Aug 2024";

std::string font_path() { return (test::source_dir() / "assets/fonts/DejaVuSans.ttf").string(); }

FontAtlas load_atlas(const std::filesystem::path& cache_dir, const std::string& font = font_path()) {
    auto loaded = FontAtlas::load(font, FontAtlas::kBaseSize, cache_dir);
    EXPECT_TRUE(loaded.ok()) << loaded.error().message;
    return std::move(loaded).value();
}

std::filesystem::path only_entry(const std::filesystem::path& dir) {
    std::filesystem::path found;
    int count = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) found = e.path(), ++count;
    EXPECT_EQ(count, 1) << "one entry expected in " << dir;
    return found;
}

// One run's worth: an atlas with a cache in dir makes the text's glyphs and keeps them. Returns the entry's file.
std::filesystem::path cache_glyphs(const std::filesystem::path& dir, const std::string& text = kText,
                                   const std::string& font = font_path()) {
    FontAtlas atlas = load_atlas(dir, font);
    atlas.ensure(text);
    EXPECT_TRUE(atlas.save_glyphs());
    return only_entry(dir);
}

void expect_same_glyph(const FontAtlas& a, const FontAtlas& b, char32_t cp) {
    const Glyph* ga = a.glyph(cp);
    const Glyph* gb = b.glyph(cp);
    ASSERT_NE(ga, nullptr);
    ASSERT_NE(gb, nullptr);
    EXPECT_EQ(ga->x, gb->x);
    EXPECT_EQ(ga->y, gb->y);
    EXPECT_EQ(ga->w, gb->w);
    EXPECT_EQ(ga->h, gb->h);
    EXPECT_EQ(ga->x_offset, gb->x_offset);
    EXPECT_EQ(ga->y_offset, gb->y_offset);
    EXPECT_EQ(ga->advance, gb->advance);
}

TEST(GlyphCacheTest, AnAtlasFromTheCacheIsTheOneTheFontMakes) {
    const auto dir = test::temp_dir("glyph_cache_same");
    const auto entry = cache_glyphs(dir);

    FontAtlas uncached = load_atlas({});
    uncached.ensure(kText);
    FontAtlas cached = load_atlas(dir);
    cached.ensure(kText);
    EXPECT_EQ(cached.pixels(), uncached.pixels());
    EXPECT_EQ(cached.height(), uncached.height());
    EXPECT_EQ(cached.version(), uncached.version());
    for (char32_t cp : std::u32string(U"BamkoNiyOugdBnMsw ,-124?")) expect_same_glyph(cached, uncached, cp);
    // Nothing new was made, so nothing is written again.
    const auto written = std::filesystem::last_write_time(entry);
    EXPECT_TRUE(cached.save_glyphs());
    EXPECT_EQ(std::filesystem::last_write_time(entry), written);
}

TEST(GlyphCacheTest, TheAtlasTakesItsGlyphsFromTheCache) {
    const auto dir = test::temp_dir("glyph_cache_planted");
    cache_glyphs(dir, "A");
    // Open the atlas's entry and plant a glyph the font would never make for 'A': 3x2, every value 201.
    auto cache = GlyphCache::open(dir, font_path(), FontAtlas::cache_settings(FontAtlas::kBaseSize));
    ASSERT_EQ(cache.path(), only_entry(dir)) << "the atlas's own entry";
    ASSERT_NE(cache.find('A'), nullptr);
    GlyphBitmap planted;
    planted.in_font = true;
    planted.width = 3, planted.height = 2, planted.advance = 7.5f;
    planted.sdf.assign(6, 201);
    cache.put('A', planted);
    ASSERT_TRUE(cache.save());

    FontAtlas atlas = load_atlas(dir);
    atlas.ensure("A");
    const Glyph* a = atlas.glyph('A');
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->w, 3);
    EXPECT_EQ(a->h, 2);
    EXPECT_EQ(a->advance, 7.5f);
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 3; ++x)
            EXPECT_EQ(atlas.pixels()[static_cast<size_t>(a->y + y) * atlas.width() + a->x + x], 201);
}

TEST(GlyphCacheTest, AnEntryWithAGlyphTooLargeForTheAtlasIsNotUsed) {
    const auto dir = test::temp_dir("glyph_cache_oversized");
    cache_glyphs(dir);
    auto cache = GlyphCache::open(dir, font_path(), FontAtlas::cache_settings(FontAtlas::kBaseSize));
    ASSERT_GT(cache.size(), 1u);
    GlyphBitmap huge;
    huge.in_font = true;
    huge.width = 300, huge.height = 1000;
    huge.sdf.assign(300 * 1000, 255);
    cache.put('A', huge);
    ASSERT_TRUE(cache.save());

    EXPECT_EQ(GlyphCache::open(dir, font_path(), FontAtlas::cache_settings(FontAtlas::kBaseSize)).size(), 0u);
    FontAtlas uncached = load_atlas({});
    uncached.ensure(kText);
    FontAtlas atlas = load_atlas(dir);
    atlas.ensure(kText);
    EXPECT_EQ(atlas.pixels(), uncached.pixels());
    expect_same_glyph(atlas, uncached, 'A');
}

TEST(GlyphCacheTest, ADamagedEntryIsMadeAgainFromTheFont) {
    const auto dir = test::temp_dir("glyph_cache_damaged");
    const auto entry = cache_glyphs(dir);
    const auto whole = std::filesystem::file_size(entry);
    std::filesystem::resize_file(entry, whole / 2);

    FontAtlas uncached = load_atlas({});
    uncached.ensure(kText);
    FontAtlas atlas = load_atlas(dir);
    atlas.ensure(kText);
    EXPECT_EQ(atlas.pixels(), uncached.pixels());
    ASSERT_TRUE(atlas.save_glyphs());
    EXPECT_EQ(std::filesystem::file_size(entry), whole) << "the entry is written whole again";
}

TEST(GlyphCacheTest, AChangedFontFileIsNotServedTheOldGlyphs) {
    const auto dir = test::temp_dir("glyph_cache_font_changed");
    const auto font = dir / "font.ttf";
    std::filesystem::copy_file(font_path(), font);
    const auto cache_dir = dir / "cache";
    cache_glyphs(cache_dir, kText, font.string());
    const std::string settings = FontAtlas::cache_settings(FontAtlas::kBaseSize);
    const std::string text = std::string(kText) + "?";
    EXPECT_EQ(GlyphCache::open(cache_dir, font.string(), settings).size(), std::set<char>(text.begin(), text.end()).size());
    std::filesystem::last_write_time(font, std::filesystem::last_write_time(font) + std::chrono::hours(1));
    EXPECT_EQ(GlyphCache::open(cache_dir, font.string(), settings).size(), 0u);
    EXPECT_EQ(GlyphCache::open(cache_dir, font.string(), settings + "|other").size(), 0u);
}

TEST(GlyphCacheTest, WithoutAFolderNothingIsWritten) {
    const auto dir = test::temp_dir("glyph_cache_none");
    FontAtlas atlas = load_atlas({});
    atlas.ensure(kText);
    EXPECT_FALSE(atlas.save_glyphs());
    EXPECT_TRUE(std::filesystem::is_empty(dir));
}

TEST(GlyphCacheTest, ACodePointTheFontLacksIsRememberedAsMissing) {
    const auto dir = test::temp_dir("glyph_cache_missing");
    const std::string lacking = "\xEE\x80\x80";  // U+E000, private use: not in DejaVu Sans
    cache_glyphs(dir, lacking);
    const std::string settings = FontAtlas::cache_settings(FontAtlas::kBaseSize);
    const GlyphCache cache = GlyphCache::open(dir, font_path(), settings);
    ASSERT_NE(cache.find(0xE000), nullptr);
    EXPECT_FALSE(cache.find(0xE000)->in_font);
    FontAtlas atlas = load_atlas(dir);
    atlas.ensure(lacking);
    const Glyph* shown = atlas.glyph(0xE000);
    const Glyph* question = atlas.glyph('?');
    ASSERT_NE(shown, nullptr);
    EXPECT_EQ(shown->x, question->x);
    EXPECT_EQ(shown->advance, question->advance);
}

}  // namespace
}  // namespace em
