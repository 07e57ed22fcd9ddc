#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "scene/style.hpp"
#include "ui/ui_theme.hpp"

namespace em {

// What the window keeps about the user rather than the map (preferences.json beside settings.json): the panels'
// theme, whether the first-launch hint was dismissed, the files and projects opened last. (The map's theme is part
// of the map: settings.json and projects keep it, ProjectMap::theme.)
struct WindowPreferences {
    UiTheme ui_theme = UiTheme::kLight;
    bool hint_dismissed = false;
    std::vector<std::string> recent_files;     // layers, most recent first
    std::vector<std::string> recent_projects;  // most recent first
    friend bool operator==(const WindowPreferences&, const WindowPreferences&) = default;
};

// At most this many recent files and projects are kept.
inline constexpr std::size_t kMaxRecent = 10;

// Puts `path` at the front of `list` (removing an earlier copy), keeping at most kMaxRecent.
void push_recent(std::vector<std::string>& list, const std::string& path);

// JSON text and back. Reading is lenient (a preferences file is ours, not the user's document): unknown keys and
// values of the wrong type are ignored, with their default kept; a file that is not JSON is an error naming it.
std::string preferences_to_json(const WindowPreferences& prefs);
Result<WindowPreferences> preferences_from_json(const std::string& text, const std::string& file_name);

// preferences.json in the settings folder: read (defaults when there is none) and written atomically.
Result<WindowPreferences> load_preferences(const std::filesystem::path& settings_folder);
Status save_preferences(const WindowPreferences& prefs, const std::filesystem::path& settings_folder);

}  // namespace em
