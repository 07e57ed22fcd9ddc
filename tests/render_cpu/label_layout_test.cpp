// place_labels (render/label_layout): greedy, priority-ordered label placement that keeps labels apart, inside
// the viewport and off obstacles. It measures text with a FontAtlas (CPU only: stb_truetype, no GL).
#include "render/label_layout.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "support/test_paths.hpp"

namespace em {
namespace {

class LabelLayoutTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto loaded = FontAtlas::load((test::source_dir() / "assets/fonts/DejaVuSans.ttf").string(), 40.0f);
        ASSERT_TRUE(loaded.ok()) << loaded.error().message;
        font_ = new FontAtlas(std::move(loaded).value());
        font_->ensure("BamakoNiameyMoscowSochi?xyz ");
    }
    static void TearDownTestSuite() {
        delete font_;
        font_ = nullptr;
    }
    static const FontAtlas& font() { return *font_; }

    // Text metrics at size 20 (half the atlas's base size).
    static float width(const std::string& text) { return font().measure(text, 20); }
    static float ascent() { return font().ascent() * 0.5f; }
    static float descent() { return font().descent() * 0.5f; }

    static LabelRequest centred(const std::string& text, double x, double y, int priority = 0) {
        LabelRequest r;
        r.text = text;
        r.anchor = {x, y};
        r.size = 20;
        r.priority = priority;
        return r;
    }
    static LabelRequest beside(const std::string& text, double x, double y, float radius) {
        LabelRequest r = centred(text, x, y);
        r.beside_point = true;
        r.point_radius = radius;
        return r;
    }

private:
    static inline FontAtlas* font_ = nullptr;
};

bool overlap(const PlacedLabel& a, const PlacedLabel& b) {
    return a.box[0] < b.box[2] && b.box[0] < a.box[2] && a.box[1] < b.box[3] && b.box[1] < a.box[3];
}

TEST_F(LabelLayoutTest, ACentredLabelSitsOnItsAnchorWithItsBoxPadded) {
    LabelRequest req = centred("Bamako", 300, 200);
    req.color = Color::hex(0x123456);
    const auto placed = place_labels({req}, font(), 800, 600, 2.0f);
    ASSERT_EQ(placed.size(), 1u);
    const PlacedLabel& p = placed[0];
    const float w = width("Bamako");
    ASSERT_GT(w, 40.0f);  // a real measurement, not zero
    EXPECT_EQ(p.text, "Bamako");
    EXPECT_FLOAT_EQ(p.x, 300 - w / 2);
    EXPECT_FLOAT_EQ(p.y, 200 + (ascent() - descent()) / 2);  // vertically centred on the anchor
    EXPECT_FLOAT_EQ(p.size, 20);
    EXPECT_EQ(p.color, Color::hex(0x123456));
    EXPECT_FLOAT_EQ(p.box[0], p.x - 2);
    EXPECT_FLOAT_EQ(p.box[1], p.y - ascent() - 2);
    EXPECT_FLOAT_EQ(p.box[2], p.x + w + 2);
    EXPECT_FLOAT_EQ(p.box[3], p.y + descent() + 2);
    // The box's middle is the anchor.
    EXPECT_NEAR((p.box[0] + p.box[2]) / 2, 300, 1e-3);
    EXPECT_NEAR((p.box[1] + p.box[3]) / 2, 200, 1e-3);
}

TEST_F(LabelLayoutTest, HigherPriorityWinsAnOverlapWhateverTheInputOrder) {
    const auto placed = place_labels({centred("Niamey", 300, 200, 1), centred("Moscow", 305, 203, 5)}, font(), 800,
                                     600);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].text, "Moscow");
}

TEST_F(LabelLayoutTest, EqualPrioritiesKeepInputOrder) {
    const auto ab = place_labels({centred("Niamey", 300, 200), centred("Moscow", 305, 203)}, font(), 800, 600);
    ASSERT_EQ(ab.size(), 1u);
    EXPECT_EQ(ab[0].text, "Niamey");
    const auto ba = place_labels({centred("Moscow", 305, 203), centred("Niamey", 300, 200)}, font(), 800, 600);
    ASSERT_EQ(ba.size(), 1u);
    EXPECT_EQ(ba[0].text, "Moscow");
}

