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

// Whether the list begins by filling its whole region with opaque colour, as a window's background and title bar
// do (ImGui's PrimRect: axis-aligned rectangles of the atlas's white texel, here at whole pixels and within the
// command's clip rectangle), so that nothing under it shows: what is under it (the map, an earlier panel) then does
// not change its picture.
bool covers_its_region(const ImDrawList& list, const ImDrawData& frame, const FramebufferRect& region) {
    if (list.CmdBuffer.empty() || list.CmdBuffer[0].UserCallback) return false;
    const ImDrawCmd& cmd = list.CmdBuffer[0];
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    const ImVec2 origin = frame.DisplayPos, scale = frame.FramebufferScale;
    std::vector<FramebufferRect> rects;
    long long area = 0;
    FramebufferRect box;
    for (unsigned k = 0; k + 6 <= cmd.ElemCount && rects.size() < 4; k += 6) {
        auto index = [&](unsigned i) { return list.IdxBuffer[static_cast<int>(cmd.IdxOffset + k + i)]; };
        const unsigned a = index(0);
        if (index(1) != a + 1 || index(2) != a + 2 || index(3) != a || index(4) != a + 2 || index(5) != a + 3) break;
        const ImDrawVert* v = &list.VtxBuffer[static_cast<int>(cmd.VtxOffset + a)];
        bool plain = true;
        for (int i = 0; i < 4; ++i)
            plain &= v[i].uv.x == white.x && v[i].uv.y == white.y && ((v[i].col >> IM_COL32_A_SHIFT) & 0xFF) == 0xFF;
        // Corners top-left, top-right, bottom-right, bottom-left.
        if (!plain || v[0].pos.y != v[1].pos.y || v[2].pos.y != v[3].pos.y || v[0].pos.x != v[3].pos.x ||
            v[1].pos.x != v[2].pos.x)
            break;
        const float fx0 = (v[0].pos.x - origin.x) * scale.x, fy0 = (v[0].pos.y - origin.y) * scale.y;
        const float fx1 = (v[2].pos.x - origin.x) * scale.x, fy1 = (v[2].pos.y - origin.y) * scale.y;
        if (fx0 != std::floor(fx0) || fy0 != std::floor(fy0) || fx1 != std::floor(fx1) || fy1 != std::floor(fy1)) break;
        if (v[0].pos.x < cmd.ClipRect.x || v[0].pos.y < cmd.ClipRect.y || v[2].pos.x > cmd.ClipRect.z ||
            v[2].pos.y > cmd.ClipRect.w)
            break;
        const FramebufferRect r{static_cast<int>(fx0), static_cast<int>(fy0), static_cast<int>(fx1),
                                static_cast<int>(fy1)};
        if (r.empty() || std::any_of(rects.begin(), rects.end(), [&](const FramebufferRect& o) { return o.overlaps(r); }))
            break;
        box = rects.empty() ? r
                            : FramebufferRect{std::min(box.x0, r.x0), std::min(box.y0, r.y0), std::max(box.x1, r.x1),
                                              std::max(box.y1, r.y1)};
        rects.push_back(r);
        area += static_cast<long long>(r.x1 - r.x0) * (r.y1 - r.y0);
        // Rectangles that do not overlap, whose bounds are the region and whose areas add up to it, fill it.
        if (box == region && area == static_cast<long long>(region.x1 - region.x0) * (region.y1 - region.y0))
            return true;
    }
    return false;
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
                              (!step.region.overlaps(keep_out) || covers_its_region(list, frame, step.region)) &&
                              font_only(list, font);
        if (eligible) {
            Entry& e = entries_[name];
            const bool same = e.seen_in_frame == frame_ - 1 && e.region == step.region &&
                              same_bytes(e.vertices, list.VtxBuffer) && same_bytes(e.indices, list.IdxBuffer) &&
                              same_commands(e.commands, list.CmdBuffer);
            e.seen_in_frame = frame_;
            e.same_frames = same ? e.same_frames + 1 : 0;
            if (!same) {
                e.picture = Picture::kNone;
                e.region = step.region;
                e.vertices = list.VtxBuffer;
                e.indices = list.IdxBuffer;
                e.commands = list.CmdBuffer;
            }
            entry_of[static_cast<std::size_t>(n)] = &e;
        }
        steps_.push_back(step);
    }
    const auto name_of = [&](std::size_t n) -> std::string {
        const char* name = steps_[n].list->_OwnerName;
        return name ? name : "";
    };
    // Whether a picture in the store other than `self`'s overlaps the region (the pictures must not overlap).
    const auto overlaps_a_picture = [&](const Entry* self, const FramebufferRect& region) {
        return std::any_of(entries_.begin(), entries_.end(), [&](const auto& kv) {
            return &kv.second != self && kv.second.picture != Picture::kNone && kv.second.picture_region.overlaps(region);
        });
    };
    // Whether a list drawn before step `n` touches the region.
    const auto under_an_earlier = [&](std::size_t n, const FramebufferRect& region) {
        return std::any_of(steps_.begin(), steps_.begin() + static_cast<std::ptrdiff_t>(n),
                           [&](const PanelStep& before) { return before.region.overlaps(region); });
    };
    for (std::size_t n = 0; n < steps_.size(); ++n) {
        Entry* e = entry_of[n];
        // Its child windows: the lists right after it named after it.
        const std::string root = name_of(n) + "/";
        std::size_t end = n + 1;
        while (end < steps_.size() && name_of(end).rfind(root, 0) == 0) ++end;
        if (!e) continue;
        PanelStep& step = steps_[n];
        if (end > n + 1) {
            std::string children;
            bool all_known = true, all_same = e->same_frames > 0, any_changed = false;
            int children_same = kSameFramesBeforeCapture;  // the fewest frames any child has stayed the same
            FramebufferRect region = step.region;
            for (std::size_t c = n + 1; c < end; ++c) {
                children += name_of(c) + ";";
                const Entry* child = entry_of[c];
                all_known &= child != nullptr;
                if (!child) continue;
                all_same &= child->same_frames > 0;
                any_changed |= child->same_frames == 0;
                children_same = std::min(children_same, child->same_frames);
                const FramebufferRect& r = steps_[c].region;
                region = {std::min(region.x0, r.x0), std::min(region.y0, r.y0), std::max(region.x1, r.x1),
                          std::max(region.y1, r.y1)};
            }
            if (children != e->children) {
                e->children = children;
                if (e->picture == Picture::kWithChildren) e->picture = Picture::kNone;
            }
            e->children_changing = any_changed || !all_known ? e->children_changing + 1 : 0;
            const auto whole = [&](bool capture) {
                step.region = region;
                step.members = static_cast<int>(end - n);
                step.copy = !capture;
                step.capture = capture;
                for (std::size_t c = n + 1; c < end; ++c) steps_[c].copy = !capture, steps_[c].in_group = true;
                n = end - 1;
            };
            if (all_known && !under_an_earlier(n, region)) {
                if (all_same && e->picture == Picture::kWithChildren) {
                    whole(false);
                    continue;
                }
                // A steady window whose children change only now and then is kept with them in the very frame they
                // change: keeping costs a copy of pixels already drawn, and from the next frame on all of it is
                // copied (the events list following a moving clock). Not when a child changes frame after frame:
                // then the window is kept alone (below), and that picture is given up for one with the children only
                // once they have stayed the same a few frames.
                const bool now_and_then = e->picture != Picture::kAlone && e->children_changing < kSameFramesBeforeCapture;
                if (e->same_frames >= kSameFramesBeforeCapture &&
                    (now_and_then || children_same >= kSameFramesBeforeCapture) && !overlaps_a_picture(e, region)) {
                    e->picture = Picture::kWithChildren;
                    e->picture_region = region;
                    whole(true);
                    continue;
                }
            }
            // The picture with the children shows what is no longer drawn: the window is drawn until it is taken
            // again, alone or with them.
            if (e->picture == Picture::kWithChildren) e->picture = Picture::kNone;
        }
        // The window alone. Its children come next in this loop, each alone: one that does not lie on its window (the
        // timeline's histogram beside its buttons) can still be copied.
        const bool children_keep_changing = end == n + 1 || e->children_changing >= kSameFramesBeforeCapture;
        if (e->same_frames == 0 || under_an_earlier(n, step.region)) continue;
        if (e->picture == Picture::kAlone) {
            step.copy = true;
        } else if (e->same_frames >= kSameFramesBeforeCapture && children_keep_changing &&
                   !overlaps_a_picture(e, step.region)) {
            step.capture = true;
            e->picture = Picture::kAlone;
            e->picture_region = step.region;
        }
    }
    // Windows gone from the frame are forgotten, so that a window shown again is drawn and captured anew.
    std::erase_if(entries_, [&](const auto& kv) { return kv.second.seen_in_frame != frame_; });
    return steps_;
}

void UnchangedPanels::forget() { entries_.clear(); }

ImDrawData drawn_lists(const ImDrawData& frame, const std::vector<PanelStep>& plan, ImVector<ImDrawList*>& lists,
                       std::size_t from, std::size_t to) {
    lists.resize(0);
    ImDrawData out = frame;
    out.TotalVtxCount = out.TotalIdxCount = 0;
    for (std::size_t n = from; n < std::min(to, plan.size()); ++n) {
        const PanelStep& step = plan[n];
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
