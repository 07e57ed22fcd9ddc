#include "app/scene_builder.hpp"

#include <filesystem>

namespace em {

const std::vector<BaseScale>& base_scales() {
    // Natural Earth's own guidance: 1:110m for world views, 1:50m for continents; 1:10m below that, simplified
    // to about half a pixel so that a 4K export does not push 500k sub-pixel triangles through the rasteriser.
    // 0.008 deg is about 900 m, half a pixel at 1800 m/px; 0.002 deg about 220 m, half a pixel at 450 m/px.
    static const std::vector<BaseScale> scales = {{"110m", "110m", 0.0, 12000.0},
                                                  {"50m", "50m", 0.0, 3500.0},
                                                  {"10m-900m", "10m", 0.008, 1800.0},
                                                  {"10m-220m", "10m", 0.002, 450.0},
                                                  {"10m", "10m", 0.0, 0.0}};
    return scales;
}

const BaseScale& base_scale_for(double mpp) {
    for (const auto& s : base_scales())
        if (mpp >= s.min_metres_per_pixel) return s;
    return base_scales().back();
}

const BaseScale* find_base_scale(const std::string& name) {
    for (const auto& s : base_scales())
        if (s.name == name) return &s;
    return nullptr;
}

Result<SceneLayer> load_base_layer(const DataPaths& paths, const BaseScale& scale, const Projection& projection,
                                   const LayerCache* cache, bool* from_cache) {
    const std::string path = paths.base_map(scale.dataset).string();
    PrepareOptions options;
    options.simplify_degrees = scale.simplify_degrees;
    auto layers = load_prepared_source(path, options, cache, from_cache);
    if (!layers) return layers.error();
    if (layers->empty()) return Error{path + ": no layers"};
    SceneLayer layer;
    layer.title = "Countries (Natural Earth 1:" + scale.dataset + ")";
    if (scale.simplify_degrees > 0) layer.title += " simplified " + std::to_string(scale.simplify_degrees).substr(0, 5) + " deg";
    layer.data = std::move(layers->front());
    layer.reproject(projection);
    return layer;
}

LayerStyle default_overlay_style(GeometryKind kind, std::size_t index) {
    // Okabe-Ito, skipping yellow (weak on pale land); overlays cycle through it.
    static const std::uint32_t palette[] = {0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9};
    const Color c = Color::hex(palette[index % std::size(palette)]);
    LayerStyle s;
    s.visible = true;
    s.fill = c.with_alpha(0.25f);
    s.outline = c;
    s.outline_width = kind == GeometryKind::kLine ? 1.5f : 1.0f;
    s.fill_enabled = kind == GeometryKind::kPolygon || kind == GeometryKind::kMixed;
    s.marker = MarkerStyle{3.5f, 1.0f, c, Color::hex(0xFFFFFF)};
    return s;
}

namespace {
constexpr std::size_t kHeavyVertices = 1'000'000;
constexpr double kHeavySimplifyDegrees = 0.001;
}  // namespace

Result<std::vector<SceneLayer>> load_overlay_layers(const std::string& path, const Projection& projection,
                                                    const LayerCache* cache, std::vector<std::string>* warnings,
                                                    const LoadControl& control) {
    // Heavy sources (over kHeavyVertices) are prepared simplified to about 100 m, keeping shared borders
    // shared: a 4.5-million-vertex layer then loads in seconds instead of ~40 s and pans smoothly; the
    // simplification shows only below ~200 m a pixel. The cache remembers which was used.
    PrepareOptions heavy;
    heavy.simplify_degrees = kHeavySimplifyDegrees;
    Result<std::vector<PreparedLayer>> layers = Error{"not loaded"};
    if (cache) {
        if (auto hit = cache->load(path, heavy)) layers = std::move(*hit);
    }
    if (!layers) {
        if (cache) {
            if (auto hit = cache->load(path, PrepareOptions{})) layers = std::move(*hit);
        }
    }
    if (!layers) {
        auto raw = load_vector_source(path, control);
        if (!raw) return raw.error();
        std::size_t vertices = 0;
        for (const auto& l : raw.value()) vertices += l.vertex_count();
        const PrepareOptions options = vertices > kHeavyVertices ? heavy : PrepareOptions{};
        std::vector<PreparedLayer> prepared;
        for (const auto& l : raw.value()) {
            if (control.cancel && control.cancel->load()) return Error{path + ": loading cancelled"};
            prepared.push_back(prepare_layer(l, options));
            if (options.simplify_degrees > 0)
                prepared.back().warnings.push_back(path + " (layer " + l.name + "): " + std::to_string(l.vertex_count()) +
                                                   " vertices, simplified to about 100 m for display "
                                                   "(shared borders kept)");
        }
        if (cache) cache->store(path, options, prepared);
        layers = std::move(prepared);
    }
    std::vector<SceneLayer> out;
    for (auto& data : layers.value()) {
        if (warnings) warnings->insert(warnings->end(), data.warnings.begin(), data.warnings.end());
        SceneLayer layer;
        layer.title = std::filesystem::path(path).filename().string();
        if (layers->size() > 1) layer.title += " : " + data.name;
        layer.style = default_overlay_style(data.kind, out.size());
        layer.data = std::move(data);
        layer.reproject(projection);
        out.push_back(std::move(layer));
    }
    return out;
}

}  // namespace em