TEST_F(LabelLayoutTest, PlacedLabelsComeOutInPriorityOrder) {
    const auto placed = place_labels({centred("Sochi", 100, 100, 1), centred("Bamako", 400, 300, 3),
                                      centred("Niamey", 600, 500, 2)},
                                     font(), 800, 600);
    ASSERT_EQ(placed.size(), 3u);
    EXPECT_EQ(placed[0].text, "Bamako");
    EXPECT_EQ(placed[1].text, "Niamey");
    EXPECT_EQ(placed[2].text, "Sochi");
}

TEST_F(LabelLayoutTest, PaddingKeepsLabelsApart) {
    // Two labels one above the other: text boxes (without padding) a gap of 3 px apart.
    const float h = ascent() + descent();
    const double y2 = 200 + h + 3;
    // Padding 1 each side: 2 px of padding in a 3 px gap, both fit, each where it was asked.
    const auto loose =
        place_labels({centred("Bamako", 300, 200), centred("Niamey", 300, y2)}, font(), 800, 600, 1.0f);
    ASSERT_EQ(loose.size(), 2u);
    EXPECT_EQ(loose[0].text, "Bamako");
    EXPECT_EQ(loose[1].text, "Niamey");
    EXPECT_FLOAT_EQ(loose[1].y, static_cast<float>(y2) + (ascent() - descent()) / 2);
    EXPECT_LT(loose[0].box[3], loose[1].box[1]);  // padded boxes apart
    // Padding 2 each side: 4 px do not fit in 3, the second is dropped.
    const auto tight =
        place_labels({centred("Bamako", 300, 200), centred("Niamey", 300, y2)}, font(), 800, 600, 2.0f);
    ASSERT_EQ(tight.size(), 1u);
    EXPECT_EQ(tight[0].text, "Bamako");
}

TEST_F(LabelLayoutTest, LabelsLeavingTheViewportAreDropped) {
    // Centred near the left edge: half the label would be outside.
    EXPECT_TRUE(place_labels({centred("Bamako", 5, 300)}, font(), 800, 600).empty());
    EXPECT_TRUE(place_labels({centred("Bamako", 400, 2)}, font(), 800, 600).empty());
    EXPECT_TRUE(place_labels({centred("Bamako", 798, 300)}, font(), 800, 600).empty());
    EXPECT_TRUE(place_labels({centred("Bamako", 400, 599)}, font(), 800, 600).empty());
    EXPECT_TRUE(place_labels({centred("Bamako", 400, 300)}, font(), 20, 600).empty());  // wider than the view
    // Negative control: the same label in the middle is placed.
    EXPECT_EQ(place_labels({centred("Bamako", 400, 300)}, font(), 800, 600).size(), 1u);
}

