// GL tests of the window's base-map cache: what BaseMapCache::present puts into a real window's framebuffer
// must equal drawing the base map straight into it. The cache is drawn upside down and copied the right way up
// (a plain memory copy on Mesa), so a wrong row order or offset shows here. Needs an X display (tools/test.sh
// runs the tests under xvfb-run). Without DISPLAY the tests are skipped (reported as skipped by ctest); with
// DISPLAY set, a window that cannot be made is a failure, not a skip.
#include "render/base_map_cache.hpp"
#include "render/layer_work.hpp"
#include "render/presence_tints.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

#include "app/overlay_layers.hpp"
#include "app/scene_builder.hpp"
#include "app/views.hpp"
#include "support/golden.hpp"
#include "support/test_paths.hpp"
// After the GL loader's header (render/ includes it): GLFW only for the window.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace em {
namespace {

constexpr int kWidth = 640, kHeight = 360;

class BaseMapCacheTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!std::getenv("DISPLAY")) return;
        display_set_ = true;
        if (!glfwInit()) return;
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        window_ = glfwCreateWindow(kWidth, kHeight, "base map cache test", nullptr, nullptr);
        if (!window_) return;
        glfwMakeContextCurrent(window_);
        auto renderer = MapRenderer::create(DataPaths{test::source_dir()}.font().string());
        ASSERT_TRUE(renderer) << renderer.error().message;
        renderer_ = new MapRenderer(std::move(renderer).value());
        scene_ = new MapScene;
        scene_->projection = *Projection::from_name("laea");
        auto base =
            load_base_layer(DataPaths{test::source_dir()}, *find_base_scale("110m"), scene_->projection, nullptr);
        ASSERT_TRUE(base) << base.error().message;
        scene_->base.push_back({0.0, std::move(base).value()});
        scene_->graticule.data = make_graticule();
        scene_->graticule.reproject(scene_->projection);
    }
    static void TearDownTestSuite() {
        delete scene_;
        delete renderer_;
        scene_ = nullptr;
        renderer_ = nullptr;
        if (window_) glfwDestroyWindow(window_);
        window_ = nullptr;
        glfwTerminate();
    }
    void SetUp() override {
        if (!display_set_) GTEST_SKIP() << "no X display (DISPLAY unset) for a GLFW window";
        ASSERT_NE(window_, nullptr) << "DISPLAY=" << std::getenv("DISPLAY")
                                    << " is set but GLFW could not make a GL 3.3 core window there";
        glfwMakeContextCurrent(window_);
    }

    static Camera default_camera() {
        const BBox box = scene_->projection.project_box(find_view("Sahel + Moscow")->lon_lat);
        return Camera::fit(box, kWidth, kHeight);
    }
    // Fills the window's back buffer with a colour no map uses.
    static void clear_window_magenta() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, kWidth, kHeight);
        glClearColor(1, 0, 1, 1);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    // The base map drawn straight into the window, no cache.
    static Image draw_directly(const Camera& camera, float pixel_scale = 1.0f) {
        clear_window_magenta();
        const MapStyle style;
        glClearColor(style.ocean.r, style.ocean.g, style.ocean.b, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        renderer_->draw_layers(*scene_, style, camera, pixel_scale, 1.0);
        return read_window();
    }
    static Image read_window() { return read_window_back_buffer(kWidth, kHeight); }
    static bool is_magenta(const Image& img, int x, int y) {
        const std::uint8_t* p = img.row(y) + static_cast<size_t>(x) * 4;
        return p[0] == 255 && p[1] == 0 && p[2] == 255;
    }

    static inline bool display_set_ = false;
    static inline GLFWwindow* window_ = nullptr;
    static inline MapRenderer* renderer_ = nullptr;
    static inline MapScene* scene_ = nullptr;
};

// The same picture as drawing directly: right way up, no offset (llvmpipe: identical but for a few edge pixels
// where the larger cache viewport rounds differently).
constexpr test::GoldenTolerance kSamePicture{0.3, 0.002};

// Pixels with any channel differing.
int differing_pixels(const Image& a, const Image& b) {
    int n = 0;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x)
            n += std::memcmp(a.row(y) + static_cast<size_t>(x) * 4, b.row(y) + static_cast<size_t>(x) * 4, 4) != 0;
    return n;
}

