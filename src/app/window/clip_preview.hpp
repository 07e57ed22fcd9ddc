#pragma once

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "app/data_paths.hpp"
#include "core/image.hpp"
#include "core/result.hpp"
#include "scene/project.hpp"

namespace em {

// When the Animation panel's thumbnail of a clip's first frame is redrawn: when the frame's document changes
// (range, step, timing, preset, filters, layers and styles, the view, decorations: whatever it draws) and then
// stays the same for `settle_seconds`, so typing a date or dragging the map does not start a drawing each frame;
// never while a drawing is under way (the newest document waits and is drawn next). Pure; CPU-tested.
class PreviewRefresh {
public:
    explicit PreviewRefresh(double settle_seconds = 0.3) : settle_(settle_seconds) {}

    // Called each frame the thumbnail is shown, with the first frame's document (nullopt while the panel's
    // settings make no clip, e.g. half a date typed) and whether a drawing is under way. True: draw `first` now.
    bool should_draw(const std::optional<Project>& first, double now_seconds, bool drawing);
    // True while the thumbnail shown is not of the latest settings (a drawing is due or under way).
    bool stale() const { return pending_.has_value() || drawing_started_; }
    // The drawing started by the last true of should_draw has arrived.
    void drawn() { drawing_started_ = false; }

private:
    double settle_;
    std::optional<Project> drawn_;    // the document of the thumbnail shown, or being drawn
    std::optional<Project> pending_;  // the latest document seen that differs from drawn_
    double pending_since_ = 0;
    bool drawing_started_ = false;
};

// A clip's first frame at thumbnail size: the same document with its picture scaled so its longer side is
// `longest_side` pixels (lines, markers and text scaled with it, so it is the clip's frame in small).
Project thumbnail_document(Project first_frame, int longest_side);

// Draws thumbnails on its own thread with its own HeadlessMap (its own EGL context, made at the first drawing and
// kept, so a redraw is one small picture), through HeadlessMap::render as the clip's frames are. A drawing asked
// for while one is under way waits; a newer one replaces it.
class ClipPreviewer {
public:
    explicit ClipPreviewer(DataPaths paths);
    ~ClipPreviewer();
    ClipPreviewer(const ClipPreviewer&) = delete;
    ClipPreviewer& operator=(const ClipPreviewer&) = delete;

    void draw(Project doc);
    bool busy() const;
    // The last finished thumbnail (or why it failed), once.
    std::optional<Result<Image>> take();

private:
    void run(DataPaths paths);

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<Project> next_;
    bool drawing_ = false, stop_ = false;
    std::optional<Result<Image>> done_;
    std::thread thread_;  // last: starts once everything above exists
};

}  // namespace em
