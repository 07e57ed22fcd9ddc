#pragma once

#include <imgui.h>

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

namespace em {

// A rectangle of framebuffer pixels, top-left origin as ImGui's, half-open: [x0, x1) x [y0, y1).
struct FramebufferRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    bool overlaps(const FramebufferRect& o) const {
        return !empty() && !o.empty() && x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }
    bool operator==(const FramebufferRect&) const = default;
};

// What to do with one of a frame's ImGui draw lists (see UnchangedPanels).
struct PanelStep {
    const ImDrawList* list = nullptr;
    FramebufferRect region;      // the pixels its triangles can touch (their bounds within its clip rectangles)
    bool copy = false;     // its picture from the last capture is copied in place of drawing it
    // Drawn as usual, and its picture is to be kept this frame for the frames to come (its pixels copied from the
    // window into the store once it is drawn; nothing drawn before it touches its region).
    bool capture = false;
    // A panel copied or captured with its child windows (the lists right after it; region: all of theirs): how many
    // lists this step's copy or capture covers, itself included. The children's own steps are then `in_group`, and
    // `copy` when the window is copied (not drawn, and not copied again).
    int members = 1;
    bool in_group = false;
};

// Which of the window's panels are the same as in the last frame, so that their picture can be copied instead of
// drawn again.
//
// Why: on llvmpipe, a panel's cost is its triangles, most of them text (two per glyph): about 1 us each. At
// 1920x1080 the sidebar alone, 3,000 vertices, cost about 1.5 ms a frame, and it is the same frame after frame
// while the user scrubs the clock or pans the map. Copying its pixels costs a fraction of that.
//
// A list is planned for copying only when the copy gives exactly the pixels drawing would:
// - it is byte for byte the list of the last frames (vertices, indices, commands), under the same framebuffer size,
//   background colour and font texture, and was captured when it became so (its pixels copied from the window
//   right after it was drawn, over the background: nothing drawn before it in the frame touches its region);
// - it uses only the font texture, and no callbacks (another texture's content could change unseen);
// - its region stays off `keep_out` (the map, redrawn every frame under it), unless the list begins by filling its
//   whole region with opaque colour (a window's background and title bar, as the map's legend card), which hides the
//   map under it;
// - and off the region of every list drawn before it in this frame (the copies are made before any list is drawn,
//   so those would end up over the copy instead of under the panel). Lists drawn after it (a tooltip, a menu) are
//   drawn over the copy, as over the panel.
// A list is captured once it has been unchanged kSameFramesBeforeCapture frames in a row (so a list that changes
// most frames, as the status line's frame time, is not captured again and again),
// unless its region overlaps one captured before: the pictures share one store, each at its place on the screen.
// Lists are known by their window's name; a name met twice in one frame is never copied.
//
// Child windows ("##inspector/##events_...", ImGui draws them right after their window) lie on their window's
// picture, so alone they are never copied. A steady window is captured with its children (as one picture) in the
// frame they change, and copied with them while they stay the same (the inspector with its events list, which
// follows a moving clock only a few times a second). A window whose child changes frame after frame (the sidebar's
// count of events in the window while the clock moves) is captured alone, and the child drawn over its copy.
class UnchangedPanels {
public:
    static constexpr int kSameFramesBeforeCapture = 3;

    // Plans this frame's lists, in drawing order. background: the colour the framebuffer is cleared to under the
    // panels; font: the font atlas's texture.
    const std::vector<PanelStep>& plan(const ImDrawData& frame, const FramebufferRect& keep_out,
                                       const std::array<float, 4>& background, ImTextureID font);
    // Forgets every capture (the pictures were lost: a new context, a failed capture).
    void forget();

    // The framebuffer size of the frame last planned, in pixels.
    int framebuffer_width() const { return fb_w_; }
    int framebuffer_height() const { return fb_h_; }

private:
    enum class Picture { kNone, kAlone, kWithChildren };
    struct Entry {
        ImVector<ImDrawVert> vertices;
        ImVector<ImDrawIdx> indices;
        ImVector<ImDrawCmd> commands;
        FramebufferRect region;
        Picture picture = Picture::kNone;  // what the store holds of it
        FramebufferRect picture_region;    // where (its region, or with its children's)
        std::string children;              // its child windows' names when last planned (a change forgets the picture)
        int same_frames = 0;  // frames in a row the list was unchanged
        int children_changing = 0;  // frames in a row one of its children changed
        int seen_in_frame = -1;
    };
    std::unordered_map<std::string, Entry> entries_;
    std::vector<PanelStep> steps_;
    int frame_ = 0;
    int fb_w_ = 0, fb_h_ = 0;
    std::array<float, 4> background_{};
    ImTextureID font_ = nullptr;
};

// The frame's draw data without the lists planned for copying: the lists point into `frame`, `lists` holds them.
// Only the steps [from, to) of the plan: the lists up to a capture are drawn before it is taken (PanelPainter).
ImDrawData drawn_lists(const ImDrawData& frame, const std::vector<PanelStep>& plan, ImVector<ImDrawList*>& lists,
                       std::size_t from = 0, std::size_t to = static_cast<std::size_t>(-1));

}  // namespace em