void expect_same(const Image& cached, const Image& direct) {
    const test::ImageDiff d = test::compare_images(cached, direct);
    ASSERT_TRUE(d.same_size);
    EXPECT_LE(d.mean_channel_diff, kSamePicture.max_mean);
    EXPECT_LE(d.fraction_over, kSamePicture.max_fraction_over);
}

TEST_F(BaseMapCacheTest, FirstPresentDrawsTheMapTheRightWayUp) {
    const Camera camera = default_camera();
    const Image direct = draw_directly(camera);
    BaseMapCache cache;
    clear_window_magenta();
    EXPECT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, camera, 0, true, nullptr));
    const Image cached = read_window();
    expect_same(cached, direct);
    // The picture is not symmetric top to bottom: a flipped copy would differ a lot.
    Image flipped(kWidth, kHeight);
    for (int y = 0; y < kHeight; ++y)
        std::copy_n(cached.row(kHeight - 1 - y), static_cast<size_t>(kWidth) * 4, flipped.row(y));
    EXPECT_GT(test::compare_images(flipped, direct).fraction_over, 0.05);
}

// A HiDPI window (UI scale 2) draws its base map at pixel scale 2: the cache draws its layers at the scale it is
// given (its lines twice as wide), and a new scale redraws it even when the camera has not moved.
TEST_F(BaseMapCacheTest, CacheDrawsAtThePixelScaleItIsGiven) {
    const Camera camera = default_camera();
    const Image direct_1 = draw_directly(camera, 1.0f), direct_2 = draw_directly(camera, 2.0f);
    // The two scales differ (the outlines, light grey and thin: a small share of pixels, but far more than the
    // cache's rounding), else this test could not fail.
    const test::ImageDiff scales = test::compare_images(direct_1, direct_2);
    EXPECT_GT(scales.mean_channel_diff, 3 * kSamePicture.max_mean) << scales.fraction_over;
    BaseMapCache cache;
    clear_window_magenta();
    ASSERT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, camera, 0, true, nullptr));
    expect_same(read_window(), direct_1);
    cache.set_pixel_scale(2.0f);
    clear_window_magenta();
    EXPECT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, camera, 0, true, nullptr));  // redrawn
    const Image cached_2 = read_window();
    expect_same(cached_2, direct_2);
    EXPECT_LT(test::compare_images(cached_2, direct_2).mean_channel_diff,
              test::compare_images(cached_2, direct_1).mean_channel_diff / 3);
    cache.set_pixel_scale(2.0f);  // the same scale again: the picture stays
    clear_window_magenta();
    EXPECT_FALSE(cache.present(*renderer_, *scene_, MapStyle{}, camera, 0, true, nullptr));
    expect_same(read_window(), direct_2);
}

TEST_F(BaseMapCacheTest, PanInsideTheMarginCopiesTheShiftedPicture) {
    Camera camera = default_camera();
    BaseMapCache cache;
    clear_window_magenta();
    ASSERT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, camera, 0, true, nullptr));
    // 37 px right and 23 px up, in whole pixels: within the margin, so no redraw.
    camera.pan_pixels(-37, 23);
    const Image direct = draw_directly(camera);
    clear_window_magenta();
    EXPECT_FALSE(cache.present(*renderer_, *scene_, MapStyle{}, camera, 0, true, nullptr));
    expect_same(read_window(), direct);
}

