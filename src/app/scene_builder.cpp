#include "app/scene_builder.hpp"

#include <filesystem>
#include <optional>

#include "geo/simplify.hpp"
#include "geo/vector_loader.hpp"

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
// Layers with at least this many vertices get coarser levels of detail for small scales (the others are drawn
// whole at every scale: they are cheap).
constexpr std::size_t kDetailLevelsFrom = 100'000;
// Tolerances of those levels, finest first. As for the base map's levels, a level is drawn from the scale at
// which its tolerance is about half a pixel: 0.002 deg (~220 m) from 450 m/px, 0.008 deg from 1800 m/px, 0.032
// deg from 7200 m/px.
constexpr double kDetailTolerances[] = {0.002, 0.008, 0.032};
constexpr double kMetresPerPixelPerDegreeOfTolerance = 225'000.0;
// A level is kept only if it has at most this share of the outline points of the next finer one.
constexpr double kDetailMinReduction = 0.7;

std::size_t mesh_points(const std::vector<PreparedLayer>& layers) {
    std::size_t n = 0;
    for (const auto& l : layers) n += l.mesh.outline_points.size() + l.mesh.points.size();
    return n;
}

PrepareOptions simplified_by(double degrees, const std::vector<std::string>& layers) {
    PrepareOptions o;
    o.simplify_degrees = degrees;
    o.layers = layers;
    return o;
}

// Prepares every layer of a source, simplified (keeping shared borders) by `degrees` if > 0. `vectors` are
// replaced by their simplified versions, so that the next, coarser level simplifies fewer points.
std::vector<PreparedLayer> prepare_simplified(std::vector<VectorLayer>& vectors, double degrees) {
    std::vector<PreparedLayer> out;
    for (auto& v : vectors) {
        if (degrees > 0) v = simplify_layer(v, degrees);
        out.push_back(prepare_layer(v, PrepareOptions{}));
    }
    return out;
}
}  // namespace

Result<std::vector<SceneLayer>> load_overlay_layers(const std::string& path, const Projection& projection,
                                                    const LayerCache* cache, std::vector<std::string>* warnings,
                                                    const LoadControl& control, const std::vector<std::string>& only) {
    const auto cancelled = [&] { return control.cancel && control.cancel->load(); };
    // Heavy sources (over kHeavyVertices) are prepared simplified to about 100 m, keeping shared borders
    // shared: a 4.5-million-vertex layer then loads in seconds instead of ~40 s and pans smoothly; the
    // simplification shows only below ~200 m a pixel. The cache remembers which was used.
    const PrepareOptions heavy = simplified_by(kHeavySimplifyDegrees, only), whole = simplified_by(0.0, only);
    std::optional<std::vector<PreparedLayer>> layers;
    double finest = 0;  // the tolerance of the full-detail mesh
    if (cache) {
        if ((layers = cache->load(path, heavy))) finest = kHeavySimplifyDegrees;
        if (!layers) layers = cache->load(path, whole);
    }
    // The source itself is read only when something is not in the cache; it is then simplified step by step.
    std::optional<std::vector<VectorLayer>> vectors;
    const auto read_source = [&]() -> std::optional<Error> {
        if (vectors) return std::nullopt;
        if (only.empty()) {
            auto raw = load_vector_source(path, control);
            if (!raw) return raw.error();
            vectors = std::move(raw).value();
            return std::nullopt;
        }
        std::vector<VectorLayer> chosen;
        for (const auto& name : only) {
            auto raw = load_vector_layer(path, name, control);
            if (!raw) return raw.error();
            chosen.push_back(std::move(raw).value());
        }
        vectors = std::move(chosen);
        return std::nullopt;
    };
    if (!layers) {
        if (auto error = read_source()) return *error;
        std::size_t vertices = 0;
        for (const auto& l : *vectors) vertices += l.vertex_count();
        finest = vertices > kHeavyVertices ? kHeavySimplifyDegrees : 0.0;
        if (cancelled()) return Error{path + ": loading cancelled"};
        layers = prepare_simplified(*vectors, finest);
        if (finest > 0) {
            for (std::size_t i = 0; i < layers->size(); ++i)
                (*layers)[i].warnings.push_back(path + " (layer " + (*layers)[i].name + "): " +
                                                std::to_string(vertices) +
                                                " vertices in the source, simplified to about 100 m for display "
                                                "(shared borders kept)");
        }
        if (cache) cache->store(path, finest > 0 ? heavy : whole, *layers);
    }
    // Coarser levels of detail for small scales (per zoom band), each simplified from the previous one.
    std::vector<std::pair<double, std::vector<PreparedLayer>>> levels;  // finest first
    std::size_t previous_points = mesh_points(*layers);
    for (const double tolerance : kDetailTolerances) {
        if (tolerance <= finest) continue;
        if (previous_points < kDetailLevelsFrom) break;
        if (cancelled()) return Error{path + ": loading cancelled"};
        std::optional<std::vector<PreparedLayer>> level;
        if (cache) level = cache->load(path, simplified_by(tolerance, only));
        if (!level) {
            if (auto error = read_source()) return *error;
            // Simplifying an already simplified copy: errors add up to at most the sum of the tolerances.
            // Rings smaller than the tolerance (under half a pixel where the level is drawn) are left out: land10m
            // has 770,000 islets under 0.032 deg, each kept as a 3-4 point ring by simplification alone, and the
            // coarsest level then still held 4.7 M triangles, which took llvmpipe 3 s to draw.
            for (auto& v : *vectors) {
                v = simplify_layer(v, tolerance);
                drop_small_rings(v, tolerance);
            }
            // A level that would not be kept (too few points saved) is not tessellated; the cache remembers it
            // as an entry with no layers, which the size check below rejects as before.
            std::size_t points = 0;
            for (const auto& v : *vectors) points += count_mesh_points(v);
            if (points > kDetailMinReduction * previous_points) {
                if (cache) cache->store(path, simplified_by(tolerance, only), {});
                continue;
            }
            level = prepare_simplified(*vectors, 0.0);
            if (cache) cache->store(path, simplified_by(tolerance, only), *level);
        }
        const std::size_t points = mesh_points(*level);
        if (level->size() != layers->size() || points > kDetailMinReduction * previous_points) continue;
        previous_points = points;
        levels.emplace_back(tolerance, std::move(*level));
    }
    std::vector<SceneLayer> out;
    for (std::size_t i = 0; i < layers->size(); ++i) {
        PreparedLayer& data = (*layers)[i];
        if (warnings) warnings->insert(warnings->end(), data.warnings.begin(), data.warnings.end());
        SceneLayer layer;
        layer.title = std::filesystem::path(path).filename().string();
        if (layers->size() > 1) layer.title += " : " + data.name;
        layer.style = default_overlay_style(data.kind, out.size());
        layer.data = std::move(data);
        for (auto it = levels.rbegin(); it != levels.rend(); ++it) {
            LayerDetail detail;
            detail.tolerance_degrees = it->first;
            detail.min_metres_per_pixel = it->first * kMetresPerPixelPerDegreeOfTolerance;
            detail.mesh = std::move(it->second[i].mesh);
            layer.coarser.push_back(std::move(detail));
        }
        layer.reproject(projection);
        out.push_back(std::move(layer));
    }
    return out;
}

}  // namespace em
