#include "app/window/window_frame_stats.hpp"

// The GL loader comes first: glFinish.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <numeric>
#include <sstream>
#include <string>
#include <utility>

#include <time.h>
#include <unistd.h>

#include "gl/gl_api.hpp"

namespace em {

namespace {

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, static_cast<size_t>(std::ceil(q * v.size())) - 1);
    return v[i];
}

const char* const kPhaseNames[] = {"panels", "base_map", "overlays", "imgui", "swap"};

void write_slow_frame(std::ostream& out, const FrameStats::SlowFrame& f) {
    out << "{\"index\": " << f.index << ", \"ms\": " << f.ms << ", \"phases_ms\": {";
    for (int i = 0; i < 5; ++i) out << (i ? ", " : "") << "\"" << kPhaseNames[i] << "\": " << f.phase_ms[i];
    out << "}, \"notes\": \"" << f.note << "\"}";
}

}  // namespace

double seconds_since_process_start() {
    std::ifstream in("/proc/self/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Field 22, starttime, in clock ticks since boot; the command (field 2) may hold spaces, so count after its ')'.
    const auto close = text.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    for (int i = 3; i < 22 && fields >> field; ++i) {}
    unsigned long long ticks = 0;
    if (!(fields >> ticks)) return 0;
    timespec now{};
    if (clock_gettime(CLOCK_BOOTTIME, &now) != 0) return 0;
    const double since_boot = double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
    return std::max(0.0, since_boot - double(ticks) / double(sysconf(_SC_CLK_TCK)));
}

FrameStats start_frame_stats(FrameStats::Clock::time_point started) {
    FrameStats stats;
    stats.started = started;
    stats.process_to_start_s = std::max(
        0.0, seconds_since_process_start() -
                 std::chrono::duration<double>(FrameStats::Clock::now() - started).count());
    stats.phase_start = FrameStats::Clock::now();
    stats.last = FrameStats::Clock::now();
    return stats;
}

void mark_phase(FrameStats& stats, int phase, bool scripted) {
    if (!scripted) return;
    glFinish();
    const auto t = FrameStats::Clock::now();
    const double ms = std::chrono::duration<double, std::milli>(t - stats.phase_start).count();
    stats.phase_ms[phase] += ms;
    stats.frame_phase_ms[phase] += ms;
    stats.phase_start = t;
}

void note_frame(FrameStats& stats, const std::string& what) {
    stats.frame_note += (stats.frame_note.empty() ? "" : "; ") + what;
}

void note_panels_copied(FrameStats& stats, int copied) { stats.panels_copied += copied; }

void note_panels_drawn(FrameStats& stats, const std::vector<std::pair<const char*, int>>& drawn) {
    for (const auto& [name, vertices] : drawn) {
        auto& [frames, sum] = stats.drawn_lists[name ? name : ""];
        ++frames;
        sum += vertices;
    }
}

void note_imgui_draw(FrameStats& stats, int vertices, int indices, int commands) {
    stats.imgui_vertices += vertices;
    stats.imgui_indices += indices;
    stats.imgui_commands += commands;
}

double record_frame(FrameStats& stats, bool loading, LayerShown layer) {
    if (loading || stats.frame == 0) {  // phases and draw data are averaged over the counted frames
        stats.phase_ms.fill(0.0);
        stats.imgui_vertices = stats.imgui_indices = stats.imgui_commands = 0;
        stats.panels_copied = 0;
        stats.drawn_lists.clear();
    }
    const auto now = FrameStats::Clock::now();
    const double ms = std::chrono::duration<double, std::milli>(now - stats.last).count();
    stats.last = now;
    const double since_start = std::chrono::duration<double>(now - stats.started).count();
    if (stats.frame == 0) stats.first_frame_s = since_start;
    if (layer != LayerShown::kNone && stats.first_layer_s == 0) stats.first_layer_s = since_start;
    if (layer == LayerShown::kWhole && stats.first_layer_whole_s == 0) stats.first_layer_whole_s = since_start;
    if (!loading && stats.full_detail_s == 0) stats.full_detail_s = since_start;
    if (stats.frame > 0) (loading ? stats.loading_ms : stats.frame_ms).push_back(ms);  // the first has start-up
    if (stats.frame > 0 && !loading) stats.frame_phases.push_back(stats.frame_phase_ms);
    FrameStats::SlowFrame& slowest = loading ? stats.loading_worst : stats.worst;
    if (stats.frame > 0 && ms > slowest.ms) slowest = {stats.frame, ms, stats.frame_phase_ms, stats.frame_note};
    if (stats.frame > 0 && !loading && !stats.frame_note.empty())
        stats.noted.push_back({stats.frame, ms, stats.frame_phase_ms[1], stats.frame_note});
    stats.frame_phase_ms.fill(0.0);
    stats.frame_note.clear();
    ++stats.frame;
    if (!loading) ++stats.loaded_frames;
    return ms;
}

void write_frame_stats(const FrameStats& stats, const std::string& script, int width, int height,
                       const std::string& path) {
    const std::vector<double>& frame_ms = stats.frame_ms;
    const std::vector<double>& loading_ms = stats.loading_ms;
    if (frame_ms.empty()) return;
    // Seconds since start to the first frame and to the first frame with everything loaded ("full detail": user
    // layers and the 1:10m base levels); frame times once loaded, and while loading.
    const double mean = std::accumulate(frame_ms.begin(), frame_ms.end(), 0.0) / frame_ms.size();
    std::ofstream out(path);
    out << "{\"script\": \"" << script << "\", \"frames\": " << frame_ms.size() << ", \"mean_ms\": " << mean
        << ", \"p95_ms\": " << percentile(frame_ms, 0.95) << ", \"max_ms\": " << percentile(frame_ms, 1.0)
        << ", \"width\": " << width << ", \"height\": " << height << ", \"first_frame_s\": " << stats.first_frame_s
        << ", \"first_layer_s\": " << stats.first_layer_s << ", \"first_layer_whole_s\": " << stats.first_layer_whole_s
        << ", \"full_detail_s\": " << stats.full_detail_s
        << ", \"process_to_start_s\": " << stats.process_to_start_s
        << ", \"loading_frames\": " << loading_ms.size()
        << ", \"loading_p95_ms\": " << (loading_ms.empty() ? 0.0 : percentile(loading_ms, 0.95))
        << ", \"loading_max_ms\": " << (loading_ms.empty() ? 0.0 : percentile(loading_ms, 1.0));
    // Mean ms per phase over the counted frames (each phase's GL work finished before the next).
    const char* const* names = kPhaseNames;
    out << ", \"phases_mean_ms\": {";
    for (int i = 0; i < 5; ++i)
        out << (i ? ", " : "") << "\"" << names[i] << "\": " << stats.phase_ms[i] / frame_ms.size();
    out << "}, \"worst_frame\": ";
    write_slow_frame(out, stats.worst);
    out << ", \"loading_worst_frame\": ";
    write_slow_frame(out, stats.loading_worst);
    const double n = static_cast<double>(frame_ms.size());
    out << ", \"imgui_per_frame\": {\"vertices\": " << stats.imgui_vertices / n
        << ", \"indices\": " << stats.imgui_indices / n << ", \"commands\": " << stats.imgui_commands / n << "}"
        << ", \"panels_copied_per_frame\": " << stats.panels_copied / n;
    // Per window drawn rather than copied: in how many counted frames, and its mean vertices in those.
    out << ", \"drawn_lists\": {";
    bool first = true;
    for (const auto& [name, drawn] : stats.drawn_lists) {
        std::string key;
        for (char c : name) {
            if (c == '"' || c == '\\') key += '\\';
            if (static_cast<unsigned char>(c) >= 0x20) key += c;
        }
        out << (std::exchange(first, false) ? "" : ", ") << "\"" << key << "\": {\"frames\": " << drawn.first
            << ", \"vertices\": " << drawn.second / std::max(drawn.first, 1) << "}";
    }
    out << "}";
    // Every counted frame: its ms, then its phases (what sets a p95 is seldom the mean's phase).
    out << ", \"per_frame\": [";
    for (std::size_t i = 0; i < frame_ms.size(); ++i) {
        out << (i ? ", " : "") << "[" << std::round(frame_ms[i] * 100) / 100;
        if (i < stats.frame_phases.size())
            for (double p : stats.frame_phases[i]) out << ", " << std::round(p * 100) / 100;
        out << "]";
    }
    out << "]";
    out << ", \"noted_frames\": [";
    for (std::size_t i = 0; i < stats.noted.size(); ++i) {
        const auto& f = stats.noted[i];
        out << (i ? ", " : "") << "{\"index\": " << f.index << ", \"ms\": " << f.ms << ", \"base_map_ms\": " << f.base_map_ms
            << ", \"notes\": \"" << f.note << "\"}";
    }
    out << "]";
    out << ", \"base_map\": \"" << stats.base_map << "\"}\n";
}

}  // namespace em
