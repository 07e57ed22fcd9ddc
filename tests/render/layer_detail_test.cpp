// GL test: zoomed out, a heavy user layer uploads and draws only the level of detail it shows. Drawing its points
// once uploaded the full-detail mesh as well (for a layer with no points at all), which stalled the window for
// seconds on an 8M-vertex layer.
#include <gtest/gtest.h>

#include <optional>

#include "app/scene_builder.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "support/headless_fixture.hpp"

namespace em {
namespace {

class LayerDetailTest : public test::HeadlessSuite {};

TEST_F(LayerDetailTest, ZoomedOutOnlyTheShownLevelIsUploaded) {
    const DataPaths paths{test::source_dir()};
    const Projection projection = *Projection::from_name("equirect");
    auto layers = load_overlay_layers(paths.base_map("10m").string(), projection, nullptr, nullptr, LoadControl{});
    ASSERT_TRUE(layers) << layers.error().message;
    MapScene scene;
    scene.projection = projection;
    scene.overlays = std::move(layers).value();
    SceneLayer& layer = scene.overlays.front();
    ASSERT_GE(layer.coarser.size(), 1u);

    auto renderer = MapRenderer::create(paths.font().string());
    ASSERT_TRUE(renderer) << renderer.error().message;
    auto target = OffscreenTarget::create(256, 256, 0);
    ASSERT_TRUE(target) << target.error().message;
    target->bind();
    const MapStyle style;

    // Far out: the coarsest level only.
    const double far = layer.coarser.front().min_metres_per_pixel * 2;
    renderer->draw_layers(scene, style, Camera({0, 0}, far, 256, 256), 1.0f, 1.0);
    const GpuMeshCache& gpu = renderer->gpu_meshes();
    EXPECT_TRUE(gpu.holds(layer.coarser.front().projected));
    EXPECT_FALSE(gpu.holds(layer.projected)) << "the full-detail mesh was uploaded while zoomed out";
    for (std::size_t i = 1; i < layer.coarser.size(); ++i) EXPECT_FALSE(gpu.holds(layer.coarser[i].projected));

    // Zoomed in: the full-detail mesh.
    renderer->draw_layers(scene, style, Camera({0, 0}, 100.0, 256, 256), 1.0f, 1.0);
    EXPECT_TRUE(gpu.holds(layer.projected));

    // Reprojected, the old copies are garbage: a sweep frees them, the new meshes upload on the next draw.
    const std::uint64_t old_full = layer.projected.stamp;
    scene.set_projection(*Projection::from_name("mercator"));
    EXPECT_NE(layer.projected.stamp, old_full);
    renderer->sweep(scene);
    EXPECT_EQ(gpu.size(), 0u) << "GPU copies of the old projection were kept";
    renderer->draw_layers(scene, style, Camera({0, 0}, 100.0, 256, 256), 1.0f, 1.0);
    EXPECT_TRUE(gpu.holds(layer.projected));
    // A removed layer's copies go at the next sweep; the graticule (drawn, still in the scene) stays.
    const ProjectedMesh full = layer.projected;  // same stamp
    scene.overlays.clear();
    renderer->sweep(scene);
    EXPECT_FALSE(gpu.holds(full));
    EXPECT_EQ(gpu.size(), 1u);
    EXPECT_TRUE(gpu.holds(scene.graticule.projected));
}

}  // namespace
}  // namespace em
