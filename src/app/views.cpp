#include "app/views.hpp"

#include <charconv>
#include <cmath>

namespace em {

const std::vector<ViewPreset>& view_presets() {
    static const std::vector<ViewPreset> presets = {
        {"sahel-moscow", "Sahel + Moscow", BBox::of(-20.0, 2.0, 58.0, 60.0)},
        {"sahel", "Sahel", BBox::of(-18.0, 8.0, 26.0, 25.0)},
        {"central-africa", "Central Africa", BBox::of(8.0, -8.0, 32.0, 14.0)},
        {"moscow", "Moscow", BBox::of(30.0, 52.5, 45.0, 58.5)},
        {"world", "World", BBox::of(-180.0, -60.0, 180.0, 85.0)},
    };
    return presets;
}

std::optional<ViewPreset> find_view(std::string_view key) {
    for (const auto& p : view_presets())
        if (p.key == key || p.label == key) return p;
    return std::nullopt;
}

std::optional<BBox> parse_bbox(std::string_view text) {
    double v[4];
    for (int i = 0; i < 4; ++i) {
        const size_t comma = text.find(',');
        std::string_view part = i < 3 ? text.substr(0, comma) : text;
        if (i < 3 && comma == std::string_view::npos) return std::nullopt;
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), v[i]);
        if (ec != std::errc() || ptr != part.data() + part.size() || !std::isfinite(v[i])) return std::nullopt;
        if (i < 3) text.remove_prefix(comma + 1);
    }
    const double w = v[0], s = v[1], e = v[2], n = v[3];
    if (w < -180 || e > 180 || s < -90 || n > 90 || !(w < e) || !(s < n)) return std::nullopt;
    return BBox::of(w, s, e, n);
}

}  // namespace em
