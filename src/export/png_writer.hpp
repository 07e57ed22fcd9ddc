#pragma once

#include <string>

#include "core/image.hpp"
#include "core/result.hpp"

namespace em {

// Encodes an RGBA image as PNG (as RGB when every pixel is opaque: the same pixels for any reader, a quarter
// fewer bytes to encode): SUB-filtered rows deflated by zlib (level 1, run-length strategy), in bands
// compressed on `threads` threads and joined into one zlib stream. Decodes with any PNG reader (tests read it
// back with libpng). Why not libpng's writer: one thread, 72-105 ms for a 4K map here against about half that
// on two cores; the figures are in bench/README.md.
Result<std::string> encode_png(const Image& image, int threads);

// Encodes (on all cores) and writes the PNG atomically: a temporary file beside the target, then a rename,
// so a failure never leaves a partial file over a good one.
Status write_png(const Image& image, const std::string& path);

// Reads a PNG into RGBA (for tests and golden comparisons).
Result<Image> read_png(const std::string& path);

// Writes bytes to path atomically (temporary file in the same folder, fsync, rename).
Status write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace em
