#include "app/render_command.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "app/data_paths.hpp"
#include "app/scene_builder.hpp"
#include "app/views.hpp"
#include "events/places.hpp"
#include "export/png_writer.hpp"
#include "gl/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"

namespace em {

namespace {

using Clock = std::chrono::steady_clock;

// Collects named phase durations for --timings.
class PhaseTimer {
public:
    void mark(const char* phase) {
        const auto now = Clock::now();
        phases_.push_back({phase, std::chrono::duration<double, std::milli>(now - last_).count()});
        last_ = now;
    }
    void print() const {
        double total = 0;
        for (const auto& [name, ms] : phases_) total += ms;
        std::fprintf(stderr, "timings (ms):");
        for (const auto& [name, ms] : phases_) std::fprintf(stderr, " %s %.1f", name, ms);
        std::fprintf(stderr, " | total %.1f\n", total);
    }

private:
    Clock::time_point last_ = Clock::now();
    std::vector<std::pair<const char*, double>> phases_;
};

int fail(const std::string& message) {
    std::cerr << "eventmap render: " << message << "\n";
    return 1;
}

}  // namespace

int run_render_command(const RenderOptions& o, const std::filesystem::path& executable) {
    PhaseTimer timer;
    auto paths = find_data_paths(executable);
    if (!paths) return fail(paths.error().message);
    const Projection projection = *Projection::from_name(o.projection);

    // Frame: the requested box (or preset) in projected metres.
    const BBox lon_lat = o.bbox ? *o.bbox : find_view(o.view)->lon_lat;
    const BBox projected = projection.project_box(lon_lat);
    if (projected.empty() || projected.width() <= 0 || projected.height() <= 0)
        return fail("--bbox: the box cannot be shown in projection " + projection.name());
    int width = o.width, height = o.height;
    if (o.bbox && !o.size_given) height = std::max(1, static_cast<int>(std::lround(width * projected.height() /
                                                                                     projected.width())));
    const bool exact = o.bbox && projection.kind() == ProjectionKind::kEquirectangular;
    const Camera camera = exact ? Camera::exact(projected, width, height) : Camera::fit(projected, width, height);

    auto context = gl::HeadlessContext::create();
    if (!context) return fail(context.error().message);
    timer.mark("context");

    LayerCache cache(o.use_cache ? LayerCache::default_dir() : std::filesystem::path());
    MapScene scene;
    scene.projection = projection;
    const std::string scale = base_scale_for(camera.metres_per_pixel_x() / o.pixel_scale);
    bool from_cache = false;
    auto base = load_base_layer(paths.value(), scale, projection, &cache, &from_cache);
    if (!base) return fail(base.error().message);
    scene.base.push_back({0.0, std::move(base).value()});
    std::vector<std::string> warnings;
    for (const auto& path : o.layers) {
        auto layers = load_overlay_layers(path, projection, &cache, &warnings);
        if (!layers) return fail(layers.error().message);
        for (auto& l : layers.value()) scene.overlays.push_back(std::move(l));
    }
    for (const auto& w : warnings) std::cerr << "eventmap render: warning: " << w << "\n";
    auto places = load_places(paths->places().string());
    if (!places) return fail(places.error().message);
    for (const auto& p : places->problems) std::cerr << "eventmap render: warning: " << p << "\n";
    scene.set_capitals(places.value());
    scene.graticule.data = make_graticule();
    scene.graticule.reproject(projection);
    timer.mark(from_cache ? "load(cached)" : "load+prepare");

    auto renderer = MapRenderer::create(paths->font().string());
    if (!renderer) return fail(renderer.error().message);
    auto target = OffscreenTarget::create(width, height, o.samples);
    if (!target) return fail(target.error().message);
    timer.mark("setup");

    MapStyle style;
    style.show_country_labels = o.labels;
    style.show_capitals = true;
    style.show_graticule = o.graticule;
    target->bind();
    renderer->draw(scene, style, camera, o.pixel_scale);
    glFinish();
    timer.mark("draw");
    Image image = target->read();
    timer.mark("readback");
    if (auto written = write_png(image, o.output); !written) return fail(written.error().message);
    timer.mark("encode");
    if (o.timings) timer.print();
    return 0;
}

}  // namespace em
