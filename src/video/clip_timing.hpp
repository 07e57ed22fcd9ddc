#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"

namespace em {

// Where a clip goes decides its shape and length: 1080p and 720p for articles and players, square and vertical
// for social feeds (shorter: a feed gives a clip seconds). The view refits to the size.
struct ClipPreset {
    const char* name;
    int width, height;
    double seconds;  // default duration when neither --fps nor --duration is given
};
const std::vector<ClipPreset>& clip_presets();
const ClipPreset* find_clip_preset(const std::string& name);

// One frame of a clip: the clock at `day` plus `fraction` of the next (0 <= fraction < 1), encoded `copies`
// times (more than once for a hold on the first or last frame).
struct ClipFrame {
    Date day;
    double fraction = 0;
    int copies = 1;
};

struct ClipPlan {
    std::vector<ClipFrame> frames;
    int fps = 30;
    // Frames in the file (copies counted).
    int encoded_frames() const;
};

// How the clock runs:
// - duration given: round(duration * fps) frames, the clock moving evenly (in fractions of a day) from the first
//   step date to the last: smooth time, whatever the step;
// - otherwise one frame per step date, `fps` a second (default 30).
// `hold` seconds repeat the first and the last frame. Errors name the option.
struct ClipTiming {
    std::optional<int> fps;
    std::optional<double> duration;
    double hold = 0;
};
Result<ClipPlan> plan_clip(const std::vector<Date>& steps, const ClipTiming& timing);

}  // namespace em
