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

// The pictures of unchanged panels (ui/unchanged_panels plans which): kept once in a framebuffer-sized store, then
// copied into the window instead of drawn (GL; the window's context current).
//
// The store holds the pictures upside down in the layout Mesa gives a window (OffscreenTarget::Storage::kWindowCopy),
// so that the copy into the window is a plain memory copy on llvmpipe, as the base map's is: a copy through a shader
// would cost about as much as drawing the panel. A panel is kept by copying its pixels from the window the frame it
// is drawn there (over the background alone: nothing drawn before it touches its region), the same kind of copy the
// other way. (It was drawn a second time, alone, into another target and turned over into the store: with the
// events list kept again each time it follows a moving clock, those frames cost ~6 ms more than the others.)
class PanelPictures {
public:
    // Copies the lists planned for copying into the window's framebuffer (bound afterwards).
    void copy(const std::vector<PanelStep>& plan, int fb_w, int fb_h) const;
    // Makes the store if the plan keeps a picture this frame. False if it could not be made (the caller forgets the
    // plan's captures and draws everything).
    bool make_room(const std::vector<PanelStep>& plan, int fb_w, int fb_h);
    // Copies a captured step's region (the panel with its child windows, just drawn in the window) into the store,
    // then binds the window's framebuffer again.
    void keep(const PanelStep& step, int fb_w, int fb_h) const;
    // Copies a pixel of the window into a scratch target the way `keep` does, keeping nothing: llvmpipe compiles the
    // blit's pipeline the first time (0.1-0.5 s with ImGui's shader into a texture, when captures drew there), and
    // the first captures came 3 frames after the start, while a layer loaded (issue 18: no frame over 100 ms while
    // loading). PanelPainter does it in the window's first frame.
    void prepare(int fb_w, int fb_h);

private:
    std::optional<OffscreenTarget> store_;  // the pictures, upside down
};

// Draws a frame's panels, copying the unchanged ones (plan, copy, draw the rest, keeping the captured ones as they
// are drawn). draw_rest draws the draw data it is given (ImGui's backend, merged or not); it is called once, or once
// more after each capture. paint says how many lists it copied and captured.
class PanelPainter {
public:
    struct Painted {
        int copied = 0, captured = 0;
        std::string captured_names;  // the windows captured, comma-separated (for --stats notes)
        // The lists drawn, not copied: owner window and vertex count (--stats sums them per window, to show which
        // panels cost llvmpipe its triangles each frame).
        std::vector<std::pair<const char*, int>> drawn;  // names valid for this frame (ImGui's windows)
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
        if (!std::exchange(prepared_, true)) pictures_.prepare(fb_w, fb_h);
        if (!pictures_.make_room(plan, fb_w, fb_h)) {
            planner_.forget();  // no store: nothing to keep a picture in, and nothing to copy from
            ImDrawData all = frame;
            draw_rest(&all);
            return {};
        }
        pictures_.copy(plan, fb_w, fb_h);
        // The lists not copied are drawn in order; right after a captured panel (and its child windows) is drawn, its
        // pixels are kept, before any later list (a tooltip) could be drawn over them.
        Painted painted;
        std::size_t from = 0;
        const auto draw_steps = [&](std::size_t to) {
            ImDrawData part = drawn_lists(frame, plan, lists_, from, to);
            from = to;
            if (part.CmdListsCount == 0) return;
            draw_rest(&part);
            for (int i = 0; i < part.CmdListsCount; ++i)
                painted.drawn.emplace_back(part.CmdLists[i]->_OwnerName, part.CmdLists[i]->VtxBuffer.Size);
        };
        for (std::size_t n = 0; n < plan.size(); ++n) {
            const PanelStep& step = plan[n];
            if (!step.capture) continue;
            draw_steps(n + static_cast<std::size_t>(step.members));
            pictures_.keep(step, fb_w, fb_h);
            ++painted.captured;
            painted.captured_names += (painted.captured_names.empty() ? "" : ", ") + std::string(step.list->_OwnerName);
        }
        draw_steps(plan.size());
        painted.copied = frame.CmdListsCount - static_cast<int>(painted.drawn.size());
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
