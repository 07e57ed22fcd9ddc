#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace em {

// True when text is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

// Returns text with every malformed UTF-8 sequence replaced by U+FFFD.
std::string sanitize_utf8(std::string_view text);

// Decodes UTF-8 into code points; malformed bytes become U+FFFD.
std::vector<char32_t> decode_utf8(std::string_view text);

// Encodes one code point as UTF-8 and appends it to out.
void append_utf8(std::string& out, char32_t cp);

}  // namespace em
