#include "core/utf8.hpp"

#include <gtest/gtest.h>

namespace em {
namespace {

const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

TEST(Utf8Test, ValidTextIsRecognised) {
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("Bamako"));
    EXPECT_TRUE(is_valid_utf8("S\xC3\xA9gou"));                 // Ségou
    EXPECT_TRUE(is_valid_utf8("\xD0\x9C\xD0\xBE\xD1\x81"));     // Мос
    EXPECT_TRUE(is_valid_utf8("\xE2\x82\xAC"));                 // €
    EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x8C\x8D"));             // U+1F30D
}

TEST(Utf8Test, MalformedTextIsRejected) {
    EXPECT_FALSE(is_valid_utf8("S\xE9gou"));            // Latin-1 é
    EXPECT_FALSE(is_valid_utf8("\xC3"));                // truncated sequence
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));            // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));        // UTF-16 surrogate D800
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));    // above U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\x80"));                // lone continuation byte
    EXPECT_FALSE(is_valid_utf8("\xFF"));
}

TEST(Utf8Test, SanitizeKeepsValidTextUnchanged) {
    const std::string text = "N'Djamena, Ab\xC3\xA9""ch\xC3\xA9, \xF0\x9F\x8C\x8D";
    EXPECT_EQ(sanitize_utf8(text), text);
}

TEST(Utf8Test, SanitizeReplacesEachBadByteWithReplacementCharacter) {
    EXPECT_EQ(sanitize_utf8("S\xE9gou"), "S" + kReplacement + "gou");
    EXPECT_EQ(sanitize_utf8("a\xC3"), "a" + kReplacement);
    EXPECT_EQ(sanitize_utf8("\xC0\xAF"), kReplacement + kReplacement);
    EXPECT_TRUE(is_valid_utf8(sanitize_utf8("\xFF\xFE\x80 ok \xED\xA0\x80")));
}

TEST(Utf8Test, DecodeGivesCodePoints) {
    EXPECT_EQ(decode_utf8("A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x8C\x8D"),
              (std::vector<char32_t>{U'A', U'\u00E9', U'\u20AC', U'\U0001F30D'}));
    EXPECT_TRUE(decode_utf8("").empty());
}

TEST(Utf8Test, DecodeTurnsMalformedBytesIntoReplacementAndResynchronises) {
    EXPECT_EQ(decode_utf8("a\xE9z"), (std::vector<char32_t>{U'a', 0xFFFD, U'z'}));
    // A truncated 3-byte sequence followed by ASCII: the ASCII is not swallowed.
    EXPECT_EQ(decode_utf8("\xE2\x82x"), (std::vector<char32_t>{0xFFFD, 0xFFFD, U'x'}));
}

TEST(Utf8Test, AppendEncodesEveryLength) {
    std::string out;
    for (char32_t cp : {U'A', U'\u00E9', U'\u20AC', U'\U0001F30D'}) append_utf8(out, cp);
    EXPECT_EQ(out, "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x8C\x8D");
}

TEST(Utf8Test, EncodeDecodeRoundTripOverBoundaries) {
    for (char32_t cp : {char32_t{0}, char32_t{0x7F}, char32_t{0x80}, char32_t{0x7FF}, char32_t{0x800},
                        char32_t{0xD7FF}, char32_t{0xE000}, char32_t{0xFFFF}, char32_t{0x10000}, char32_t{0x10FFFF}}) {
        std::string s;
        append_utf8(s, cp);
        EXPECT_TRUE(is_valid_utf8(s)) << std::hex << static_cast<unsigned>(cp);
        EXPECT_EQ(decode_utf8(s), std::vector<char32_t>{cp}) << std::hex << static_cast<unsigned>(cp);
    }
}

}  // namespace
}  // namespace em
