#pragma once

#include <string>
#include <vector>

#include "core/date.hpp"

namespace em {

// A labelled tick of the timeline's date axis.
struct AxisTick {
    Date date;
    std::string label;  // "2022", "Mar 2022" or "Mar" (the year is given at January)
    bool major = false;  // a year boundary: a longer tick
};

// Ticks for the days first..last drawn over `width_px` pixels, at the finest step (1 month, 3 months, 6 months,
// 1, 2, 5, 10 or 20 years) whose labels, each about `label_px` wide with some space, do not collide.
std::vector<AxisTick> axis_ticks(Date first, Date last, float width_px, float label_px);

}  // namespace em