TEST_F(LabelLayoutTest, BesideAPointTriesRightThenLeftThenAboveThenBelow) {
    const float pad = 2.0f, radius = 4.0f, gap = radius + 2 * pad;
    const float w = width("Sochi"), h = ascent() + descent();
    const float ax = 400, ay = 300;
    const float mid = ay + (ascent() - descent()) / 2;
    // Small obstacles, each inside exactly one candidate's box: at the far ends of the right and left candidates
    // (level with the point), and straight above and below the point in the middle of those candidates.
    auto tiny = [](float x, float y) { return std::array<float, 4>{x - 1, y - 1, x + 1, y + 1}; };
    const auto right = tiny(ax + gap + w - 2, ay), left = tiny(ax - gap - w + 2, ay);
    const auto above = tiny(ax, ay - gap - h / 2), below = tiny(ax, ay + gap + h / 2);

    // Nothing in the way: to the right, vertically centred.
    auto placed = place_labels({beside("Sochi", ax, ay, radius)}, font(), 800, 600, pad);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_FLOAT_EQ(placed[0].x, ax + gap);
    EXPECT_FLOAT_EQ(placed[0].y, mid);
    // The obstacles placed for the other sides do not touch the right candidate.
    placed = place_labels({beside("Sochi", ax, ay, radius)}, font(), 800, 600, pad, {left, above, below});
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_FLOAT_EQ(placed[0].x, ax + gap);

    // Right blocked: to the left.
    placed = place_labels({beside("Sochi", ax, ay, radius)}, font(), 800, 600, pad, {right});
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_FLOAT_EQ(placed[0].x, ax - gap - w);
    EXPECT_FLOAT_EQ(placed[0].y, mid);

    // Right and left blocked: above, centred horizontally.
    placed = place_labels({beside("Sochi", ax, ay, radius)}, font(), 800, 600, pad, {right, left});
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_FLOAT_EQ(placed[0].x, ax - w / 2);
    EXPECT_FLOAT_EQ(placed[0].y, ay - gap - descent());

    // And above blocked: below.
    placed = place_labels({beside("Sochi", ax, ay, radius)}, font(), 800, 600, pad, {right, left, above});
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_FLOAT_EQ(placed[0].x, ax - w / 2);
    EXPECT_FLOAT_EQ(placed[0].y, ay + gap + ascent());

    // Every side blocked: not placed.
    EXPECT_TRUE(
        place_labels({beside("Sochi", ax, ay, radius)}, font(), 800, 600, pad, {right, left, above, below}).empty());
}

TEST_F(LabelLayoutTest, BesideAPointAtTheRightEdgeGoesLeft) {
    const float gap = 3.0f + 2 * 2.0f;
    const auto placed = place_labels({beside("Sochi", 790, 300, 3.0f)}, font(), 800, 600, 2.0f);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_FLOAT_EQ(placed[0].x, 790 - gap - width("Sochi"));
}

TEST_F(LabelLayoutTest, ObstaclesInOtherGridCellsStillBlock) {
    // A wide label spans several 64-px cells of the placement grid; a small obstacle under its far end, in a
    // cell the label's start is not in, must still block it.
    const std::string text = "BamakoNiameyMoscow";
    const float w = width(text);
    ASSERT_GT(w, 130.0f);
    const double ax = 400;
    const float right_end = static_cast<float>(ax + w / 2);
    const std::vector<std::array<float, 4>> obstacle = {{right_end - 6, 298, right_end - 3, 302}};
    EXPECT_TRUE(place_labels({centred(text, ax, 300)}, font(), 800, 600, 2.0f, obstacle).empty());
    // Negative control: moved just beyond the padded box, it no longer blocks.
    const std::vector<std::array<float, 4>> clear = {{right_end + 3, 298, right_end + 6, 302}};
    EXPECT_EQ(place_labels({centred(text, ax, 300)}, font(), 800, 600, 2.0f, clear).size(), 1u);
}

TEST_F(LabelLayoutTest, ManyLabelsNeverOverlapAndStayInside) {
    std::vector<LabelRequest> requests;
    for (int i = 0; i < 200; ++i)
        requests.push_back(centred(i % 2 ? "Niamey" : "Moscow xyz", (i * 37) % 640 + 20, (i * 53) % 460 + 10,
                                   i % 7));
    const auto placed = place_labels(requests, font(), 640, 480);
    ASSERT_GT(placed.size(), 10u);
    ASSERT_LT(placed.size(), requests.size());  // some were dropped: the check below has something to check
    for (std::size_t i = 0; i < placed.size(); ++i) {
        EXPECT_GE(placed[i].box[0], 0);
        EXPECT_GE(placed[i].box[1], 0);
        EXPECT_LE(placed[i].box[2], 640);
        EXPECT_LE(placed[i].box[3], 480);
        for (std::size_t j = i + 1; j < placed.size(); ++j)
            EXPECT_FALSE(overlap(placed[i], placed[j])) << placed[i].text << " #" << i << " and #" << j;
    }
}

TEST_F(LabelLayoutTest, NoRequestsNoLabels) {
    EXPECT_TRUE(place_labels({}, font(), 800, 600).empty());
}

}  // namespace
}  // namespace em
