#include "ui/layers_panel.hpp"

#include <imgui.h>

#include "ui/panel_section.hpp"

#include <utility>

namespace em {

namespace {

bool color_edit(const char* label, Color& c) {
    float v[4] = {c.r, c.g, c.b, c.a};
    if (!ImGui::ColorEdit4(label, v, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_AlphaBar)) return false;
    c = {v[0], v[1], v[2], v[3]};
    return true;
}

// The controls shared by every layer; returns true on change.
bool layer_style_controls(LayerStyle& s, bool has_fill, const std::string& name) {
    bool changed = false;
    changed |= ImGui::Checkbox("visible", &s.visible);
    note_item("Layers/" + name + "/visible");
    if (has_fill) {
        ImGui::SameLine();
        changed |= ImGui::Checkbox("fill", &s.fill_enabled);
        ImGui::SameLine();
        changed |= color_edit("fill colour", s.fill);
    }
    changed |= color_edit("outline colour", s.outline);
    ImGui::SetNextItemWidth(8 * ImGui::GetFontSize());
    changed |= ImGui::SliderFloat("outline width (px)", &s.outline_width, 0.0f, 6.0f, "%.1f");
    ImGui::SetNextItemWidth(8 * ImGui::GetFontSize());
    changed |= ImGui::SliderFloat("opacity", &s.opacity, 0.0f, 1.0f, "%.2f");
    return changed;
}

// A combo choosing one of the fields (or none); returns true on change.
bool field_combo(const char* label, std::string& field, const std::vector<std::string>& fields) {
    bool changed = false;
    ImGui::SetNextItemWidth(10 * ImGui::GetFontSize());
    if (ImGui::BeginCombo(label, field.empty() ? "(none)" : field.c_str())) {
        if (ImGui::Selectable("(none)", field.empty())) field.clear(), changed = true;
        for (const auto& f : fields)
            if (ImGui::Selectable(f.c_str(), f == field)) field = f, changed = true;
        ImGui::EndCombo();
    }
    return changed;
}

}  // namespace

bool draw_layers_panel(MapScene& scene, MapStyle& style) {
    bool changed = false;
    if (!begin_section("Layers", false)) {  // opened on demand: the map first
        end_section();
        return false;
    }
    // Overlays are listed top (drawn last) to bottom, as in other GIS tools.
    for (int i = static_cast<int>(scene.overlays.size()) - 1; i >= 0; --i) {
        SceneLayer& layer = scene.overlays[i];
        ImGui::PushID(i);
        const bool open = ImGui::TreeNodeEx("##layer", ImGuiTreeNodeFlags_DefaultOpen, "%s", layer.title.c_str());
        ImGui::SameLine(ImGui::GetContentRegionMax().x - 3.5f * ImGui::GetFontSize());
        if (ImGui::SmallButton("^") && i + 1 < static_cast<int>(scene.overlays.size())) {
            std::swap(scene.overlays[i], scene.overlays[i + 1]);
            changed = true;
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("v") && i > 0) {
            std::swap(scene.overlays[i], scene.overlays[i - 1]);
            changed = true;
        }
        if (open) {
            if (i < static_cast<int>(scene.overlays.size())) {
                SceneLayer& l = scene.overlays[i];
                ImGui::TextDisabled("%zu features, %s", l.data.values.size(), l.data.crs.c_str());
                changed |= layer_style_controls(l.style, l.data.kind != GeometryKind::kLine, l.title);
                changed |= field_combo("colour by", l.style.color_field, l.data.fields);
                changed |= field_combo("label", l.style.label_field, l.data.fields);
                if (!l.style.color_field.empty() && l.classes.field == l.style.color_field) {
                    for (size_t k = 0; k < l.classes.colors.size(); ++k) {
                        const Color& c = l.classes.colors[k];
                        ImGui::ColorButton("##class", ImVec4(c.r, c.g, c.b, 1), ImGuiColorEditFlags_NoTooltip,
                                           ImVec2(12, 12));
                        ImGui::SameLine();
                        ImGui::TextUnformatted(l.classes.labels[k].c_str());
                    }
                }
            }
            ImGui::TreePop();
        }
        ImGui::PopID();
        (void)layer;
    }
    if (ImGui::TreeNodeEx("Graticule (10 degrees)", 0)) {
        changed |= ImGui::Checkbox("show graticule", &style.show_graticule);
        changed |= color_edit("colour##grat", style.graticule.outline);
        ImGui::SetNextItemWidth(8 * ImGui::GetFontSize());
        changed |= ImGui::SliderFloat("width (px)##grat", &style.graticule.outline_width, 0.0f, 3.0f, "%.1f");
        ImGui::TreePop();
    }
    if (ImGui::TreeNodeEx("Countries (Natural Earth)", ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::PushID("base");
        changed |= layer_style_controls(style.base, true, "Countries");
        changed |= color_edit("focus countries fill", style.focus_fill);
        changed |= ImGui::Checkbox("country labels", &style.show_country_labels);
        ImGui::SameLine();
        changed |= ImGui::Checkbox("capitals", &style.show_capitals);
        ImGui::PopID();
        ImGui::TreePop();
    }
    changed |= color_edit("ocean", style.ocean);
    end_section();
    return changed;
}

}  // namespace em
