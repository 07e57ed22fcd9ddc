#pragma once

#include "app/cli/render_options.hpp"
#include "app/headless_map.hpp"
#include "scene/project.hpp"
#include "video/clip_timing.hpp"
#include "video/video_format.hpp"

namespace em {

// The clip of `eventmap render -o OUT.mp4|OUT.webm|OUT.gif --frames ...`: each frame of the plan drawn by
// `map` (the same HeadlessMap::render as a PNG) and handed straight to the encoder, which runs on its own thread
// while the next frame is drawn. A progress line on a terminal; Ctrl-C cancels and leaves nothing at the path.
// Returns the exit code: 0 only when the file is complete.
int run_animation(const RenderOptions& options, const Project& doc, HeadlessMap& map, const ClipPlan& plan,
                  VideoFormat format, PhaseTimer& timer);

}  // namespace em
