#include "app/cli/animation_command.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <algorithm>

#include "app/cli/render_document.hpp"
#include "render/actor_style.hpp"
#include "video/encoding_thread.hpp"
#include "video/video_writer.hpp"

namespace em {

namespace {

// Set by SIGINT/SIGTERM while a clip is being made; a signal handler can only reach a flag like this one.
volatile std::sig_atomic_t g_cancel = 0;
extern "C" void cancel_clip(int) { g_cancel = 1; }

// Installs the cancel handlers for the lifetime of a clip and puts the previous ones back.
class CancelOnSignal {
public:
    CancelOnSignal() {
        g_cancel = 0;
        old_int_ = std::signal(SIGINT, cancel_clip);
        old_term_ = std::signal(SIGTERM, cancel_clip);
        // Past a file-size limit (ulimit -f) a write fails with EFBIG and the writer reports it and removes
        // its temporary file; SIGXFSZ's default would kill the process and leave that file behind.
        old_xfsz_ = std::signal(SIGXFSZ, SIG_IGN);
    }
    ~CancelOnSignal() {
        std::signal(SIGINT, old_int_);
        std::signal(SIGTERM, old_term_);
        std::signal(SIGXFSZ, old_xfsz_);
    }
    bool cancelled() const { return g_cancel != 0; }

private:
    void (*old_int_)(int) = SIG_DFL;
    void (*old_term_)(int) = SIG_DFL;
    void (*old_xfsz_)(int) = SIG_DFL;
};

int fail(const std::string& message) {
    std::cerr << "eventmap render: " << message << "\n";
    return 1;
}

std::string minutes_seconds(double seconds) {
    const int s = static_cast<int>(seconds + 0.5);
    char text[32];
    std::snprintf(text, sizeof text, "%d:%02d", s / 60, s % 60);
    return text;
}

// The party colours of the legend and the arcs, kept exactly in a GIF's palette so an actor keeps its hue.
std::vector<std::uint32_t> party_colours() {
    std::vector<std::uint32_t> out;
    for (const char* party : {"Russia", "Wagner", "Africa Corps", "France", "United States", "China", "Turkey",
                              "Ukraine", "European Union", "United Nations"}) {
        const Color c = party_color(party);
        const auto byte = [](float v) { return static_cast<std::uint32_t>(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f); };
        const std::uint32_t rgb = (byte(c.r) << 16) | (byte(c.g) << 8) | byte(c.b);
        if (std::find(out.begin(), out.end(), rgb) == out.end()) out.push_back(rgb);
    }
    return out;
}

}  // namespace

int run_animation(const RenderOptions& o, const Project& doc, HeadlessMap& map, const ClipPlan& plan,
                  VideoFormat format, PhaseTimer& timer) {
    VideoSettings settings{format, doc.output.width, doc.output.height, plan.fps, {}};
    if (format == VideoFormat::kGif) settings.gif_keep_colours = party_colours();
    CancelOnSignal cancel;
    auto writer = VideoWriter::open(o.output, settings);
    if (!writer) return fail(writer.error().message);
    EncodingThread encoder(std::move(writer).value());
    // Things come and go over half a second of the clip, at least a day, at most a third of a trailing window
    // (so an event is seen whole before it leaves).
    const double span_days = plan.frames.back().day.days + plan.frames.back().fraction - plan.frames.front().day.days -
                             plan.frames.front().fraction;
    const double clip_seconds = std::max(1.0, static_cast<double>(plan.frames.size())) / plan.fps;
    double motion_days = std::max(1.0, 0.5 * span_days / clip_seconds);
    if (doc.time.mode == WindowMode::kTrailing && doc.time.days > 0)
        motion_days = std::min(motion_days, std::max(1.0, doc.time.days / 3.0));
    const bool progress = ::isatty(STDERR_FILENO);
    const int total = static_cast<int>(plan.frames.size());
    const auto start = std::chrono::steady_clock::now();
    auto last_print = start - std::chrono::seconds(1);
    for (int i = 0; i < total; ++i) {
        if (cancel.cancelled()) {
            if (progress) std::cerr << "\n";
            fail("cancelled; nothing written to " + o.output);
            return 130;
        }
        const ClipFrame& f = plan.frames[i];
        Project one = frame_document(doc, o, f.day);
        one.time.day_fraction = f.fraction;
        one.time.motion_days = motion_days;
        one.time.clip_start = plan.frames.front().day.days + plan.frames.front().fraction;
        one.time.clip_end = plan.frames.back().day.days + plan.frames.back().fraction;
        auto image = map.render(one, &timer, o.max_tile);
        if (!image) {
            if (progress) std::cerr << "\n";
            return fail(image.error().message);
        }
        if (auto ok = encoder.push(std::move(image).value(), f.copies); !ok) {
            if (progress) std::cerr << "\n";
            return fail(ok.error().message);
        }
        timer.mark("draw+queue");
        const auto now = std::chrono::steady_clock::now();
        if (progress && (now - last_print > std::chrono::milliseconds(250) || i + 1 == total)) {
            last_print = now;
            const double elapsed = std::chrono::duration<double>(now - start).count();
            const double rate = (i + 1) / std::max(elapsed, 1e-6);
            std::cerr << "\reventmap render: frame " << (i + 1) << "/" << total << "  " << f.day.iso() << "  "
                      << std::fixed << std::setprecision(1) << rate << " frames/s  "
                      << minutes_seconds((total - i - 1) / rate) << " left   " << std::flush;
        }
    }
    if (progress) std::cerr << "\reventmap render: encoding the last frames...                                   ";
    const Status finished = encoder.finish();
    timer.mark("encode+write");
    if (progress) std::cerr << "\n";
    if (!finished) return fail(finished.error().message);
    if (cancel.cancelled()) {
        // The file is complete; a late Ctrl-C does not remove it, but the exit code says it came.
        std::cerr << "eventmap render: interrupted after " << o.output << " was written\n";
        return 130;
    }
    if (progress) {
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cerr << "eventmap render: " << o.output << ": " << plan.encoded_frames() << " frames, "
                  << std::setprecision(1) << plan.encoded_frames() / static_cast<double>(plan.fps) << " s at "
                  << plan.fps << " fps, " << video_format_name(format) << ", made in "
                  << minutes_seconds(elapsed) << "\n";
    }
    return 0;
}

}  // namespace em
