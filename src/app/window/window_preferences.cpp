#include "app/window/window_preferences.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "export/png_writer.hpp"

namespace em {

namespace {
using json = nlohmann::json;

std::vector<std::string> strings_of(const json& j, const char* key) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return out;
    for (const auto& v : *it)
        if (v.is_string() && !v.get<std::string>().empty() && out.size() < kMaxRecent) out.push_back(v.get<std::string>());
    return out;
}

std::filesystem::path preferences_file(const std::filesystem::path& folder) { return folder / "preferences.json"; }
}  // namespace

void push_recent(std::vector<std::string>& list, const std::string& path) {
    list.erase(std::remove(list.begin(), list.end(), path), list.end());
    list.insert(list.begin(), path);
    if (list.size() > kMaxRecent) list.resize(kMaxRecent);
}

std::string preferences_to_json(const WindowPreferences& p) {
    json j = {{"ui_theme", ui_theme_name(p.ui_theme)},
              {"hint_dismissed", p.hint_dismissed},
              {"recent_files", p.recent_files},
              {"recent_projects", p.recent_projects}};
    return j.dump(2) + "\n";
}

Result<WindowPreferences> preferences_from_json(const std::string& text, const std::string& file_name) {
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Error{file_name + ": not a JSON object"};
    WindowPreferences p;
    if (auto it = j.find("ui_theme"); it != j.end() && it->is_string())
        p.ui_theme = parse_ui_theme(it->get<std::string>()).value_or(p.ui_theme);
    if (auto it = j.find("hint_dismissed"); it != j.end() && it->is_boolean()) p.hint_dismissed = it->get<bool>();
    p.recent_files = strings_of(j, "recent_files");
    p.recent_projects = strings_of(j, "recent_projects");
    return p;
}

Result<WindowPreferences> load_preferences(const std::filesystem::path& folder) {
    std::error_code ec;
    const auto file = preferences_file(folder);
    if (folder.empty() || !std::filesystem::exists(file, ec)) return WindowPreferences{};
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return preferences_from_json(text.str(), file.string());
}

Status save_preferences(const WindowPreferences& prefs, const std::filesystem::path& folder) {
    if (folder.empty()) return Ok{};
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    return write_file_atomically(preferences_file(folder).string(), preferences_to_json(prefs));
}

}  // namespace em
