#include "app/window/window_settings.hpp"

#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>

#include "app/window/window_view.hpp"
#include "export/png_writer.hpp"

namespace em {

std::filesystem::path settings_dir() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "eventmap";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".config" / "eventmap";
    return {};
}

bool uses_settings(const WindowOptions& options) {
    return options.settings && options.frames == 0 && !settings_dir().empty();
}

std::optional<Project> load_settings() {
    restore_panel_layout();
    return read_settings();
}

void restore_panel_layout() {
    std::ifstream ini(settings_dir() / "imgui.ini");
    std::stringstream text;
    text << ini.rdbuf();
    if (!text.str().empty()) ImGui::LoadIniSettingsFromMemory(text.str().c_str(), text.str().size());
}

std::optional<Project> read_settings() {
    std::optional<Project> settings;
    if (std::filesystem::exists(settings_dir() / "settings.json")) {
        auto read = read_project(settings_dir() / "settings.json");
        if (read) {
            settings = std::move(read).value();
        } else {
            std::cerr << "eventmap: settings not restored: " << read.error().message << "\n";
        }
    }
    return settings;
}

void apply_settings(const Project& settings, const WindowOptions& options, EventState& events,
                    FilterUiState& filter_ui) {
    apply_document_clock(settings, events, options.date.has_value(), options.window_given);
    sync_filter_ui(filter_ui, events.filter);
}

Project session_project(const MapScene& scene, const Camera& camera, const EventState& events, MapTheme theme) {
    Project p;
    p.view.projection = scene.projection.name();
    p.view.bbox = visible_lon_lat(camera, scene.projection);
    p.view.frame = camera.visible();
    p.time = project_time(events.timeline.window);
    p.filters = ProjectFilters::from(events.filter);
    p.map.theme = theme;
    return p;
}

void save_session(const MapScene& scene, const Camera& camera, const EventState& events, MapTheme theme) {
    const Project p = session_project(scene, camera, events, theme);
    std::error_code ec;
    std::filesystem::create_directories(settings_dir(), ec);
    if (auto ok = write_project(p, settings_dir() / "settings.json"); !ok)
        std::cerr << "eventmap: settings not saved: " << ok.error().message << "\n";
    size_t ini_size = 0;
    const char* ini = ImGui::SaveIniSettingsToMemory(&ini_size);
    if (auto ok = write_file_atomically((settings_dir() / "imgui.ini").string(), std::string(ini, ini_size)); !ok)
        std::cerr << "eventmap: panel layout not saved: " << ok.error().message << "\n";
}

}  // namespace em
