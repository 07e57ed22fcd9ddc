#include "app/headless_map.hpp"

#include <cmath>
#include <cstdio>

#include "app/scene_builder.hpp"
#include "app/views.hpp"
#include "events/places.hpp"
#include "app/picture.hpp"
#include "render/decorations.hpp"
#include "render/offscreen_target.hpp"

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
    return out + buf;
}

Result<std::unique_ptr<HeadlessMap>> HeadlessMap::create(const DataPaths& paths, bool use_cache, PhaseTimer* timer) {
    auto context = gl::HeadlessContext::create();
    if (!context) return context.error();
    if (timer) timer->mark("context");
    std::unique_ptr<HeadlessMap> map(new HeadlessMap());
    map->paths_ = paths;
    map->context_ = std::move(context).value();
    map->cache_ = LayerCache(use_cache ? LayerCache::default_dir() : std::filesystem::path());
    auto renderer = MapRenderer::create(paths.font().string());
    if (!renderer) return renderer.error();
    map->renderer_ = std::move(renderer).value();
    map->scene_.graticule.data = make_graticule();
    if (timer) timer->mark("shaders+font");
    return map;
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

Status HeadlessMap::prepare_events(const RenderOptions& o, const Projection& projection) {
    scene_.events.reset();
    if (!o.date && o.events.empty()) return Ok{};
    std::vector<std::string> files = o.events;
    if (files.empty()) files.push_back(paths_.events().string());
    std::string key = o.places;
    for (const auto& f : files) key += "|" + f;
    auto it = events_by_key_.find(key);
    if (it == events_by_key_.end()) {
        PlaceTable custom;
        const PlaceTable* places = &places_;
        if (!o.places.empty()) {
            auto loaded = load_places(o.places);
            if (!loaded) return loaded.error();
            for (const auto& p : loaded->problems) warnings_.push_back(p);
            custom = std::move(loaded).value();
            places = &custom;
        }
        EventSet all;
        for (const auto& f : files) {
            auto set = load_events(f, *places);
            if (!set) return set.error();
            merge_events(all, std::move(set).value());
        }
        for (const auto& p : all.problems) warnings_.push_back(p.text());
        it = events_by_key_.emplace(key, std::move(all)).first;
    }
    const EventSet& set = it->second;
    TimeWindow window;
    if (o.date) {
        window.mode = WindowMode::kTrailing;
        window.at = *Date::parse(*o.date);
        window.days = o.window_days;
    } else {
        window.mode = WindowMode::kCumulative;
        window.at = Date{0};
        for (const auto& e : set.events) window.at = std::max(window.at, e.last_day());
    }
    const PresenceIndex presence(derive_presence(set.events));
    scene_.events = build_event_overlay(set.events, presence, window, EventFilter{}, projection);
    return Ok{};
}

Decorations HeadlessMap::decorations_for(const RenderOptions& o) {
    Decorations d;
    d.title = o.title;
    d.subtitle = o.subtitle;
    if (scene_.events) d.when = window_caption(scene_.events->window);
    d.legend = o.legend.value_or(scene_.events.has_value());
    d.legend_entries = legend_for(scene_);
    d.scale_bar = o.scale_bar;
    if (o.attribution) {
        d.attribution = "Base map: Natural Earth (public domain)";
        if (scene_.events) d.attribution += ". Events: eventmap dataset, each event with its source (data/README.md)";
        if (!o.events.empty()) d.attribution += " and " + std::to_string(o.events.size()) + " file(s) given";
        for (const auto& path : o.layers) d.attribution += ". Layer: " + std::filesystem::path(path).filename().string();
        d.attribution += ". Projection: " + scene_.projection.label();
    }
    if (o.inset) {
        auto coarse = base_by_scale_.find("110m");
        if (coarse == base_by_scale_.end()) {
            if (auto layer = load_base_layer(paths_, *find_base_scale("110m"), scene_.projection, &cache_))
                coarse = base_by_scale_.emplace("110m", std::move(layer).value()).first;
        }
        if (coarse != base_by_scale_.end()) {
            coarse->second.ensure_projection(scene_.projection);
            if (coarse->second.highlight.empty()) scene_.mark_focus(coarse->second);
            d.inset = true;
            d.inset_layer = &coarse->second;
        }
    }
    return d;
}

Result<Image> HeadlessMap::draw_picture(const Camera& camera, const RenderOptions& o, const Decorations& deco,
                                        PhaseTimer* timer) {
    MapStyle style;
    style.show_country_labels = o.labels;
    style.show_capital_labels = o.labels;
    style.show_graticule = o.graticule;
    PictureRequest request{camera, o.pixel_scale, o.samples, o.max_tile};
    auto image = em::draw_picture(*renderer_, scene_, style, request, deco);
    if (timer) timer->mark("draw+readback");
    return image;
}

Result<Image> HeadlessMap::render(const RenderOptions& o, PhaseTimer* timer) {
    auto camera = camera_for(o);
    if (!camera) return camera.error();
    const Projection projection = *Projection::from_name(o.projection);
    const bool reproject = !scene_.graticule.projected_with ||
                           scene_.graticule.projected_with->proj_string() != projection.proj_string();
    scene_.projection = projection;

    // Base map: the scale this resolution needs, loaded once and kept.
    const BaseScale& scale =
        o.base.empty() ? base_scale_for(camera->metres_per_pixel_x() / o.pixel_scale) : *find_base_scale(o.base);
    auto it = base_by_scale_.find(scale.name);
    if (it == base_by_scale_.end()) {
        auto layer = load_base_layer(paths_, scale, projection, &cache_);
        if (!layer) return layer.error();
        it = base_by_scale_.emplace(scale.name, std::move(layer).value()).first;
    }
    it->second.ensure_projection(projection);
    scene_.base.clear();
    // The scene owns its layers; lend the cached one for this draw and take it back afterwards.
    scene_.base.push_back({0.0, std::move(it->second)});

    scene_.overlays.clear();
    for (const auto& path : o.layers) {
        auto found = overlays_by_path_.find(path);
        if (found == overlays_by_path_.end()) {
            auto layers = load_overlay_layers(path, projection, &cache_, &warnings_);
            if (!layers) {
                it->second = std::move(scene_.base.front().layer);
                scene_.base.clear();
                return layers.error();
            }
            found = overlays_by_path_.emplace(path, std::move(layers).value()).first;
        }
        for (auto& l : found->second) {
            l.ensure_projection(projection);
            scene_.overlays.push_back(std::move(l));
        }
    }
    if (!capitals_loaded_) {
        auto places = load_places(paths_.places().string());
        if (!places) return places.error();
        for (const auto& p : places->problems) warnings_.push_back(p);
        scene_.set_capitals(places.value());
        places_ = std::move(places).value();
        capitals_loaded_ = true;
    }
    if (auto ok = prepare_events(o, projection); !ok) {
        it->second = std::move(scene_.base.front().layer);
        scene_.base.clear();
        scene_.overlays.clear();
        return ok.error();
    }
    if (reproject) {
        scene_.graticule.reproject(projection);
        for (auto& c : scene_.capitals) c.projected = projection.forward(c.position);
    }
    if (timer) timer->mark("load");

    Decorations deco = decorations_for(o);
    Result<Image> result = draw_picture(camera.value(), o, deco, timer);
    // Give the layers back to the caches.
    it->second = std::move(scene_.base.front().layer);
    scene_.base.clear();
    size_t k = 0;
    for (const auto& path : o.layers)
        for (auto& l : overlays_by_path_[path]) l = std::move(scene_.overlays[k++]);
    scene_.overlays.clear();
    return result;
}

}  // namespace em
