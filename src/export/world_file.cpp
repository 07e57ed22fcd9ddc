#include "export/world_file.hpp"

#include <cstdio>
#include <filesystem>

#include "export/png_writer.hpp"
#include "geo/gdal_module.hpp"

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
    // GDAL's module is opened for this (a picture with a world file is rare; GDAL writes the WKT as GIS read it).
    auto gdal = gdal_module();
    if (!gdal) return gdal.error();
    auto wkt = gdal.value()->wkt_of_proj(proj_string);
    if (!wkt) return wkt.error();
    const std::string& prj = wkt.value();
    if (auto ok = write_file_atomically(with_extension(png, ".prj"), prj + "\n"); !ok) return ok;
    return write_file_atomically(png + ".aux.xml", "<PAMDataset>\n  <SRS>" + xml_escaped(prj) + "</SRS>\n</PAMDataset>\n");
}

}  // namespace em
