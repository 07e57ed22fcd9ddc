#include "export/png_writer.hpp"

#include <libdeflate.h>
#include <png.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <filesystem>
#include <thread>
#include <vector>

namespace em {

namespace {

std::string temp_name_for(const std::string& path) {
    return path + ".tmp." + std::to_string(::getpid());
}

// Checks the target's folder exists and is a folder, for a clearer message than fopen's.
Status check_target(const std::string& path) {
    std::error_code ec;
    const auto parent = std::filesystem::absolute(path, ec).parent_path();
    if (!std::filesystem::exists(parent, ec)) return Error{path + ": folder " + parent.string() + " does not exist"};
    if (std::filesystem::is_directory(path, ec)) return Error{path + ": is a folder"};
    return Ok{};
}

}  // namespace

namespace {

void put_u32(std::string& out, std::uint32_t v) {
    out += static_cast<char>(v >> 24), out += static_cast<char>(v >> 16), out += static_cast<char>(v >> 8);
    out += static_cast<char>(v);
}

// Appends one PNG chunk (length, type, data, CRC).
void put_chunk(std::string& out, const char type[4], const unsigned char* data, std::size_t size) {
    put_u32(out, static_cast<std::uint32_t>(size));
    const std::size_t type_at = out.size();
    out.append(type, 4);
    out.append(reinterpret_cast<const char*>(data), size);
    const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(out.data() + type_at), static_cast<uInt>(size + 4));
    put_u32(out, static_cast<std::uint32_t>(crc));
}

// Sixteen bytes as one value: GCC and Clang turn arithmetic on it into SSE2 instructions (baseline on x86-64).
using Bytes16 = std::uint8_t __attribute__((vector_size(16)));

// True if every pixel's alpha is 255: such a picture is written as RGB (colour type 2), a quarter fewer bytes to
// filter, checksum and deflate, and the same pixels for any reader (a missing alpha reads as opaque). ANDs sixteen
// bytes (four pixels) at a time with no early exit, then looks at the four alpha bytes of the result.
bool is_opaque(const Image& image) {
    const std::uint8_t* p = image.pixels.data();
    const std::size_t n = image.pixels.size();  // a multiple of 4
    Bytes16 all;
    std::memset(&all, 255, sizeof all);
    std::size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        Bytes16 v;
        std::memcpy(&v, p + i, 16);
        all &= v;
    }
    std::uint8_t alpha = all[3] & all[7] & all[11] & all[15];
    for (i += 3; i < n; i += 4) alpha &= p[i];
    return alpha == 255;
}

// PNG's SUB filter of one row of `bytes` bytes with `bpp` bytes a pixel: each byte minus the byte one pixel to
// the left. Sixteen bytes at a time; GCC's -O2 does not vectorise the plain loop (out and row may alias).
void sub_filter(const std::uint8_t* row, unsigned char* out, std::size_t bytes, std::size_t bpp) {
    std::size_t i = 0;
    for (; i < bpp && i < bytes; ++i) out[i] = row[i];
    for (; i + 16 <= bytes; i += 16) {
        Bytes16 here, left;
        std::memcpy(&here, row + i, 16);
        std::memcpy(&left, row + i - bpp, 16);
        here -= left;
        std::memcpy(out + i, &here, 16);
    }
    for (; i < bytes; ++i) out[i] = static_cast<unsigned char>(row[i] - row[i - bpp]);
}

// Packs RGBA pixels into RGB. Writes four bytes a pixel, the fourth overwritten by the next pixel: `out` needs
// room for one byte more than 3 * pixels.
void drop_alpha(const unsigned char* rgba, unsigned char* out, int pixels) {
    for (int x = 0; x < pixels; ++x) std::memcpy(out + x * 3, rgba + x * 4, 4);
}

