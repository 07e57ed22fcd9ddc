#include "export/world_file.hpp"

#include <cpl_conv.h>
#include <ogr_spatialref.h>

#include <cstdio>
#include <filesystem>

#include "export/png_writer.hpp"

namespace em {

namespace {

// path with its extension replaced ("out.png" -> "out.pgw").
std::string with_extension(const std::string& path, const std::string& ext) {
    return std::filesystem::path(path).replace_extension(ext).string();
}

std::string xml_escaped(const std::string& text) {
    std::string out;
    for (char c : text)
        out += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : c == '"' ? "&quot;" : std::string(1, c);
    return out;
}

}  // namespace

Status write_world_file(const std::string& png, const BBox& v, double mpp_x, double mpp_y,
                        const std::string& proj_string) {
    char text[512];
    // Pixel size x, rotations, negative pixel size y, then the centre of the upper-left pixel.
    std::snprintf(text, sizeof text, "%.10f\n0.0\n0.0\n%.10f\n%.10f\n%.10f\n", mpp_x, -mpp_y, v.min_x + mpp_x / 2,
                  v.max_y - mpp_y / 2);
    if (auto ok = write_file_atomically(with_extension(png, ".pgw"), text); !ok) return ok;
    OGRSpatialReference srs;
    if (srs.importFromProj4(proj_string.c_str()) != OGRERR_NONE)
        return Error{"cannot describe projection '" + proj_string + "' as WKT"};
    char* wkt = nullptr;
    srs.exportToWkt(&wkt);
    const std::string prj = wkt ? wkt : "";
    CPLFree(wkt);
    if (auto ok = write_file_atomically(with_extension(png, ".prj"), prj + "\n"); !ok) return ok;
    return write_file_atomically(png + ".aux.xml", "<PAMDataset>\n  <SRS>" + xml_escaped(prj) + "</SRS>\n</PAMDataset>\n");
}

}  // namespace em
