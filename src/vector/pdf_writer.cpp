#include "vector/pdf_writer.hpp"

#include "core/shared_module.hpp"
#include "export/png_writer.hpp"
#include "vector/pdf_module.hpp"

namespace em {

PdfPage page_for_picture(int width_px, int height_px, double dpi) {
    PdfPage page;
    page.pt_per_px = 72.0 / dpi;
    page.width_pt = width_px * page.pt_per_px;
    page.height_pt = height_px * page.pt_per_px;
    return page;
}

bool paper_size_mm(const std::string& name, double& width_mm, double& height_mm) {
    if (name == "a4") return width_mm = 210, height_mm = 297, true;
    if (name == "a3") return width_mm = 297, height_mm = 420, true;
    if (name == "letter") return width_mm = 215.9, height_mm = 279.4, true;
    return false;
}

Status write_pdf(const DrawList& list, const PdfPage& page, const std::string& font_path, const std::string& title,
                 const std::string& path) {
    auto module = SharedModule::open(kPdfModuleFile);  // cairo, only now that a PDF is asked for
    if (!module) return Error{path + ": " + module.error().message};
    auto factory = module.value()->symbol(kPdfModuleFactory);
    if (!factory) return Error{path + ": " + factory.error().message};
    using Factory = const PdfModule* (*)();
    auto bytes = reinterpret_cast<Factory>(factory.value())()->draw(list, page, font_path, title, path);
    if (!bytes) return bytes.error();
    return write_file_atomically(path, bytes.value());
}

}  // namespace em
