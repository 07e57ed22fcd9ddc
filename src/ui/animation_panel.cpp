#include "ui/animation_panel.hpp"

#include "ui/panel_section.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

namespace em {

namespace {

const char* const kExtensions[] = {".mp4", ".webm", ".gif"};

// Keeps the file's extension in step with the chosen format.
void follow_format(AnimationPanelState& s) {
    std::string path = s.path;
    const auto dot = path.rfind('.');
    const auto slash = path.rfind('/');
    if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) path.resize(dot);
    path += kExtensions[std::clamp(s.format, 0, 2)];
    std::snprintf(s.path, sizeof s.path, "%s", path.c_str());
}

}  // namespace

std::string animation_frames_text(const AnimationPanelState& s) {
    const char units[] = {'d', 'w', 'm', 'y'};
    return std::string(s.start) + ":" + s.end + ":" + std::to_string(std::max(s.step, 1)) +
           units[std::clamp(s.step_unit, 0, 3)];
}

namespace {

// The first frame, as large as the sidebar allows up to its drawn size; "updating..." under it while a newer one is
// drawn.
void draw_thumbnail(const AnimationThumbnail& t) {
    if (!t.texture) {
        ImGui::TextDisabled("%s", t.note.empty() ? "drawing the first frame..." : t.note.c_str());
        return;
    }
    const float width = std::min(static_cast<float>(t.width), ImGui::GetContentRegionAvail().x);
    const float height = width * static_cast<float>(t.height) / std::max(t.width, 1);
    ImGui::Image(t.texture, ImVec2(width, height));
    note_item("Animation/preview");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("the clip's first frame");
    if (t.updating) ImGui::TextDisabled("updating...");
    else if (!t.note.empty()) ImGui::TextDisabled("%s", t.note.c_str());
}

}  // namespace

AnimationPanelAction draw_animation_panel(AnimationPanelState& s, const AnimationProgress& p,
                                          const AnimationThumbnail& thumbnail) {
    AnimationPanelAction action;
    // A section of the sidebar after Export, folded until asked for.
    if (begin_section("Animation", false)) {
        action.open = true;
        ImGui::BeginDisabled(p.running);
        ImGui::SetNextItemWidth(110);
        ImGui::InputText("from", s.start, sizeof s.start);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(110);
        ImGui::InputText("to", s.end, sizeof s.end);
        ImGui::SetNextItemWidth(80);
        ImGui::InputInt("##step", &s.step, 1);
        s.step = std::clamp(s.step, 1, 1000);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(100);
        ImGui::Combo("step", &s.step_unit, "days\0weeks\0months\0years\0");
        ImGui::Checkbox("smooth clock over", &s.smooth);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("the clock runs smoothly from the first step to the last: events fade in and out,\n"
                              "meeting arcs draw themselves; off: one frame per step");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(90);
        if (s.smooth) {
            ImGui::InputFloat("seconds", &s.seconds, 1.0f, 5.0f, "%.1f");
            note_item("Animation/seconds");
            s.seconds = std::clamp(s.seconds, 0.5f, 600.0f);
        } else {
            ImGui::TextDisabled("(one frame per step)");
        }
        ImGui::SetNextItemWidth(90);
        ImGui::InputInt("fps", &s.fps, 1);
        s.fps = std::clamp(s.fps, 1, 60);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(90);
        ImGui::InputFloat("hold (s)", &s.hold, 0.5f, 1.0f, "%.1f");
        s.hold = std::clamp(s.hold, 0.0f, 10.0f);
        if (ImGui::Combo("format", &s.format, "MP4 (H.264)\0WebM (VP9)\0GIF\0")) follow_format(s);
        // The presets' items are noted for the window tests (--layout-dump: "Animation/preset/square").
        static const char* const kPresets[][2] = {{"1080p", "1080p (1920 x 1080)"}, {"720p", "720p (1280 x 720)"},
                                                  {"square", "square (1080 x 1080)"},
                                                  {"vertical", "vertical (1080 x 1920)"}};
        s.preset = std::clamp(s.preset, 0, 3);
        if (ImGui::BeginCombo("preset", kPresets[s.preset][1])) {
            for (int i = 0; i < 4; ++i) {
                if (ImGui::Selectable(kPresets[i][1], i == s.preset)) s.preset = i;
                note_item(std::string("Animation/preset/") + kPresets[i][0]);
            }
            ImGui::EndCombo();
        }
        note_item("Animation/preset");
        draw_thumbnail(thumbnail);
        ImGui::InputText("file", s.path, sizeof s.path);
        if (ImGui::Button("Make clip")) action.start = true;
        note_item("Animation/Make clip");
        ImGui::EndDisabled();
        if (p.running) {
            const float done = p.total > 0 ? static_cast<float>(p.drawn) / p.total : 0.0f;
            char text[96];
            std::snprintf(text, sizeof text, "%d / %d frames, %.1f frames/s, %d:%02d left", p.drawn, p.total,
                          p.frames_per_second, static_cast<int>(p.seconds_left) / 60,
                          static_cast<int>(p.seconds_left) % 60);
            ImGui::ProgressBar(done, ImVec2(-1, 0), text);
            if (ImGui::Button("Cancel")) action.cancel = true;
            note_item("Animation/Cancel");
        }
        if (!p.message.empty()) ImGui::TextWrapped("%s", p.message.c_str());
    }
    end_section();
    return action;
}

}  // namespace em
