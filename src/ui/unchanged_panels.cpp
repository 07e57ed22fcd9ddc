#include "ui/unchanged_panels.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace em {

namespace {

template <typename T>
bool same_bytes(const ImVector<T>& a, const ImVector<T>& b) {
    return a.Size == b.Size && (a.Size == 0 || std::memcmp(a.Data, b.Data, a.size_in_bytes()) == 0);
}

// Field by field: ImDrawCmd has padding.
bool same_commands(const ImVector<ImDrawCmd>& a, const ImVector<ImDrawCmd>& b) {
    if (a.Size != b.Size) return false;
    for (int i = 0; i < a.Size; ++i) {
        const ImDrawCmd &x = a[i], &y = b[i];
        if (std::memcmp(&x.ClipRect, &y.ClipRect, sizeof x.ClipRect) != 0 || x.TextureId != y.TextureId ||
            x.VtxOffset != y.VtxOffset || x.IdxOffset != y.IdxOffset || x.ElemCount != y.ElemCount ||
            x.UserCallback != y.UserCallback || x.UserCallbackData != y.UserCallbackData)
            return false;
    }
    return true;
}

// Whether every command draws with the font texture and none is a callback.
bool font_only(const ImDrawList& list, ImTextureID font) {
    for (const ImDrawCmd& cmd : list.CmdBuffer)
        if (cmd.UserCallback || cmd.TextureId != font) return false;
    return true;
}

// The framebuffer pixels a list's triangles can touch: per command, the bounds of the vertices it draws within its
// clip rectangle (the scissor ImGui's OpenGL backend sets from it), rounded outwards; empty if nothing is drawn.
FramebufferRect list_region(const ImDrawList& list, const ImDrawData& frame, int fb_w, int fb_h) {
    const ImVec2 origin = frame.DisplayPos, scale = frame.FramebufferScale;
    FramebufferRect out;
    bool any = false;
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        if (cmd.UserCallback || cmd.ElemCount == 0) continue;
        float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
        for (unsigned k = 0; k < cmd.ElemCount; ++k) {
            const ImVec2 p = list.VtxBuffer[static_cast<int>(cmd.VtxOffset + list.IdxBuffer[static_cast<int>(cmd.IdxOffset + k)])].pos;
            x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
        }
        x0 = std::max(x0, cmd.ClipRect.x), y0 = std::max(y0, cmd.ClipRect.y);
        x1 = std::min(x1, cmd.ClipRect.z), y1 = std::min(y1, cmd.ClipRect.w);
        FramebufferRect r{static_cast<int>(std::floor((x0 - origin.x) * scale.x)),
                    static_cast<int>(std::floor((y0 - origin.y) * scale.y)),
                    static_cast<int>(std::ceil((x1 - origin.x) * scale.x)),
                    static_cast<int>(std::ceil((y1 - origin.y) * scale.y))};
        r.x0 = std::max(r.x0, 0), r.y0 = std::max(r.y0, 0), r.x1 = std::min(r.x1, fb_w), r.y1 = std::min(r.y1, fb_h);
        if (r.empty()) continue;
        if (!any) {
            out = r, any = true;
        } else {
            out.x0 = std::min(out.x0, r.x0), out.y0 = std::min(out.y0, r.y0);
            out.x1 = std::max(out.x1, r.x1), out.y1 = std::max(out.y1, r.y1);
        }
    }
    return out;
}

}  // namespace