// The window's map area sits between panels: the camera is the area's size and the picture goes to its offset;
// nothing outside the area is touched (the panels' pixels are left alone).
TEST_F(BaseMapCacheTest, PresentsIntoTheMapAreaOnly) {
    constexpr int kX = 70, kY = 40, kW = kWidth - 130, kH = kHeight - 90;  // GL orientation: kY rows from the bottom
    const Camera small = Camera::fit(scene_->projection.project_box(find_view("Sahel + Moscow")->lon_lat), kW, kH);
    clear_window_magenta();
    glViewport(0, 0, kW, kH);  // drawn straight at the window's origin, kW x kH
    const MapStyle style;
    glClearColor(style.ocean.r, style.ocean.g, style.ocean.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    renderer_->draw_layers(*scene_, style, small, 1.0f, 1.0);
    const Image direct = read_window();
    BaseMapCache cache;
    clear_window_magenta();
    ASSERT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, small, 0, true, nullptr, kX, kY));
    const Image cached = read_window();
    // Image rows run top down: the area's top row is kHeight - kY - kH.
    const int top = kHeight - kY - kH;
    for (int x = 0; x < kWidth; x += 7) {
        EXPECT_TRUE(is_magenta(cached, x, top - 1)) << x;
        EXPECT_TRUE(is_magenta(cached, x, kHeight - kY)) << x;
    }
    for (int y = 0; y < kHeight; y += 7) {
        EXPECT_TRUE(is_magenta(cached, kX - 1, y)) << y;
        EXPECT_TRUE(is_magenta(cached, kX + kW, y)) << y;
    }
    // Inside the area: the map, the same as drawing it directly at that size.
    Image in_area(kW, kH), drawn(kW, kH);
    for (int y = 0; y < kH; ++y) {
        std::copy_n(cached.row(top + y) + static_cast<size_t>(kX) * 4, static_cast<size_t>(kW) * 4, in_area.row(y));
        std::copy_n(direct.row(kHeight - kH + y), static_cast<size_t>(kW) * 4, drawn.row(y));
    }
    expect_same(in_area, drawn);
}

TEST_F(BaseMapCacheTest, ZoomShowsTheScaledPictureUntilTheViewRests) {
    Camera camera = default_camera();
    BaseMapCache cache;
    clear_window_magenta();
    ASSERT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, camera, 0, true, nullptr));
    Camera zoomed(camera.centre(), camera.metres_per_pixel_x() / 1.25, kWidth, kHeight);
    const Image direct = draw_directly(zoomed);
    clear_window_magenta();
    // Not settled: a scaled copy of the cache, close to the real picture (blurred by linear filtering).
    EXPECT_FALSE(cache.present(*renderer_, *scene_, MapStyle{}, zoomed, 0, false, nullptr));
    const test::ImageDiff preview = test::compare_images(read_window(), direct);
    EXPECT_LE(preview.mean_channel_diff, 3.0);
    EXPECT_LE(preview.fraction_over, 0.03);
    // Settled: redrawn at the new scale.
    clear_window_magenta();
    EXPECT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, zoomed, 0, true, nullptr));
    expect_same(read_window(), direct);
}

// Panning out of the margin scrolls the cache: the shared part is copied and only the uncovered strips are drawn.
// The window then shows what a cache drawn whole for that view shows, in all four directions: the same pixels
// but for a few anti-aliased edge pixels off by at most 2 levels, 12 with multisampling (the moved camera's centre
// differs from the panned one in the last bits).
TEST_F(BaseMapCacheTest, PanBeyondTheMarginScrollsToTheSamePictureAsAFullRedraw) {
    for (const int samples : {0, 4}) {  // the window draws with 4x multisampling
        SCOPED_TRACE("samples " + std::to_string(samples));
        Camera camera = default_camera();
        BaseMapCache cache;
        clear_window_magenta();
        ASSERT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, camera, samples, true, nullptr));
        const int moves[][2] = {{250, -150}, {-400, 170}, {-30, 200}, {300, -260}};  // margins: 213 x 120 px
        int expected_scrolls = 0;
        for (const auto& m : moves) {
            SCOPED_TRACE(std::to_string(m[0]) + "," + std::to_string(m[1]));
            camera.pan_pixels(m[0], m[1]);
            clear_window_magenta();
            EXPECT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, camera, samples, true, nullptr));
            EXPECT_EQ(cache.scrolls(), ++expected_scrolls);
            EXPECT_EQ(cache.full_redraws(), 1);
            const Image scrolled = read_window();
            BaseMapCache fresh;
            clear_window_magenta();
            ASSERT_TRUE(fresh.present(*renderer_, *scene_, MapStyle{}, camera, samples, true, nullptr));
            const test::ImageDiff d = test::compare_images(scrolled, read_window());
            ASSERT_TRUE(d.same_size);
            EXPECT_LE(d.max_channel_diff, samples ? 12 : 2);  // multisampled edges shift with the last bits more
            EXPECT_LE(d.mean_channel_diff, 0.01);
            EXPECT_EQ(d.fraction_over, 0.0);
        }
    }
}

