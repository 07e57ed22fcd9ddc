#include "ui/unchanged_panels.hpp"

#include <gtest/gtest.h>

#include <string>

#include "support/imgui_context.hpp"

namespace em {
namespace {

// Real ImGui frames: a sidebar with a child line whose text can change, a counter window whose text can change,
// and a window over the "map".
class UnchangedPanelsTest : public ::testing::Test {
protected:
    static constexpr FramebufferRect kMap{300, 0, 1280, 800};
    static constexpr std::array<float, 4> kBackground{0.97f, 0.97f, 0.96f, 1};

    test::ImGuiTestContext imgui_;

    struct Frame {
        int counter = 0;       // the counter window's text
        int shown = 0;         // the sidebar's child line
        bool checked = true;   // a checkbox in the sidebar
        bool over_map = true;  // the window over the map
        bool opaque_legend = false;  // its background opaque (ImGui's default dark style's is 94%)
        ImVec2 counter_at{10, 500};
    };

    const ImDrawData& draw(const Frame& f) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(290, 400));
        ImGui::Begin("##sidebar", nullptr, ImGuiWindowFlags_NoTitleBar);
        ImGui::Text("Filters");
        ImGui::BeginChild("##shown", ImVec2(0, ImGui::GetTextLineHeight()));
        ImGui::Text("%d of 100000 events", f.shown);
        ImGui::EndChild();
        bool on = f.checked;
        ImGui::Checkbox("meeting", &on);
        ImGui::End();
        ImGui::SetNextWindowPos(f.counter_at);
        ImGui::Begin("Counter", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize);
        ImGui::Text("frame %d", f.counter);
        ImGui::End();
        if (f.over_map) {
            ImGui::SetNextWindowPos(ImVec2(600, 100));
            if (f.opaque_legend) ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.1f, 0.1f, 0.1f, 1.0f));
            // Like the window's card: not resizable (a resize grip's fringe reaches past the background).
            ImGui::Begin("Legend", nullptr, f.opaque_legend ? ImGuiWindowFlags_NoResize : 0);
            ImGui::Text("Russia");
            ImGui::End();
            if (f.opaque_legend) ImGui::PopStyleColor();
        }
        ImGui::Render();
        return *ImGui::GetDrawData();
    }

    // The step of the list owned by the window named `name` ("##sidebar" or a child's full name start).
    static const PanelStep* step_of(const std::vector<PanelStep>& plan, const std::string& name) {
        for (const PanelStep& s : plan)
            if (std::string(s.list->_OwnerName).rfind(name, 0) == 0) return &s;
        return nullptr;
    }

    const std::vector<PanelStep>& plan(const Frame& f) { return panels_.plan(draw(f), kMap, kBackground, font_); }

    UnchangedPanels panels_;
    ImTextureID font_ = test::ImGuiTestContext::font();
};

TEST_F(UnchangedPanelsTest, AnUnchangedPanelIsCapturedOnceThenCopied) {
    Frame f;
    draw(f);  // ImGui hides a new window in its first frame
    int captures = 0, copies = 0, first_copy = -1;
    for (int i = 0; i < 10; ++i) {
        const PanelStep* s = step_of(plan(f), "##sidebar");
        ASSERT_NE(s, nullptr);
        EXPECT_FALSE(s->copy && s->capture);  // a capture is drawn, then kept
        captures += s->capture;
        if (s->copy && first_copy < 0) first_copy = i;
        copies += s->copy;
    }
    EXPECT_EQ(captures, 1);
    // Unchanged kSameFramesBeforeCapture frames in a row (after the first): captured, and copied from the next.
    EXPECT_EQ(first_copy, UnchangedPanels::kSameFramesBeforeCapture + 1);
    EXPECT_EQ(copies, 10 - first_copy);
}

