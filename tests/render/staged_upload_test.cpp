// GL tests of staged uploads (issue 18): the window's spread redraws upload a heavy layer's finer level of detail a
// slice per frame, drawing a coarser level already on the GPU meanwhile, and draw again once it is in. Every other
// path uploads at once and draws exactly the level asked for.
//
// The first tests run headless (EGL); the last one presents through BaseMapCache into a real window (needs an X
// display: tools/test.sh runs the GL tests under xvfb-run; without DISPLAY it is skipped, reported as skipped).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "app/overlay_layers.hpp"
#include "app/scene_builder.hpp"
#include "app/views.hpp"
#include "render/base_map_cache.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "render/uploaded_vertices.hpp"
#include "support/golden.hpp"
#include "support/headless_fixture.hpp"
// After the GL loader's header (render/ includes it): GLFW only for the window.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace em {
namespace {

// The bytes of a GL buffer, read back.
template <typename T>
std::vector<T> buffer_contents(const gl::Buffer& buffer) {
    std::vector<T> out(buffer.size() / sizeof(T));
    glBindBuffer(GL_COPY_READ_BUFFER, buffer.id());
    if (!out.empty()) glGetBufferSubData(GL_COPY_READ_BUFFER, 0, static_cast<GLsizeiptr>(buffer.size()), out.data());
    glBindBuffer(GL_COPY_READ_BUFFER, 0);
    return out;
}

// Whether the buffer holds exactly the vector's bytes (fill_xy has NaN for vertices a projection cannot show, which
// never compare equal as floats).
template <typename T>
bool holds_bytes(const gl::Buffer& buffer, const std::vector<T>& v) {
    const std::vector<T> got = buffer_contents<T>(buffer);
    return got.size() == v.size() && (v.empty() || std::memcmp(got.data(), v.data(), v.size() * sizeof(T)) == 0);
}

// The 1:10m countries as a user layer: over 100k vertices, so it has coarser levels of detail (coarsest first).
// Prepared once for the whole file (a few seconds).
const std::vector<SceneLayer>& countries_10m_layer() {
    static const std::vector<SceneLayer> layers = [] {
        const DataPaths paths{test::source_dir()};
        auto loaded = load_overlay_layers(paths.base_map("10m").string(), *Projection::from_name("laea"), nullptr,
                                          nullptr, LoadControl{});
        EXPECT_TRUE(loaded) << loaded.error().message;
        return loaded ? std::move(loaded).value() : std::vector<SceneLayer>{};
    }();
    return layers;
}

// A scene of that layer alone, in the projection it was prepared in.
MapScene scene_of_10m_layer() {
    MapScene scene;
    scene.projection = *Projection::from_name("laea");
    scene.overlays = countries_10m_layer();
    return scene;
}

// 256 pixels at 500 m a pixel over the islands of Guinea-Bissau, where the full level and the coarse ones differ.
Camera near_coast(const Projection& projection) {
    const auto centre = projection.forward(GeoPoint{-15.9, 11.3});
    EXPECT_TRUE(centre);
    return Camera(centre ? *centre : XY{0, 0}, 500.0, 256, 256);
}

class StagedUploadTest : public test::HeadlessSuite {};

// A mesh staged over frames never takes more than the frame's allowance, ends on the GPU byte for byte, and get()
// finishes a staged upload at once.
TEST_F(StagedUploadTest, AFrameNeverUploadsMoreThanItsAllowanceAndTheMeshArrivesWhole) {
    const auto& layers = countries_10m_layer();
    ASSERT_FALSE(layers.empty());
    const ProjectedMesh& mesh = layers.front().projected;
    const std::size_t total = mesh_bytes(mesh);
    constexpr std::size_t kSlice = 1 << 20;
    ASSERT_GT(total, 4 * kSlice) << "the test needs a mesh of several slices";

    GpuMeshCache gpu;
    int frames = 0;
    std::size_t uploaded = 0;
    bool done = false;
    while (!done && frames < 10000) {
        gpu.begin_frame(kSlice);
        done = gpu.upload_within_allowance(mesh);
        done = gpu.upload_within_allowance(mesh) && done;  // a second call in the same frame adds nothing
        EXPECT_LE(gpu.uploaded_this_frame(), kSlice) << "frame " << frames;
        uploaded += gpu.uploaded_this_frame();
        EXPECT_EQ(gpu.holds(mesh), done);
        EXPECT_EQ(gpu.uploading(mesh), !done);
        ++frames;
    }
    EXPECT_TRUE(done);
    EXPECT_EQ(uploaded, total);
    EXPECT_EQ(static_cast<std::size_t>(frames), (total + kSlice - 1) / kSlice);

    const GpuMesh& g = gpu.get(mesh);  // already there: nothing uploaded
    EXPECT_TRUE(holds_bytes(g.fill.front().vertices, mesh.fill_xy));
    EXPECT_TRUE(holds_bytes(g.fill.front().indices, mesh.fill_indices));
    EXPECT_TRUE(holds_bytes(g.outline.front().points, mesh.outline));
    EXPECT_EQ(g.outline.front().count, mesh.outline.size() / 3);

    // Half staged, then asked for by a draw: finished at once, the same bytes.
    GpuMeshCache other;
    other.begin_frame(total / 2);
    EXPECT_FALSE(other.upload_within_allowance(mesh));
    EXPECT_TRUE(other.uploading(mesh));
    const GpuMesh& finished = other.get(mesh);
    EXPECT_TRUE(other.holds(mesh));
    EXPECT_FALSE(other.uploading(mesh));
    EXPECT_EQ(other.uploaded_this_frame(), total);
    EXPECT_TRUE(holds_bytes(finished.fill.front().vertices, mesh.fill_xy));
    EXPECT_TRUE(holds_bytes(finished.fill.front().indices, mesh.fill_indices));
    EXPECT_TRUE(holds_bytes(finished.outline.front().points, mesh.outline));

    // A sweep drops a staged upload with the meshes.
    GpuMeshCache swept;
    swept.begin_frame(kSlice);
    EXPECT_FALSE(swept.upload_within_allowance(mesh));
    swept.keep_only({});
    EXPECT_FALSE(swept.uploading(mesh));
}

// Without staging (exports, headless pictures), a draw never stands in a coarser level, even while the level it
// asks for is half staged: it finishes the upload and draws that level, the picture of a fresh renderer.
TEST_F(StagedUploadTest, WithoutStagingADrawUploadsAtOnceAndDrawsTheLevelAskedFor) {
    const MapScene scene = scene_of_10m_layer();
    ASSERT_EQ(scene.overlays.size(), 1u);
    const SceneLayer& layer = scene.overlays.front();
    ASSERT_GE(layer.coarser.size(), 1u);
    const Camera near = near_coast(scene.projection);
    ASSERT_EQ(&layer.drawable(near.metres_per_pixel_x()), &layer.projected);

    const DataPaths paths{test::source_dir()};
    auto fresh = MapRenderer::create(paths.font().string());
    auto staged = MapRenderer::create(paths.font().string());
    ASSERT_TRUE(fresh && staged);
    auto target = OffscreenTarget::create(256, 256, 0);
    ASSERT_TRUE(target) << target.error().message;
    const MapStyle style;
    auto draw = [&](MapRenderer& r) {
        target->bind();
        glViewport(0, 0, 256, 256);
        glClearColor(style.ocean.r, style.ocean.g, style.ocean.b, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        r.draw_layers(scene, style, near, 1.0f, 1.0);
        return target->read();
    };
    const Image expected = draw(fresh.value());

    // The coarsest level on the GPU and the full mesh half staged, as in the window after a zoom.
    staged.value().gpu_meshes().get(layer.coarser.front().projected);
    staged.value().gpu_meshes().begin_frame(mesh_bytes(layer.projected) / 2);
    EXPECT_FALSE(staged.value().gpu_meshes().upload_within_allowance(layer.projected));
    const std::uint64_t stand_ins = staged.value().stand_ins();
    const Image drawn = draw(staged.value());
    EXPECT_EQ(staged.value().stand_ins(), stand_ins);
    EXPECT_TRUE(staged.value().gpu_meshes().holds(layer.projected));
    const test::ImageDiff d = test::compare_images(drawn, expected);
    ASSERT_TRUE(d.same_size);
    EXPECT_EQ(d.max_channel_diff, 0);
}

// While a level is uploaded in slices, the window lets go of each array once its part is in (fill vertices, then
// indices, then outline), and the GPU still ends with the whole mesh byte for byte (issue 18's peak memory: the
// level is never held whole both here and in llvmpipe's copy).
TEST_F(StagedUploadTest, ArraysGoAsTheirPartIsInAndTheGpuGetsTheWholeMesh) {
    MapScene scene = scene_of_10m_layer();
    ASSERT_EQ(scene.overlays.size(), 1u);
    scene.overlays.front().projected_with = scene.projection;
    const ProjectedMesh original = scene.overlays.front().projected;
    ProjectedMesh& mesh = scene.overlays.front().projected;
    constexpr std::size_t kSlice = 1 << 20;
    ASSERT_GT(original.fill_xy.size() * sizeof(float), 2 * kSlice) << "the test needs parts of several slices";

    GpuMeshCache gpu;
    bool done = false, saw_partial = false;
    for (int frame = 0; !done && frame < 10000; ++frame) {
        gpu.begin_frame(kSlice);
        done = gpu.upload_within_allowance(mesh);
        const int parts = gpu.parts_on_gpu(mesh);
        release_uploaded_vertices(scene, gpu);
        EXPECT_EQ(mesh.fill_xy.empty(), parts >= 1) << "frame " << frame;
        EXPECT_EQ(mesh.fill_indices.empty(), parts >= 2) << "frame " << frame;
        EXPECT_EQ(mesh.outline.empty(), parts >= 3) << "frame " << frame;
        saw_partial = saw_partial || (parts >= 1 && parts < 4);
        EXPECT_EQ(vertices_released(mesh), parts >= 1);
    }
    ASSERT_TRUE(done);
    EXPECT_TRUE(saw_partial);
    const GpuMesh& g = gpu.get(mesh);
    EXPECT_TRUE(holds_bytes(g.fill.front().vertices, original.fill_xy));
    EXPECT_TRUE(holds_bytes(g.fill.front().indices, original.fill_indices));
    EXPECT_TRUE(holds_bytes(g.outline.front().points, original.outline));

    // The vector export's restore gives the arrays back as they were.
    restore_released_vertices(scene);
    EXPECT_EQ(mesh.stamp, original.stamp);
    EXPECT_EQ(std::memcmp(mesh.fill_xy.data(), original.fill_xy.data(), original.fill_xy.size() * sizeof(float)), 0);
    EXPECT_EQ(mesh.fill_indices, original.fill_indices);
    EXPECT_EQ(std::memcmp(mesh.outline.data(), original.outline.data(), original.outline.size() * sizeof(float)), 0);
}

// A finer level the view does not draw is parked (no projected vertices); drawn while parked and unstaged, the
// layer stands in its coarsest level; staged, the level is projected from its lon/lat mesh straight into the GPU a
// chunk at a time (never whole on the CPU: the mesh stays parked), and the picture is exactly the unparked one's.
TEST_F(StagedUploadTest, AParkedLevelIsUploadedInChunksFromItsLonLatMeshAndDrawsTheSame) {
    const MapScene whole = scene_of_10m_layer();
    MapScene scene = scene_of_10m_layer();
    ASSERT_EQ(scene.overlays.size(), 1u);
    SceneLayer& layer = scene.overlays.front();
    layer.projected_with = scene.projection;
    ASSERT_GE(layer.coarser.size(), 1u);
    const Camera near = near_coast(scene.projection);
    ASSERT_EQ(&layer.drawable(near.metres_per_pixel_x()), &layer.projected);
    // Projected as the window's load does, with the places of its triangles, so that its indices are parked too.
    std::vector<std::uint32_t> triangles;
    layer.projected = project_mesh(layer.data.mesh, scene.projection, &triangles);
    const ProjectedMesh original = layer.projected;
    layer.projected.source_triangles = std::move(triangles);

    const DataPaths paths{test::source_dir()};
    auto renderer = MapRenderer::create(paths.font().string());
    auto fresh = MapRenderer::create(paths.font().string());
    ASSERT_TRUE(renderer && fresh);
    auto target = OffscreenTarget::create(256, 256, 0);
    ASSERT_TRUE(target) << target.error().message;
    const MapStyle style;
    auto draw = [&](MapRenderer& r, const MapScene& s) {
        target->bind();
        glViewport(0, 0, 256, 256);
        glClearColor(style.ocean.r, style.ocean.g, style.ocean.b, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        r.draw_layers(s, style, near, 1.0f, 1.0);
        return target->read();
    };
    const Image expected = draw(fresh.value(), whole);

    // Viewed at the coarsest level's scale: every finer level is parked, the coarsest is not.
    const double far_out = layer.coarser.front().min_metres_per_pixel * 2;
    EXPECT_GT(park_unwanted_levels(scene, renderer->gpu_meshes(), far_out), 0u);
    EXPECT_TRUE(vertices_parked(layer.projected));
    EXPECT_TRUE(layer.projected.fill_xy.empty() && layer.projected.outline.empty());
    EXPECT_TRUE(layer.projected.fill_indices.empty());  // made again from the places of the triangles
    for (std::size_t i = 1; i < layer.coarser.size(); ++i) EXPECT_TRUE(vertices_parked(layer.coarser[i].projected));
    EXPECT_FALSE(arrays_released(layer.coarser.front().projected));

    // The vector export projects every released array again first: the whole level, as before it was parked.
    {
        MapScene copy;
        copy.projection = scene.projection;
        copy.overlays = scene.overlays;
        restore_released_vertices(copy);
        const ProjectedMesh& back = copy.overlays.front().projected;
        EXPECT_FALSE(arrays_released(back));
        EXPECT_EQ(back.stamp, original.stamp);
        EXPECT_EQ(back.fill_indices, original.fill_indices);
        EXPECT_EQ(std::memcmp(back.fill_xy.data(), original.fill_xy.data(), original.fill_xy.size() * sizeof(float)), 0);
        EXPECT_EQ(std::memcmp(back.outline.data(), original.outline.data(), original.outline.size() * sizeof(float)), 0);
    }

    // Drawn while parked and unstaged: the coarsest level stands in, and nothing of the parked level reached the GPU.
    const std::uint64_t stand_ins = renderer->stand_ins();
    draw(renderer.value(), scene);
    EXPECT_GT(renderer->stand_ins(), stand_ins);
    EXPECT_FALSE(renderer->gpu_meshes().holds(layer.projected));
    EXPECT_FALSE(renderer->gpu_meshes().uploading(layer.projected));
    EXPECT_TRUE(renderer->gpu_meshes().holds(layer.coarser.front().projected));

    // Staged, frame by frame: a share of the level a frame, the stand-in drawn until all of it is in; the mesh stays
    // parked throughout (its arrays are never made whole here), and the level is cut into several chunks.
    GpuMeshCache& gpu = renderer->gpu_meshes();
    const SceneRef ref = SceneRef(scene);
    // Begun, then left by the view (a zoom passing through the level's scale): the part-made copy goes, the level
    // stays parked, and it can begin again.
    gpu.begin_frame(BaseMapCache::kUploadSliceBytes / 8);
    EXPECT_FALSE(renderer->stage_levels(ref, near.metres_per_pixel_x()));
    EXPECT_TRUE(gpu.uploading(layer.projected));
    park_unwanted_levels(scene, gpu, far_out);
    EXPECT_FALSE(gpu.uploading(layer.projected));
    EXPECT_FALSE(gpu.holds(layer.projected));
    EXPECT_TRUE(vertices_parked(layer.projected));
    EXPECT_FALSE(layer.projected.source_triangles.empty());
    int frames = 0;
    do {
        gpu.begin_frame(BaseMapCache::kUploadSliceBytes / 8);
        ++frames;
        ASSERT_TRUE(vertices_parked(layer.projected));
    } while (!renderer->stage_levels(ref, near.metres_per_pixel_x()) && frames < 10000);
    EXPECT_GT(frames, 2);
    ASSERT_TRUE(gpu.holds(layer.projected));
    EXPECT_TRUE(vertices_parked(layer.projected));
    EXPECT_EQ(layer.projected.stamp, original.stamp);
    const GpuMesh& chunked = gpu.get(layer.projected);
    EXPECT_GT(chunked.fill.size(), 1u);
    EXPECT_GT(chunked.outline.size(), 1u);
    // Each chunk holds its features' triangles counted from its first vertex, in 16 bits where they fit.
    std::size_t chunk_indices_total = 0;
    for (const GpuFillChunk& c : chunked.fill) {
        chunk_indices_total += c.count;
        if (c.index_type == GL_UNSIGNED_SHORT) {
            const auto got = buffer_contents<std::uint16_t>(c.indices);
            ASSERT_EQ(got.size(), c.count);
            const std::uint32_t low = *std::min_element(original.fill_indices.begin() + c.first,
                                                        original.fill_indices.begin() + c.first + c.count);
            for (std::uint32_t k = 0; k < c.count; ++k) ASSERT_EQ(got[k] + low, original.fill_indices[c.first + k]);
        }
    }
    EXPECT_EQ(chunk_indices_total, original.fill_indices.size());
    std::vector<float> outline;
    for (const GpuOutlineChunk& c : chunked.outline) {
        EXPECT_EQ(c.first, outline.size() / 3);
        const auto got = buffer_contents<float>(c.points);
        outline.insert(outline.end(), got.begin(), got.end());
    }
    ASSERT_EQ(outline.size(), original.outline.size());
    EXPECT_EQ(std::memcmp(outline.data(), original.outline.data(), outline.size() * sizeof(float)), 0);

    // Left by the view once in: its GPU copy goes, the places of its triangles stay, and it comes back the same.
    EXPECT_FALSE(layer.projected.source_triangles.empty());
    park_unwanted_levels(scene, gpu, far_out);
    EXPECT_FALSE(gpu.holds(layer.projected));
    EXPECT_TRUE(vertices_parked(layer.projected));
    frames = 0;
    do {
        gpu.begin_frame(BaseMapCache::kUploadSliceBytes);
    } while (!renderer->stage_levels(ref, near.metres_per_pixel_x()) && ++frames < 10000);
    ASSERT_TRUE(gpu.holds(layer.projected));

    // The coarser levels the view does not draw stay parked, and the picture is the unparked one's exactly.
    for (std::size_t i = 1; i < layer.coarser.size(); ++i) EXPECT_TRUE(vertices_parked(layer.coarser[i].projected));
    const Image drawn = draw(renderer.value(), scene);
    const test::ImageDiff d = test::compare_images(drawn, expected);
    ASSERT_TRUE(d.same_size);
    EXPECT_EQ(d.max_channel_diff, 0);
}

// With staging on, a level still uploading is drawn as the finest coarser level on the GPU (exactly that level's
// picture), and the full level once it is in.
TEST_F(StagedUploadTest, StagedADrawStandsInTheCoarserLevelUntilItsOwnIsIn) {
    const MapScene scene = scene_of_10m_layer();
    ASSERT_EQ(scene.overlays.size(), 1u);
    const SceneLayer& layer = scene.overlays.front();
    ASSERT_GE(layer.coarser.size(), 1u);
    const Camera near = near_coast(scene.projection);
    MapScene coarse_scene;  // the same layer whose only mesh is its coarsest level (same stamp)
    coarse_scene.projection = scene.projection;
    coarse_scene.overlays = scene.overlays;
    coarse_scene.overlays.front().projected = layer.coarser.front().projected;
    coarse_scene.overlays.front().coarser.clear();

    const DataPaths paths{test::source_dir()};
    auto renderer = MapRenderer::create(paths.font().string());
    ASSERT_TRUE(renderer);
    auto target = OffscreenTarget::create(256, 256, 0);
    ASSERT_TRUE(target) << target.error().message;
    const MapStyle style;
    auto draw = [&](const MapScene& s) {
        target->bind();
        glViewport(0, 0, 256, 256);
        glClearColor(style.ocean.r, style.ocean.g, style.ocean.b, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        renderer->draw_layers(s, style, near, 1.0f, 1.0);
        return target->read();
    };
    const Image full = draw(scene);
    const Image coarse = draw(coarse_scene);
    ASSERT_GT(test::compare_images(full, coarse).max_channel_diff, 0) << "the levels must differ here";
    renderer->gpu_meshes().keep_only({layer.coarser.front().projected.stamp});

    constexpr std::size_t kSlice = 1 << 20;
    renderer->set_staged_uploads(true);
    int frames = 0;
    while (!renderer->gpu_meshes().holds(layer.projected) && frames < 10000) {
        renderer->gpu_meshes().begin_frame(kSlice);
        const std::uint64_t before = renderer->stand_ins();
        const Image drawn = draw(scene);
        EXPECT_LE(renderer->gpu_meshes().uploaded_this_frame(), kSlice) << "frame " << frames;
        const bool stood_in = renderer->stand_ins() != before;
        EXPECT_EQ(stood_in, !renderer->gpu_meshes().holds(layer.projected));
        EXPECT_EQ(test::compare_images(drawn, stood_in ? coarse : full).max_channel_diff, 0) << "frame " << frames;
        ++frames;
    }
    EXPECT_GT(frames, 2);
    renderer->gpu_meshes().begin_frame(kSlice);
    EXPECT_TRUE(renderer->stage_levels(scene, near.metres_per_pixel_x()));
    EXPECT_EQ(test::compare_images(draw(scene), full).max_channel_diff, 0);
    renderer->set_staged_uploads(false);
}

// In the window: after a zoom to a finer level, every frame of the spread redraw uploads at most its slice; the
// picture meanwhile shows the coarser level, and ends equal to a redraw without a budget.
TEST(StagedUploadWindowTest, AZoomStreamsTheFinerLevelAndEndsOnTheDirectPicture) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no X display (DISPLAY unset) for a GLFW window";
    constexpr int kWidth = 640, kHeight = 360;
    ASSERT_TRUE(glfwInit());
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    GLFWwindow* window = glfwCreateWindow(kWidth, kHeight, "staged upload test", nullptr, nullptr);
    ASSERT_NE(window, nullptr) << "DISPLAY is set but GLFW could not make a GL 3.3 core window there";
    glfwMakeContextCurrent(window);
    {
        const DataPaths paths{test::source_dir()};
        auto created = MapRenderer::create(paths.font().string());
        ASSERT_TRUE(created) << created.error().message;
        MapRenderer& renderer = created.value();
        const auto& layers = countries_10m_layer();
        ASSERT_FALSE(layers.empty());
        MapScene scene;
        scene.projection = *Projection::from_name("laea");
        auto base = load_base_layer(paths, *find_base_scale("110m"), scene.projection, nullptr);
        ASSERT_TRUE(base) << base.error().message;
        scene.base.push_back({0.0, std::move(base).value()});
        scene.overlays = layers;
        const SceneLayer& layer = scene.overlays.front();
        ASSERT_GE(layer.coarser.size(), 1u);

        const Camera far =
            Camera::fit(scene.projection.project_box(find_view("Sahel + Moscow")->lon_lat), kWidth, kHeight);
        ASSERT_EQ(layer.detail_for(far.metres_per_pixel_x()), 0) << "the default view shows the coarsest level";
        const Camera near(near_coast(scene.projection).centre(), 600.0, kWidth, kHeight);
        ASSERT_EQ(&layer.drawable(near.metres_per_pixel_x()), &layer.projected);

        constexpr std::size_t kSlice = 256 << 10;
        BaseMapCache cache;
        cache.set_frame_budget_ms(1e-6);  // one tile per call
        cache.set_upload_slice_bytes(kSlice);
        const MapStyle style;
        auto present = [&](const Camera& camera) {
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
            glViewport(0, 0, kWidth, kHeight);
            glClearColor(1, 0, 1, 1);
            glClear(GL_COLOR_BUFFER_BIT);
            cache.present(renderer, scene, style, camera, 0, true, nullptr);
            return read_window_back_buffer(kWidth, kHeight);
        };
        present(far);
        for (int i = 0; cache.drawing() && i < 1000; ++i) present(far);
        ASSERT_FALSE(cache.drawing());
        EXPECT_TRUE(renderer.gpu_meshes().holds(layer.coarser.front().projected));
        EXPECT_FALSE(renderer.gpu_meshes().holds(layer.projected));

        // The picture of the stand-in: the layer drawn with its coarsest level, at once.
        MapScene coarse_scene;
        coarse_scene.projection = scene.projection;
        coarse_scene.base = scene.base;
        coarse_scene.overlays = scene.overlays;
        coarse_scene.overlays.front().projected = layer.coarser.front().projected;
        coarse_scene.overlays.front().coarser.clear();
        BaseMapCache coarse_cache;
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        coarse_cache.present(renderer, coarse_scene, style, near, 0, true, nullptr);
        const Image coarse = read_window_back_buffer(kWidth, kHeight);

        const std::size_t full_bytes = mesh_bytes(layer.projected);
        const int tiles = 5 * 3;  // (640 + 2 x 213) x (360 + 2 x 120) in 256-pixel tiles
        ASSERT_GT(full_bytes / kSlice, static_cast<std::size_t>(3 * tiles)) << "the upload must outlast the tiles";
        int frames = 0, stand_in_frames = 0;
        Image shown;
        do {
            shown = present(near);
            EXPECT_LE(renderer.gpu_meshes().uploaded_this_frame(), kSlice) << "frame " << frames;
            if (frames == 2 * tiles) {
                // Every tile drawn, the full level still uploading: the coarse level's picture.
                EXPECT_FALSE(renderer.gpu_meshes().holds(layer.projected));
                EXPECT_TRUE(cache.drawing());
                EXPECT_EQ(test::compare_images(shown, coarse).max_channel_diff, 0);
            }
            if (!renderer.gpu_meshes().holds(layer.projected)) ++stand_in_frames;
            ++frames;
        } while (cache.drawing() && frames < 100000);
        EXPECT_FALSE(cache.drawing());
        EXPECT_GE(static_cast<std::size_t>(stand_in_frames), full_bytes / kSlice);
        EXPECT_EQ(cache.full_redraws(), 3);  // far, near with the stand-in, near again with the full level

        BaseMapCache whole;  // no budget: the level asked for, at once
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        whole.present(renderer, scene, style, near, 0, true, nullptr);
        const Image direct = read_window_back_buffer(kWidth, kHeight);
        const test::ImageDiff d = test::compare_images(shown, direct);
        ASSERT_TRUE(d.same_size);
        EXPECT_EQ(d.max_channel_diff, 0);
        EXPECT_GT(test::compare_images(coarse, direct).max_channel_diff, 0) << "the levels must differ here";
    }
    glfwDestroyWindow(window);
    glfwTerminate();
}

}  // namespace
}  // namespace em
