#include "app/window/window_loading.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "app/scene_builder.hpp"
#include "geo/vector_loader.hpp"

namespace em {

bool still_loading(const LoadingState& loading) { return !loading.loads.empty() || loading.finer.valid(); }

namespace {

std::vector<BaseScale> base_scales_of(bool finer) {
    std::vector<BaseScale> scales;
    for (const auto& scale : base_scales())
        if ((scale.dataset == "10m") == finer) scales.push_back(scale);
    return scales;
}

std::future<LoadedBaseLevels> load_levels_async(const DataPaths& data, const LayerCache& cache,
                                                std::vector<BaseScale> scales, const Projection& projection) {
    return std::async(std::launch::async, [data, &cache, scales = std::move(scales), projection] {
        LoadedBaseLevels out;
        for (const auto& scale : scales)
            out.emplace_back(scale.min_metres_per_pixel, load_base_layer(data, scale, projection, &cache));
        return out;
    });
}

}  // namespace

void start_base_levels(const DataPaths& data, const Projection& projection, LoadingState& loading) {
    loading.coarse = load_levels_async(data, loading.cache, base_scales_of(/*finer=*/false), projection);
}

void load_base_levels(const DataPaths& data, MapScene& scene, LoadingState& loading, std::string& message) {
    // The coarse levels are waited for (fast, and the first frame needs them); the 1:10m levels load on a worker
    // thread while the map is usable.
    if (!loading.coarse.valid()) start_base_levels(data, scene.projection, loading);
    for (auto& [min_mpp, layer] : loading.coarse.get()) {
        if (!layer) {
            message = layer.error().message;
            continue;
        }
        layer->ensure_projection(scene.projection);  // a no-op unless the projection is not the one started with
        scene.base.push_back({min_mpp, std::move(layer).value()});
    }
    loading.finer = load_levels_async(data, loading.cache, base_scales_of(/*finer=*/true), scene.projection);
}

bool apply_finished_base_levels(LoadingState& loading, MapScene& scene, std::string& message) {
    if (!loading.finer.valid() || loading.finer.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return false;
    for (auto& [min_mpp, layer] : loading.finer.get()) {
        if (!layer) {
            message = layer.error().message;
            continue;
        }
        layer->ensure_projection(scene.projection);  // the projection may have changed meanwhile
        scene.base.push_back({min_mpp, std::move(layer).value()});
    }
    return true;
}

void start_load(LoadingState& loading, const std::string& path, const Projection& projection,
                std::vector<std::string> layers) {
    loading.loads.push_back(std::make_unique<BackgroundLoad>(path, projection, &loading.cache, std::move(layers),
                                                             loading.view_metres_per_pixel));
    loading.loads.back()->id = loading.next_load_id++;
}

void open_layer_files(const std::vector<std::string>& paths, LoadingState& loading, FileBrowserState& browser,
                      const Projection& projection, LogState& log) {
    for (const auto& path : paths) {
        remember_recent(browser, path);
        // A GeoPackage (or another source that may hold several layers) lists its layers first.
        if (may_hold_several_layers(path)) {
            if (auto names = list_vector_layers(path); names && names->size() > 1) {
                log.info(path + ": " + std::to_string(names->size()) + " layers; choose which to open");
                loading.layer_choices.push_back({path, std::move(names).value(), {}});
                continue;
            }
        }
        log.info("opening " + path);
        start_load(loading, path, projection);
    }
}

void draw_layer_choice(LoadingState& loading, const Projection& projection, LogState& log) {
    if (auto choice = draw_layer_chooser(loading.layer_choices)) {
        std::vector<std::string> chosen;
        for (std::size_t i = 0; i < choice->names.size(); ++i)
            if (choice->chosen[i]) chosen.push_back(choice->names[i]);
        log.info("opening " + choice->path + " (" + std::to_string(chosen.size()) + " of " +
                 std::to_string(choice->names.size()) + " layers)");
        start_load(loading, choice->path, projection, std::move(chosen));
    }
}

namespace {

// The project style waiting for this layer, if any.
const LayerStyle* pending_style(const SceneLayer& layer, const std::map<std::string, LayerStyle>& pending_styles) {
    auto style = pending_styles.find(layer.data.source + "\n" + layer.data.name);
    if (style == pending_styles.end()) style = pending_styles.find(layer.data.source + "\n");
    return style == pending_styles.end() ? nullptr : &style->second;
}

// Takes a load's preview layers out of the scene; returns how many there were.
std::size_t remove_preview_layers(MapScene& scene, std::uint64_t id) {
    return std::erase_if(scene.overlays, [id](const SceneLayer& o) { return o.preview_of_load == id; });
}

}  // namespace

void add_preview_layers(std::vector<SceneLayer> preview, std::uint64_t id,
                        const std::map<std::string, LayerStyle>& pending_styles, MapScene& scene, LogState& log) {
    for (auto& layer : preview) {
        layer.ensure_projection(scene.projection);  // the projection may have changed
        if (const LayerStyle* style = pending_style(layer, pending_styles)) layer.style = *style;
        layer.preview_of_load = id;
        log.info("showing " + layer.title + " coarsely while its full detail is prepared");
        layer.title += " (preparing full detail)";
        scene.overlays.push_back(std::move(layer));
    }
}

void add_loaded_layers(LoadedLayers& loaded, std::uint64_t id, bool previewed,
                       const std::map<std::string, LayerStyle>& pending_styles, MapScene& scene, LogState& log) {
    for (const auto& w : loaded.warnings) log.info("warning: " + w);
    for (auto& layer : loaded.layers) {
        layer.ensure_projection(scene.projection);  // the projection may have changed
        auto preview = std::find_if(scene.overlays.begin(), scene.overlays.end(), [&](const SceneLayer& o) {
            return o.preview_of_load == id && o.data.name == layer.data.name;
        });
        if (preview != scene.overlays.end()) {
            layer.style = preview->style;
            log.info("full detail of " + layer.title + " (" + std::to_string(layer.data.values.size()) + " features, " +
                     layer.data.crs + ")");
            *preview = std::move(layer);
            continue;
        }
        if (previewed) {
            log.info(layer.title + " was removed while it loaded; not added");
            continue;
        }
        if (const LayerStyle* style = pending_style(layer, pending_styles)) layer.style = *style;
        log.info("added " + layer.title + " (" + std::to_string(layer.data.values.size()) + " features, " +
                 layer.data.crs + ")");
        scene.overlays.push_back(std::move(layer));
    }
    // Previews the result had no layer for (cannot happen: the same source) must not stay as if loaded.
    remove_preview_layers(scene, id);
}

bool apply_finished_loads(LoadingState& loading, MapScene& scene, BaseMapCache& base_cache, LogState& log,
                          std::string& message) {
    bool changed = false;
    for (auto it = loading.loads.begin(); it != loading.loads.end();) {
        BackgroundLoad& load = **it;
        if (auto preview = load.take_preview()) {
            add_preview_layers(std::move(*preview), load.id, loading.pending_styles, scene, log);
            loading.previewed.insert(load.id);
            base_cache.invalidate();
            changed = true;
        }
        if (!load.ready()) {
            ++it;
            continue;
        }
        auto result = load.result();
        const bool previewed = loading.previewed.erase(load.id) > 0;
        if (!result) {
            log.error(result.error().message);
            message = result.error().message;
            if (remove_preview_layers(scene, load.id) > 0) base_cache.invalidate();
        } else {
            add_loaded_layers(result.value(), load.id, previewed, loading.pending_styles, scene, log);
            base_cache.invalidate();
        }
        it = loading.loads.erase(it);
        changed = true;
    }
    return changed;
}

void draw_loading_panel(LoadingState& loading, int window_width) {
    if (loading.loads.empty()) return;
    ImGui::SetNextWindowPos(ImVec2(window_width / 2.0f - 200, 40), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(400, 0), ImGuiCond_Always);
    ImGui::Begin("Loading", nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove);
    for (auto& load : loading.loads) {
        ImGui::PushID(load.get());
        ImGui::TextUnformatted(std::filesystem::path(load->path()).filename().string().c_str());
        const float fraction = load->total() ? float(load->done()) / float(load->total()) : 0.0f;
        char overlay[64];
        if (load->total() > 0 && load->done() >= load->total()) {
            std::snprintf(overlay, sizeof overlay, "%zu features read; preparing", load->total());
        } else {
            std::snprintf(overlay, sizeof overlay, "%zu / %zu features", load->done(), load->total());
        }
        ImGui::ProgressBar(fraction, ImVec2(-70, 0), overlay);
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) load->cancel();
        ImGui::PopID();
    }
    ImGui::End();
}

}  // namespace em
