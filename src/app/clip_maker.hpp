#pragma once

#include <functional>
#include <string>

#include "app/headless_map.hpp"
#include "scene/project.hpp"
#include "video/clip_timing.hpp"
#include "video/video_format.hpp"

namespace em {

// A clip to make: the document of the whole clip (view, layers and styles, filters, decorations, size, window
// length), which moment each frame shows, and where it goes.
struct ClipRequest {
    Project doc;
    ClipPlan plan;
    VideoFormat format = VideoFormat::kMp4;
    std::string path;
    // The document of one day of the clip (the command line's and the window's differ in how the window mode
    // carries over; see frame_document).
    std::function<Project(const Project& doc, Date day)> frame_document;
};

// Told after each frame is drawn and queued: frames drawn so far, their total, the frame's day. Returns false to
// cancel.
using ClipFrameDone = std::function<bool(int drawn, int total, Date day)>;

enum class ClipOutcome { kWritten, kCancelled, kFailed };
struct ClipResult {
    ClipOutcome outcome = ClipOutcome::kFailed;
    std::string message;  // the error (one line naming the path) when failed
};

// The document frame `index` of the clip shows (its day and fraction of a day, smooth time's motion): what
// make_clip draws, and what the window's preview of the first frame draws at thumbnail size.
Project clip_frame_document(const ClipRequest& request, std::size_t index);

// Draws every frame with `map` (HeadlessMap::render, the one drawing path) and encodes it on an EncodingThread
// while the next is drawn; smooth time (render/clip_motion) with things coming and going over half a second of
// the clip. Nothing is left at the path unless the outcome is kWritten. Used by `eventmap render -o OUT.mp4`
// and the window's Animation export.
ClipResult make_clip(HeadlessMap& map, const ClipRequest& request, const ClipFrameDone& on_frame,
                     PhaseTimer* timer = nullptr, int max_tile = 0);

// The days over which things fade in and out and arcs draw themselves in a clip: half a second of it, at least a
// day, at most a third of a trailing window (so an event is seen whole before it leaves).
double clip_motion_days(const ClipPlan& plan, const Project& doc);

}  // namespace em
