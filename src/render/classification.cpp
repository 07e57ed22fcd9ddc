#include "render/classification.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>

namespace em {

namespace {
bool as_number(const std::string& s, double& v) {
    if (s.empty()) return false;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && ptr == s.data() + s.size() && std::isfinite(v);
}

std::string format_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}
}  // namespace

Classification classify(const PreparedLayer& layer, const std::string& field) {
    Classification c;
    c.field = field;
    const int f = layer.field_index(field);
    if (f < 0) return c;
    const size_t n = layer.values.size();
    c.class_of.assign(n, -1);
    std::vector<double> numbers;
    bool all_numeric = true;
    for (size_t i = 0; i < n; ++i) {
        const std::string& v = layer.value(i, f);
        double x = 0;
        if (v.empty()) continue;
        if (as_number(v, x)) numbers.push_back(x); else all_numeric = false;
    }
    if (all_numeric && numbers.size() >= 2) {
        // Five quantile classes on viridis (perceptually even, readable by colour-blind readers and in grey).
        c.numeric = true;
        static const std::uint32_t ramp[] = {0xFDE725, 0x5EC962, 0x21918C, 0x3B528B, 0x440154};
        std::vector<double> sorted = numbers;
        std::sort(sorted.begin(), sorted.end());
        std::vector<double> breaks;  // upper bounds of classes 0..3
        for (int k = 1; k < 5; ++k) breaks.push_back(sorted[std::min(sorted.size() - 1, sorted.size() * k / 5)]);
        double lower = sorted.front();
        for (int k = 0; k < 5; ++k) {
            const double upper = k < 4 ? breaks[k] : sorted.back();
            c.colors.push_back(Color::hex(ramp[k]));
            c.labels.push_back(format_number(lower) + " - " + format_number(upper));
            lower = upper;
        }
        for (size_t i = 0; i < n; ++i) {
            double x = 0;
            if (!as_number(layer.value(i, f), x)) continue;
            int k = 0;
            while (k < 4 && x > breaks[k]) ++k;
            c.class_of[i] = k;
        }
        return c;
    }
    // Categorical: the most frequent values get pastel colours, the rest "other". ColorBrewer Set3, with its grey
    // (it could be taken for "other") and its purple (too near Germany's) replaced by Set2's tan and Pastel1's lilac.
    // Not the saturated Okabe-Ito colours: those mark actors, and saturated colour is for events (quiet base, loud
    // data; ../shared/STYLE.md).
    static const std::uint32_t palette[] = {0x8DD3C7, 0xFFFFB3, 0xBEBADA, 0xFB8072, 0x80B1D3, 0xFDB462,
                                            0xB3DE69, 0xFCCDE5, 0xE5C494, 0xDECBE4, 0xCCEBC5, 0xFFED6F};
    std::map<std::string, int> counts;
    for (size_t i = 0; i < n; ++i)
        if (!layer.value(i, f).empty()) ++counts[layer.value(i, f)];
    std::vector<std::pair<std::string, int>> order(counts.begin(), counts.end());
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::map<std::string, int> class_index;
    for (size_t k = 0; k < order.size() && k < 12; ++k) {
        class_index[order[k].first] = static_cast<int>(k);
        c.colors.push_back(Color::hex(palette[k]));
        c.labels.push_back(order[k].first);
    }
    const bool has_other = order.size() > 12;
    if (has_other) {
        c.colors.push_back(Color::hex(0xBBBBBB));
        c.labels.push_back("other (" + std::to_string(order.size() - 12) + " values)");
    }
    for (size_t i = 0; i < n; ++i) {
        const std::string& v = layer.value(i, f);
        if (v.empty()) continue;
        auto it = class_index.find(v);
        c.class_of[i] = it != class_index.end() ? it->second : (has_other ? 12 : -1);
    }
    return c;
}

}  // namespace em
