#pragma once

#include <imgui.h>

namespace em {

// ImGui's draw data with every window's draw list copied into one, so that ImGui's OpenGL 3 backend uploads one
// vertex and one index buffer a frame instead of one pair per draw list.
//
// Why: the backend (1.86) writes each draw list into the same GL buffers with glBufferSubData and draws it before
// writing the next. Mesa's llvmpipe must finish rasterising every queued draw that reads a buffer before the
// buffer may be overwritten, so each window after the first waited for everything drawn before it: the ImGui
// phase of a frame was a chain of flushes, one per window (about 15 at 1920x1080). Merged, the lists are one upload
// and llvmpipe rasterises the frame's panels in one go. The commands, vertices and their order are unchanged
// (each command's vertex and index offsets are moved by where its list starts), so the pixels are the same.
class MergedDrawData {
public:
    MergedDrawData() = default;
    MergedDrawData(const MergedDrawData&) = delete;
    MergedDrawData& operator=(const MergedDrawData&) = delete;

    // The frame's draw data as one draw list; valid until the next merge. The source's lists are only read.
    // Needs a backend that honours ImDrawCmd::VtxOffset (ImGuiBackendFlags_RendererHasVtxOffset: ImGui's
    // OpenGL 3 backend on GL 3.2 and later), since the merged list may hold more than 65,536 vertices.
    ImDrawData* merge(const ImDrawData& source);

    const ImDrawList& list() const { return list_; }

private:
    ImDrawList list_{nullptr};  // filled by copying buffers only: it needs no shared data (fonts, arcs)
    ImDrawList* lists_[1] = {&list_};
    ImDrawData data_;
};

}  // namespace em
