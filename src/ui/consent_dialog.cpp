#include "ui/consent_dialog.hpp"

#include <imgui.h>

#include <cstdio>

namespace em {

namespace {
constexpr const char* kTitle = "Allow network access?";
}

ConsentAnswer draw_consent_dialog(ConsentRequest& request) {
    // A plain window kept in front, not BeginPopupModal: Dear ImGui 1.86 asserts when another window (the log, the
    // Loading panel) first appears while a modal is open, which is exactly when this dialog comes up.
    ImGui::SetNextWindowFocus();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.3f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.0f));
    ConsentAnswer answer = ConsentAnswer::kNone;
    if (!ImGui::Begin(kTitle, nullptr,
                      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                          ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return answer;
    }
    const std::string who = request.project.empty() ? std::string("A file") : "The project " + request.project;
    ImGui::TextUnformatted((who + " wants to reach these addresses off this machine:").c_str());
    ImGui::Spacing();
    for (const auto& a : request.addresses) ImGui::BulletText("%s", a.c_str());
    ImGui::Spacing();
    ImGui::TextWrapped("Whoever runs them would learn that the file was opened, from which address and when. "
                       "Nothing was requested yet.");
    if (!request.project.empty()) ImGui::Checkbox("Remember for this project", &request.remember);
    ImGui::Separator();
    if (ImGui::Button("Allow", ImVec2(140, 0))) answer = ConsentAnswer::kAllow;
    const ImVec2 allow_min = ImGui::GetItemRectMin(), allow_max = ImGui::GetItemRectMax();
    ImGui::SameLine();
    if (ImGui::Button("Don't allow", ImVec2(140, 0)) ||
        (ImGui::IsWindowFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))))
        answer = ConsentAnswer::kDeny;
    if (!request.announced && ++request.frames >= 3) {  // placed and sized by then
        // For scripted tests and the terminal: what the dialog names, and where its Allow button is.
        request.announced = true;
        for (const auto& a : request.addresses) std::fprintf(stderr, "eventmap: consent asked for %s\n", a.c_str());
        std::fprintf(stderr, "eventmap: consent dialog Allow button at %d,%d\n",
                     static_cast<int>((allow_min.x + allow_max.x) / 2), static_cast<int>((allow_min.y + allow_max.y) / 2));
    }
    ImGui::End();
    return answer;
}

}  // namespace em
