#include "app/overlay_layers.hpp"

#include <filesystem>
#include <functional>
#include <iterator>
#include <map>
#include <optional>

#include "app/overlay_preview.hpp"
#include "core/heap_pages.hpp"
#include "geo/box_clip.hpp"
#include "geo/simplify.hpp"
#include "geo/vertex_restore.hpp"

namespace em {

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

// Heavy sources (over kHeavyVertices) are prepared simplified to about 100 m, keeping shared borders shared: a
// 4.5-million-vertex layer then loads in seconds instead of ~40 s and pans smoothly; the simplification shows
// only below ~200 m a pixel. The cache remembers which was used.
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

std::size_t mesh_points(const std::vector<VectorLayer>& layers) {
    std::size_t n = 0;
    for (const auto& v : layers) n += count_mesh_points(v);
    return n;
}

PrepareOptions simplified_by(double degrees, const std::vector<std::string>& layers) {
    PrepareOptions o;
    o.simplify_degrees = degrees;
    o.layers = layers;
    // A coarser level is cached apart from a base-map level of the same file and tolerance (see purpose).
    if (degrees > 0) o.purpose = "overlay-level";
    return o;
}

// Each layer given up: each polygon goes as soon as it is tessellated (prepare_layer's rvalue form).
std::vector<PreparedLayer> prepare_all(std::vector<VectorLayer>&& vectors) {
    std::vector<PreparedLayer> out;
    for (auto& v : vectors) out.push_back(prepare_layer(std::move(v), PrepareOptions{}));
    return out;
}

// The source read once, on first need, and its chain of simplified copies: the finest (the source itself, or
// ~100 m for heavy sources), then each coarser level simplified from the one before it (so errors add up to at
// most the sum of the tolerances) with its rings smaller than its tolerance left out: land10m has 770,000 islets
// under 0.032 deg, each kept as a 3-4 point ring by simplification alone, and its coarsest level then still held
// 4.7 M triangles, which took llvmpipe 3 s to draw.
class SourceChain {
public:
    SourceChain(const std::string& path, const LoadControl& control, const std::vector<std::string>& only)
        : path_(path), control_(control), only_(only) {}

    // Reads the source (once) and simplifies it to its finest tolerance. Returns the error if it cannot be read.
    // on_read sees the source as read, before any simplification (the window's quick preview).
    std::optional<Error> read(const std::function<void(const std::vector<VectorLayer>&)>& on_read = {}) {
        if (read_) return std::nullopt;
        std::vector<VectorLayer> layers;
        if (only_.empty()) {
            auto raw = load_vector_source(path_, control_);
            if (!raw) return raw.error();
            layers = std::move(raw).value();
        } else {
            for (const auto& name : only_) {
                auto raw = load_vector_layer(path_, name, control_);
                if (!raw) return raw.error();
                layers.push_back(std::move(raw).value());
            }
        }
        for (const auto& l : layers) source_vertices_ += l.vertex_count();
        finest_tolerance_ = source_vertices_ > kHeavyVertices ? kHeavySimplifyDegrees : 0.0;
        if (on_read) on_read(layers);
        // Cancelled while the preview was made (or on seeing it): the finest copy is the slow part, not worth making.
        if (control_.cancel && control_.cancel->load()) return Error{path_ + ": loading cancelled"};
        if (finest_tolerance_ > 0) {
            for (auto& v : layers) v = simplify_layer(v, finest_tolerance_);
            return_free_heap_pages();  // the source as read (its rings in the heaps), before the levels are made
        }
        finest_ = std::move(layers);
        read_ = true;
        return std::nullopt;
    }
    std::size_t source_vertices() const { return source_vertices_; }
    double finest_tolerance() const { return finest_tolerance_; }
    // The finest copy (after read()).
    const std::vector<VectorLayer>& finest() const { return finest_; }
    // Hands over the finest copy and lets go of the coarser one: the last use of the source, so that its lon/lat
    // vertices are gone before the prepared mesh is stored and projected (a cold open's peak with land10m).
    std::vector<VectorLayer> take_finest() {
        current_ = {};
        return std::move(finest_);
    }
    // The copy at `tolerance` (after read(); tolerances asked in increasing order, from kDetailTolerances).
    const std::vector<VectorLayer>& at(double tolerance) {
        for (const double t : kDetailTolerances) {
            if (t <= reached_ || t <= finest_tolerance_) continue;
            if (t > tolerance) break;
            // The first level is simplified from the finest copy itself, not from a copy of it (one more copy of
            // the source at the cold open's busiest moment).
            const std::vector<VectorLayer>& from = reached_ == 0 ? finest_ : current_;
            std::vector<VectorLayer> next;
            next.reserve(from.size());
            for (const auto& v : from) {
                next.push_back(simplify_layer(v, t));
                drop_small_rings(next.back(), t);
            }
            current_ = std::move(next);
            reached_ = t;
        }
        return reached_ == 0 ? finest_ : current_;
    }

private:
    const std::string& path_;
    const LoadControl& control_;
    const std::vector<std::string>& only_;
    bool read_ = false;
    std::size_t source_vertices_ = 0;
    double finest_tolerance_ = 0;
    double reached_ = 0;
    std::vector<VectorLayer> finest_, current_;
};

// One coarser level of detail: prepared (from the cache, or later), or the simplified layers to prepare.
struct Level {
    double tolerance;
    std::optional<std::vector<PreparedLayer>> prepared;
    std::vector<VectorLayer> vectors;
};

// Scene layers of prepared layers, titled after the file (and the layer, for several), in default styles.
std::vector<SceneLayer> scene_layers(const std::string& path, std::vector<PreparedLayer> layers,
                                     const Projection& projection, bool park = false) {
    std::vector<SceneLayer> out;
    for (auto& data : layers) {
        SceneLayer layer;
        layer.title = std::filesystem::path(path).filename().string();
        if (layers.size() > 1) layer.title += " : " + data.name;
        layer.style = default_overlay_style(data.kind, out.size());
        layer.data = std::move(data);
        out.push_back(std::move(layer));
    }
    for (auto& layer : out) {
        if (!park) {
            layer.reproject(projection);
            continue;
        }
        // Projected parked: the fill's triangles kept as their places in the lon/lat mesh.
        layer.projected = project_parked(layer.data.mesh, projection);
        layer.projected_with = projection;
    }
    return out;
}

}  // namespace

