#include "app/window/window_project.hpp"

#include <cstdio>
#include <fstream>
#include <filesystem>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "scene/project.hpp"
#include "app/window/window_settings.hpp"
#include "geo/source_policy.hpp"
#include "ui/layer_chooser.hpp"

namespace em {

Project window_document(const MapScene& scene, const MapStyle& style, const MapView& view, const EventState& events,
                        const ExportState& export_state, int samples) {
    Project p = session_project(scene, view.camera, events, style.theme);
    for (const auto& layer : scene.overlays) {
        // A URL or connection string stays as written (absolute() would make "PG:..." a file in the current folder).
        const std::string& src = layer.data.source;
        const bool local = classify_source(src) == SourceKind::kLocal || classify_source(src) == SourceKind::kSpecial;
        p.layers.push_back({local ? std::filesystem::absolute(src) : std::filesystem::path(src), layer.data.name,
                            layer.title, layer.style});
    }
    p.events.files.assign(events.files.begin(), events.files.end());
    p.events.places = events.places_path;
    const ExportState& e = export_state;
    p.decorations = {e.title, e.subtitle, e.legend, e.scale_bar, e.inset, e.attribution};
    p.map = {style.show_country_labels, style.show_graticule, "", style.theme};
    // The map's area, not the window: at "window size" the export is what the map area shows, pixel for pixel.
    const ExportRequest size = export_size(e, view.camera.width(), view.camera.height());
    p.output = {size.width, size.height, size.pixel_scale, samples};
    if (size.width * view.camera.height() != size.height * view.camera.width()) {
        // A size of another shape (4K, A4) frames the whole visible extent, centred, with more around it on the
        // longer side, rather than stretching it.
        p.view.frame = Camera::fit(p.view.frame, size.width, size.height).visible();
    }
    return p;
}

void save_project_file(const std::string& path, const Project& p, LogState& log) {
    if (auto ok = write_project(p, path); ok) {
        log.info("saved project " + path);
    } else {
        log.error(ok.error().message);
    }
}

namespace {

// The answers remembered per project live in the user's own settings folder, never in or beside the project: a
// file someone sent could otherwise carry its own consent. One line per source: project path TAB source.
std::filesystem::path consent_file() { return settings_dir() / "allowed-sources.tsv"; }

std::string project_key(const std::string& project) {
    std::error_code ec;
    const auto canonical = std::filesystem::weakly_canonical(project, ec);
    return ec ? project : canonical.string();
}

}  // namespace

std::vector<std::string> remembered_sources(const std::string& project) {
    std::vector<std::string> out;
    if (settings_dir().empty()) return out;
    std::ifstream in(consent_file());
    const std::string key = project_key(project) + "\t";
    for (std::string line; std::getline(in, line);)
        if (line.rfind(key, 0) == 0) out.push_back(line.substr(key.size()));
    return out;
}

void remember_sources(const std::string& project, const std::vector<std::string>& sources, LogState& log) {
    if (settings_dir().empty()) return;
    std::error_code ec;
    std::filesystem::create_directories(settings_dir(), ec);
    std::ofstream out(consent_file(), std::ios::app);
    for (const auto& s : sources) out << project_key(project) << '\t' << s << '\n';
    if (!out) log.error(consent_file().string() + ": cannot write the remembered answer");
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
                       FilterUiState& filter_ui, ExportState& export_state, MapTheme& map_theme, LoadingState& loading,
                       MapRedraw& redraw, LogState& log,
                       const std::function<void(const ProjectWindowLayout&)>& apply_layout) {
    auto project = read_project(path);
    if (!project) {
        log.error(project.error().message);
        return;
    }
    for (const auto& w : project->warnings) log.info("warning: " + w);
    // Sources the user agreed to for this project before (remember_sources); others wait for the consent dialog.
    for (const auto& s : remembered_sources(path)) allow_source(s);
    scene.overlays.clear();
    load_project_layers(project.value(), scene.projection, loading);
    if (auto proj = Projection::from_name(project->view.projection)) scene.set_projection(*proj);
    if (project->window && apply_layout) apply_layout(*project->window);
    if (!project->view.frame.empty() && project->view.projection == scene.projection.name()) {
        view.camera = Camera::fit(project->view.frame, map_width(view), map_height(view));  // exactly what was shown
    } else if (!project->view.bbox.empty()) {
        view.camera = camera_in_map(project->view.bbox, scene.projection, view);
    }
    apply_document_clock(project.value(), events);
    sync_filter_ui(filter_ui, events.filter);
    // The export panel takes the project's decorations (its size stays the window's choice).
    const ProjectDecorations& d = project->decorations;
    std::snprintf(export_state.title, sizeof export_state.title, "%s", d.title.c_str());
    std::snprintf(export_state.subtitle, sizeof export_state.subtitle, "%s", d.subtitle.c_str());
    export_state.legend = d.legend.value_or(true);
    export_state.scale_bar = d.scale_bar, export_state.inset = d.inset, export_state.attribution = d.attribution;
    map_theme = project->map.theme;  // the map's style is the project's (the frame loop restyles the map)
    redraw.base_cache.invalidate();
    log.info("opened project " + path);
}

}  // namespace em
