// The Animation panel's thumbnail of the first frame (issue 15, item 4): when it is redrawn (PreviewRefresh) and
// at what size (thumbnail_document). The drawing itself is HeadlessMap::render, tested elsewhere; the window test
// tests/window/animation_export.sh checks that the thumbnail shows and follows the preset.
#include "app/window/clip_preview.hpp"

#include <gtest/gtest.h>

namespace em {
namespace {

Project first_frame(const std::string& search = "", int width = 1920, int height = 1080) {
    Project p;
    p.output.width = width;
    p.output.height = height;
    p.filters.text = search;
    p.time.date = Date::parse("2024-07-15");
    return p;
}

TEST(PreviewRefreshTest, DrawsOnceTheSettingsSettleAndNotEveryFrame) {
    PreviewRefresh refresh(0.3);
    // The section opens: the first frame is drawn once it has been the same for 0.3 s, then not again.
    EXPECT_FALSE(refresh.should_draw(first_frame(), 0.0, false));
    EXPECT_TRUE(refresh.stale());
    EXPECT_FALSE(refresh.should_draw(first_frame(), 0.2, false));
    EXPECT_TRUE(refresh.should_draw(first_frame(), 0.31, false));
    refresh.drawn();
    EXPECT_FALSE(refresh.stale());
    for (double t = 0.4; t < 5; t += 1.0 / 60) ASSERT_FALSE(refresh.should_draw(first_frame(), t, false)) << t;
}

TEST(PreviewRefreshTest, AChangeOfFilterOrPresetOrRangeRedrawsAfterItSettles) {
    PreviewRefresh refresh(0.3);
    ASSERT_FALSE(refresh.should_draw(first_frame(), 0.0, false));
    ASSERT_TRUE(refresh.should_draw(first_frame(), 0.5, false));
    refresh.drawn();
    // Typing a search, letter by letter, a frame apart: nothing drawn until it stops changing.
    EXPECT_FALSE(refresh.should_draw(first_frame("W"), 1.0, false));
    EXPECT_FALSE(refresh.should_draw(first_frame("Wa"), 1.2, false));
    EXPECT_FALSE(refresh.should_draw(first_frame("Wag"), 1.4, false));
    EXPECT_TRUE(refresh.stale());
    EXPECT_FALSE(refresh.should_draw(first_frame("Wag"), 1.6, false));
    EXPECT_TRUE(refresh.should_draw(first_frame("Wag"), 1.71, false));
    refresh.drawn();
    // Another preset (size), and another start date.
    EXPECT_FALSE(refresh.should_draw(first_frame("Wag", 1080, 1080), 2.0, false));
    EXPECT_TRUE(refresh.should_draw(first_frame("Wag", 1080, 1080), 2.4, false));
    refresh.drawn();
    Project later = first_frame("Wag", 1080, 1080);
    later.time.date = Date::parse("2024-08-01");
    EXPECT_FALSE(refresh.should_draw(later, 3.0, false));
    EXPECT_TRUE(refresh.should_draw(later, 3.4, false));
}

TEST(PreviewRefreshTest, WaitsForTheDrawingUnderWayAndSkipsChangesUndone) {
    PreviewRefresh refresh(0.3);
    ASSERT_FALSE(refresh.should_draw(first_frame(), 0.0, false));
    ASSERT_TRUE(refresh.should_draw(first_frame(), 0.5, false));
    // A change while that is being drawn waits for it.
    EXPECT_FALSE(refresh.should_draw(first_frame("x"), 0.6, true));
    EXPECT_FALSE(refresh.should_draw(first_frame("x"), 1.5, true));
    refresh.drawn();
    EXPECT_TRUE(refresh.should_draw(first_frame("x"), 1.6, false));
    refresh.drawn();
    // A change undone before it settled draws nothing.
    EXPECT_FALSE(refresh.should_draw(first_frame("xy"), 2.0, false));
    EXPECT_FALSE(refresh.should_draw(first_frame("x"), 2.1, false));
    EXPECT_FALSE(refresh.stale());
    EXPECT_FALSE(refresh.should_draw(first_frame("x"), 3.0, false));
    // Settings that make no clip (half a date typed) keep the last thumbnail and draw nothing.
    EXPECT_FALSE(refresh.should_draw(std::nullopt, 4.0, false));
    EXPECT_FALSE(refresh.should_draw(std::nullopt, 5.0, false));
    EXPECT_FALSE(refresh.should_draw(first_frame("x"), 5.1, false));
}

TEST(ThumbnailDocumentTest, ScalesThePictureAndItsLinesToTheThumbnail) {
    Project p = first_frame();
    p.output.pixel_scale = 1.0f;
    const Project wide = thumbnail_document(p, 320);
    EXPECT_EQ(wide.output.width, 320);
    EXPECT_EQ(wide.output.height, 180);
    EXPECT_FLOAT_EQ(wide.output.pixel_scale, 320.0f / 1920.0f);
    EXPECT_EQ(wide.filters, p.filters);
    const Project tall = thumbnail_document(first_frame("", 1080, 1920), 320);
    EXPECT_EQ(tall.output.width, 180);
    EXPECT_EQ(tall.output.height, 320);
}

}  // namespace
}  // namespace em