// The spare picture a scroll passes through is made with the cache, in its first (whole) redraw: made at the first
// scroll instead, it cost that pan frame 40-120 ms on llvmpipe (issue 17's pan benchmark: one frame of 130 ms).
TEST_F(BaseMapCacheTest, TheSparePictureIsMadeWithTheCacheNotAtTheFirstScroll) {
    for (const double budget : {0.0, 12.0}) {  // redraws at once (tests) and spread (the window)
        SCOPED_TRACE("budget " + std::to_string(budget));
        Camera camera = default_camera();
        BaseMapCache cache;
        cache.set_frame_budget_ms(budget);
        EXPECT_FALSE(cache.spare_ready());
        ASSERT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, camera, 4, true, nullptr));
        EXPECT_TRUE(cache.spare_ready());
        EXPECT_EQ(cache.scrolls(), 0);
        camera.pan_pixels(250, 0);  // past the margin (213 px): a scroll
        EXPECT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, camera, 4, true, nullptr));
        EXPECT_EQ(cache.scrolls(), 1);
        EXPECT_TRUE(cache.spare_ready());
    }
}

// The cache's drawing buffer gets a depth-stencil buffer only when the scene needs one (scene_needs_stencil): an
// equirect base map does not (51 MB saved at 1920x1080 with 4 samples), and draws the same picture without it; a
// projection that folds fills needs it, and the cache is made again with one.
// The multisampled buffer (and its depth-stencil) is a tile's size, not the picture's (1066x600 here; 2236x1422 in
// a 1920x1080 window, 102 MB with 4 samples): each tile is drawn in its corner and resolved into its place.
TEST_F(BaseMapCacheTest, TilesAreDrawnInATileSizedMultisampledBuffer) {
    const Camera camera = default_camera();
    const Image direct = draw_directly(camera);
    BaseMapCache cache;
    clear_window_magenta();
    ASSERT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, camera, 4, true, nullptr));
    EXPECT_EQ(cache.drawing_buffer_size(), 256);
    EXPECT_TRUE(cache.has_stencil());
    EXPECT_GT(cache.tiles_drawn(), 1);
    const Image cached = read_window();
    // Multisampled against the single-sampled direct draw: edges differ a little, nothing else (a tile resolved
    // to the wrong place would put land over sea).
    const test::ImageDiff d = test::compare_images(cached, direct);
    std::printf("tiles %d, mean %.3f, over 32 %.5f\n", cache.tiles_drawn(), d.mean_channel_diff, d.fraction_over);
    EXPECT_LE(d.mean_channel_diff, 1.0);
    EXPECT_LE(d.fraction_over, 0.005);
    EXPECT_LE(d.worst_tile_fraction_over, 0.2);
}

TEST_F(BaseMapCacheTest, ADepthStencilBufferOnlyForASceneThatNeedsOne) {
    MapScene flat;
    flat.projection = *Projection::from_name("equirect");
    auto base = load_base_layer(DataPaths{test::source_dir()}, *find_base_scale("110m"), flat.projection, nullptr);
    ASSERT_TRUE(base) << base.error().message;
    flat.base.push_back({0.0, std::move(base).value()});
    ASSERT_FALSE(scene_needs_stencil(flat));
    ASSERT_TRUE(scene_needs_stencil(*scene_));
    const Camera flat_camera =
        Camera::fit(flat.projection.project_box(find_view("Sahel + Moscow")->lon_lat), kWidth, kHeight);
    clear_window_magenta();
    glClearColor(MapStyle{}.ocean.r, MapStyle{}.ocean.g, MapStyle{}.ocean.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    renderer_->draw_layers(flat, MapStyle{}, flat_camera, 1.0f, 1.0);
    const Image direct = read_window();
    for (const int samples : {0, 4}) {
        SCOPED_TRACE("samples " + std::to_string(samples));
        BaseMapCache cache;
        clear_window_magenta();
        ASSERT_TRUE(cache.present(*renderer_, flat, MapStyle{}, flat_camera, samples, true, nullptr));
        EXPECT_FALSE(cache.has_stencil());
        if (samples == 0) expect_same(read_window(), direct);
        ASSERT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, default_camera(), samples, true, nullptr));
        EXPECT_TRUE(cache.has_stencil());
        EXPECT_EQ(cache.full_redraws(), 2);
        // Back to a scene without folds: made again without.
        ASSERT_TRUE(cache.present(*renderer_, flat, MapStyle{}, flat_camera, samples, true, nullptr));
        EXPECT_FALSE(cache.has_stencil());
    }
}

