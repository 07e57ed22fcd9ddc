#pragma once

#include <string>

#include "core/bbox.hpp"
#include "core/result.hpp"

namespace em {

// Writes what places a picture in a GIS beside it: the ESRI world file (OUT.pgw), the projection as WKT
// (OUT.prj) and a GDAL OUT.png.aux.xml with the same CRS (GDAL, and so QGIS, read a PNG's CRS from there).
// `visible` is the picture's extent in the projection's metres, `proj_string` the projection as PROJ text.
// Each file is written atomically.
Status write_world_file(const std::string& png, const BBox& visible, double metres_per_pixel_x,
                        double metres_per_pixel_y, const std::string& proj_string);

}  // namespace em
