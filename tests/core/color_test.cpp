#include "core/color.hpp"

#include <gtest/gtest.h>

namespace em {
namespace {

TEST(ColorTest, ParsesSixDigitsWithOpaqueAlpha) {
    auto c = parse_color("#FF8000");
    ASSERT_TRUE(c);
    EXPECT_FLOAT_EQ(c->r, 1.0f);
    EXPECT_FLOAT_EQ(c->g, 128.0f / 255.0f);
    EXPECT_FLOAT_EQ(c->b, 0.0f);
    EXPECT_FLOAT_EQ(c->a, 1.0f);
}

TEST(ColorTest, ParsesEightDigitsAndLowerCase) {
    auto c = parse_color("#0a0B0c80");
    ASSERT_TRUE(c);
    EXPECT_FLOAT_EQ(c->r, 10.0f / 255.0f);
    EXPECT_FLOAT_EQ(c->g, 11.0f / 255.0f);
    EXPECT_FLOAT_EQ(c->b, 12.0f / 255.0f);
    EXPECT_FLOAT_EQ(c->a, 128.0f / 255.0f);
}

TEST(ColorTest, RejectsMalformedText) {
    for (const char* bad : {"", "#", "FF8000", "#FF800", "#FF80000", "#FF8000800", "#GG0000", "#12345 ", " #123456",
                            "#12 456", "red"}) {
        EXPECT_FALSE(parse_color(bad)) << "'" << bad << "'";
    }
}

TEST(ColorTest, FormatsAsUpperCaseRRGGBBAA) {
    EXPECT_EQ(format_color(Color::hex(0x1A2B3C)), "#1A2B3CFF");
    EXPECT_EQ(format_color(Color{0, 0, 0, 0}), "#00000000");
}

TEST(ColorTest, FormatClampsOutOfRangeChannels) {
    EXPECT_EQ(format_color(Color{2.0f, -1.0f, 0.5f, 1.5f}), "#FF0080FF");
}

TEST(ColorTest, FormatThenParseRoundTripsEveryByteValue) {
    for (int v = 0; v < 256; ++v) {
        const Color c = Color::hex(static_cast<std::uint32_t>(v * 0x010101), v / 255.0f);
        const std::string text = format_color(c);
        auto back = parse_color(text);
        ASSERT_TRUE(back) << text;
        EXPECT_EQ(*back, c) << text;
        EXPECT_EQ(format_color(*back), text);
    }
}

TEST(ColorTest, HexAndWithAlpha) {
    constexpr Color c = Color::hex(0xFF0000, 0.25f);
    EXPECT_EQ(c.rgba(), (std::array<float, 4>{1.0f, 0.0f, 0.0f, 0.25f}));
    EXPECT_EQ(c.with_alpha(0.5f), (Color{1.0f, 0.0f, 0.0f, 0.5f}));
}

}  // namespace
}  // namespace em
