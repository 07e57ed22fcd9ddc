#include "video/clip_timing.hpp"

#include <cmath>

namespace em {

const std::vector<ClipPreset>& clip_presets() {
    static const std::vector<ClipPreset> presets = {
        {"1080p", 1920, 1080, 20.0},
        {"720p", 1280, 720, 20.0},
        {"square", 1080, 1080, 15.0},
        {"vertical", 1080, 1920, 15.0},
    };
    return presets;
}

const ClipPreset* find_clip_preset(const std::string& name) {
    for (const auto& p : clip_presets())
        if (name == p.name) return &p;
    return nullptr;
}

int ClipPlan::encoded_frames() const {
    int n = 0;
    for (const auto& f : frames) n += f.copies;
    return n;
}

namespace {
constexpr int kMaxFrames = 100000;  // as render --frames
}

Result<ClipPlan> plan_clip(const std::vector<Date>& steps, const ClipTiming& timing) {
    if (steps.empty()) return Error{"--frames: the range holds no frames"};
    ClipPlan plan;
    plan.fps = timing.fps.value_or(30);
    if (plan.fps < 1 || plan.fps > 120) return Error{"--fps: " + std::to_string(plan.fps) + " is not 1..120"};
    if (timing.duration) {
        const double n_real = std::round(*timing.duration * plan.fps);
        if (!(n_real >= 1)) return Error{"--duration: shorter than one frame at " + std::to_string(plan.fps) + " fps"};
        if (n_real > kMaxFrames) return Error{"--duration: more than 100000 frames"};
        const int n = static_cast<int>(n_real);
        const Date first = steps.front();
        const double span = static_cast<double>(steps.back().days - first.days);  // days
        for (int i = 0; i < n; ++i) {
            const double t = n == 1 ? 0.0 : span * i / (n - 1);
            // The last frame lands exactly on the last step date.
            const double whole = i == n - 1 ? span : std::floor(t);
            plan.frames.push_back(ClipFrame{first + static_cast<int>(whole), i == n - 1 ? 0.0 : t - whole, 1});
        }
    } else {
        for (const Date& d : steps) plan.frames.push_back(ClipFrame{d, 0.0, 1});
    }
    if (timing.hold < 0) return Error{"--hold: negative"};
    const int hold = static_cast<int>(std::lround(timing.hold * plan.fps));
    plan.frames.front().copies += hold;
    if (plan.frames.size() > 1) plan.frames.back().copies += hold;
    else plan.frames.front().copies += hold;  // one frame: held at both ends
    if (plan.encoded_frames() > kMaxFrames) return Error{"--hold: more than 100000 frames"};
    return plan;
}

}  // namespace em
