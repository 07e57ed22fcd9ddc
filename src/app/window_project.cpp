#include "app/window_project.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "app/project_file.hpp"
#include "app/window_settings.hpp"
#include "ui/layer_chooser.hpp"

namespace em {

void save_project_file(const std::string& path, const MapScene& scene, const Camera& camera, const EventState& events,
                       LogState& log) {
    Project p = session_project(scene, camera, events);
    for (const auto& layer : scene.overlays)
        p.layers.push_back({std::filesystem::absolute(layer.data.source), layer.data.name, layer.title, layer.style});
    if (auto ok = write_project(p, path); ok) {
        log.info("saved project " + path);
    } else {
        log.error(ok.error().message);
    }
}

namespace {

// One load per file: the project's layers of a GeoPackage by name, other files whole.
void load_project_layers(const Project& project, const Projection& projection, LoadingState& loading) {
    std::map<std::string, std::pair<bool, std::vector<std::string>>> files;  // whole?, names
    for (const auto& layer : project.layers) {
        auto& [whole, names] = files[layer.path.string()];
        if (!may_hold_several_layers(layer.path.string()) || layer.layer.empty()) {
            whole = true;
        } else {
            names.push_back(layer.layer);
        }
    }
    for (const auto& [path, what] : files)
        start_load(loading, path, projection, what.first ? std::vector<std::string>{} : what.second);
    loading.pending_styles.clear();
    for (const auto& layer : project.layers)
        loading.pending_styles[layer.path.string() + "\n" + layer.layer] = layer.style;
}

}  // namespace

void open_project_file(const std::string& path, MapScene& scene, MapView& view, EventState& events,
                       LoadingState& loading, MapRedraw& redraw, LogState& log) {
    auto project = read_project(path);
    if (!project) {
        log.error(project.error().message);
        return;
    }
    for (const auto& w : project->warnings) log.info("warning: " + w);
    scene.overlays.clear();
    load_project_layers(project.value(), scene.projection, loading);
    if (auto proj = Projection::from_name(project->view.projection)) scene.set_projection(*proj);
    if (!project->view.bbox.empty())
        view.camera = camera_for(project->view.bbox, scene.projection, view.fb_w, view.fb_h, view.bottom_ui);
    if (project->time.date) jump_to(events.timeline, *project->time.date);
    events.timeline.window.mode = project->time.mode;
    events.timeline.window.days = project->time.days;
    events.filter = project->filters.to_event_filter();
    events.overlay_stale = events.histogram_stale = true;
    redraw.base_cache.invalidate();
    log.info("opened project " + path);
}

}  // namespace em
