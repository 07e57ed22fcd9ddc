#include "ui/draw_list_merge.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "support/imgui_context.hpp"

namespace em {
namespace {

// One drawn triangle corner as the GPU sees it: the command's state and the vertex its index points at.
struct Corner {
    ImVec4 clip;
    ImTextureID texture;
    ImDrawVert vertex;
};

bool operator==(const Corner& a, const Corner& b) {
    return std::memcmp(&a.clip, &b.clip, sizeof a.clip) == 0 && a.texture == b.texture &&
           std::memcmp(&a.vertex, &b.vertex, sizeof a.vertex) == 0;
}

// Every corner the draw data draws, in drawing order, resolved as glDrawElementsBaseVertex resolves it.
std::vector<Corner> drawn_corners(const ImDrawData& data) {
    std::vector<Corner> out;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback) continue;
            for (unsigned k = 0; k < cmd.ElemCount; ++k) {
                const unsigned vertex = cmd.VtxOffset + list.IdxBuffer[static_cast<int>(cmd.IdxOffset + k)];
                out.push_back({cmd.ClipRect, cmd.TextureId, list.VtxBuffer[static_cast<int>(vertex)]});
            }
        }
    }
    return out;
}

// A real ImGui frame: two windows of widgets and a third with more than 65,536 vertices (so that ImGui itself
// starts a command at a vertex offset), rendered to draw data.
class DrawListMergeTest : public ::testing::Test {
protected:
    test::ImGuiTestContext imgui_;

    // ImGui hides a new window in its first frame (to size it), so each window is drawn from the second frame on.
    static const ImDrawData& frame(int big_rects) {
        draw_frame(big_rects);
        return draw_frame(big_rects);
    }

    static const ImDrawData& draw_frame(int big_rects) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(10, 10));
        ImGui::Begin("Sidebar");
        ImGui::Text("Layers");
        static bool on = true;
        ImGui::Checkbox("Countries", &on);
        ImGui::Button("Reload");
        ImGui::End();
        ImGui::SetNextWindowPos(ImVec2(300, 400));
        ImGui::Begin("Timeline");
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(300, 420), ImVec2(900, 440), IM_COL32(200, 40, 20, 255), 4);
        ImGui::Text("2024-08-13");
        ImGui::End();
        if (big_rects > 0) {
            ImGui::SetNextWindowPos(ImVec2(600, 10));
            ImGui::Begin("Many");
            ImDrawList* draw = ImGui::GetWindowDrawList();
            for (int i = 0; i < big_rects; ++i)
                draw->AddRectFilled(ImVec2(600 + i % 100, 30 + i % 50), ImVec2(602 + i % 100, 32 + i % 50),
                                    IM_COL32(i % 255, 0, 0, 255));
            ImGui::End();
        }
        ImGui::Render();
        return *ImGui::GetDrawData();
    }
};

TEST_F(DrawListMergeTest, OneListDrawsTheSameCornersInTheSameOrder) {
    const ImDrawData& source = frame(20000);  // 80,000 vertices in "Many"
    ASSERT_GE(source.CmdListsCount, 3);
    bool offset_command = false;
    for (int n = 0; n < source.CmdListsCount; ++n)
        for (const ImDrawCmd& cmd : source.CmdLists[n]->CmdBuffer) offset_command |= cmd.VtxOffset > 0;
    ASSERT_TRUE(offset_command) << "the frame should hold a list past 16-bit indices";

    MergedDrawData merged;
    const ImDrawData& one = *merged.merge(source);
    EXPECT_EQ(one.CmdListsCount, 1);
    EXPECT_EQ(one.TotalVtxCount, source.TotalVtxCount);
    EXPECT_EQ(one.TotalIdxCount, source.TotalIdxCount);
    EXPECT_EQ(one.DisplaySize.x, source.DisplaySize.x);
    EXPECT_EQ(one.FramebufferScale.y, source.FramebufferScale.y);
    const std::vector<Corner> expected = drawn_corners(source), got = drawn_corners(one);
    ASSERT_EQ(got.size(), expected.size());
    for (size_t i = 0; i < got.size(); ++i) ASSERT_TRUE(got[i] == expected[i]) << "corner " << i;
    // Commands are the sources' in order: as many, each index range following the last.
    int commands = 0;
    for (int n = 0; n < source.CmdListsCount; ++n) commands += source.CmdLists[n]->CmdBuffer.Size;
    EXPECT_EQ(one.CmdLists[0]->CmdBuffer.Size, commands);
}

TEST_F(DrawListMergeTest, TheNextFrameReplacesTheLast) {
    MergedDrawData merged;
    merged.merge(frame(20000));
    const ImDrawData& source = frame(0);  // a smaller frame: nothing of the big one may be left
    ASSERT_GE(source.CmdListsCount, 2);
    const ImDrawData& one = *merged.merge(source);
    EXPECT_EQ(one.TotalVtxCount, source.TotalVtxCount);
    EXPECT_EQ(merged.list().VtxBuffer.Size, source.TotalVtxCount);
    EXPECT_EQ(merged.list().IdxBuffer.Size, source.TotalIdxCount);
    EXPECT_TRUE(drawn_corners(one) == drawn_corners(source));
}

TEST_F(DrawListMergeTest, NothingDrawnMergesToNoList) {
    ImGui::NewFrame();
    ImGui::Render();
    MergedDrawData merged;
    const ImDrawData& one = *merged.merge(*ImGui::GetDrawData());
    EXPECT_EQ(one.CmdListsCount, 0);
    EXPECT_EQ(one.TotalVtxCount, 0);
}

}  // namespace
}  // namespace em
