#include "app/headless_map.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "geo/source_policy.hpp"
#include "app/export_decorations.hpp"
#include "app/cli/render_document.hpp"
#include "app/overlay_layers.hpp"
#include "app/scene_builder.hpp"
#include "render/clip_motion.hpp"
#include "app/views.hpp"
#include "events/places.hpp"
#include "app/picture.hpp"
#include "render/decorations.hpp"
#include "render/offscreen_target.hpp"
#include "vector/draw_list_builder.hpp"

namespace em {

void PhaseTimer::mark(const char* phase) {
    const auto now = std::chrono::steady_clock::now();
    phases_.push_back({phase, std::chrono::duration<double, std::milli>(now - last_).count()});
    last_ = now;
}

std::string PhaseTimer::summary() const {
    double total = 0;
    std::string out;
    char buf[64];
    for (const auto& [name, ms] : phases_) {
        std::snprintf(buf, sizeof buf, "%s %.1f ", name, ms);
        out += buf;
        total += ms;
    }
    std::snprintf(buf, sizeof buf, "| total %.1f", total);
    out += buf;
    for (const auto& [name, ms] : parallel_) {
        std::snprintf(buf, sizeof buf, " | %s %.1f (on another thread)", name, ms);
        out += buf;
    }
    return out;
}

Result<std::unique_ptr<HeadlessMap>> HeadlessMap::create(const DataPaths& paths, bool use_cache, PhaseTimer* timer) {
    (void)timer;  // the GL side's phases are recorded when the first picture takes it over (ensure_gl)
    std::unique_ptr<HeadlessMap> map(new HeadlessMap());
    map->paths_ = paths;
    map->cache_ = LayerCache(use_cache ? LayerCache::default_dir() : std::filesystem::path());
    map->scene_.graticule.data = make_graticule();
    // Glyphs live beside the prepared layers, and --no-cache leaves both alone.
    map->gl_pending_ = std::async(std::launch::async, [font = paths.font().string(),
                                                       glyphs = use_cache ? LayerCache::default_dir()
                                                                          : std::filesystem::path()]() -> Result<GlParts> {
        using clock = std::chrono::steady_clock;
        const auto start = clock::now();
        GlParts parts;
        auto context = gl::HeadlessContext::create();
        if (!context) return context.error();
        parts.context = std::move(context).value();
        const auto made = clock::now();
        auto renderer = MapRenderer::create(font, glyphs);
        if (!renderer) return renderer.error();
        parts.renderer = std::move(renderer).value();
        parts.context_ms = std::chrono::duration<double, std::milli>(made - start).count();
        parts.shaders_ms = std::chrono::duration<double, std::milli>(clock::now() - made).count();
        parts.context->release();  // the thread that draws makes it current
        return parts;
    });
    return map;
}

HeadlessMap::~HeadlessMap() {
    // Never taken over: take it now, so that the renderer's GL objects are deleted with their context current.
    if (!gl_pending_.valid()) return;
    auto parts = gl_pending_.get();
    if (!parts) return;
    parts->context->make_current();
    parts->renderer.reset();
}

Status HeadlessMap::ensure_gl(PhaseTimer* timer) {
    if (!gl_pending_.valid()) return renderer_ ? Status(Ok{}) : Status(Error{"no GL context"});
    auto parts = gl_pending_.get();
    if (!parts) return parts.error();
    if (!parts->context->make_current()) return Error{"cannot make the EGL context current on the drawing thread"};
    context_ = std::move(parts->context);
    renderer_ = std::move(parts->renderer);
    if (timer) {
        timer->mark("wait for GL");
        timer->add_parallel("context", parts->context_ms);
        timer->add_parallel("shaders+font", parts->shaders_ms);
    }
    return Ok{};
}

Result<Camera> HeadlessMap::camera_for(const RenderOptions& o) {
    const auto projection = Projection::from_name(o.projection);
    if (!projection) return Error{"--projection: unknown projection '" + o.projection + "'"};
    const auto view = find_view(o.view);
    if (!o.bbox && !view) return Error{"--view: unknown view '" + o.view + "'"};
    const BBox lon_lat = o.bbox ? *o.bbox : view->lon_lat;
    const BBox projected = projection->project_box(lon_lat);
    if (projected.empty() || projected.width() <= 0 || projected.height() <= 0)
        return Error{"--bbox: the box cannot be shown in projection " + projection->name()};
    int width = o.width, height = o.height;
    if (o.bbox && !o.size_given)
        height = std::max(1, static_cast<int>(std::lround(width * projected.height() / projected.width())));
    const bool exact = o.bbox && projection->kind() == ProjectionKind::kEquirectangular;
    return exact ? Camera::exact(projected, width, height) : Camera::fit(projected, width, height);
}

Result<Image> HeadlessMap::render(const RenderOptions& o, PhaseTimer* timer) {
    auto doc = document_for(o);
    if (!doc) return doc.error();
    return render(doc.value(), timer, o.max_tile);
}

Status HeadlessMap::prepare_events(const Project& doc) {
    scene_.events.reset();
    if (!doc.events.show) return Ok{};
    std::vector<std::string> files;
    for (const auto& f : doc.events.files) files.push_back(f.string());
    if (files.empty()) files.push_back(paths_.events().string());
    const std::string places = doc.events.places.empty() ? paths_.places().string() : doc.events.places.string();
    std::string key = places;
    for (const auto& f : files) key += "|" + f;
    auto it = events_by_key_.find(key);
    if (it == events_by_key_.end()) {
        EventState loaded;
        if (auto ok = load_event_state(loaded, places, files, std::nullopt, 30); !ok) return ok.error();
        // A file that cannot be read at all is an error for a picture (the window logs it and goes on).
        for (const auto& p : loaded.set.problems) {
            if (p.line == 0 && p.severity == EventProblem::Severity::kError && !is_refused_source(p.message))
                return Error{p.text()};
            warnings_.push_back(p.text());
        }
        it = events_by_key_.emplace(key, std::move(loaded)).first;
    }
    EventState& state = it->second;
    const Date last_day = data_range(state.set.events).second;
    state.timeline.window = time_window(doc.time, last_day);
    state.filter = doc.filters.to_event_filter();
    state.overlay_stale = true;
    state.mark_colors = map_style(doc.map.theme).events;
    refresh_event_state(state, scene_);
    if (doc.time.motion_days > 0 && scene_.events) {
        // A clip's frame: the moment between two days, with things coming and going (render/clip_motion).
        const double now = state.timeline.window.last().days + doc.time.day_fraction;
        apply_clip_motion(*scene_.events, ClipMotion{now, doc.time.motion_days, doc.time.clip_start, doc.time.clip_end}, state.presence_index,
                          scene_.projection);
    }
    return Ok{};
}

SceneLayer* HeadlessMap::inset_layer() {
    auto coarse = base_by_scale_.find("110m");
    if (coarse == base_by_scale_.end()) {
        auto layer = load_base_layer(paths_, *find_base_scale("110m"), scene_.projection, &cache_);
        if (!layer) return nullptr;
        coarse = base_by_scale_.emplace("110m", std::move(layer).value()).first;
    }
    coarse->second.ensure_projection(scene_.projection);
    return &coarse->second;
}

Result<Image> HeadlessMap::render(const Project& doc, PhaseTimer* timer, int max_tile) {
    Result<Image> image = Error{"nothing drawn"};
    auto drawn = with_scene(doc, timer, [&](const SceneRef& scene, const Camera& camera, const MapStyle& style,
                                            const Decorations& deco) {
        const PictureRequest request{camera, doc.output.pixel_scale, doc.output.samples, max_tile};
        image = em::draw_picture(*renderer_, scene, style, request, deco);
        if (timer) timer->mark("draw+readback");
    });
    if (!drawn) return drawn.error();
    return image;
}

Result<Image> HeadlessMap::render_frame(const Project& doc, PhaseTimer* timer, int max_tile) {
    Result<Image> image = Error{"nothing drawn"};
    auto drawn = with_scene(doc, timer, [&](const SceneRef& scene, const Camera& camera, const MapStyle& style,
                                            const Decorations& deco) {
        if (!canvas_) canvas_ = std::make_unique<FrameCanvas>();
        const PictureRequest request{camera, doc.output.pixel_scale, doc.output.samples, max_tile};
        image = canvas_->draw(*renderer_, scene, style, request, deco);
        if (timer) timer->mark("draw+readback");
    });
    if (!drawn) return drawn.error();
    return image;
}

Result<DrawList> HeadlessMap::draw_list(const Project& doc, PhaseTimer* timer) {
    DrawList list;
    auto drawn = with_scene(doc, timer, [&](const SceneRef& scene, const Camera& camera, const MapStyle& style,
                                            const Decorations& deco) {
        list = build_draw_list(scene, style, camera, doc.output.pixel_scale, deco, renderer_->font());
        if (timer) timer->mark("draw list");
    });
    if (!drawn) return drawn.error();
    return list;
}

Status HeadlessMap::with_scene(const Project& doc, PhaseTimer* timer,
                               const std::function<void(const SceneRef&, const Camera&, const MapStyle&,
                                                        const Decorations&)>& draw) {
    auto camera = document_camera(doc);
    if (!camera) return camera.error();
    const auto named = Projection::from_name(doc.view.projection);
    if (!named) return Error{"unknown projection '" + doc.view.projection + "'"};
    const Projection projection = *named;
    const bool reproject = !scene_.graticule.projected_with ||
                           scene_.graticule.projected_with->proj_string() != projection.proj_string();
    scene_.projection = projection;

    // Base map: the level for the picture's own pixel size (as the window's Export picks it among its levels;
    // dividing by the pixel scale as well, as before, counted a 2x export's smaller pixels twice), loaded once.
    const BaseScale* scale = doc.map.base.empty() ? &base_scale_for(camera->metres_per_pixel_x())
                                                  : find_base_scale(doc.map.base);
    if (!scale) return Error{"unknown base level '" + doc.map.base + "'"};
    auto it = base_by_scale_.find(scale->name);
    if (it == base_by_scale_.end()) {
        auto layer = load_base_layer(paths_, *scale, projection, &cache_);
        if (!layer) return layer.error();
        it = base_by_scale_.emplace(scale->name, std::move(layer).value()).first;
    }
    it->second.ensure_projection(projection);

    // User layers: each file loaded once and kept; the document picks a layer by name and gives its style.
    std::vector<SceneLayer*> overlays;
    for (const auto& wanted : doc.layers) {
        const std::string path = wanted.path.string();
        auto found = overlays_by_path_.find(path);
        if (found == overlays_by_path_.end()) {
            std::optional<Result<std::vector<SceneLayer>>> for_picture;
            if (one_picture_) {
                if (const auto view = picture_view(camera->visible(), camera->metres_per_pixel_x(), projection))
                    for_picture = load_overlay_for_picture(path, projection, *view, &cache_, &warnings_);
            }
            auto layers = for_picture ? std::move(*for_picture) : load_overlay_layers(path, projection, &cache_, &warnings_);
            if (!layers && is_refused_source(layers.error().message)) {
                // Not opened by the source policy: say so on one line and draw the rest of the map.
                warnings_.push_back(layers.error().message);
                continue;
            }
            if (!layers) return layers.error();
            found = overlays_by_path_.emplace(path, std::move(layers).value()).first;
        }
        bool any = false;
        for (auto& l : found->second) {
            if (!wanted.layer.empty() && l.data.name != wanted.layer) continue;
            any = true;
            if (std::find(overlays.begin(), overlays.end(), &l) != overlays.end()) continue;  // named twice
            l.ensure_projection(projection);
            if (wanted.styled) l.style = wanted.style;
            if (!wanted.title.empty()) l.title = wanted.title;
            l.refresh_classes();
            overlays.push_back(&l);
        }
        if (!any) return Error{path + ": no layer named '" + wanted.layer + "'"};
    }
    if (!capitals_loaded_) {
        auto places = load_places(paths_.places().string());
        if (!places) return places.error();
        for (const auto& p : places->problems) warnings_.push_back(p);
        scene_.set_capitals(places.value());
        capitals_loaded_ = true;
    }
    if (auto ok = prepare_events(doc); !ok) return ok.error();
    if (reproject) {
        scene_.graticule.reproject(projection);
        for (auto& c : scene_.capitals) c.projected = projection.forward(c.position);
    }
    if (timer) timer->mark("load");

    if (auto ok = ensure_gl(timer); !ok) return ok.error();
    SceneLayer* inset = doc.decorations.inset ? inset_layer() : nullptr;
    SceneLayer& base = it->second;
    if (base.highlight.size() != base.data.values.size()) scene_.mark_focus(base);
    // What this picture draws: the kept layers where they lie (the renderer only reads them).
    SceneRef drawn(scene_);
    drawn.base = {{0.0, &base}};
    drawn.overlays.assign(overlays.begin(), overlays.end());
    const Decorations deco = make_decorations(doc, drawn, inset);
    MapStyle style = map_style(doc.map.theme);
    style.show_country_labels = doc.map.labels;
    style.show_capital_labels = doc.map.labels;
    style.show_graticule = doc.map.graticule;
    draw(drawn, camera.value(), style, deco);
    renderer_->font().save_glyphs();  // the glyphs this picture made serve the next run (render/glyph_cache)
    // Keep the GPU copies of every layer this map keeps (a frame sequence draws them again); free the rest.
    SceneRef kept(scene_);
    for (auto& [name, layer] : base_by_scale_) kept.base.push_back({0.0, &layer});
    for (auto& [path, layers] : overlays_by_path_)
        for (auto& layer : layers) kept.overlays.push_back(&layer);
    renderer_->sweep(kept);
    return Ok{};
}

}  // namespace em