Result<std::vector<SceneLayer>> load_overlay_layers(const std::string& path, const Projection& projection,
                                                    const LayerCache* cache, std::vector<std::string>* warnings,
                                                    const LoadControl& control, const std::vector<std::string>& only,
                                                    const OverlayPreview& preview, const LevelParkingAtLoad& parking) {
    const bool park_finer_levels = parking.park;
    const auto cancelled = [&] { return control.cancel && control.cancel->load(); };
    const Error cancel_error{path + ": loading cancelled"};
    const PrepareOptions heavy = simplified_by(kHeavySimplifyDegrees, only), whole = simplified_by(0.0, only);
    // 0. A warm open shows the coarsest cached level before reading the (large) full-detail entry.
    std::map<double, std::optional<std::vector<PreparedLayer>>> cached_levels;  // read once, by tolerance
    const auto cached_level = [&](double tolerance) -> std::optional<std::vector<PreparedLayer>>& {
        auto it = cached_levels.find(tolerance);
        if (it == cached_levels.end())
            it = cached_levels
                     .emplace(tolerance, cache ? cache->load(path, simplified_by(tolerance, only)) : std::nullopt)
                     .first;
        return it->second;
    };
    bool previewed = false;
    const auto show_preview = [&](const std::vector<PreparedLayer>& level) {
        if (!preview || previewed) return;
        preview(scene_layers(path, level, projection));
        previewed = true;
    };
    if (cache && preview) {
        for (auto t = std::rbegin(kDetailTolerances); t != std::rend(kDetailTolerances); ++t) {
            const auto& level = cached_level(*t);
            if (level && !level->empty()) {
                show_preview(*level);
                break;
            }
        }
    }

    // 1. The full-detail level: from the cache, or (prepared last, below) from the source.
    std::optional<std::vector<PreparedLayer>> layers;
    double finest = 0;  // the tolerance of the full-detail mesh
    if (cache) {
        if ((layers = cache->load(path, heavy))) finest = kHeavySimplifyDegrees;
        if (!layers) layers = cache->load(path, whole);
    }
    SourceChain source(path, control, only);
    // Whenever the source has to be read, a layer big enough for coarser levels is shown at once, simplified
    // quickly from the source as read (app/overlay_preview), before the slow part: simplifying the finest copy
    // (shared borders kept) and every level from it. A cold open of a 4.6 M-vertex shapefile showed nothing for
    // 3.5 s, most of it that simplification.
    const auto quick_preview = [&](const std::vector<VectorLayer>& read) {
        if (!preview || previewed || cancelled()) return;
        std::size_t vertices = 0;
        for (const auto& v : read) vertices += v.vertex_count();
        if (vertices < kDetailLevelsFrom) return;
        show_preview(quick_preview_layers(read, std::rbegin(kDetailTolerances)[0]));
    };
    std::size_t previous_points = 0;
    if (layers) {
        previous_points = mesh_points(*layers);
    } else {
        if (auto error = source.read(quick_preview)) return *error;
        finest = source.finest_tolerance();
        previous_points = mesh_points(source.finest());
    }
    const std::size_t layer_count = layers ? layers->size() : source.finest().size();
    // Parking (the window): a cached full detail that will likely have coarser levels is projected and parked
    // before they are read, so that its projected copy is never held beside every level's lon/lat mesh (the load's
    // peak with land10m).
    std::optional<std::vector<SceneLayer>> parked;
    if (park_finer_levels && layers && previous_points >= kDetailLevelsFrom) {
        parked = scene_layers(path, std::move(*layers), projection, /*park=*/true);
        layers.reset();
    }

    // 2. Which coarser levels are worth keeping (each must save enough points), from the cache or simplified and
    // counted (not tessellated: a level that is not kept costs no more). The cache remembers a rejected level as
    // an entry with no layers.
    std::vector<Level> levels;  // finest first
    for (const double tolerance : kDetailTolerances) {
        if (tolerance <= finest) continue;
        if (previous_points < kDetailLevelsFrom) break;
        if (cancelled()) return cancel_error;
        std::optional<std::vector<PreparedLayer>> cached = std::move(cached_level(tolerance));
        if (cached) {
            const std::size_t points = mesh_points(*cached);
            if (cached->size() != layer_count || points > kDetailMinReduction * previous_points) continue;
            previous_points = points;
            levels.push_back({tolerance, std::move(cached), {}});
            continue;
        }
        if (auto error = source.read(quick_preview)) return *error;
        const std::vector<VectorLayer>& vectors = source.at(tolerance);
        const std::size_t points = mesh_points(vectors);
        if (points > kDetailMinReduction * previous_points) {
            if (cache) cache->store(path, simplified_by(tolerance, only), {});
            continue;
        }
        previous_points = points;
        levels.push_back({tolerance, std::nullopt, vectors});
    }

    // 3. Prepare what the cache did not have, coarsest first; when the full detail has to be prepared too and no
    // quick preview was shown (a source under kDetailLevelsFrom vertices that densifying took over it), the
    // coarsest level is shown meanwhile.
    // A level prepared here while the full detail is still to prepare is let go once the cache has it, and read
    // back after: the full detail's tessellation is the cold open's peak, and the levels' lon/lat meshes held
    // beside it added ~140 MiB with land10m (bench/README.md, "Session of 2026-12-06 (6)").
    const bool full_detail_to_prepare = !layers && !parked;
    std::vector<Level*> to_read_back;
    for (auto level = levels.rbegin(); level != levels.rend(); ++level) {
        if (!level->prepared) {
            if (cancelled()) return cancel_error;
            level->prepared = prepare_all(std::move(level->vectors));
            level->vectors = {};
            if (cache) {
                const PrepareOptions options = simplified_by(level->tolerance, only);
                const bool stored = cache->store(path, options, *level->prepared);
                if (full_detail_to_prepare && stored && level != levels.rbegin()) {
                    level->prepared.reset();
                    to_read_back.push_back(&*level);
                    continue;
                }
            }
        }
        if (full_detail_to_prepare && level == levels.rbegin()) show_preview(*level->prepared);
    }
    if (full_detail_to_prepare) {
        if (cancelled()) return cancel_error;
        layers = prepare_all(source.take_finest());
        if (finest > 0) {
            for (auto& layer : *layers)
                layer.warnings.push_back(path + " (layer " + layer.name +
                                         "): " + std::to_string(source.source_vertices()) +
                                         " vertices in the source, simplified to about 100 m for display "
                                         "(shared borders kept)");
        }
        if (cache) cache->store(path, finest > 0 ? heavy : whole, *layers);
        // The source's rings and the levels let go are small arrays, freed into glibc's heaps, which keep their
        // pages: handed back now, before the projections (held to the window's next trim, they were the cold
        // open's peak with land10m).
        return_free_heap_pages();
    }

    // 4. The scene layers, each with its coarser levels (coarsest first). A full detail prepared just now that has
    // coarser levels is projected parked too: never whole beside its lon/lat mesh and every level's.
    std::vector<SceneLayer> out =
        parked ? std::move(*parked)
               : scene_layers(path, std::move(*layers), projection, /*park=*/park_finer_levels && !levels.empty());
    // The levels let go come back once the full detail is projected (its projection's arrays are gone by then).
    for (Level* level : to_read_back) level->prepared = cache->load(path, simplified_by(level->tolerance, only));
    // One the cache cannot give back (removed meanwhile) is left out: the finer level stands in for it.
    std::erase_if(levels, [&](const Level& level) { return !level.prepared || level.prepared->size() != layer_count; });
    for (const auto& layer : out)
        if (warnings) warnings->insert(warnings->end(), layer.data.warnings.begin(), layer.data.warnings.end());
    const double keep_level_drawn_at = parking.view_metres_per_pixel ? parking.view_metres_per_pixel->load()
                                                                     : parking.keep_level_drawn_at;
    for (std::size_t i = 0; i < out.size(); ++i) {
        // Parked as soon as projected, so that the load never holds more than one finer level's vertices; a full
        // detail parked early that got no coarser level after all is projected again (nothing would stand in).
        if (park_finer_levels && !levels.empty()) park_vertices(out[i].projected);
        if (levels.empty() && arrays_released(out[i].projected)) out[i].reproject(projection);
        bool kept_one = false;  // the coarsest level drawn at keep_level_drawn_at, as SceneLayer::detail_for
        for (auto level = levels.rbegin(); level != levels.rend(); ++level) {
            LayerDetail detail;
            detail.tolerance_degrees = level->tolerance;
            detail.min_metres_per_pixel = level->tolerance * kMetresPerPixelPerDegreeOfTolerance;
            detail.mesh = std::move((*level->prepared)[i].mesh);
            const bool drawn_first = !kept_one && keep_level_drawn_at >= detail.min_metres_per_pixel;
            kept_one = kept_one || drawn_first;
            if (park_finer_levels && level != levels.rbegin() && !drawn_first) {
                detail.projected = project_parked(detail.mesh, projection);
            } else {
                detail.projected = project_mesh(detail.mesh, projection);
            }
            out[i].coarser.push_back(std::move(detail));
        }
    }
    return out;
}

