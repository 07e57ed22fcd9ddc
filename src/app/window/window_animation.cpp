#include "app/window/window_animation.hpp"

#include <algorithm>
#include <cstdint>

#include <imgui.h>

#include "app/cli/render_document.hpp"
#include "app/cli/render_options.hpp"
#include "app/window/window_project.hpp"
#include "gl/gl_api.hpp"
#include "video/clip_timing.hpp"

namespace em {

AnimationJob::AnimationJob(DataPaths paths, ClipRequest request)
    : request_(std::move(request)), thread_([this, paths = std::move(paths)] { run(paths); }) {}

AnimationJob::~AnimationJob() {
    cancel_ = true;
    if (thread_.joinable()) thread_.join();
}

void AnimationJob::run(DataPaths paths) {
    auto finish = [&](std::string message) {
        std::lock_guard lock(mutex_);
        message_ = std::move(message);
        done_ = true;
    };
    auto map = HeadlessMap::create(paths);  // its own EGL context, on this thread
    if (!map) return finish("Animation: " + map.error().message);
    const ClipResult result = make_clip(*map.value(), request_, [this](int drawn, int, Date) {
        drawn_ = drawn;
        return !cancel_.load();
    });
    switch (result.outcome) {
        case ClipOutcome::kWritten: return finish("Wrote " + request_.path);
        case ClipOutcome::kCancelled: return finish("Cancelled; nothing written to " + request_.path);
        case ClipOutcome::kFailed: return finish(result.message);
    }
}

AnimationProgress AnimationJob::progress() const {
    AnimationProgress p;
    p.running = !done_;
    p.drawn = drawn_;
    p.total = static_cast<int>(request_.plan.frames.size());
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    p.frames_per_second = p.drawn / std::max(elapsed, 1e-3);
    p.seconds_left = p.frames_per_second > 0 ? (p.total - p.drawn) / p.frames_per_second : 0;
    std::lock_guard lock(mutex_);
    p.message = message_;
    return p;
}

namespace {

// The clip the panel describes, of the window's document; an error names what is wrong.
Result<ClipRequest> clip_request(const AnimationPanelState& s, Project doc) {
    auto frames = parse_frames(animation_frames_text(s));
    if (!frames) return frames.error();
    std::vector<Date> steps;
    for (const auto& d : frames->dates) steps.push_back(*Date::parse(d));
    ClipTiming timing;
    timing.fps = s.fps;
    if (s.smooth) timing.duration = s.seconds;
    timing.hold = s.hold;
    auto plan = plan_clip(steps, timing);
    if (!plan) return plan.error();
    auto format = video_format_for_path(s.path);
    if (!format) return format.error();
    const ClipPreset& preset = clip_presets().at(std::clamp(s.preset, 0, static_cast<int>(clip_presets().size()) - 1));
    // The view refits to the preset: what the window shows, centred, filling the clip's shape.
    doc.view.frame = Camera::fit(doc.view.frame, preset.width, preset.height).visible();
    doc.output.width = preset.width;
    doc.output.height = preset.height;
    doc.output.pixel_scale = 1.0f;
    if (auto problem = video_size_problem(format.value(), preset.width, preset.height); !problem.empty())
        return Error{std::string(s.path) + ": " + problem};
    // Each frame keeps the window's mode (a range becomes a trailing window ending on the frame's day), as
    // `render --project` does: frame_document with a project.
    RenderOptions as_project;
    as_project.project = "window";
    return ClipRequest{std::move(doc), std::move(plan).value(), format.value(), s.path,
                       [as_project](const Project& d, Date day) { return frame_document(d, as_project, day); }};
}

constexpr int kThumbnailSide = 320;  // pixels, the longer side

// Takes a finished thumbnail into the window's texture (the window's GL context is current in the frame loop).
void receive_thumbnail(AnimationWindowState& state) {
    if (!state.previewer) return;
    auto done = state.previewer->take();
    if (!done) return;
    state.preview_refresh.drawn();
    if (!*done) {
        state.preview_note = done->error().message;
        return;
    }
    const Image& image = done->value();
    state.thumbnail = gl::Texture::create(image.width, image.height, GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE,
                                          image.pixels.data(), GL_LINEAR);
    state.preview_note.clear();
}

AnimationThumbnail thumbnail_of(const AnimationWindowState& state) {
    AnimationThumbnail t;
    if (state.thumbnail) {
        t.texture = reinterpret_cast<void*>(static_cast<std::intptr_t>(state.thumbnail.id()));
        t.width = state.thumbnail.width();
        t.height = state.thumbnail.height();
    }
    t.updating = state.preview_refresh.stale();
    t.note = state.preview_note;
    return t;
}

}  // namespace

void draw_animation_panel_and_run(AnimationWindowState& state, const MapScene& scene, const MapStyle& style,
                                  const MapView& view, const EventState& events, const ExportState& export_state,
                                  int samples) {
    receive_thumbnail(state);
    AnimationProgress progress;
    if (state.job) {
        progress = state.job->progress();
        if (!progress.running) {
            state.last_message = progress.message;
            state.job.reset();
        }
    }
    if (!state.job) progress.message = state.last_message;
    const AnimationPanelAction action = draw_animation_panel(state.panel, progress, thumbnail_of(state));
    if (action.cancel && state.job) state.job->cancel();
    if (action.start && !state.job) {
        auto request = clip_request(state.panel, window_document(scene, style, view, events, export_state, samples));
        if (!request) {
            state.last_message = request.error().message;
        } else {
            state.last_message.clear();
            state.job = std::make_unique<AnimationJob>(state.paths, std::move(request).value());
        }
    }
    // The thumbnail: the first frame's document at thumbnail size; drawn when it has changed and settled.
    if (action.open && !state.job) {
        std::optional<Project> first;
        if (auto request = clip_request(state.panel, window_document(scene, style, view, events, export_state, samples)))
            first = thumbnail_document(clip_frame_document(request.value(), 0), kThumbnailSide);
        const bool drawing = state.previewer && state.previewer->busy();
        if (state.preview_refresh.should_draw(first, ImGui::GetTime(), drawing)) {
            if (!state.previewer) state.previewer = std::make_unique<ClipPreviewer>(state.paths);
            state.previewer->draw(std::move(*first));
        }
    }
}

}  // namespace em