// One band of rows, SUB-filtered and deflated as a raw stream that ends on a byte boundary (sync flush), so
// bands compressed on different threads can simply be concatenated (the technique of pigz).
struct Band {
    // Not zero-filled: it is sized for the worst case (deflateBound, half the 33 MB of a 4K picture per band) and
    // only the compressed bytes (about 1 MB) are ever written. Zero-filling it faulted in and cleared every page:
    // over a quarter of a 4K encode (perf, issue 18).
    std::vector<unsigned char, DefaultInitAllocator<unsigned char>> deflated;
    uLong adler = 1;
    std::size_t raw_size = 0;
    bool ok = true;
};

// zlib's memory level 7 instead of its default 8: with run-length matching the hash table is never read, but zlib
// clears it at each reset (below) and slides it with the window; half the table, half that work, the same bytes.
constexpr int kMemLevel = 7;

// Each band is deflated in sub-streams of at most this many filtered bytes (whole rows), each ended by a sync flush
// and followed by deflateReset, joined as the bands are. zlib slides its window and tables (slide_hash: 10% of a 4K
// render's CPU samples, perf) only once a stream passes 2 x 32 KB minus 262 bytes; a stream reset before that never
// slides. 4K encode: ~15% less CPU for ~2.5% more bytes (a block header per chunk); bench/README.md, fast4k2.
constexpr std::size_t kChunkBytes = 65000;

Band deflate_band(const Image& image, int y0, int y1, bool last, bool rgb) {
    Band band;
    const std::size_t bpp = rgb ? 3 : 4;
    const std::size_t stride = static_cast<std::size_t>(image.width) * bpp;
    band.raw_size = (stride + 1) * static_cast<std::size_t>(y1 - y0);
    z_stream z{};
    // Level 1 with run-length matching: maps are flat colour areas, for which this is both the fastest and
    // about the smallest of zlib's fast settings (bench/README.md has the table).
    if (deflateInit2(&z, 1, Z_DEFLATED, -15, kMemLevel, Z_RLE) != Z_OK) {
        band.ok = false;
        return band;
    }
    // Room for the worst case and, per sub-stream, a flush marker and a block header more.
    band.deflated.resize(deflateBound(&z, band.raw_size) + (band.raw_size / kChunkBytes + 1) * 64);
    unsigned char* const out_start = band.deflated.data();  // deflateReset zeroes total_out: count from here
    z.next_out = out_start;
    z.avail_out = static_cast<uInt>(band.deflated.size());
    std::size_t chunk_bytes = 0;
    // Row by row through small buffers: no band-sized copy to allocate and fault in.
    std::vector<unsigned char> row_buf(stride + 1 + 1);  // + 1: drop_alpha writes a byte past the row
    std::vector<unsigned char> rgba_filtered(rgb ? static_cast<std::size_t>(image.width) * 4 : 0);
    for (int y = y0; y < y1 && band.ok; ++y) {
        row_buf[0] = 1;  // filter type SUB
        if (rgb) {
            // SUB of RGB is SUB of RGBA without the alpha bytes: filter four bytes a pixel (vectorised), then drop.
            sub_filter(image.row(y), rgba_filtered.data(), rgba_filtered.size(), 4);
            drop_alpha(rgba_filtered.data(), row_buf.data() + 1, image.width);
        } else {
            sub_filter(image.row(y), row_buf.data() + 1, stride, 4);
        }
        // libdeflate's Adler-32 (SIMD): about a fifth of zlib's time on a 4K picture's 25 MB (bench/README.md).
        band.adler = libdeflate_adler32(static_cast<std::uint32_t>(band.adler), row_buf.data(), stride + 1);
        if (chunk_bytes > 0 && chunk_bytes + stride + 1 > kChunkBytes) {
            band.ok = deflate(&z, Z_SYNC_FLUSH) == Z_OK && deflateReset(&z) == Z_OK;
            chunk_bytes = 0;
        }
        chunk_bytes += stride + 1;
        z.next_in = row_buf.data();
        z.avail_in = static_cast<uInt>(stride + 1);
        const bool end = y + 1 == y1;
        const int rc = deflate(&z, end ? (last ? Z_FINISH : Z_SYNC_FLUSH) : Z_NO_FLUSH);
        band.ok = end && last ? rc == Z_STREAM_END : (rc == Z_OK && z.avail_in == 0);
    }
    band.deflated.resize(static_cast<std::size_t>(z.next_out - out_start));
    deflateEnd(&z);
    return band;
}

}  // namespace