std::optional<PictureView> picture_view(const BBox& visible, double metres_per_pixel, const Projection& projection) {
    // A margin of 8 pixels: the edges clipping makes lie outside the picture, outlines included.
    const double margin = 8 * metres_per_pixel;
    const BBox frame = BBox::of(visible.min_x - margin, visible.min_y - margin, visible.max_x + margin,
                                visible.max_y + margin);
    PictureView view;
    view.metres_per_pixel = metres_per_pixel;
    constexpr int kSteps = 32;  // points a side: a curved edge of the frame in lon/lat is bounded closely enough
    for (int i = 0; i <= kSteps; ++i) {
        const double t = static_cast<double>(i) / kSteps;
        const double x = frame.min_x + t * (frame.max_x - frame.min_x), y = frame.min_y + t * (frame.max_y - frame.min_y);
        for (const XY p : {XY{x, frame.min_y}, XY{x, frame.max_y}, XY{frame.min_x, y}, XY{frame.max_x, y}}) {
            const auto g = projection.inverse(p);
            if (!g) return std::nullopt;
            view.lon_lat.add(g->lon, g->lat);
        }
    }
    // A frame round a pole or across the antimeridian is bounded by its edges' points only loosely: leave those to
    // the usual load.
    if (view.lon_lat.width() > 180 || view.lon_lat.min_y < -85 || view.lon_lat.max_y > 85) return std::nullopt;
    return view;
}

