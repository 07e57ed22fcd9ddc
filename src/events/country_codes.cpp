#include "events/country_codes.hpp"

#include <cctype>
#include <fstream>

#include <nlohmann/json.hpp>

namespace em {

namespace {
std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
}  // namespace

CountryCodes CountryCodes::from_iso_codes(const std::string& path) {
    CountryCodes codes;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        codes.why_not_ = path + ": cannot open (Debian package iso-codes)";
        return codes;
    }
    const nlohmann::json doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    const auto list = doc.is_object() ? doc.find("3166-1") : doc.end();
    if (list == doc.end() || !list->is_array()) {
        codes.why_not_ = path + ": not the iso-codes ISO 3166-1 table";
        return codes;
    }
    for (const auto& c : *list) {
        if (!c.is_object() || !c.contains("alpha_3") || !c.contains("numeric")) continue;
        const std::string a3 = c["alpha_3"].get<std::string>();
        try {
            codes.by_numeric_[std::stoi(c["numeric"].get<std::string>())] = a3;
        } catch (...) {
            continue;
        }
        for (const char* key : {"name", "common_name", "official_name"})
            if (c.contains(key) && c[key].is_string()) codes.by_name_.emplace(lower(c[key].get<std::string>()), a3);
    }
    return codes;
}

std::string CountryCodes::alpha3_of_numeric(int numeric) const {
    const auto it = by_numeric_.find(numeric);
    return it == by_numeric_.end() ? "" : it->second;
}

std::string CountryCodes::alpha3_of_name(std::string_view name) const {
    const auto it = by_name_.find(lower(name));
    return it == by_name_.end() ? "" : it->second;
}

}  // namespace em
