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
#include "app/clip_maker.hpp"

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

}  // namespace

int run_animation(const RenderOptions& o, const Project& doc, HeadlessMap& map, const ClipPlan& plan,
                  VideoFormat format, PhaseTimer& timer) {
    CancelOnSignal cancel;
    const bool progress = ::isatty(STDERR_FILENO);
    const auto start = std::chrono::steady_clock::now();
    auto last_print = start - std::chrono::seconds(1);
    // Prints the progress line (at most 4 times a second) and says whether to go on.
    const auto on_frame = [&](int drawn, int total, Date day) {
        const auto now = std::chrono::steady_clock::now();
        if (progress && (now - last_print > std::chrono::milliseconds(250) || drawn == total)) {
            last_print = now;
            const double elapsed = std::chrono::duration<double>(now - start).count();
            const double rate = drawn / std::max(elapsed, 1e-6);
            std::cerr << "\reventmap render: frame " << drawn << "/" << total << "  " << day.iso() << "  "
                      << std::fixed << std::setprecision(1) << rate << " frames/s  "
                      << minutes_seconds((total - drawn) / rate) << " left   " << std::flush;
            if (drawn == total) std::cerr << "\reventmap render: encoding the last frames...                     ";
        }
        return !cancel.cancelled();
    };
    const ClipRequest request{doc, plan, format, o.output,
                              [&o](const Project& d, Date day) { return frame_document(d, o, day); }};
    const ClipResult result = make_clip(map, request, on_frame, &timer, o.max_tile);
    if (progress) std::cerr << "\n";
    switch (result.outcome) {
        case ClipOutcome::kFailed: return fail(result.message);
        case ClipOutcome::kCancelled: fail("cancelled; nothing written to " + o.output); return 130;
        case ClipOutcome::kWritten: break;
    }
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
