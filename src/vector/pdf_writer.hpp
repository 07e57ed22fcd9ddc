#pragma once

#include <string>

#include "core/result.hpp"
#include "vector/draw_list.hpp"

namespace em {

// Where the picture sits on a PDF page: the page size and the picture's top-left corner in points (1/72 inch),
// and how many points one picture pixel is (72 / dpi).
struct PdfPage {
    double width_pt = 0, height_pt = 0;
    double x_pt = 0, y_pt = 0;
    double pt_per_px = 0.75;
};

// The page of a picture alone: its pixels at `dpi`, no margin.
PdfPage page_for_picture(int width_px, int height_px, double dpi);

// Paper sizes in millimetres, portrait: a4, a3, letter (lower case); false if unknown.
bool paper_size_mm(const std::string& name, double& width_mm, double& height_mm);

// Draws the list onto one PDF page through cairo: paths and markers as vectors, text as text in DejaVu Sans
// (font_path, through cairo's FreeType font face; cairo embeds the subset used), so it can be selected,
// searched and corrected; the halo is a stroked outline of the text underneath. Written atomically.
// title goes into the document's metadata. cairo lives in a module, eventmap-pdf.so (vector/pdf_module.hpp),
// opened here: the program does not link cairo, so PNG renders and the window never load it.
Status write_pdf(const DrawList& list, const PdfPage& page, const std::string& font_path, const std::string& title,
                 const std::string& path);

}  // namespace em
