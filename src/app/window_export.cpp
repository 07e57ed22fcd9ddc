#include "app/window_export.hpp"

#include <imgui.h>

#include <string>

#include "app/picture.hpp"
#include "export/png_writer.hpp"
#include "gl/gl_api.hpp"
#include "render/decorations.hpp"

namespace em {

namespace {

// Title, time, legend, scale bar, sources and locator inset, as the panel chose.
Decorations export_decorations(const ExportState& state, MapScene& scene) {
    Decorations deco;
    deco.title = state.title;
    deco.subtitle = state.subtitle;
    if (scene.events) deco.when = window_caption(scene.events->window);
    deco.legend = state.legend;
    deco.legend_entries = legend_for(scene);
    deco.scale_bar = state.scale_bar;
    const std::string sources = "Base map: Natural Earth (public domain). Events: each with its source. ";
    if (state.attribution) deco.attribution = sources + "Projection: " + scene.projection.label();
    for (auto& level : scene.base)
        if (level.layer.data.values.size() < 200 && state.inset) {  // the 1:110m level
            if (level.layer.highlight.empty()) scene.mark_focus(level.layer);
            deco.inset = true;
            deco.inset_layer = &level.layer;
        }
    return deco;
}

// Draws and writes one export; the outcome goes to state.last_message.
void export_picture(const ExportRequest& request, ExportState& state, MapRenderer& renderer, MapScene& scene,
                    const MapStyle& style, const Camera& camera, int samples) {
    const Decorations deco = export_decorations(state, scene);
    const PictureRequest picture{Camera::fit(camera.visible(), request.width, request.height), request.pixel_scale,
                                 samples, 0};
    auto image = draw_picture(renderer, scene, style, picture, deco);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!image) {
        state.last_message = "Export failed: " + image.error().message;
    } else if (auto ok = write_png(image.value(), request.path); !ok) {
        state.last_message = "Export failed: " + ok.error().message;
    } else {
        state.last_message = "Wrote " + request.path + " (" + std::to_string(request.width) + " x " +
                             std::to_string(request.height) + ")";
    }
}

}  // namespace

void draw_export_panel_and_write(PanelsState& panels, MapRenderer& renderer, MapScene& scene, const MapStyle& style,
                                 const MapView& view, const KeyPresses& keys, int samples) {
    ImGui::SetNextWindowPos(ImVec2(340, 30), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    if (auto request = draw_export_panel(panels.export_state, view.fb_w, view.fb_h, keys)) {
        export_picture(*request, panels.export_state, renderer, scene, style, view.camera, samples);
        panels.status.message = panels.export_state.last_message;
    }
}

}  // namespace em