// The window draws the presence tints into the cache (TintsDrawn::kWithLayers): the picture then equals the layers
// drawn with their tints, and when a country's tint changes only the tiles under it are drawn again (redraw_area
// with changed_tints_box). A cache not told keeps the old tints: that shows too.
TEST_F(BaseMapCacheTest, TintsInThePictureFollowTheCountriesWhoseTintChanged) {
    const Camera camera = default_camera();
    const MapStyle style;
    EventOverlay events;
    CountryPresence mali;
    mali.country = "MLI";
    mali.parties = {"Russia"};
    events.presence = {mali};
    SceneRef scene = *scene_;
    scene.events = &events;
    const auto direct_with_tints = [&] {
        clear_window_magenta();
        glClearColor(style.ocean.r, style.ocean.g, style.ocean.b, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        renderer_->draw_layers(scene, style, camera, 1.0f, 1.0, nullptr, TintsDrawn::kWithLayers);
        return read_window();
    };
    const Image mali_only = direct_with_tints();
    // Mali is ~1,500 pixels of this view.
    ASSERT_GT(differing_pixels(mali_only, draw_directly(camera)), 500) << "no tint drawn";
    BaseMapCache cache, told_nothing;
    for (BaseMapCache* c : {&cache, &told_nothing}) {
        c->set_tints_drawn(TintsDrawn::kWithLayers);
        clear_window_magenta();
        ASSERT_TRUE(c->present(*renderer_, scene, style, camera, 0, true, nullptr));
        expect_same(read_window(), mali_only);
    }
    const int tiles = cache.tiles_drawn();
    const std::vector<PresenceTint> drawn = presence_tints(scene, style);

    CountryPresence niger = mali;
    niger.country = "NER";
    events.presence.push_back(niger);
    const Image both = direct_with_tints();
    ASSERT_GT(differing_pixels(both, mali_only), 500) << "Niger's tint does not show";
    cache.redraw_area(changed_tints_box(scene, drawn, presence_tints(scene, style)));
    clear_window_magenta();
    ASSERT_TRUE(cache.present(*renderer_, scene, style, camera, 0, true, nullptr));
    expect_same(read_window(), both);
    EXPECT_EQ(cache.full_redraws(), 1);
    std::printf("tiles: whole picture %d, Niger's %d\n", tiles, cache.tiles_drawn() - tiles);
    EXPECT_GT(cache.tiles_drawn(), tiles);
    EXPECT_LT(cache.tiles_drawn() - tiles, tiles / 2);  // Niger's tiles, not the picture's

    clear_window_magenta();
    told_nothing.present(*renderer_, scene, style, camera, 0, true, nullptr);
    EXPECT_GT(differing_pixels(read_window(), both), 500);
}

// A move of more than the cache's size has nothing to copy: the cache is drawn whole.
TEST_F(BaseMapCacheTest, AJumpFartherThanTheCacheRedrawsItWhole) {
    Camera camera = default_camera();
    BaseMapCache cache;
    ASSERT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, camera, 0, true, nullptr));
    camera.pan_pixels(2000, 0);
    EXPECT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, camera, 0, true, nullptr));
    EXPECT_EQ(cache.scrolls(), 0);
    EXPECT_EQ(cache.full_redraws(), 2);
}


