#include "ui/file_browser.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace em {

std::vector<FileBrowserEntry> list_file_browser_folder(const FileBrowserState& s, std::string& error) {
    std::vector<FileBrowserEntry> out;
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator(s.folder, ec); !ec && it != std::filesystem::directory_iterator();
         it.increment(ec)) {
        const auto& p = it->path();
        const std::string name = p.filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::string ext = p.extension().string();
        for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::error_code ec2;
        const bool folder = it->is_directory(ec2) && ext != ".gdb";  // FileGDB: opened, not entered
        if (!folder && s.vector_only) {
            if (std::find(s.extensions.begin(), s.extensions.end(), ext) == s.extensions.end() && ext != ".gdb")
                continue;
        }
        out.push_back({name, folder});
    }
    if (ec) error = s.folder + ": " + ec.message();
    std::sort(out.begin(), out.end(), [](const FileBrowserEntry& a, const FileBrowserEntry& b) {
        return a.folder != b.folder ? a.folder : a.name < b.name;
    });
    return out;
}

void remember_recent(FileBrowserState& s, const std::string& path) {
    std::erase(s.recent, path);
    s.recent.insert(s.recent.begin(), path);
    if (s.recent.size() > 10) s.recent.resize(10);
}

std::optional<std::string> draw_file_browser(FileBrowserState& s) {
    if (!s.open) return std::nullopt;
    std::optional<std::string> chosen;
    if (s.folder.empty()) s.folder = std::filesystem::current_path().string();
    ImGui::SetNextWindowSize(ImVec2(560, 460), ImGuiCond_FirstUseEver);
    if (ImGui::Begin(s.title.c_str(), &s.open)) {
        if (ImGui::Button("Up")) s.folder = std::filesystem::path(s.folder).parent_path().string();
        ImGui::SameLine();
        ImGui::TextUnformatted(s.folder.c_str());
        ImGui::Checkbox("only files eventmap can open", &s.vector_only);
        std::string error;
        const auto entries = list_file_browser_folder(s, error);
        ImGui::BeginChild("##files", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 3 - 60), true);
        for (const auto& e : entries) {
            const std::string label = (e.folder ? "[dir] " : "      ") + e.name;
            if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick)) {
                const std::string full = (std::filesystem::path(s.folder) / e.name).string();
                if (e.folder) {
                    s.folder = full;
                } else {
                    std::snprintf(s.path_text, sizeof s.path_text, "%s", full.c_str());
                    if (ImGui::IsMouseDoubleClicked(0)) chosen = full;
                }
            }
        }
        ImGui::EndChild();
        if (!error.empty()) ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1), "%s", error.c_str());
        if (!s.recent.empty() && ImGui::BeginCombo("recent", "recent files")) {
            for (const auto& r : s.recent)
                if (ImGui::Selectable(r.c_str())) std::snprintf(s.path_text, sizeof s.path_text, "%s", r.c_str());
            ImGui::EndCombo();
        }
        ImGui::SetNextItemWidth(-80);
        const bool enter = ImGui::InputText("##path", s.path_text, sizeof s.path_text,
                                            ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        if ((ImGui::Button("Open") || enter) && s.path_text[0]) chosen = std::string(s.path_text);
    }
    ImGui::End();
    if (chosen) s.open = false;
    return chosen;
}

}  // namespace em