TEST_F(UnchangedPanelsTest, AChangeIsDrawnAndCapturedAnew) {
    Frame f;
    draw(f);
    for (int i = 0; i < 6; ++i) plan(f);
    ASSERT_TRUE(step_of(plan(f), "##sidebar")->copy);
    f.checked = false;  // the user unticks a box
    const PanelStep* changed = step_of(plan(f), "##sidebar");
    EXPECT_FALSE(changed->copy);
    EXPECT_FALSE(changed->capture);
    int captures = 0;
    for (int i = 0; i < 6; ++i) captures += step_of(plan(f), "##sidebar")->capture;
    EXPECT_EQ(captures, 1);
    EXPECT_TRUE(step_of(plan(f), "##sidebar")->copy);
}

TEST_F(UnchangedPanelsTest, AChildThatChangesEveryFrameLeavesItsParentCopied) {
    Frame f;
    draw(f);
    for (int i = 0; i < 10; ++i) {
        f.shown = i;  // the clock moves: the count in the child changes
        f.counter = i;
        const auto& p = plan(f);
        const PanelStep* child = step_of(p, "##sidebar/##shown");
        ASSERT_NE(child, nullptr);
        EXPECT_FALSE(child->copy || child->capture) << "frame " << i;
        EXPECT_FALSE(step_of(p, "Counter")->copy || step_of(p, "Counter")->capture) << "frame " << i;
        if (i >= UnchangedPanels::kSameFramesBeforeCapture + 1) {
            EXPECT_TRUE(step_of(p, "##sidebar")->copy) << i;
        }
    }
}

TEST_F(UnchangedPanelsTest, AWindowAndItsUnchangedChildAreCapturedAndCopiedTogether) {
    Frame f;
    draw(f);
    int captures = 0;
    for (int i = 0; i < 10; ++i) {
        const auto& p = plan(f);
        const PanelStep* sidebar = step_of(p, "##sidebar");
        const PanelStep* child = step_of(p, "##sidebar/##shown");
        ASSERT_NE(child, nullptr);
        ASSERT_EQ(child, sidebar + 1);  // ImGui draws a window's children right after it
        captures += sidebar->capture;
        if (sidebar->capture) {
            // Drawn in the window as usual that frame, the child too, and kept with it.
            EXPECT_EQ(sidebar->members, 2);
            EXPECT_FALSE(sidebar->copy);
            EXPECT_TRUE(child->in_group);
            EXPECT_FALSE(child->copy);
        }
        if (i >= UnchangedPanels::kSameFramesBeforeCapture + 1) {
            EXPECT_TRUE(sidebar->copy) << i;
            EXPECT_EQ(sidebar->members, 2);
            EXPECT_TRUE(child->copy && child->in_group) << i;  // not drawn, and not copied on its own
            // The copy covers the child's pixels.
            EXPECT_LE(sidebar->region.x0, child->region.x0);
            EXPECT_LE(sidebar->region.y0, child->region.y0);
            EXPECT_GE(sidebar->region.x1, child->region.x1);
            EXPECT_GE(sidebar->region.y1, child->region.y1);
        }
    }
    EXPECT_EQ(captures, 1);
}

TEST_F(UnchangedPanelsTest, AChildThatChangesNowAndThenIsCopiedWithItsWindowBetweenTheChanges) {
    // The events list following a moving clock a few times a second: the child changes every 12th frame.
    Frame f;
    draw(f);
    int with_child = 0, alone = 0, drawn_child = 0;
    for (int i = 0; i < 60; ++i) {
        if (i % 12 == 0) f.shown = i;
        const auto& p = plan(f);
        const PanelStep* sidebar = step_of(p, "##sidebar");
        const PanelStep* child = step_of(p, "##sidebar/##shown");
        if (i % 12 == 0 && i > 0) {
            // The frame of the change: the child is drawn, and its window with it (its picture held the old child);
            // both are kept at once, to be copied from the next frame.
            EXPECT_FALSE(child->copy) << i;
            EXPECT_FALSE(sidebar->copy) << i;
            EXPECT_TRUE(sidebar->capture) << i;
            EXPECT_EQ(sidebar->members, 2) << i;
        } else if (i > UnchangedPanels::kSameFramesBeforeCapture) {
            EXPECT_TRUE(sidebar->copy && child->copy) << i;
        }
        if (sidebar->copy) (sidebar->members == 2 ? with_child : alone)++;
        drawn_child += !child->copy;
    }
    EXPECT_EQ(alone, 0);  // never captured alone: its child changes only now and then
    // Drawn in the first frames (until the window has been steady long enough) and in the 4 frames of a change.
    EXPECT_EQ(drawn_child, UnchangedPanels::kSameFramesBeforeCapture + 1 + 4);
    EXPECT_EQ(with_child, 60 - drawn_child);
}

