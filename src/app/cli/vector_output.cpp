#include "app/cli/vector_output.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace em {

namespace {

constexpr double kMmPerInch = 25.4;
constexpr double kPointsPerInch = 72.0;
constexpr double kCssDpi = 96.0;  // pixel scale 1 is 96 dpi (--dpi N sets the scale to N / 96)

// The page's width and height in millimetres: the paper turned for the orientation, or --size WxHpt as given.
void page_mm(const RenderOptions& o, double& w, double& h) {
    if (o.page_pt) {
        w = o.page_pt->first / kPointsPerInch * kMmPerInch;
        h = o.page_pt->second / kPointsPerInch * kMmPerInch;
        return;
    }
    paper_size_mm(*o.paper, w, h);
    if (o.orientation == "landscape") std::swap(w, h);
}

}  // namespace

OutputFormat output_format(const std::string& path) {
    const auto dot = path.rfind('.');
    if (dot == std::string::npos) return OutputFormat::kPng;
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == "pdf") return OutputFormat::kPdf;
    if (ext == "svg") return OutputFormat::kSvg;
    return OutputFormat::kPng;
}

Status apply_paper(RenderOptions& o, bool dpi_or_scale_given) {
    const OutputFormat format = output_format(o.output);
    if (!o.paper && !o.page_pt) {
        for (const char* option : {"orientation", "margin"})
            if (o.was_given(option)) return Error{std::string("--") + option + ": only with --paper or --size WxHpt"};
        return Ok{};
    }
    if (o.page_pt && o.paper) return Error{"--paper: not with --size (the paper gives the size)"};
    if (o.page_pt) {
        if (format != OutputFormat::kPdf)
            return Error{"--size: a page in points (WxHpt) is only for a PDF (-o OUT.pdf); a PNG or SVG is sized in "
                         "pixels (--size WxH)"};
        if (o.was_given("orientation"))
            return Error{"--orientation: only with --paper (--size WxHpt is the page as given, width first)"};
    } else {
        if (format != OutputFormat::kPdf)
            return Error{"--paper: only for a PDF (-o OUT.pdf); a PNG or SVG is sized in pixels with --size"};
        if (o.was_given("size")) return Error{"--paper: not with --size (the paper gives the size)"};
    }
    if (o.world_file) return Error{"--world-file: only for a PNG"};
    if (!dpi_or_scale_given) o.pixel_scale = static_cast<float>(300.0 / kCssDpi);
    double w_mm = 0, h_mm = 0;
    page_mm(o, w_mm, h_mm);
    const double dpi = kCssDpi * o.pixel_scale;
    const double inner_w = w_mm - 2 * o.margin_mm, inner_h = h_mm - 2 * o.margin_mm;
    if (inner_w < 10 || inner_h < 10) return Error{"--margin: leaves less than 10 mm of the page for the map"};
    o.width = std::max(1, static_cast<int>(std::lround(inner_w / kMmPerInch * dpi)));
    o.height = std::max(1, static_cast<int>(std::lround(inner_h / kMmPerInch * dpi)));
    if (o.width > 16384 || o.height > 16384)
        return Error{"--dpi: the page at " + std::to_string(std::lround(dpi)) + " dpi would be a picture of " +
                     std::to_string(o.width) + "x" + std::to_string(o.height) +
                     " pixels, over 16384 a side; give a lower --dpi"};
    o.size_given = true;
    // A project drawn onto paper takes the paper's size and resolution (options beside --project win).
    o.given.insert("--size");
    o.given.insert("--dpi");
    return Ok{};
}

PdfPage pdf_page_for(const RenderOptions& o, const Project& doc) {
    const double dpi = kCssDpi * doc.output.pixel_scale;
    PdfPage page = page_for_picture(doc.output.width, doc.output.height, dpi);
    if (!o.paper && !o.page_pt) return page;
    double w_mm = 0, h_mm = 0;
    page_mm(o, w_mm, h_mm);
    const double picture_w = page.width_pt, picture_h = page.height_pt;
    // Points as given (no round trip through millimetres), else the paper's millimetres in points.
    page.width_pt = o.page_pt ? o.page_pt->first : w_mm / kMmPerInch * kPointsPerInch;
    page.height_pt = o.page_pt ? o.page_pt->second : h_mm / kMmPerInch * kPointsPerInch;
    page.x_pt = (page.width_pt - picture_w) / 2;
    page.y_pt = (page.height_pt - picture_h) / 2;
    return page;
}

}  // namespace em
