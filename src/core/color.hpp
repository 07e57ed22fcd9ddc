#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace em {

// A straight (not premultiplied) sRGB colour with alpha, each channel 0..1.
struct Color {
    float r = 0, g = 0, b = 0, a = 1;

    // A colour from 0xRRGGBB and an alpha.
    static constexpr Color hex(std::uint32_t rgb, float alpha = 1.0f) {
        return {((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f, (rgb & 0xFF) / 255.0f, alpha};
    }
    // The same colour with another alpha.
    constexpr Color with_alpha(float alpha) const { return {r, g, b, alpha}; }
    std::array<float, 4> rgba() const { return {r, g, b, a}; }
    friend bool operator==(const Color&, const Color&) = default;
};

// Parses "#RRGGBB" or "#RRGGBBAA"; nullopt when malformed.
std::optional<Color> parse_color(std::string_view text);

// Formats as "#RRGGBBAA".
std::string format_color(const Color& c);

}  // namespace em
