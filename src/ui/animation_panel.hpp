#pragma once

#include <string>

namespace em {

// What the Animation panel edits (kept between frames): the clip's dates, step, timing, format and preset.
struct AnimationPanelState {
    char start[16] = "2024-07-15", end[16] = "2024-09-15";
    int step = 1;
    int step_unit = 0;      // 0 days, 1 weeks, 2 months, 3 years
    bool smooth = true;     // the clock runs smoothly over `seconds` (else one frame per step at `fps`)
    float seconds = 20.0f;  // the clip's length (smooth)
    int fps = 30;
    float hold = 1.0f;      // seconds on the first and last frame
    int format = 0;         // 0 MP4, 1 WebM, 2 GIF
    int preset = 0;         // clip_presets(): 1080p, 720p, square, vertical
    char path[512] = "eventmap-animation.mp4";
};

// How the clip being made is going (the panel shows it; the window's job fills it).
struct AnimationProgress {
    bool running = false;
    int drawn = 0, total = 0;
    double frames_per_second = 0, seconds_left = 0;
    std::string message;  // the last outcome: written, cancelled, or the error
};

// The thumbnail of the clip's first frame, drawn by the window (a texture of the window's GL context), if any.
struct AnimationThumbnail {
    void* texture = nullptr;  // ImTextureID
    int width = 0, height = 0;
    bool updating = false;    // the settings changed since it was drawn; a new one is coming
    std::string note;         // why there is none (an error), shown instead
};

// What the user asked for this frame.
struct AnimationPanelAction {
    bool start = false;
    bool cancel = false;
    bool open = false;  // the section is unfolded (the thumbnail is wanted)
};

// The Animation export panel: range, step, duration or fps, hold, format (the file's extension follows it),
// preset, the thumbnail of the first frame; while a clip is made, a progress bar with frames done, rate and time
// left, and Cancel.
AnimationPanelAction draw_animation_panel(AnimationPanelState& state, const AnimationProgress& progress,
                                          const AnimationThumbnail& thumbnail = {});

// "START:END:STEP" for parse_frames, e.g. "2024-07-15:2024-09-15:1d".
std::string animation_frames_text(const AnimationPanelState& state);

}  // namespace em
