#pragma once

#include <string>
#include <vector>

#include "app/cli/render_options.hpp"
#include "core/result.hpp"
#include "render/camera.hpp"
#include "scene/project.hpp"

namespace em {

// The document `eventmap render` draws for its options: the view (preset or box) made into the exact frame the
// picture shows, the layers with their default styles, the events, filters and clock, the decorations and the
// output size. `--save-project` writes this document, and `render --project` of it draws the same picture.
Result<Project> document_for(const RenderOptions& options);

// The document `eventmap render --project FILE [options]` draws: the project as saved, with every option given
// beside it overriding the project's setting (a new size keeps the frame's centre and fits it; --view, --bbox or
// --projection replace the view; --layer and --events add to the project's). A version 1 project (no frame, no
// output size) is framed from its lon/lat box at the options' size. The project's warnings go to `warnings`.
Result<Project> document_for_project(const RenderOptions& options, std::vector<std::string>* warnings);

// The document of one frame of a sequence (`render --frames`, a clip) on `date`: the events shown, each frame's
// window ending on its date (a range would not move; a map made from options without --cumulative draws
// trailing windows of --window days).
Project frame_document(const Project& doc, const RenderOptions& options, Date date);

// The camera that draws a document: exactly its view.frame at its output size. The window's Export and
// `eventmap render` both use it, so the same document gives the same picture.
Result<Camera> document_camera(const Project& doc);

}  // namespace em