Result<std::string> encode_png(const Image& image, int threads) {
    if (image.width <= 0 || image.height <= 0) return Error{"cannot encode an empty image"};
    threads = std::clamp(threads, 1, std::max(1, image.height / 64));
    const bool rgb = is_opaque(image);
    std::vector<Band> bands(threads);
    {
        std::vector<std::jthread> pool;
        for (int t = 0; t < threads; ++t) {
            const int y0 = image.height * t / threads, y1 = image.height * (t + 1) / threads;
            pool.emplace_back([&, t, y0, y1] { bands[t] = deflate_band(image, y0, y1, t + 1 == threads, rgb); });
        }
    }
    std::string png("\x89PNG\r\n\x1a\n", 8);
    const auto w = static_cast<std::uint32_t>(image.width), h = static_cast<std::uint32_t>(image.height);
    const unsigned char header[13] = {static_cast<unsigned char>(w >> 24), static_cast<unsigned char>(w >> 16),
                                      static_cast<unsigned char>(w >> 8),  static_cast<unsigned char>(w),
                                      static_cast<unsigned char>(h >> 24), static_cast<unsigned char>(h >> 16),
                                      static_cast<unsigned char>(h >> 8),  static_cast<unsigned char>(h),
                                      8, static_cast<unsigned char>(rgb ? 2 : 6),  // 8-bit RGB or RGBA
                                      0, 0, 0};  // deflate, adaptive filtering, no interlace
    put_chunk(png, "IHDR", header, 13);
    // The zlib stream: header, the bands' raw deflate data, and the Adler-32 of all filtered bytes.
    std::vector<unsigned char> stream{0x78, 0x01};
    uLong adler = 1;
    for (const Band& b : bands) {
        if (!b.ok) return Error{"PNG compression failed"};
        stream.insert(stream.end(), b.deflated.begin(), b.deflated.end());
        adler = adler32_combine(adler, b.adler, static_cast<z_off_t>(b.raw_size));
    }
    for (int shift : {24, 16, 8, 0}) stream.push_back(static_cast<unsigned char>(adler >> shift));
    constexpr std::size_t kChunk = 1 << 20;
    for (std::size_t at = 0; at < stream.size(); at += kChunk)
        put_chunk(png, "IDAT", stream.data() + at, std::min(kChunk, stream.size() - at));
    put_chunk(png, "IEND", nullptr, 0);
    return png;
}

Status write_png(const Image& image, const std::string& path) {
    auto encoded = encode_png(image, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    if (!encoded) return Error{path + ": " + encoded.error().message};
    return write_file_atomically(path, encoded.value());
}

Result<Image> read_png(const std::string& path) {
    png_image img;
    std::memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&img, path.c_str())) return Error{path + ": not a readable PNG"};
    img.format = PNG_FORMAT_RGBA;
    Image out(static_cast<int>(img.width), static_cast<int>(img.height));
    if (!png_image_finish_read(&img, nullptr, out.pixels.data(), 0, nullptr)) {
        png_image_free(&img);
        return Error{path + ": PNG decoding failed: " + img.message};
    }
    return out;
}

Status write_file_atomically(const std::string& path, const std::string& bytes) {
    if (auto ok = check_target(path); !ok) return ok;
    const std::string tmp = temp_name_for(path);
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return Error{path + ": cannot write: " + std::strerror(errno)};
    const bool wrote = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    const bool flushed = std::fflush(f) == 0 && ::fsync(fileno(f)) == 0;
    const bool closed = std::fclose(f) == 0;
    if (!wrote || !flushed || !closed) {
        std::remove(tmp.c_str());
        return Error{path + ": cannot write (disk full?)"};
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        std::remove(tmp.c_str());
        return Error{path + ": cannot move into place: " + why};
    }
    return Ok{};
}

}  // namespace em
