#pragma once

#include <array>
#include <map>
#include <chrono>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace em {

// Frame times of one window session: what scripted runs (--frames N --stats FILE) report.
struct FrameStats {
    using Clock = std::chrono::steady_clock;
    Clock::time_point started;                    // the start of run_window
    Clock::time_point last;                       // the end of the previous frame
    Clock::time_point phase_start;                // the end of the previous phase
    int frame = 0;                                // frames drawn
    int loaded_frames = 0;                        // frames drawn with everything loaded and drawn whole
    int script_steps = 0;                         // frames the script moved the view in (not while it rests)
    std::vector<double> frame_ms;                 // frames once everything has loaded (scripted runs count these)
    std::vector<std::array<double, 5>> frame_phases;  // the phases of each of those frames (scripted runs)
    std::vector<double> loading_ms;               // frames while layers or finer base levels were still loading
    double first_frame_s = 0, full_detail_s = 0;  // since the start of run_window
    double first_layer_s = 0;                     // to the first frame showing a user layer (or its preview)
    double first_layer_whole_s = 0;               // to the first whose whole map shows it (every tile drawn)
    // Scripted runs: total ms per phase (events, input and panels; base map; overlays; ImGui; swap).
    std::array<double, 5> phase_ms{};
    std::array<double, 5> frame_phase_ms{};  // the phases of the frame being drawn
    // A frame kept for tracing a spike: its index, duration, phases and notes.
    struct SlowFrame {
        int index = -1;
        double ms = 0;
        std::array<double, 5> phase_ms{};
        std::string note;
    };
    SlowFrame worst;          // the slowest counted frame (everything loaded)
    SlowFrame loading_worst;  // the slowest frame while loading (issue 18: none over 100 ms), the first excepted
    std::string frame_note;   // what happened in the frame being drawn
    double process_to_start_s = 0;  // from the process's start (the kernel's clock) to `started`
    // Counted frames with a note (a base-map redraw or scroll, levels joining): index, ms, base-map phase ms, note.
    struct NotedFrame {
        int index;
        double ms, base_map_ms;
        std::string note;
    };
    std::vector<NotedFrame> noted;
    // ImGui's draw data summed over the counted frames (vertices, indices, draw commands): what llvmpipe draws.
    double imgui_vertices = 0, imgui_indices = 0, imgui_commands = 0;
    double panels_copied = 0;  // ImGui draw lists copied from their pictures instead of drawn (ui/panel_pictures)
    // The lists drawn (not copied) over the counted frames, by owner window: frames drawn in, vertices summed.
    std::map<std::string, std::pair<int, double>> drawn_lists;
    std::string base_map;  // what the last redraw of the base map drew: level, triangles, segments
};

// Starts counting frames now; `started` is when the window began to start up.
FrameStats start_frame_stats(FrameStats::Clock::time_point started);

// Seconds from this process's start (its start time in /proc/self/stat, 10 ms steps) to now; 0 if unknown.
double seconds_since_process_start();

// Scripted runs time the phases of each frame: finishes the GL work (glFinish) and adds the time since the
// previous mark to phase `phase`. Does nothing when not scripted.
void mark_phase(FrameStats& stats, int phase, bool scripted);

// Notes something that happened in the frame being drawn (the slowest frame's notes are reported).
void note_frame(FrameStats& stats, const std::string& what);

// Adds the frame's ImGui draw data (vertices, indices and draw commands after ImGui::Render) to the totals.
void note_imgui_draw(FrameStats& stats, int vertices, int indices, int commands);
// Adds the frame's count of panels copied instead of drawn.
void note_panels_copied(FrameStats& stats, int copied);
// Adds the lists drawn this frame (owner window, vertices) to the per-window totals.
void note_panels_drawn(FrameStats& stats, const std::vector<std::pair<const char*, int>>& drawn);

// How much of the map a frame showed a user layer (or its preview) on: a redraw spread over frames puts a joining
// layer in tile by tile.
enum class LayerShown { kNone, kInPart, kWhole };
// Counts a frame that has just been swapped (loading: something was still loading during it). Returns its
// duration in ms, from the end of the previous frame.
double record_frame(FrameStats& stats, bool loading, LayerShown layer = LayerShown::kNone);

// Writes the figures as one line of JSON: frames, mean, p95 and max ms once loaded, the window size, seconds to
// the first frame, to the first frame with a user layer and to full detail (from the start of run_window, and from
// the process's start: `process_to_start_s` before it), frames while loading, their p95, max and the slowest one's
// index, phases and notes, the mean ms of each phase, the slowest frame's index, phases and notes, every counted frame
// with a note, the mean ImGui vertices, indices and draw commands per frame, and the mean panels copied per frame.
// Writes nothing when no frame with everything loaded was counted.
void write_frame_stats(const FrameStats& stats, const std::string& script, int width, int height,
                       const std::string& path);

}  // namespace em