// With a frame budget (the window's), a redraw is spread over calls, a tile or more each: meanwhile the old
// picture, scaled to the new view, stays up (never magenta, never half sea where the map was), and once every tile
// is drawn the picture is the one a redraw at once gives, pixel for pixel (the tiles share the whole cache's
// transform and only cull to themselves).
TEST_F(BaseMapCacheTest, ASpreadRedrawKeepsTheOldPictureUpAndEndsOnTheWholePicture) {
    for (const int samples : {0, 4}) {
        SCOPED_TRACE("samples " + std::to_string(samples));
        Camera camera = default_camera();
        BaseMapCache cache;
        cache.set_frame_budget_ms(1e-6);  // one tile per call
        clear_window_magenta();
        ASSERT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, camera, samples, true, nullptr));
        int first_calls = 1;  // the first picture has nothing to keep up: drawn over calls on the sea
        while (cache.drawing() && first_calls < 1000) {
            cache.present(*renderer_, *scene_, MapStyle{}, camera, samples, true, nullptr);
            ++first_calls;
        }
        EXPECT_GT(first_calls, 4);  // 640x360 plus margins in 256-pixel tiles: 4 x 3
        EXPECT_FALSE(cache.drawing());

        const Camera zoomed(camera.centre(), camera.metres_per_pixel_x() / 1.25, kWidth, kHeight);
        const Image direct = draw_directly(zoomed);
        clear_window_magenta();
        EXPECT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, zoomed, samples, true, nullptr));
        EXPECT_TRUE(cache.drawing());
        // After one tile: the scaled old picture around it, close to the real one, as the zoom preview is.
        const test::ImageDiff partial = test::compare_images(read_window(), direct);
        EXPECT_LE(partial.mean_channel_diff, 3.0);
        EXPECT_LE(partial.fraction_over, 0.03);
        int calls = 1;
        while (cache.drawing() && calls < 1000) {
            clear_window_magenta();
            EXPECT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, zoomed, samples, true, nullptr));
            ++calls;
        }
        EXPECT_EQ(calls, first_calls);
        const Image spread = read_window();
        BaseMapCache whole;  // no budget: drawn at once
        clear_window_magenta();
        ASSERT_TRUE(whole.present(*renderer_, *scene_, MapStyle{}, zoomed, samples, true, nullptr));
        EXPECT_FALSE(whole.drawing());
        const test::ImageDiff d = test::compare_images(spread, read_window());
        ASSERT_TRUE(d.same_size);
        EXPECT_EQ(d.max_channel_diff, 0);
    }
}

// Spread, a redraw after a pan (a layer arriving while the view moves) keeps the old picture up moved by the pan,
// not scaled: a copy clipped to the picture (a memory copy on Mesa, not a shader). What shows after the first tile
// is what the old picture copied to the new view shows (a wrong sign or offset would differ widely).
TEST_F(BaseMapCacheTest, ASpreadRedrawAfterAPanKeepsTheOldPictureMovedByThePan) {
    for (const int samples : {0, 4}) {
        SCOPED_TRACE("samples " + std::to_string(samples));
        const auto whole_picture = [&](BaseMapCache& cache, const Camera& camera) {
            cache.set_frame_budget_ms(1e-6);  // one tile per call
            ASSERT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, camera, samples, true, nullptr));
            while (cache.drawing()) cache.present(*renderer_, *scene_, MapStyle{}, camera, samples, true, nullptr);
        };
        Camera camera = default_camera();
        BaseMapCache copied, redrawn;
        whole_picture(copied, camera);
        whole_picture(redrawn, camera);
        camera.pan_pixels(-37, 23);  // within the margins: `copied` shows its old picture shifted
        clear_window_magenta();
        copied.present(*renderer_, *scene_, MapStyle{}, camera, samples, true, nullptr);
        EXPECT_EQ(copied.full_redraws(), 1);
        const Image shifted = read_window();
        redrawn.invalidate();
        clear_window_magenta();
        EXPECT_TRUE(redrawn.present(*renderer_, *scene_, MapStyle{}, camera, samples, true, nullptr));
        EXPECT_TRUE(redrawn.drawing());  // one tile drawn; the rest is the old picture, moved
        EXPECT_EQ(redrawn.full_redraws(), 2);
        expect_same(read_window(), shifted);
        while (redrawn.drawing()) redrawn.present(*renderer_, *scene_, MapStyle{}, camera, samples, true, nullptr);
        clear_window_magenta();
        redrawn.present(*renderer_, *scene_, MapStyle{}, camera, samples, true, nullptr);
        expect_same(read_window(), draw_directly(camera));
    }
}

// Spread, a pan scrolls the cache halfway to its edge, before the view gets there: the strips are drawn while
// still off screen, and the view never shows what was not drawn yet. After the pan the picture equals a fresh one.
TEST_F(BaseMapCacheTest, ASpreadPanScrollsAheadOfTheView) {
    Camera camera = default_camera();
    BaseMapCache cache;
    cache.set_frame_budget_ms(1e-6);
    ASSERT_TRUE(cache.present(*renderer_, *scene_, MapStyle{}, camera, 0, true, nullptr));
    while (cache.drawing()) cache.present(*renderer_, *scene_, MapStyle{}, camera, 0, true, nullptr);
    // 16 px a frame to the right (margins 213 px): a scroll once past 106 px, long before the edge.
    for (int frame = 0; frame < 30; ++frame) {
        camera.pan_pixels(-16, 0);
        clear_window_magenta();
        cache.present(*renderer_, *scene_, MapStyle{}, camera, 0, true, nullptr);
        const Image shown = read_window();
        const Image direct = draw_directly(camera);
        const test::ImageDiff d = test::compare_images(shown, direct);
        EXPECT_LE(d.mean_channel_diff, kSamePicture.max_mean) << "frame " << frame;
        EXPECT_LE(d.fraction_over, kSamePicture.max_fraction_over) << "frame " << frame;
    }
    EXPECT_GE(cache.scrolls(), 3);
    EXPECT_EQ(cache.full_redraws(), 1);
}

