#include "render/glyph_cache.hpp"

#include <cstring>
#include <memory>

#include "core/cache_file.hpp"

namespace em {

namespace {

constexpr char kMagic[8] = {'E', 'M', 'G', 'L', 'Y', 'P', 'H', 'S'};
constexpr std::uint32_t kFormatVersion = 1;
// A glyph at the atlas's 40 px with its padding is under 100 px a side: anything over this is a damaged entry (and
// must never reach the atlas, whose rows are 1024 px wide).
constexpr int kLargestSide = 256;

bool read_glyph(CacheReader& r, char32_t& cp, GlyphBitmap& g) {
    std::uint32_t code = 0;
    std::uint8_t in_font = 0;
    std::int32_t w = 0, h = 0, x = 0, y = 0;
    if (!(r.pod(code) && r.pod(in_font) && r.pod(w) && r.pod(h) && r.pod(x) && r.pod(y) && r.pod(g.advance) &&
          r.vec(g.sdf)))
        return false;
    if (w < 0 || h < 0 || w > kLargestSide || h > kLargestSide || g.sdf.size() != static_cast<std::size_t>(w) * h)
        return false;
    cp = code;
    g.in_font = in_font != 0;
    g.width = w, g.height = h, g.x_offset = x, g.y_offset = y;
    return true;
}

void write_glyph(CacheWriter& w, char32_t cp, const GlyphBitmap& g) {
    w.pod(static_cast<std::uint32_t>(cp));
    w.pod(static_cast<std::uint8_t>(g.in_font));
    w.pod(static_cast<std::int32_t>(g.width)), w.pod(static_cast<std::int32_t>(g.height));
    w.pod(static_cast<std::int32_t>(g.x_offset)), w.pod(static_cast<std::int32_t>(g.y_offset));
    w.pod(g.advance);
    w.vec(g.sdf);
}

}  // namespace

GlyphCache GlyphCache::open(const std::filesystem::path& dir, const std::string& ttf_path, const std::string& settings) {
    GlyphCache cache;
    if (dir.empty()) return cache;
    std::error_code ec;
    const auto font = std::filesystem::absolute(ttf_path, ec);
    if (ec) return cache;
    const std::string stamp = stamp_of(font);
    if (stamp.empty()) return cache;
    cache.key_ = stamp + "|" + settings + "|v" + std::to_string(kFormatVersion);
    char name[48];
    std::snprintf(name, sizeof name, "glyphs-%016llx.emg", static_cast<unsigned long long>(fnv1a(cache.key_)));
    cache.path_ = dir / name;

    const auto size = std::filesystem::file_size(cache.path_, ec);
    if (ec || size < sizeof kMagic) return cache;
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(cache.path_.c_str(), "rb"), &std::fclose);
    if (!f) return cache;
    char magic[sizeof kMagic];
    if (std::fread(magic, 1, sizeof magic, f.get()) != sizeof magic || std::memcmp(magic, kMagic, sizeof kMagic) != 0)
        return cache;
    CacheReader r(f.get(), size - sizeof kMagic);
    std::string key;
    std::uint64_t count = 0;
    if (!r.str(key) || key != cache.key_ || !r.pod(count) || count > 1u << 20) return cache;  // another font's entry
    std::unordered_map<char32_t, GlyphBitmap> glyphs;
    for (std::uint64_t i = 0; i < count; ++i) {
        char32_t cp = 0;
        GlyphBitmap g;
        if (!read_glyph(r, cp, g)) return cache;  // damaged: made again from the font, and the entry rewritten
        glyphs.emplace(cp, std::move(g));
    }
    cache.glyphs_ = std::move(glyphs);
    return cache;
}

const GlyphBitmap* GlyphCache::find(char32_t cp) const {
    auto it = glyphs_.find(cp);
    return it == glyphs_.end() ? nullptr : &it->second;
}

const GlyphBitmap& GlyphCache::put(char32_t cp, GlyphBitmap glyph) {
    unsaved_ = unsaved_ || !path_.empty();
    return glyphs_.insert_or_assign(cp, std::move(glyph)).first->second;
}

bool GlyphCache::save() {
    if (path_.empty()) return false;
    if (!unsaved_) return true;
    const bool saved = write_cache_file(path_, [this](std::FILE* f) {
        CacheWriter w(f);
        for (char c : kMagic) w.pod(c);
        w.str(key_);
        w.pod<std::uint64_t>(glyphs_.size());
        for (const auto& [cp, g] : glyphs_) write_glyph(w, cp, g);
        return w.ok();
    });
    unsaved_ = !saved;
    return saved;
}

}  // namespace em
