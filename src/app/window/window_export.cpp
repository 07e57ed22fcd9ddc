#include "app/window/window_export.hpp"

#include <imgui.h>

#include <filesystem>
#include <string>

#include "app/export_decorations.hpp"
#include "app/picture.hpp"
#include "app/cli/render_document.hpp"
#include "app/window/window_layout_panels.hpp"
#include "app/window/window_project.hpp"
#include "export/png_writer.hpp"
#include "gl/gl_api.hpp"

namespace em {

namespace {

// The scene's 1:110m base level (the coarsest), drawn in the locator inset; nullptr if the scene has none.
SceneLayer* coarsest_base_layer(MapScene& scene) {
    BaseLevel* coarsest = nullptr;
    for (auto& level : scene.base)
        if (!coarsest || level.min_metres_per_pixel > coarsest->min_metres_per_pixel) coarsest = &level;
    return coarsest ? &coarsest->layer : nullptr;
}

// Draws and writes one export of `doc` (the window's document), and the project beside it when asked; the
// outcome goes to state.last_message.
void export_picture(const Project& doc, const std::string& path, ExportState& state, MapRenderer& renderer,
                    MapScene& scene, const MapStyle& style) {
    const Decorations deco = make_decorations(doc, scene, coarsest_base_layer(scene));
    auto camera = document_camera(doc);
    if (!camera) {
        state.last_message = "Export failed: " + camera.error().message;
        return;
    }
    const PictureRequest picture{camera.value(), doc.output.pixel_scale, doc.output.samples, 0};
    auto image = draw_picture(renderer, scene, style, picture, deco);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!image) {
        state.last_message = "Export failed: " + image.error().message;
        return;
    }
    if (auto ok = write_png(image.value(), path); !ok) {
        state.last_message = "Export failed: " + ok.error().message;
        return;
    }
    state.last_message = "Wrote " + path + " (" + std::to_string(doc.output.width) + " x " +
                         std::to_string(doc.output.height) + ")";
    if (state.save_project) {
        const std::string project_path = project_path_beside(path);
        if (auto ok = write_project(doc, project_path); ok) {
            state.last_message += " and " + project_path;
        } else {
            state.last_message += "; project not saved: " + ok.error().message;
        }
    }
}

}  // namespace

std::string project_path_beside(const std::string& picture_path) {
    return std::filesystem::path(picture_path).replace_extension(".project.json").string();
}

void draw_export_panel_and_write(PanelsState& panels, MapRenderer& renderer, MapScene& scene, const MapStyle& style,
                                 const MapView& view, const EventState& events, const KeyPresses& keys,
                                 int samples) {
    ImGui::SetNextWindowPos(ImVec2(340, 30), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    if (auto request = draw_export_panel(panels.export_state, view.camera.width(), view.camera.height(), keys)) {
        Project doc = window_document(scene, style, view, events, panels.export_state, samples);
        doc.window = current_window_layout(panels);
        export_picture(doc, request->path, panels.export_state, renderer, scene, style);
        panels.status.message = panels.export_state.last_message;
    }
}

}  // namespace em