// What layers_work counts is what draw_layers draws (its DrawStats), for the whole view and for a small box.
TEST_F(BaseMapCacheTest, LayersWorkCountsWhatDrawLayersDraws) {
    const Camera camera = default_camera();
    const MapStyle style;
    for (const BBox& cull : {camera.visible(), camera.sub_view(300, 100, 64, 64).visible()}) {
        clear_window_magenta();
        const DrawStats drawn = renderer_->draw_layers(*scene_, style, camera, 1.0f, 1.0, &cull);
        EXPECT_GT(drawn.triangles + drawn.segments, 0u);
        EXPECT_EQ(layers_work(*scene_, style, camera, 1.0, cull), drawn.triangles + drawn.segments);
    }
}

// A tile holding more than the work limit is cut in quarters before it is drawn (down to 32-63 pixels, and only
// where that makes its busiest part lighter without tripling the work), so the busiest call draws less than the
// busiest whole tile; the finished picture is still the one a redraw at once gives, pixel for pixel.
TEST_F(BaseMapCacheTest, ABusyTileIsCutInQuartersBeforeItIsDrawn) {
    // The 1:10m countries as a user layer over the default view (no graticule, whose meridians cross every tile):
    // many features and pieces smaller than a tile, so a quarter of a busy tile meets fewer of them.
    auto layers = load_overlay_layers(DataPaths{test::source_dir()}.base_map("10m").string(), scene_->projection,
                                      nullptr, nullptr, LoadControl{});
    ASSERT_TRUE(layers) << layers.error().message;
    SceneRef scene = *scene_;
    scene.overlays.push_back(&layers->front());
    const Camera camera = default_camera();
    MapStyle style;
    style.show_graticule = false;
    auto spread_redraw = [&](std::size_t limit, std::size_t* busiest) {
        BaseMapCache cache;
        cache.set_frame_budget_ms(1e-6);  // one tile per call
        cache.set_tile_work_limit(limit);
        *busiest = 0;
        clear_window_magenta();
        do {
            DrawStats stats;
            cache.present(*renderer_, scene, style, camera, 0, true, &stats);
            *busiest = std::max(*busiest, stats.triangles + stats.segments);
        } while (cache.drawing());
        return std::make_pair(cache.tiles_drawn(), read_window());
    };
    std::size_t busiest_whole = 0, busiest_cut = 0;
    const auto [tiles_whole, picture_whole] = spread_redraw(100000000, &busiest_whole);
    const auto [tiles_cut, picture_cut] = spread_redraw(busiest_whole / 3, &busiest_cut);
    std::printf("tiles %d -> %d, busiest tile %zu -> %zu primitives\n", tiles_whole, tiles_cut, busiest_whole, busiest_cut);
    EXPECT_GT(tiles_cut, tiles_whole);
    EXPECT_LT(busiest_cut, busiest_whole * 3 / 4);
    const test::ImageDiff d = test::compare_images(picture_cut, picture_whole);
    ASSERT_TRUE(d.same_size);
    // Each tile is drawn in the corner of a tile-sized buffer, its viewport moved by the tile's place: llvmpipe snaps
    // a vertex to its 1/256-pixel grid after adding that offset in floats, so an edge's coverage may differ by that
    // much between tiles of other places (measured: 2/255 at most, in 96 of 230,400 pixels; a missing 32-pixel
    // quarter would be 1,024).
    const int differing = differing_pixels(picture_cut, picture_whole);
    std::printf("%d pixels differ, by %d at most\n", differing, d.max_channel_diff);
    EXPECT_LE(d.max_channel_diff, 2);
    EXPECT_LE(differing, kWidth * kHeight / 1000);
}

}  // namespace
}  // namespace em
