#include "ui/layer_chooser.hpp"

#include <imgui.h>

#include "ui/panel_section.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace em {

bool may_hold_several_layers(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    static const char* const kMulti[] = {".gpkg", ".sqlite", ".gdb", ".kml", ".gml"};
    return std::any_of(std::begin(kMulti), std::end(kMulti), [&](const char* e) { return extension == e; });
}

std::optional<LayerChoice> draw_layer_chooser(std::vector<LayerChoice>& pending) {
    if (pending.empty()) return std::nullopt;
    LayerChoice& c = pending.front();
    if (c.chosen.size() != c.names.size()) c.chosen.assign(c.names.size(), 1);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 3), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    std::optional<LayerChoice> confirmed;
    bool cancel = false;
    const std::string title = "Layers of " + std::filesystem::path(c.path).filename().string() + "###layer_chooser";
    if (ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
        ImGui::TextUnformatted("This file holds several layers. Open:");
        for (std::size_t i = 0; i < c.names.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            bool on = c.chosen[i] != 0;
            if (ImGui::Checkbox(c.names[i].c_str(), &on)) c.chosen[i] = on ? 1 : 0;
            note_item("Chooser/" + c.names[i]);
            ImGui::PopID();
        }
        const bool any = std::any_of(c.chosen.begin(), c.chosen.end(), [](char v) { return v != 0; });
        if (ImGui::SmallButton("all")) std::fill(c.chosen.begin(), c.chosen.end(), 1);
        ImGui::SameLine();
        if (ImGui::SmallButton("none")) std::fill(c.chosen.begin(), c.chosen.end(), 0);
        ImGui::Separator();
        if (!any) ImGui::BeginDisabled();
        if (ImGui::Button("Open")) confirmed = c;
        note_item("Chooser/Open");
        if (!any) ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) cancel = true;
    }
    ImGui::End();
    if (confirmed || cancel) pending.erase(pending.begin());
    return confirmed;
}

}  // namespace em
