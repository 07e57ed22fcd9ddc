#include "ui/export_panel.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "ui/panel_section.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace em {

namespace {

// "PNG", "PDF" or "SVG": what the file's extension makes of the export (the writer decides the same way).
const char* format_of(const char* path) {
    std::string p = path;
    std::transform(p.begin(), p.end(), p.begin(), [](unsigned char c) { return std::tolower(c); });
    const auto ends = [&p](const char* ext) { return p.size() >= 4 && p.compare(p.size() - 4, 4, ext) == 0; };
    return ends(".pdf") ? "PDF" : ends(".svg") ? "SVG" : "PNG";
}

}  // namespace

ExportRequest export_size(const ExportState& s, int ww, int wh) {
    ExportRequest r;
    switch (s.preset) {
        case 0: r.width = ww, r.height = wh; break;
        case 1: r.width = ww * 2, r.height = wh * 2; break;
        case 2: r.width = 3840, r.height = 2160; break;
        case 3: r.width = 3508, r.height = 2480; break;
        default: r.width = s.custom_width, r.height = s.custom_height; break;
    }
    r.width = std::clamp(r.width, 16, 16384);
    r.height = std::clamp(r.height, 16, 16384);
    // Scale lines and text with the picture so that it looks like the window, only sharper.
    r.pixel_scale = std::max(0.5f, static_cast<float>(r.width) / std::max(ww, 1));
    r.path = s.path;
    return r;
}

std::optional<ExportRequest> draw_export_panel(ExportState& s, int ww, int wh, const KeyPresses& keys) {
    std::optional<ExportRequest> request;
    // Ctrl+S or F12 export with the current settings from anywhere.
    if (keys.pressed(GLFW_KEY_S, GLFW_MOD_CONTROL) || keys.pressed(GLFW_KEY_F12)) request = export_size(s, ww, wh);
    if (begin_section("Export", false)) {
        // Each size is noted for the window tests (--layout-dump: "Export/size/a4").
        static const char* const kSizes[][2] = {{"window", "window size"}, {"twice", "twice the window"},
                                                {"4k", "3840 x 2160 (4K)"},
                                                {"a4", "A4 landscape, 300 dpi (3508 x 2480)"}, {"custom", "custom"}};
        s.preset = std::clamp(s.preset, 0, 4);
        if (ImGui::BeginCombo("size", kSizes[s.preset][1])) {
            for (int i = 0; i < 5; ++i) {
                if (ImGui::Selectable(kSizes[i][1], i == s.preset)) s.preset = i;
                note_item(std::string("Export/size/") + kSizes[i][0]);
            }
            ImGui::EndCombo();
        }
        note_item("Export/size");
        if (s.preset == 4) {
            ImGui::SetNextItemWidth(90);
            ImGui::InputInt("width", &s.custom_width, 0);
            ImGui::SameLine();
            ImGui::SetNextItemWidth(90);
            ImGui::InputInt("height", &s.custom_height, 0);
            s.custom_width = std::clamp(s.custom_width, 16, 16384);
            s.custom_height = std::clamp(s.custom_height, 16, 16384);
        }
        const ExportRequest preview = export_size(s, ww, wh);
        ImGui::TextDisabled("%d x %d pixels, lines and text x%.2f", preview.width, preview.height, preview.pixel_scale);
        ImGui::InputText("file", s.path, sizeof s.path);
        note_item("Export/file");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The format follows the extension: .png, .pdf or .svg");
        ImGui::InputText("title", s.title, sizeof s.title);
        ImGui::InputText("subtitle", s.subtitle, sizeof s.subtitle);
        ImGui::Checkbox("legend", &s.legend);
        ImGui::SameLine();
        ImGui::Checkbox("scale bar", &s.scale_bar);
        ImGui::Checkbox("sources", &s.attribution);
        ImGui::SameLine();
        ImGui::Checkbox("inset", &s.inset);
        ImGui::Checkbox("save the project beside it", &s.save_project);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("NAME.project.json: eventmap render --project NAME.project.json redraws this picture");
        const std::string button = std::string("Export ") + format_of(s.path) + " (Ctrl+S, F12)###export";
        if (ImGui::Button(button.c_str())) request = preview;
        note_item("Export/Export");
        if (!s.last_message.empty()) ImGui::TextWrapped("%s", s.last_message.c_str());
    }
    end_section();
    return request;
}

}  // namespace em
