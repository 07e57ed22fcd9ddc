#pragma once

#include <string>

#include "core/result.hpp"
#include "vector/draw_list.hpp"
#include "vector/pdf_writer.hpp"

namespace em {

// What eventmap-pdf.so (vector/pdf_cairo.cpp, linking cairo) exports, as
// `extern "C" const em::PdfModule* eventmap_pdf_module()`: the bytes of a one-page PDF of the list, drawn by cairo.
// The program writes them (atomically) itself; errors name `path`.
class PdfModule {
public:
    virtual Result<std::string> draw(const DrawList& list, const PdfPage& page, const std::string& font_path,
                                     const std::string& title, const std::string& path) const = 0;

protected:
    ~PdfModule() = default;
};
inline constexpr const char* kPdfModuleFile = "eventmap-pdf.so";
inline constexpr const char* kPdfModuleFactory = "eventmap_pdf_module";

}  // namespace em
