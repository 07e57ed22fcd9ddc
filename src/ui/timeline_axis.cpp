#include "ui/timeline_axis.hpp"

#include <algorithm>
#include <array>

namespace em {

namespace {
constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
}  // namespace

std::vector<AxisTick> axis_ticks(Date first, Date last, float width_px, float label_px) {
    std::vector<AxisTick> ticks;
    const int span_days = std::max(1, last.days - first.days);
    if (width_px <= 0) return ticks;
    const double px_per_day = width_px / span_days;
    // Steps in months; a step fits when its labels keep a third of their width apart.
    constexpr std::array<int, 8> kSteps = {1, 3, 6, 12, 24, 60, 120, 240};
    int step = 0;
    for (int s : kSteps) {
        if (s * 30.44 * px_per_day >= label_px * 1.33f) {
            step = s;
            break;
        }
    }
    if (step == 0) return ticks;  // not even one label per 20 years fits
    // From the first month boundary on a multiple of the step (months counted from year 0).
    int m = first.year() * 12 + (first.month() - 1);
    if (Date::from_ymd(first.year(), first.month(), 1)->days < first.days) ++m;
    m = (m + step - 1) / step * step;
    for (;; m += step) {
        const int year = m / 12, month = m % 12 + 1;
        const Date d = *Date::from_ymd(year, month, 1);
        if (d.days > last.days) break;
        AxisTick t{d, "", month == 1};
        if (step >= 12) {
            t.label = std::to_string(year);
        } else {
            t.label = month == 1 ? std::string(kMonths[0]) + " " + std::to_string(year) : kMonths[month - 1];
        }
        ticks.push_back(t);
    }
    return ticks;
}

std::vector<std::optional<float>> place_axis_labels(const std::vector<float>& tick_x, const std::vector<float>& label_w,
                                                    float x0, float x1, float offset, float gap) {
    std::vector<std::optional<float>> left(tick_x.size());
    float last_right = -1e30f;
    for (std::size_t i = 0; i < tick_x.size() && i < label_w.size(); ++i) {
        const float w = label_w[i];
        if (w > x1 - x0) continue;  // wider than the whole axis
        const float x = std::clamp(tick_x[i] + offset, x0, x1 - w);
        const bool touches_tick = x <= std::max(tick_x[i], x0) + offset && x + w >= tick_x[i];
        if (!touches_tick || x < last_right + gap) continue;
        left[i] = x;
        last_right = x + w;
    }
    return left;
}

}  // namespace em
