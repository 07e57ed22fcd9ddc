#include "app/clip_maker.hpp"

#include <algorithm>
#include <cstdlib>

#include "render/actor_style.hpp"
#include "video/clip_encoder.hpp"

namespace em {

namespace {

// The party colours of the legend and the arcs, kept exactly in a GIF's palette so an actor keeps its hue.
std::vector<std::uint32_t> party_colours() {
    std::vector<std::uint32_t> out;
    for (const char* party : {"Russia", "France", "USA", "United States", "China", "Turkey", "Ukraine", "Germany",
                              "AES", "European Union", "United Nations"}) {
        const Color c = party_color(party);
        const auto byte = [](float v) { return static_cast<std::uint32_t>(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f); };
        const std::uint32_t rgb = (byte(c.r) << 16) | (byte(c.g) << 8) | byte(c.b);
        if (std::find(out.begin(), out.end(), rgb) == out.end()) out.push_back(rgb);
    }
    return out;
}

double moment(const ClipFrame& f) { return f.day.days + f.fraction; }

}  // namespace

double clip_motion_days(const ClipPlan& plan, const Project& doc) {
    if (plan.frames.empty()) return 1.0;
    const double span_days = moment(plan.frames.back()) - moment(plan.frames.front());
    const double clip_seconds = static_cast<double>(plan.frames.size()) / plan.fps;
    double days = std::max(1.0, 0.5 * span_days / clip_seconds);
    if (doc.time.mode == WindowMode::kTrailing && doc.time.days > 0)
        days = std::min(days, std::max(1.0, doc.time.days / 3.0));
    return days;
}

Project clip_frame_document(const ClipRequest& r, std::size_t index) {
    const ClipFrame& f = r.plan.frames.at(index);
    Project one = r.frame_document(r.doc, f.day);
    one.time.day_fraction = f.fraction;
    one.time.motion_days = clip_motion_days(r.plan, r.doc);
    one.time.clip_start = moment(r.plan.frames.front());
    one.time.clip_end = moment(r.plan.frames.back());
    return one;
}

ClipResult make_clip(HeadlessMap& map, const ClipRequest& r, const ClipFrameDone& on_frame, PhaseTimer* timer,
                     int max_tile) {
    if (r.plan.frames.empty()) return {ClipOutcome::kFailed, r.path + ": the clip has no frames"};
    VideoSettings settings{r.format, r.doc.output.width, r.doc.output.height, r.plan.fps, {}};
    if (r.format == VideoFormat::kGif) settings.gif_keep_colours = party_colours();
    auto opened = open_clip_encoder(r.path, settings);  // opens the video module (FFmpeg) now, not at start
    if (!opened) return {ClipOutcome::kFailed, opened.error().message};
    ClipEncoder& encoder = *opened.value();  // dropped unfinished: nothing at the path
    const int total = static_cast<int>(r.plan.frames.size());
    // Every frame drawn whole, as a still picture, instead of over the kept static layers (FrameCanvas): for
    // benchmarks (bench/clip_compare.sh compares the two in one build), like EVENTMAP_NO_FAST_GEOJSON.
    const bool whole_frames = std::getenv("EVENTMAP_CLIP_WHOLE_FRAMES") != nullptr;
    for (int i = 0; i < total; ++i) {
        const ClipFrame& f = r.plan.frames[i];
        auto image = whole_frames ? map.render(clip_frame_document(r, i), timer, max_tile)
                                  : map.render_frame(clip_frame_document(r, i), timer, max_tile);
        if (!image) return {ClipOutcome::kFailed, image.error().message};
        if (auto ok = encoder.push(std::move(image).value(), f.copies); !ok)
            return {ClipOutcome::kFailed, ok.error().message};
        if (timer) timer->mark("draw+queue");
        if (on_frame && !on_frame(i + 1, total, f.day)) return {ClipOutcome::kCancelled, ""};
    }
    const Status finished = encoder.finish();
    if (timer) timer->mark("encode+write");
    if (!finished) return {ClipOutcome::kFailed, finished.error().message};
    return {ClipOutcome::kWritten, ""};
}

}  // namespace em