const std::vector<PanelStep>& UnchangedPanels::plan(const ImDrawData& frame, const FramebufferRect& keep_out,
                                                    const std::array<float, 4>& background, ImTextureID font) {
    ++frame_;
    const int fb_w = static_cast<int>(frame.DisplaySize.x * frame.FramebufferScale.x);
    const int fb_h = static_cast<int>(frame.DisplaySize.y * frame.FramebufferScale.y);
    if (fb_w != fb_w_ || fb_h != fb_h_ || background != background_ || font != font_) {
        forget();  // every picture was drawn over another background, at another size or with other glyphs
        fb_w_ = fb_w, fb_h_ = fb_h, background_ = background, font_ = font;
    }
    steps_.clear();
    // A name met twice in this frame cannot tell its lists apart from one frame to the next.
    std::unordered_map<std::string, int> names;
    for (int n = 0; n < frame.CmdListsCount; ++n) {
        const char* name = frame.CmdLists[n]->_OwnerName;
        ++names[name ? name : ""];
    }
    // First every list's entry is brought up to date (a list that changed loses its picture), then copies and
    // captures are planned in drawing order: a capture must not overlap any picture kept after this frame.
    std::vector<Entry*> entry_of(static_cast<std::size_t>(frame.CmdListsCount), nullptr);
    for (int n = 0; n < frame.CmdListsCount; ++n) {
        const ImDrawList& list = *frame.CmdLists[n];
        PanelStep step;
        step.list = &list;
        step.region = list_region(list, frame, fb_w, fb_h);
        const std::string name = list._OwnerName ? list._OwnerName : "";
        const bool eligible = !name.empty() && names[name] == 1 && !step.region.empty() &&
                              !step.region.overlaps(keep_out) && font_only(list, font);
        if (eligible) {
            Entry& e = entries_[name];
            const bool same = e.seen_in_frame == frame_ - 1 && e.region == step.region &&
                              same_bytes(e.vertices, list.VtxBuffer) && same_bytes(e.indices, list.IdxBuffer) &&
                              same_commands(e.commands, list.CmdBuffer);
            e.seen_in_frame = frame_;
            e.same_frames = same ? e.same_frames + 1 : 0;
            if (!same) {
                e.captured = false;
                e.region = step.region;
                e.vertices = list.VtxBuffer;
                e.indices = list.IdxBuffer;
                e.commands = list.CmdBuffer;
            }
            entry_of[static_cast<std::size_t>(n)] = &e;
        }
        steps_.push_back(step);
    }
    for (std::size_t n = 0; n < steps_.size(); ++n) {
        Entry* e = entry_of[n];
        if (!e || e->same_frames == 0) continue;
        PanelStep& step = steps_[n];
        // A list under part of an earlier one cannot be copied (the copy would cover it), so it is not captured.
        const bool uncovered = std::none_of(steps_.begin(), steps_.begin() + static_cast<std::ptrdiff_t>(n),
                                            [&](const PanelStep& before) { return before.region.overlaps(step.region); });
        if (!uncovered) continue;
        if (e->captured) {
            step.copy = true;
        } else if (e->same_frames >= kSameFramesBeforeCapture &&
                   std::none_of(entries_.begin(), entries_.end(), [&](const auto& kv) {
                       return kv.second.captured && kv.second.region.overlaps(step.region);
                   })) {
            // The pictures share one framebuffer-sized store, each at its place: they must not overlap.
            step.capture = true;
            e->captured = true;
        }
    }
    // Windows gone from the frame are forgotten, so that a window shown again is drawn and captured anew.
    std::erase_if(entries_, [&](const auto& kv) { return kv.second.seen_in_frame != frame_; });
    return steps_;
}

void UnchangedPanels::forget() { entries_.clear(); }

ImDrawData drawn_lists(const ImDrawData& frame, const std::vector<PanelStep>& plan, ImVector<ImDrawList*>& lists) {
    lists.resize(0);
    ImDrawData out = frame;
    out.TotalVtxCount = out.TotalIdxCount = 0;
    for (const PanelStep& step : plan) {
        if (step.copy) continue;
        ImDrawList* list = const_cast<ImDrawList*>(step.list);  // ImDrawData holds non-const pointers; never written
        lists.push_back(list);
        out.TotalVtxCount += list->VtxBuffer.Size;
        out.TotalIdxCount += list->IdxBuffer.Size;
    }
    out.CmdLists = lists.Data;
    out.CmdListsCount = lists.Size;
    return out;
}

}  // namespace em