TEST_F(UnchangedPanelsTest, NothingOverTheMapIsCopied) {
    Frame f;
    draw(f);
    for (int i = 0; i < 10; ++i) {
        const PanelStep* legend = step_of(plan(f), "Legend");
        ASSERT_NE(legend, nullptr);
        EXPECT_TRUE(legend->region.overlaps(kMap));
        EXPECT_FALSE(legend->copy || legend->capture);
    }
}

TEST_F(UnchangedPanelsTest, AnOpaqueCardOverTheMapIsCopied) {
    ImGui::GetStyle().WindowRounding = 0;  // as the window's style (a rounded background is no rectangle)
    ImGui::GetStyle().WindowBorderSize = 0;
    Frame f;
    f.opaque_legend = true;  // background and title bar opaque: the map under it never shows
    draw(f);
    int copies = 0;
    for (int i = 0; i < 10; ++i) {
        const PanelStep* legend = step_of(plan(f), "Legend");
        ASSERT_NE(legend, nullptr);
        EXPECT_TRUE(legend->region.overlaps(kMap));
        copies += legend->copy;
    }
    EXPECT_EQ(copies, 10 - (UnchangedPanels::kSameFramesBeforeCapture + 1));
}

TEST_F(UnchangedPanelsTest, AListUnderAnEarlierOneIsNeitherCapturedNorCopied) {
    Frame f;
    f.counter_at = ImVec2(20, 40);  // over the sidebar, and drawn after it: the sidebar's region is under it
    draw(f);
    for (int i = 0; i < 10; ++i) {
        const auto& p = plan(f);
        const PanelStep* sidebar = step_of(p, "##sidebar");
        const PanelStep* counter = step_of(p, "Counter");
        ASSERT_TRUE(sidebar->region.overlaps(counter->region));
        // The counter is drawn over the sidebar's copy as over the sidebar; it can never be copied itself.
        EXPECT_FALSE(counter->copy || counter->capture);
        if (i >= UnchangedPanels::kSameFramesBeforeCapture + 1) {
            EXPECT_TRUE(sidebar->copy);
        }
    }
}

TEST_F(UnchangedPanelsTest, AnotherBackgroundForgetsEveryPicture) {
    Frame f;
    draw(f);
    for (int i = 0; i < 6; ++i) plan(f);
    ASSERT_TRUE(step_of(plan(f), "##sidebar")->copy);
    const PanelStep* dark = step_of(panels_.plan(draw(f), kMap, {0.1f, 0.1f, 0.1f, 1}, font_), "##sidebar");
    EXPECT_FALSE(dark->copy || dark->capture);
}

TEST_F(UnchangedPanelsTest, TheDrawnListsLeaveOutTheCopiedOnes) {
    Frame f;
    draw(f);
    for (int i = 0; i < 6; ++i) plan(f);
    const ImDrawData& frame = draw(f);
    const auto& p = panels_.plan(frame, kMap, kBackground, font_);
    ImVector<ImDrawList*> lists;
    const ImDrawData rest = drawn_lists(frame, p, lists);
    int copied = 0, vertices = 0;
    for (const PanelStep& s : p) {
        copied += s.copy;
        if (!s.copy) vertices += s.list->VtxBuffer.Size;
    }
    ASSERT_GT(copied, 0);
    EXPECT_EQ(rest.CmdListsCount, frame.CmdListsCount - copied);
    EXPECT_EQ(rest.TotalVtxCount, vertices);
    for (int n = 0; n < rest.CmdListsCount; ++n) EXPECT_NE(std::string(rest.CmdLists[n]->_OwnerName), "##sidebar");
    EXPECT_EQ(rest.DisplaySize.x, frame.DisplaySize.x);
}

}  // namespace
}  // namespace em
