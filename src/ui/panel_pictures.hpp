#pragma once

#include <imgui.h>

#include <array>
#include <string>
#include <utility>
#include <optional>
#include <vector>

#include "render/offscreen_target.hpp"
#include "ui/unchanged_panels.hpp"

namespace em {

// The pictures of unchanged panels (ui/unchanged_panels plans which): captured once into a framebuffer-sized store,
// then copied into the window instead of drawn (GL; the window's context current).
//
// The store holds the pictures upside down in the layout Mesa gives a window (OffscreenTarget::Storage::kWindowCopy),
// so that the copy into the window is a plain memory copy on llvmpipe, as the base map's is: a copy through a shader
// would cost about as much as drawing the panel. A list is captured by drawing it alone, the right way up, into a
// second target over a copy of the window's background, then turning it over into the store.
class PanelPictures {
public:
    // Copies the lists planned for copying into the window's framebuffer (bound afterwards).
    void copy(const std::vector<PanelStep>& plan, int fb_w, int fb_h) const;
    // Draws each list planned for capture alone into the store, over the window's pixels of its region (call it
    // before any panel is drawn: they hold the background then), then binds the window's framebuffer again. False
    // if the store could not be made (the caller forgets the plan's captures).
    bool capture(const ImDrawData& frame, const std::vector<PanelStep>& plan, int fb_w, int fb_h);
    // Copies a pixel of the window into a scratch target and draws the frame's first list there, keeping nothing:
    // llvmpipe compiles the pipelines of both (a blit from the window; ImGui's shader into a texture) the first time,
    // 0.1-0.5 s, and the first captures came 3 frames after the start, while a layer loaded (issue 18: no frame over
    // 100 ms while loading). PanelPainter does it in the window's first frame.
    void prepare(const ImDrawData& frame, int fb_w, int fb_h);

private:
    std::optional<OffscreenTarget> store_;    // the pictures, upside down
    std::optional<OffscreenTarget> drawing_;  // where a list is drawn to be captured (made for a capture, then freed)
};

// Draws a frame's panels, copying the unchanged ones (plan, capture, copy, draw the rest). draw_rest draws the
// draw data it is given (ImGui's backend, merged or not). paint says how many lists it copied and captured.
class PanelPainter {
public:
    struct Painted {
        int copied = 0, captured = 0;
        std::string captured_names;  // the windows captured, comma-separated (for --stats notes)
        // The lists drawn, not copied: owner window and vertex count (--stats sums them per window, to show which
        // panels cost llvmpipe its triangles each frame).
        std::vector<std::pair<std::string, int>> drawn;
    };

    template <typename DrawRest>
    Painted paint(const ImDrawData& frame, const FramebufferRect& keep_out, const std::array<float, 4>& background,
               ImTextureID font, DrawRest&& draw_rest) {
        if (!enabled_) {
            ImDrawData all = frame;
            draw_rest(&all);
            return {};
        }
        const std::vector<PanelStep>& plan = planner_.plan(frame, keep_out, background, font);
        const int fb_w = planner_.framebuffer_width(), fb_h = planner_.framebuffer_height();
        if (!std::exchange(prepared_, true)) pictures_.prepare(frame, fb_w, fb_h);
        if (!pictures_.capture(frame, plan, fb_w, fb_h)) planner_.forget();
        pictures_.copy(plan, fb_w, fb_h);
        ImDrawData rest = drawn_lists(frame, plan, lists_);
        draw_rest(&rest);
        Painted painted;
        painted.copied = frame.CmdListsCount - rest.CmdListsCount;
        for (int i = 0; i < rest.CmdListsCount; ++i)
            painted.drawn.emplace_back(rest.CmdLists[i]->_OwnerName, rest.CmdLists[i]->VtxBuffer.Size);
        for (const PanelStep& step : plan) {
            if (!step.capture) continue;
            ++painted.captured;
            painted.captured_names += (painted.captured_names.empty() ? "" : ", ") + std::string(step.list->_OwnerName);
        }
        return painted;
    }
    // Draws every list from now on (no copies), or copies again.
    void set_enabled(bool on) {
        enabled_ = on;
        planner_.forget();
    }
    bool enabled() const { return enabled_; }

private:
    UnchangedPanels planner_;
    PanelPictures pictures_;
    ImVector<ImDrawList*> lists_;
    bool enabled_ = true;
    bool prepared_ = false;  // PanelPictures::prepare ran (the first frame)
};

}  // namespace em
