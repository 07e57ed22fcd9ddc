#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "app/clip_maker.hpp"
#include "app/data_paths.hpp"
#include "app/event_state.hpp"
#include "app/window/clip_preview.hpp"
#include "app/window/window_view.hpp"
#include "gl/texture.hpp"
#include "render/map_scene.hpp"
#include "ui/animation_panel.hpp"
#include "ui/export_panel.hpp"

namespace em {

// One clip made in the background: its own thread, its own headless GL context (HeadlessMap), the window's
// document copied when it started. The window polls progress() each frame; cancel() (or dropping the job)
// stops it and leaves nothing at the path.
class AnimationJob {
public:
    AnimationJob(DataPaths paths, ClipRequest request);
    ~AnimationJob();
    AnimationJob(const AnimationJob&) = delete;
    AnimationJob& operator=(const AnimationJob&) = delete;

    void cancel() { cancel_ = true; }
    // Frames drawn, rate, time left; running false once the thread is done (message says how it ended).
    AnimationProgress progress() const;

private:
    void run(DataPaths paths);

    ClipRequest request_;
    std::atomic<int> drawn_{0};
    std::atomic<bool> cancel_{false}, done_{false};
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
    mutable std::mutex mutex_;
    std::string message_;
    std::thread thread_;  // last: starts once everything above exists
};

// The window's side of the Animation export: the panel's settings and the job in progress.
struct AnimationWindowState {
    AnimationPanelState panel;
    DataPaths paths;
    std::unique_ptr<AnimationJob> job;
    std::string last_message;  // of the last job, once it is dropped
    // The thumbnail of the first frame (while the section is open and no clip is being made).
    std::unique_ptr<ClipPreviewer> previewer;  // made when the section is first unfolded
    PreviewRefresh preview_refresh;
    gl::Texture thumbnail;
    std::string preview_note;
};

// Draws the Animation panel; "Make clip" starts a job with the window's document (window_document: layers,
// styles, filters, the Export panel's decorations) at the preset's size, the view refitted to it. While the
// section is open, its first frame is drawn in the background at thumbnail size (clip_frame_document, then
// thumbnail_document, through a HeadlessMap as the clip) whenever it changes (PreviewRefresh), not every frame.
void draw_animation_panel_and_run(AnimationWindowState& state, const MapScene& scene, const MapStyle& style,
                                  const MapView& view, const EventState& events, const ExportState& export_state,
                                  int samples);

}  // namespace em
