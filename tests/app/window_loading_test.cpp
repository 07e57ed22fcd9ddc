// A heavy file's coarse preview joins the map first; the finished load replaces it in place with the style the user
// gave the preview meanwhile, or is not added when the user removed the preview.
#include "app/window/window_loading.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace em {
namespace {

// A layer of `features` features from /data/zones.shp, titled after the file.
SceneLayer zones(std::size_t features) {
    SceneLayer layer;
    layer.title = "zones.shp";
    layer.data.source = "/data/zones.shp";
    layer.data.name = "zones";
    layer.data.fields = {"name"};
    for (std::size_t i = 0; i < features; ++i) layer.data.values.push_back({"zone " + std::to_string(i)});
    return layer;
}

bool logged(const LogState& log, const std::string& part) {
    return std::any_of(log.lines.begin(), log.lines.end(),
                       [&](const LogState::Line& l) { return l.text.find(part) != std::string::npos; });
}

TEST(PreviewLayersTest, TheResultReplacesItsPreviewInPlaceKeepingItsStyle) {
    MapScene scene;
    LogState log;
    std::vector<SceneLayer> preview;
    preview.push_back(zones(3));
    add_preview_layers(std::move(preview), 7, {}, scene, log);
    scene.overlays.push_back(zones(1));  // another layer, opened later, above it
    scene.overlays.back().title = "other";
    ASSERT_EQ(scene.overlays.size(), 2u);
    EXPECT_EQ(scene.overlays[0].preview_of_load, 7u);
    EXPECT_NE(scene.overlays[0].title.find("preparing full detail"), std::string::npos);
    scene.overlays[0].style.opacity = 0.4f;  // the user restyles the preview

    LoadedLayers loaded;
    loaded.layers.push_back(zones(3));
    loaded.layers.back().data.fields = {"name", "full"};
    add_loaded_layers(loaded, 7, /*previewed=*/true, {}, scene, log);
    ASSERT_EQ(scene.overlays.size(), 2u);
    EXPECT_EQ(scene.overlays[0].data.fields, (std::vector<std::string>{"name", "full"}));
    EXPECT_EQ(scene.overlays[0].preview_of_load, 0u);
    EXPECT_EQ(scene.overlays[0].title, "zones.shp");
    EXPECT_FLOAT_EQ(scene.overlays[0].style.opacity, 0.4f);
    EXPECT_EQ(scene.overlays[1].title, "other");
    EXPECT_TRUE(logged(log, "full detail of zones.shp"));
}

TEST(PreviewLayersTest, APreviewTheUserRemovedIsNotAddedBack) {
    MapScene scene;
    LogState log;
    std::vector<SceneLayer> preview;
    preview.push_back(zones(3));
    add_preview_layers(std::move(preview), 8, {}, scene, log);
    scene.overlays.clear();  // removed in the layers panel

    LoadedLayers loaded;
    loaded.layers.push_back(zones(3));
    add_loaded_layers(loaded, 8, /*previewed=*/true, {}, scene, log);
    EXPECT_TRUE(scene.overlays.empty());
    EXPECT_TRUE(logged(log, "removed while it loaded"));
}

TEST(PreviewLayersTest, WithoutPreviewTheLayerIsAddedWithItsProjectStyle) {
    MapScene scene;
    LogState log;
    LayerStyle project_style;
    project_style.opacity = 0.7f;
    const std::map<std::string, LayerStyle> pending{{"/data/zones.shp\nzones", project_style}};
    LoadedLayers loaded;
    loaded.layers.push_back(zones(2));
    add_loaded_layers(loaded, 9, /*previewed=*/false, pending, scene, log);
    ASSERT_EQ(scene.overlays.size(), 1u);
    EXPECT_FLOAT_EQ(scene.overlays[0].style.opacity, 0.7f);
    EXPECT_TRUE(logged(log, "added zones.shp (2 features"));
}

TEST(PreviewLayersTest, APreviewTakesItsProjectStyle) {
    MapScene scene;
    LogState log;
    LayerStyle project_style;
    project_style.opacity = 0.3f;
    std::vector<SceneLayer> preview;
    preview.push_back(zones(3));
    add_preview_layers(std::move(preview), 10, {{"/data/zones.shp\n", project_style}}, scene, log);
    ASSERT_EQ(scene.overlays.size(), 1u);
    EXPECT_FLOAT_EQ(scene.overlays[0].style.opacity, 0.3f);
}

}  // namespace
}  // namespace em
