#include "ui/log_panel.hpp"

#include <imgui.h>

namespace em {

void draw_log_panel(LogState& log) {
    if (!log.open) return;
    ImGui::SetNextWindowSize(ImVec2(620, 220), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Log", &log.open)) {
        if (ImGui::Button("Clear")) log.lines.clear();
        ImGui::BeginChild("##lines");
        for (const auto& line : log.lines) {
            if (line.error) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.15f, 0.1f, 1));
            ImGui::TextWrapped("%s", line.text.c_str());
            if (line.error) ImGui::PopStyleColor();
        }
        if (log.seen != log.lines.size()) ImGui::SetScrollHereY(1.0f);
        log.seen = log.lines.size();
        ImGui::EndChild();
    }
    ImGui::End();
}

}  // namespace em
