// legend_for is plain CPU code (render/decorations): the export legend's rows for user layers.
#include <gtest/gtest.h>

#include "render/decorations.hpp"

namespace em {
namespace {

SceneLayer polygon_layer(std::string title, std::vector<std::string> names) {
    SceneLayer layer;
    layer.title = std::move(title);
    layer.data.kind = GeometryKind::kPolygon;
    layer.data.fields = {"name"};
    for (auto& n : names) layer.data.values.push_back({std::move(n)});
    return layer;
}

TEST(LegendEntriesTest, LayerColouredByAnAttributeGetsOneRowPerClass) {
    MapScene scene;
    scene.overlays.push_back(polygon_layer("Provinces", {"Mopti", "Gao", "Mopti"}));
    scene.overlays.back().style.color_field = "name";
    const auto entries = legend_for(scene);
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].label, "name: Mopti");  // the most frequent first
    EXPECT_EQ(entries[1].label, "name: Gao");
    EXPECT_EQ(entries[0].symbol, LegendEntry::Symbol::kSwatch);
    EXPECT_NE(entries[0].color, entries[1].color);
}

TEST(LegendEntriesTest, PlainLayersGetOneRowAndHiddenLayersNone) {
    MapScene scene;
    scene.overlays.push_back(polygon_layer("Bases", {"a"}));
    scene.overlays.push_back(polygon_layer("Hidden", {"b"}));
    scene.overlays.back().style.visible = false;
    const auto entries = legend_for(scene);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].label, "Bases");
    EXPECT_EQ(entries[0].color, scene.overlays[0].style.fill.with_alpha(1.0f));
}

}  // namespace
}  // namespace em
