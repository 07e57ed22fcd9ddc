#include "app/window/window_export.hpp"

#include <imgui.h>

#include <filesystem>
#include <string>

#include "app/export_decorations.hpp"
#include "app/picture.hpp"
#include "app/cli/render_document.hpp"
#include "app/window/window_layout_panels.hpp"
#include "app/window/window_project.hpp"
#include "app/cli/vector_output.hpp"
#include "export/png_writer.hpp"
#include "gl/gl_api.hpp"
#include "vector/draw_list_builder.hpp"
#include "vector/pdf_writer.hpp"
#include "vector/svg_writer.hpp"
#include "render/uploaded_vertices.hpp"

namespace em {

namespace {

// The scene's 1:110m base level (the coarsest), drawn in the locator inset; nullptr if the scene has none.
SceneLayer* coarsest_base_layer(MapScene& scene) {
    BaseLevel* coarsest = nullptr;
    for (auto& level : scene.base)
        if (!coarsest || level.min_metres_per_pixel > coarsest->min_metres_per_pixel) coarsest = &level;
    return coarsest ? &coarsest->layer : nullptr;
}

// The PDF page of a window export: the picture at 96 dpi x its pixel scale (as the PNG would print), except the
// "A4 landscape, 300 dpi" size, whose 3508 x 2480 pixels are an A4 landscape page at 300 dpi (pdfinfo: A4).
PdfPage window_pdf_page(const ExportState& state, const Project& doc) {
    constexpr int kA4Preset = 3;
    double w_mm = 0, h_mm = 0;
    if (state.preset != kA4Preset || !paper_size_mm("a4", w_mm, h_mm))
        return page_for_picture(doc.output.width, doc.output.height, 96.0 * doc.output.pixel_scale);
    PdfPage page = page_for_picture(doc.output.width, doc.output.height, 300.0);
    page.width_pt = h_mm / 25.4 * 72.0;  // landscape
    page.height_pt = w_mm / 25.4 * 72.0;
    page.x_pt = (page.width_pt - doc.output.width * page.pt_per_px) / 2;
    page.y_pt = (page.height_pt - doc.output.height * page.pt_per_px) / 2;
    return page;
}

bool write_export_png(const Project& doc, const std::string& path, ExportState& state, MapRenderer& renderer,
                      MapScene& scene, const MapStyle& style, const Decorations& deco, const Camera& camera);

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
    const OutputFormat format = output_format(path);
    if (format != OutputFormat::kPng) {
        // PDF or SVG of the same document (docs/architecture.md, "Vector export"), from whole meshes.
        restore_released_vertices(scene);
        const DrawList list = build_draw_list(scene, style, camera.value(), doc.output.pixel_scale, deco, renderer.font());
        const Status ok = format == OutputFormat::kSvg
                              ? write_svg(list, path)
                              : write_pdf(list, window_pdf_page(state, doc), renderer.font().path(),
                                          doc.decorations.title, path);
        if (!ok) {
            state.last_message = "Export failed: " + ok.error().message;
            return;
        }
    } else if (!write_export_png(doc, path, state, renderer, scene, style, deco, camera.value())) {
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

// Draws the PNG with GL and writes it; false (and the message in state) on failure.
bool write_export_png(const Project& doc, const std::string& path, ExportState& state, MapRenderer& renderer,
                      MapScene& scene, const MapStyle& style, const Decorations& deco, const Camera& camera) {
    const PictureRequest picture{camera, doc.output.pixel_scale, doc.output.samples, 0};
    auto image = draw_picture(renderer, scene, style, picture, deco);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!image) {
        state.last_message = "Export failed: " + image.error().message;
        return false;
    }
    if (auto ok = write_png(image.value(), path); !ok) {
        state.last_message = "Export failed: " + ok.error().message;
        return false;
    }
    return true;
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