std::optional<Result<std::vector<SceneLayer>>> load_overlay_for_picture(const std::string& path,
                                                                        const Projection& projection,
                                                                        const PictureView& view,
                                                                        const LayerCache* cache,
                                                                        std::vector<std::string>* warnings,
                                                                        std::uintmax_t heavy_from_bytes) {
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(path, ec);
    if (ec || bytes <= heavy_from_bytes) return std::nullopt;
    if (cache) {
        // Prepared before (the window, or a render of frames): the cached detail is quicker to read.
        for (const double t : {kHeavySimplifyDegrees, 0.0})
            if (const auto entry = cache->entry_path(path, simplified_by(t, {}));
                !entry.empty() && std::filesystem::exists(entry, ec))
                return std::nullopt;
    }
    LoadControl control;
    control.within = view.lon_lat;
    control.rings_unorganised = true;
    auto read = load_vector_source(path, control);
    if (!read) return Result<std::vector<SceneLayer>>(read.error());
    // Half a pixel in degrees, as the levels of detail reckon it.
    const double tolerance = view.metres_per_pixel / kMetresPerPixelPerDegreeOfTolerance;
    PrepareOptions fans;
    fans.fan_fill = true;
    std::vector<PreparedLayer> prepared;
    for (auto& layer : read.value()) {
        const std::size_t before = layer.vertex_count();
        clip_polygons_to_box(layer, view.lon_lat);
        drop_small_rings(layer, tolerance);
        layer = simplify_layer(layer, tolerance, SharedBorders::kIgnore);
        const std::size_t after = layer.vertex_count();
        layer.warnings.push_back(path + " (layer " + layer.name + "): " + std::to_string(before) +
                                 " vertices in view, " + std::to_string(after) + " drawn (simplified to half a " +
                                 "pixel of this picture)");
        prepared.push_back(prepare_layer(layer, fans));
    }
    for (const auto& layer : prepared)
        if (warnings) warnings->insert(warnings->end(), layer.warnings.begin(), layer.warnings.end());
    return Result<std::vector<SceneLayer>>(scene_layers(path, std::move(prepared), projection));
}

}  // namespace em
