#include "app/scene_builder.hpp"

#include "app/overlay_layers.hpp"
#include "geo/vertex_restore.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <algorithm>
#include <atomic>
#include <filesystem>

#include "support/test_paths.hpp"

namespace em {
namespace {

TEST(BaseScaleTest, WorldViewsUse110mAndCloseUpsUse10m) {
    EXPECT_EQ(base_scale_for(1e6).name, "110m");
    EXPECT_EQ(base_scale_for(12000.0).name, "110m");
    EXPECT_EQ(base_scale_for(11999.0).name, "50m");
    EXPECT_EQ(base_scale_for(3500.0).name, "50m");
    EXPECT_EQ(base_scale_for(100.0).dataset, "10m");
    EXPECT_EQ(base_scale_for(0.0).name, "10m");
    EXPECT_EQ(base_scale_for(-1.0).name, "10m");  // nonsense in, finest out
}

// Each level is chosen from its own threshold up to the next coarser one; coarser resolutions never get finer data.
TEST(BaseScaleTest, LevelsAreOrderedCoarseToFineAndEachIsReachable) {
    const auto& scales = base_scales();
    ASSERT_FALSE(scales.empty());
    EXPECT_EQ(scales.back().min_metres_per_pixel, 0.0);
    for (size_t i = 0; i < scales.size(); ++i) {
        SCOPED_TRACE(scales[i].name);
        EXPECT_EQ(base_scale_for(scales[i].min_metres_per_pixel).name, scales[i].name);
        if (i > 0) {
            EXPECT_LT(scales[i].min_metres_per_pixel, scales[i - 1].min_metres_per_pixel);
            EXPECT_EQ(base_scale_for(scales[i - 1].min_metres_per_pixel * 0.999).name, scales[i].name);
        }
        EXPECT_GE(scales[i].simplify_degrees, 0.0);
        EXPECT_EQ(find_base_scale(scales[i].name), &scales[i]);
    }
    EXPECT_EQ(find_base_scale("5m"), nullptr);
}

TEST(BaseScaleTest, EveryLevelsDatasetIsShipped) {
    const DataPaths paths{test::source_dir()};
    for (const auto& s : base_scales()) {
        for (const char* ext : {".shp", ".shx", ".dbf", ".prj"}) {
            auto p = paths.base_map(s.dataset);
            p.replace_extension(ext);
            EXPECT_TRUE(std::filesystem::exists(p)) << p;
        }
    }
}

// A user layer of over 100k vertices (the 1:10m countries, 540k) gets coarser levels for small scales: each
// with the same features, fewer points than the next finer one, drawn from a larger scale, and chosen by scale.
TEST(OverlayDetailTest, BigLayersGetCoarserLevelsByZoomBand) {
    const DataPaths paths{test::source_dir()};
    std::vector<std::string> warnings;
    auto layers = load_overlay_layers(paths.base_map("10m").string(), *Projection::from_name("equirect"), nullptr,
                                      &warnings, LoadControl{});
    ASSERT_TRUE(layers) << layers.error().message;
    ASSERT_EQ(layers->size(), 1u);
    const SceneLayer& layer = layers->front();
    ASSERT_GE(layer.coarser.size(), 2u);
    std::size_t finer_points = layer.data.mesh.outline_points.size();
    for (auto it = layer.coarser.rbegin(); it != layer.coarser.rend(); ++it) {  // finest level first
        SCOPED_TRACE(it->tolerance_degrees);
        EXPECT_EQ(it->mesh.ranges.size(), layer.data.mesh.ranges.size());
        EXPECT_EQ(it->projected.ranges.size(), layer.data.mesh.ranges.size());  // projected with the layer
        EXPECT_LE(it->mesh.outline_points.size(), 0.7 * finer_points);
        EXPECT_GT(it->mesh.fill.indices.size(), 0u);
        finer_points = it->mesh.outline_points.size();
        EXPECT_NEAR(it->min_metres_per_pixel, it->tolerance_degrees * 225000.0, 1e-6);
    }
    for (std::size_t i = 0; i + 1 < layer.coarser.size(); ++i)
        EXPECT_GT(layer.coarser[i].min_metres_per_pixel, layer.coarser[i + 1].min_metres_per_pixel);
    // Zoomed in: the full mesh; at each level's threshold: that level; far out: the coarsest.
    EXPECT_EQ(layer.detail_for(100.0), -1);
    for (std::size_t i = 0; i < layer.coarser.size(); ++i)
        EXPECT_EQ(layer.detail_for(layer.coarser[i].min_metres_per_pixel), static_cast<int>(i));
    EXPECT_EQ(layer.detail_for(1e7), 0);
}

// Small layers are drawn whole at every scale.
TEST(OverlayDetailTest, SmallLayersHaveNoCoarserLevels) {
    const DataPaths paths{test::source_dir()};
    auto layers = load_overlay_layers(paths.base_map("110m").string(), *Projection::from_name("equirect"), nullptr,
                                      nullptr, LoadControl{});
    ASSERT_TRUE(layers) << layers.error().message;
    ASSERT_EQ(layers->size(), 1u);
    EXPECT_TRUE(layers->front().coarser.empty());
    EXPECT_EQ(layers->front().detail_for(1e7), -1);
}

// A GeoPackage of two layers: the chosen one only, or both; a chosen subset is cached apart from the whole.
TEST(OverlayLayersTest, ChosenLayersOfAGeoPackageOnly) {
    const DataPaths paths{test::source_dir()};
    const auto dir = test::temp_dir("gpkg-layers");
    const std::string gpkg = (dir / "two.gpkg").string(), shp = paths.base_map("110m").string();
    ASSERT_EQ(test::run_command("ogr2ogr -f GPKG '" + gpkg + "' '" + shp + "' -nln countries"), 0);
    ASSERT_EQ(test::run_command("ogr2ogr -update -f GPKG '" + gpkg + "' '" + shp + "' -nln again -where \"iso_a3 = 'MLI'\""),
              0);
    const LayerCache cache(dir / "cache");
    const Projection equirect = *Projection::from_name("equirect");
    auto chosen = load_overlay_layers(gpkg, equirect, &cache, nullptr, LoadControl{}, {"again"});
    ASSERT_TRUE(chosen) << chosen.error().message;
    ASSERT_EQ(chosen->size(), 1u);
    EXPECT_EQ(chosen->front().data.name, "again");
    EXPECT_EQ(chosen->front().data.values.size(), 1u);  // Mali only
    auto all = load_overlay_layers(gpkg, equirect, &cache, nullptr, LoadControl{});
    ASSERT_TRUE(all) << all.error().message;
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ(all->front().data.name, "countries");
    auto again = load_overlay_layers(gpkg, equirect, &cache, nullptr, LoadControl{}, {"again"});  // from the cache
    ASSERT_TRUE(again);
    ASSERT_EQ(again->size(), 1u);
    EXPECT_EQ(again->front().data.name, "again");
    auto missing = load_overlay_layers(gpkg, equirect, nullptr, nullptr, LoadControl{}, {"nope"});
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("nope"), std::string::npos) << missing.error().message;
}

// Cold (nothing cached) and warm (everything from the cache) give the same levels of detail; a level that saved
// too few points is cached as an entry without layers, so a warm open neither tessellates nor reads it again.
TEST(OverlayDetailTest, WarmOpenGivesTheSameLevelsAsColdAndRemembersRejectedOnes) {
    const DataPaths paths{test::source_dir()};
    const auto dir = test::temp_dir("overlay-levels");
    const LayerCache cache(dir / "cache");
    const Projection equirect = *Projection::from_name("equirect");
    const std::string path = paths.base_map("10m").string();
    auto cold = load_overlay_layers(path, equirect, &cache, nullptr, LoadControl{});
    auto warm = load_overlay_layers(path, equirect, &cache, nullptr, LoadControl{});
    ASSERT_TRUE(cold && warm);
    ASSERT_EQ(cold->size(), 1u);
    ASSERT_EQ(warm->size(), 1u);
    const SceneLayer &c = cold->front(), &w = warm->front();
    EXPECT_EQ(c.data.mesh.outline_points, w.data.mesh.outline_points);
    ASSERT_EQ(c.coarser.size(), w.coarser.size());
    for (std::size_t i = 0; i < c.coarser.size(); ++i) {
        EXPECT_EQ(c.coarser[i].tolerance_degrees, w.coarser[i].tolerance_degrees);
        EXPECT_EQ(c.coarser[i].mesh.outline_points, w.coarser[i].mesh.outline_points);
        EXPECT_EQ(c.coarser[i].mesh.fill.indices, w.coarser[i].mesh.fill.indices);
    }
    for (double t : {0.002, 0.008, 0.032}) {
        const bool kept = std::any_of(c.coarser.begin(), c.coarser.end(),
                                      [&](const LayerDetail& d) { return d.tolerance_degrees == t; });
        PrepareOptions options;
        options.simplify_degrees = t;
        options.purpose = "overlay-level";  // apart from the base map's levels of the same file
        const auto entry = cache.load(path, options);
        if (kept) {
            ASSERT_TRUE(entry);
            EXPECT_EQ(entry->size(), 1u);
        } else if (entry) {
            EXPECT_TRUE(entry->empty()) << t;
        }
        options.purpose.clear();
        EXPECT_FALSE(cache.load(path, options)) << t << ": an overlay level was found as a base-map level";
    }
}

// A cold open with a cache lets the finer levels go while the full detail is prepared and reads them back from
// the entries just written (the cold open's peak): the levels are those of a cold open without a cache, which
// keeps them all along. With a cache it cannot write to, nothing is let go.
TEST(OverlayDetailTest, LevelsLetGoDuringAColdOpenComeBackAsPrepared) {
    const DataPaths paths{test::source_dir()};
    const auto dir = test::temp_dir("overlay-read-back");
    const Projection equirect = *Projection::from_name("equirect");
    const std::string path = paths.base_map("10m").string();
    auto kept = load_overlay_layers(path, equirect, nullptr, nullptr, LoadControl{});
    const LayerCache cache(dir / "cache");
    auto read_back = load_overlay_layers(path, equirect, &cache, nullptr, LoadControl{});
    std::filesystem::create_directories(dir / "file");
    std::ofstream(dir / "file" / "cache") << "a file where the cache's folder should be";
    const LayerCache unwritable(dir / "file" / "cache");
    auto not_stored = load_overlay_layers(path, equirect, &unwritable, nullptr, LoadControl{});
    ASSERT_TRUE(kept && read_back && not_stored);
    const SceneLayer& k = kept->front();
    ASSERT_GE(k.coarser.size(), 2u) << "needs a finer level besides the coarsest (the one never let go)";
    for (const SceneLayer* other : {&read_back->front(), &not_stored->front()}) {
        ASSERT_EQ(other->coarser.size(), k.coarser.size());
        for (std::size_t i = 0; i < k.coarser.size(); ++i) {
            SCOPED_TRACE("level " + std::to_string(i));
            EXPECT_EQ(other->coarser[i].tolerance_degrees, k.coarser[i].tolerance_degrees);
            EXPECT_EQ(other->coarser[i].mesh.outline_points, k.coarser[i].mesh.outline_points);
            EXPECT_EQ(other->coarser[i].mesh.fill.indices, k.coarser[i].mesh.fill.indices);
            EXPECT_EQ(other->coarser[i].projected.fill_xy, k.coarser[i].projected.fill_xy);
        }
    }
}

// A cold open of a layer with coarser levels shows a quick coarse copy first (app/overlay_preview): handed over
// as soon as the source is read, before any level of detail or the full detail is simplified, prepared or cached
// (the cache holds none of them yet), with every feature, the same attributes and title, about as coarse as the
// coarsest level. A warm open previews the coarsest level from the cache.
TEST(OverlayDetailTest, OpenPreviewsTheCoarsestLevelBeforeTheFullDetail) {
    const DataPaths paths{test::source_dir()};
    const auto dir = test::temp_dir("overlay-preview");
    const LayerCache cache(dir / "cache");
    const Projection equirect = *Projection::from_name("equirect");
    const std::string path = paths.base_map("10m").string();
    const auto level_options = [](double tolerance) {
        PrepareOptions options;
        options.simplify_degrees = tolerance;
        options.purpose = "overlay-level";
        return options;
    };
    std::vector<std::vector<SceneLayer>> previews;
    bool full_detail_cached_at_preview = true;
    std::vector<double> levels_cached_at_preview;  // kept or rejected (an empty entry)
    const auto preview = [&](std::vector<SceneLayer> layers) {
        full_detail_cached_at_preview = cache.load(path, PrepareOptions{}).has_value();
        for (const double t : {0.002, 0.008, 0.032})
            if (cache.load(path, level_options(t))) levels_cached_at_preview.push_back(t);
        previews.push_back(std::move(layers));
    };
    auto cold = load_overlay_layers(path, equirect, &cache, nullptr, LoadControl{}, {}, preview);
    ASSERT_TRUE(cold) << cold.error().message;
    ASSERT_EQ(previews.size(), 1u);
    EXPECT_FALSE(full_detail_cached_at_preview);
    EXPECT_TRUE(levels_cached_at_preview.empty()) << "the preview came after level " << levels_cached_at_preview[0];
    ASSERT_EQ(previews[0].size(), 1u);
    ASSERT_GE(cold->front().coarser.size(), 1u);
    const SceneLayer &p = previews[0].front(), &final_layer = cold->front();
    const LayerMesh& coarsest = final_layer.coarser.front().mesh;
    EXPECT_EQ(p.data.values, final_layer.data.values);
    EXPECT_EQ(p.data.fields, final_layer.data.fields);
    EXPECT_EQ(p.data.name, final_layer.data.name);  // what the window replaces the preview by
    EXPECT_EQ(p.title, final_layer.title);
    EXPECT_TRUE(p.coarser.empty());
    EXPECT_EQ(p.projected.ranges.size(), final_layer.data.mesh.ranges.size());  // projected, one range per feature
    EXPECT_GT(p.data.mesh.fill.indices.size(), 0u);
    // As coarse as the coarsest level, give or take (each ring simplified alone, from the source).
    EXPECT_LT(p.data.mesh.outline_points.size(), 2 * coarsest.outline_points.size());
    EXPECT_GT(p.data.mesh.outline_points.size(), coarsest.outline_points.size() / 2);
    EXPECT_LT(p.data.mesh.outline_points.size(), final_layer.data.mesh.outline_points.size() / 4);

    // Warm: the coarsest level straight from the cache, before the full detail is read.
    previews.clear();
    auto warm = load_overlay_layers(path, equirect, &cache, nullptr, LoadControl{}, {}, preview);
    ASSERT_TRUE(warm);
    ASSERT_EQ(previews.size(), 1u);
    EXPECT_EQ(previews[0].front().data.mesh.outline_points, warm->front().coarser.front().mesh.outline_points);
    EXPECT_EQ(previews[0].front().data.values, warm->front().data.values);
}

// The window parks a heavy layer's finer levels as it loads them, all but the one the view draws when the load
// starts: the first frames after the load would otherwise project that level again (issue 18's sweep).
TEST(OverlayDetailTest, ParkingAtLoadKeepsTheLevelTheViewDraws) {
    const DataPaths paths{test::source_dir()};
    const Projection equirect = *Projection::from_name("equirect");
    const std::string path = paths.base_map("10m").string();
    auto unparked = load_overlay_layers(path, equirect, nullptr, nullptr, LoadControl{});
    ASSERT_TRUE(unparked) << unparked.error().message;
    const SceneLayer& reference = unparked->front();
    ASSERT_GE(reference.coarser.size(), 2u) << "needs a finer level besides the coarsest";
    for (std::size_t wanted = 0; wanted < reference.coarser.size(); ++wanted) {
        const double view_mpp = reference.coarser[wanted].min_metres_per_pixel * 1.01;
        ASSERT_EQ(reference.detail_for(view_mpp), static_cast<int>(wanted));
        auto loaded = load_overlay_layers(path, equirect, nullptr, nullptr, LoadControl{}, {}, {},
                                          LevelParkingAtLoad{true, view_mpp});
        ASSERT_TRUE(loaded);
        const SceneLayer& layer = loaded->front();
        ASSERT_EQ(layer.coarser.size(), reference.coarser.size());
        for (std::size_t i = 0; i < layer.coarser.size(); ++i) {
            SCOPED_TRACE("level " + std::to_string(i) + ", the view draws " + std::to_string(wanted));
            // The coarsest (index 0) is never parked: it stands in while another level comes back.
            EXPECT_EQ(vertices_parked(layer.coarser[i].projected), i != 0 && i != wanted);
            if (!vertices_parked(layer.coarser[i].projected)) {
                EXPECT_EQ(layer.coarser[i].projected.fill_xy, reference.coarser[i].projected.fill_xy);
            }
        }
    }
    // No scale given: every finer level is parked.
    auto all_parked = load_overlay_layers(path, equirect, nullptr, nullptr, LoadControl{}, {}, {},
                                          LevelParkingAtLoad{true, 0});
    ASSERT_TRUE(all_parked);
    for (std::size_t i = 1; i < all_parked->front().coarser.size(); ++i)
        EXPECT_TRUE(vertices_parked(all_parked->front().coarser[i].projected)) << i;
    // The full detail, prepared here (no cache), is projected parked as a cached one is: never whole, its fill
    // indices kept as their triangles' places in the lon/lat mesh (a cold open's peak with land10m).
    const ProjectedMesh& full = all_parked->front().projected;
    EXPECT_TRUE(vertices_parked(full));
    EXPECT_TRUE(full.fill_indices.empty());
    EXPECT_EQ(full.source_triangles.size() * 3, reference.data.mesh.fill.indices.size());
}

// A --layer file starts loading before the window has a view (issue 18's cold open): the scale whose level is kept
// is read from the window's value when the levels are projected, not when the load starts. Here the view's scale
// arrives with the preview, after the start: the level it draws is the one kept, and the layers are the same as a
// load given that scale from the start.
TEST(OverlayDetailTest, ParkingReadsTheViewsScaleWhenTheLevelsAreProjected) {
    const DataPaths paths{test::source_dir()};
    const Projection equirect = *Projection::from_name("equirect");
    const std::string path = paths.base_map("10m").string();
    auto reference = load_overlay_layers(path, equirect, nullptr, nullptr, LoadControl{});
    ASSERT_TRUE(reference) << reference.error().message;
    ASSERT_GE(reference->front().coarser.size(), 2u);
    const std::size_t wanted = 1;
    const double view_mpp = reference->front().coarser[wanted].min_metres_per_pixel * 1.01;
    std::atomic<double> view{0.0};  // no view yet when the load starts
    bool previewed = false;
    const OverlayPreview preview = [&](std::vector<SceneLayer>) {
        previewed = true;
        view.store(view_mpp);  // the window's first frame
    };
    LevelParkingAtLoad parking{true, 0.0, &view};
    auto late = load_overlay_layers(path, equirect, nullptr, nullptr, LoadControl{}, {}, preview, parking);
    ASSERT_TRUE(late) << late.error().message;
    ASSERT_TRUE(previewed);
    auto early = load_overlay_layers(path, equirect, nullptr, nullptr, LoadControl{}, {}, {},
                                     LevelParkingAtLoad{true, view_mpp});
    ASSERT_TRUE(early) << early.error().message;
    const SceneLayer &a = late->front(), &b = early->front();
    ASSERT_EQ(a.coarser.size(), b.coarser.size());
    EXPECT_EQ(a.data.values, b.data.values);
    EXPECT_EQ(a.data.mesh.outline_points, b.data.mesh.outline_points);
    for (std::size_t i = 0; i < a.coarser.size(); ++i) {
        SCOPED_TRACE("level " + std::to_string(i));
        EXPECT_EQ(vertices_parked(a.coarser[i].projected), i != 0 && i != wanted);
        EXPECT_EQ(vertices_parked(a.coarser[i].projected), vertices_parked(b.coarser[i].projected));
        EXPECT_EQ(a.coarser[i].mesh.outline_points, b.coarser[i].mesh.outline_points);
        if (!vertices_parked(a.coarser[i].projected))
            EXPECT_EQ(a.coarser[i].projected.fill_xy, b.coarser[i].projected.fill_xy);
    }
}

// Cancelled on seeing the preview, a cold open stops there: no level and no full detail is simplified, prepared or
// cached after it (before the quick preview, the preview came only once the coarsest level was prepared and
// cached).
TEST(OverlayDetailTest, CancelledAtThePreviewNothingElseIsPrepared) {
    const DataPaths paths{test::source_dir()};
    const auto dir = test::temp_dir("overlay-preview-cancel");
    const LayerCache cache(dir / "cache");
    const std::string path = paths.base_map("10m").string();
    std::atomic<bool> cancel{false};
    LoadControl control;
    control.cancel = &cancel;
    int previews = 0;
    auto loaded = load_overlay_layers(path, *Projection::from_name("equirect"), &cache, nullptr, control, {},
                                      [&](std::vector<SceneLayer>) {
                                          ++previews;
                                          cancel = true;
                                      });
    EXPECT_EQ(previews, 1);
    ASSERT_FALSE(loaded);
    EXPECT_NE(loaded.error().message.find("cancelled"), std::string::npos) << loaded.error().message;
    std::size_t entries = 0;
    if (std::filesystem::exists(dir / "cache"))
        for ([[maybe_unused]] const auto& entry : std::filesystem::recursive_directory_iterator(dir / "cache"))
            ++entries;
    EXPECT_EQ(entries, 0u) << "something was prepared and cached after the preview";
}

// Small layers have no coarser level, so nothing to preview.
TEST(OverlayDetailTest, SmallLayersAreNotPreviewed) {
    const DataPaths paths{test::source_dir()};
    int previews = 0;
    auto layers = load_overlay_layers(paths.base_map("110m").string(), *Projection::from_name("equirect"), nullptr,
                                      nullptr, LoadControl{}, {}, [&](std::vector<SceneLayer>) { ++previews; });
    ASSERT_TRUE(layers);
    EXPECT_EQ(previews, 0);
}

}  // namespace
}  // namespace em
