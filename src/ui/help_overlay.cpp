#include "ui/help_overlay.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "ui/panel_section.hpp"
#include "ui/shortcuts.hpp"
#include "ui/ui_fonts.hpp"

namespace em {

void toggle_help_on_keys(bool& open, const KeyPresses& keys, bool keyboard_taken) {
    // F1 works even in a text field (it types nothing); ? only outside one.
    int toggles = keys.count(GLFW_KEY_F1);
    if (!keyboard_taken) toggles += keys.count(GLFW_KEY_SLASH, GLFW_MOD_SHIFT);
    if (toggles % 2 == 1) open = !open;
    if (open && keys.pressed(GLFW_KEY_ESCAPE)) open = false;
}

void draw_help_overlay(bool& open, const UiRect& map, float scale) {
    if (!open) return;
    const float w = std::min(map.w - 24 * scale, 520 * scale);
    ImGui::SetNextWindowPos(ImVec2(map.x + map.w / 2, map.y + 12 * scale), ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, std::max(1.0f, map.h - 24 * scale)));
    ImGui::SetNextWindowFocus();
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings;
    if (ImGui::Begin("Keyboard shortcuts", &open, flags)) {
        note_window("help");
        const char* group = "";
        if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthStretch, 0.4f);
            ImGui::TableSetupColumn("action", ImGuiTableColumnFlags_WidthStretch, 0.6f);
            for (const Shortcut& s : shortcuts()) {
                if (std::strcmp(group, s.group) != 0) {
                    group = s.group;
                    ImGui::TableNextRow();
                    ImGui::TableSetColumnIndex(0);
                    ImGui::PushFont(heading_font());
                    ImGui::TextUnformatted(group);
                    ImGui::PopFont();
                }
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ImGui::TextUnformatted(s.keys);
                ImGui::TableSetColumnIndex(1);
                ImGui::TextWrapped("%s", s.action);
            }
            ImGui::EndTable();
        }
        ImGui::Spacing();
        if (ImGui::Button("Close")) open = false;
        note_item("help/Close");
    }
    ImGui::End();
}

bool draw_first_use_hint(const UiRect& map, float max_width, float scale) {
    const float w = std::max(std::min({map.w - 24 * scale, max_width, 440 * scale}), 160 * scale);
    ImGui::SetNextWindowPos(ImVec2(map.x + 12 * scale, map.y + 12 * scale), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, std::max(1.0f, map.h - 24 * scale)));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing;
    bool dismissed = false;
    if (ImGui::Begin("##first-use", nullptr, flags)) {
        note_window("hint");
        ImGui::PushFont(heading_font());
        ImGui::TextUnformatted("Welcome to eventmap");
        ImGui::PopFont();
        ImGui::TextWrapped("Drag the map to pan; scroll or press + and - to zoom.");
        ImGui::TextWrapped("Drag the timeline below to scrub through time; Space plays, the comma and full stop "
                           "keys step a day.");
        ImGui::TextWrapped("File > Open layer (Ctrl+O), or drop a file on the window, adds your own data.");
        ImGui::TextDisabled("F1 lists every shortcut.");
        if (ImGui::Button("Got it")) dismissed = true;
        note_item("hint/Got it");
    }
    ImGui::End();
    return dismissed;
}

}  // namespace em
