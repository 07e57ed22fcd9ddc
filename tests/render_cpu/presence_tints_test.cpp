// render/presence_tints: the tints a cached picture depends on (TintsDrawn::kWithLayers), and the box of the
// countries whose tint changed, which the window's base-map cache redraws (BaseMapCache::redraw_area).
#include "render/presence_tints.hpp"

#include <gtest/gtest.h>

#include "render/event_overlay.hpp"

namespace em {
namespace {

// A base layer of three countries side by side, 10 units wide each (projected metres as laid out here).
SceneLayer three_countries() {
    SceneLayer layer;
    layer.data.fields = {"iso_a3"};
    layer.data.values = {{"MLI"}, {"NER"}, {"BFA"}};
    for (int i = 0; i < 3; ++i) {
        ProjectedRange r;
        r.bbox = BBox::of(10.0 * i, 0, 10.0 * i + 10, 10);
        layer.projected.ranges.push_back(r);
    }
    return layer;
}

CountryPresence present(const std::string& country, std::vector<std::string> parties, float opacity = 1.0f) {
    CountryPresence cp;
    cp.country = country;
    cp.parties = std::move(parties);
    cp.opacity = opacity;
    return cp;
}

class PresenceTintsTest : public ::testing::Test {
protected:
    SceneLayer base = three_countries();
    EventOverlay events;
    MapStyle style;
    SceneRef scene() const {
        SceneRef s;
        s.base.push_back({0.0, &base});
        s.events = &events;
        return s;
    }
};

TEST_F(PresenceTintsTest, OnlyCountriesWithOnePartyAreTinted) {
    events.presence = {present("MLI", {"Russia"}), present("NER", {"Russia", "France"}), present("BFA", {"France"}, 0.5f)};
    const std::vector<PresenceTint> tints = presence_tints(scene(), style);
    ASSERT_EQ(tints.size(), 2u);
    EXPECT_EQ(tints[0].country, "MLI");
    EXPECT_EQ(tints[1].country, "BFA");
    const Color ru = style.events.parties.of("Russia");
    EXPECT_FLOAT_EQ(tints[0].color.r, ru.r);
    EXPECT_FLOAT_EQ(tints[0].color.a, ru.a * style.presence_tint_opacity);
    // A fade is part of the tint: a cached picture of it at another opacity is out of date.
    EXPECT_FLOAT_EQ(tints[1].color.a, style.events.parties.of("France").a * style.presence_tint_opacity * 0.5f);
    SceneRef none = scene();
    none.events = nullptr;
    EXPECT_TRUE(presence_tints(none, style).empty());
}

TEST_F(PresenceTintsTest, TheChangedBoxCoversOnlyTheCountriesWhoseTintChanged) {
    events.presence = {present("MLI", {"Russia"}), present("BFA", {"France"})};
    const std::vector<PresenceTint> before = presence_tints(scene(), style);
    EXPECT_TRUE(changed_tints_box(scene(), before, before).empty());

    // Niger tinted from now on: its box only (10..20), not Mali's or Burkina's.
    events.presence.push_back(present("NER", {"Russia"}));
    const std::vector<PresenceTint> arrived = presence_tints(scene(), style);
    const BBox box = changed_tints_box(scene(), before, arrived);
    EXPECT_DOUBLE_EQ(box.min_x, 10.0);
    EXPECT_DOUBLE_EQ(box.max_x, 20.0);

    // Mali's tint leaves and Burkina's changes colour: one box over both (and Niger between them).
    events.presence = {present("NER", {"Russia"}), present("BFA", {"Russia"})};
    const BBox changed = changed_tints_box(scene(), arrived, presence_tints(scene(), style));
    EXPECT_DOUBLE_EQ(changed.min_x, 0.0);
    EXPECT_DOUBLE_EQ(changed.max_x, 30.0);

    // A country the base map does not have changes nothing drawn.
    events.presence.push_back(present("XXX", {"Russia"}));
    EXPECT_TRUE(changed_tints_box(scene(), presence_tints(scene(), style), [&] {
                    auto t = presence_tints(scene(), style);
                    t.pop_back();
                    return t;
                }()).empty());
}

}  // namespace
}  // namespace em
