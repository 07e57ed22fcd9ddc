#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace em {

// ISO 3166-1 country codes from Debian's iso-codes package (/usr/share/iso-codes/json/iso_3166-1.json): ACLED's
// newer exports give a country only as its numeric code (`iso`, 466 for Mali) and its name.
class CountryCodes {
public:
    // Reads the iso-codes table (empty, with why_not() saying so, when it cannot be read).
    static CountryCodes from_iso_codes(const std::string& path = "/usr/share/iso-codes/json/iso_3166-1.json");

    // "MLI" for 466; "" when unknown.
    std::string alpha3_of_numeric(int numeric) const;
    // "MLI" for "Mali" (any case); "" when unknown.
    std::string alpha3_of_name(std::string_view name) const;
    bool empty() const { return by_numeric_.empty(); }
    const std::string& why_not() const { return why_not_; }

private:
    std::unordered_map<int, std::string> by_numeric_;
    std::unordered_map<std::string, std::string> by_name_;  // lower-case name and common name
    std::string why_not_;
};

}  // namespace em
