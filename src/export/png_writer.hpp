#pragma once

#include <string>

#include "core/image.hpp"
#include "core/result.hpp"

namespace em {

// Encodes an RGBA image as PNG with libpng at a fast compression level (speed matters more than a few
// percent of size for map exports). The file is written to a temporary name beside the target and renamed
// into place, so a failure never leaves a partial file over a good one.
Status write_png(const Image& image, const std::string& path);

// Reads a PNG into RGBA (for tests and golden comparisons).
Result<Image> read_png(const std::string& path);

// Writes bytes to path atomically (temporary file in the same folder, fsync, rename).
Status write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace em
