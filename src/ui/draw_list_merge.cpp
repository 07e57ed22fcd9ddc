#include "ui/draw_list_merge.hpp"

#include <cstring>

namespace em {

ImDrawData* MergedDrawData::merge(const ImDrawData& source) {
    // Buffers keep their capacity between frames: after the first frames no allocation.
    list_.CmdBuffer.resize(0);
    list_.VtxBuffer.resize(0);
    list_.IdxBuffer.resize(0);
    list_.Flags = source.CmdListsCount > 0 ? source.CmdLists[0]->Flags : ImDrawListFlags_None;
    for (int n = 0; n < source.CmdListsCount; ++n) {
        const ImDrawList& from = *source.CmdLists[n];
        const unsigned vtx_base = static_cast<unsigned>(list_.VtxBuffer.Size);
        const unsigned idx_base = static_cast<unsigned>(list_.IdxBuffer.Size);
        for (const ImDrawCmd& cmd : from.CmdBuffer) {
            ImDrawCmd moved = cmd;
            moved.VtxOffset += vtx_base;
            moved.IdxOffset += idx_base;
            list_.CmdBuffer.push_back(moved);
        }
        // Indices stay relative to their command's VtxOffset, so they are copied as they are.
        list_.VtxBuffer.resize(static_cast<int>(vtx_base) + from.VtxBuffer.Size);
        list_.IdxBuffer.resize(static_cast<int>(idx_base) + from.IdxBuffer.Size);
        if (!from.VtxBuffer.empty())
            std::memcpy(list_.VtxBuffer.Data + vtx_base, from.VtxBuffer.Data, from.VtxBuffer.size_in_bytes());
        if (!from.IdxBuffer.empty())
            std::memcpy(list_.IdxBuffer.Data + idx_base, from.IdxBuffer.Data, from.IdxBuffer.size_in_bytes());
    }
    data_ = source;
    data_.CmdLists = lists_;
    data_.CmdListsCount = source.CmdListsCount > 0 ? 1 : 0;
    data_.TotalVtxCount = list_.VtxBuffer.Size;
    data_.TotalIdxCount = list_.IdxBuffer.Size;
    return &data_;
}

}  // namespace em
