#pragma once

#include <optional>
#include <string_view>

namespace em {

// Parses a finite decimal number, allowing spaces around it; nullopt for anything else (including NaN, Inf).
std::optional<double> parse_finite_number(std::string_view text);

}  // namespace em
