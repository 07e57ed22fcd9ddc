#pragma once

#include <string>

#include "app/cli/render_options.hpp"
#include "core/result.hpp"
#include "scene/project.hpp"
#include "vector/pdf_writer.hpp"

namespace em {

// What `eventmap render -o PATH` writes, by PATH's extension (any case): .pdf, .svg, else PNG.
enum class OutputFormat { kPng, kPdf, kSvg };
OutputFormat output_format(const std::string& path);

// Checks the vector-output options against the output and, with --paper (or --size WxHpt, a page of any size in
// points), sets the picture's size in pixels from the page, orientation and margin at the resolution of --dpi (300
// unless --dpi or --scale was given; the line widths and text follow it as for a PNG at that dpi). One-line errors
// name the option.
Status apply_paper(RenderOptions& o, bool dpi_or_scale_given);

// The PDF page of a document: its paper or --size WxHpt page when set (the picture centred inside the margins), else
// the picture alone at its dpi (96 x pixel scale: 1 pixel = 0.75 pt at scale 1).
PdfPage pdf_page_for(const RenderOptions& options, const Project& doc);

}  // namespace em
