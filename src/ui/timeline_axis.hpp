#pragma once

#include <optional>
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

// Where each tick's label starts (its left edge), for ticks at tick_x (left to right) with labels label_w wide, on
// an axis from x0 to x1: `offset` right of its tick, shifted left or right to stay inside [x0, x1] (the last year
// at the right edge read "202" when it was drawn past it), and nullopt (not drawn) when it would then no longer
// touch its tick or would come within `gap` of the label before it.
std::vector<std::optional<float>> place_axis_labels(const std::vector<float>& tick_x, const std::vector<float>& label_w,
                                                    float x0, float x1, float offset, float gap);

}  // namespace em
