#include "video/video_format.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace em {

namespace {

std::string lower_extension(const std::string& path) {
    const auto dot = path.rfind('.');
    const auto slash = path.rfind('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

// H.264 level 6.2 and VP9 level 6.2 both stop at 35,651,584 samples a picture (8192x4352); decoders in
// browsers and phones refuse larger. Both also stop at 16384 samples a side (H.264: sqrt(8 * 139264 MBs) * 16).
constexpr std::int64_t kMaxCodecSamples = 35651584;
constexpr int kMaxCodecSide = 16384;
constexpr int kMaxGifSide = 65535;  // GIF stores sizes in 16 bits

}  // namespace

Result<VideoFormat> video_format_for_path(const std::string& path) {
    const std::string ext = lower_extension(path);
    if (ext == "mp4") return VideoFormat::kMp4;
    if (ext == "webm") return VideoFormat::kWebm;
    if (ext == "gif") return VideoFormat::kGif;
    return Error{path + ": unknown animation format '" + (ext.empty() ? std::string("(no extension)") : "." + ext) +
                 "'; supported: .mp4 (H.264), .webm (VP9), .gif"};
}

bool is_video_path(const std::string& path) {
    const std::string ext = lower_extension(path);
    return ext == "mp4" || ext == "webm" || ext == "gif";
}

const char* video_format_name(VideoFormat format) {
    switch (format) {
        case VideoFormat::kMp4: return "MP4 (H.264)";
        case VideoFormat::kWebm: return "WebM (VP9)";
        case VideoFormat::kGif: return "GIF";
    }
    return "?";
}

std::string video_size_problem(VideoFormat format, int width, int height) {
    if (width <= 0 || height <= 0) return "empty picture " + std::to_string(width) + "x" + std::to_string(height);
    const std::string size = std::to_string(width) + "x" + std::to_string(height);
    if (format == VideoFormat::kGif) {
        if (width > kMaxGifSide || height > kMaxGifSide) return size + " is larger than GIF's 65535x65535";
        return "";
    }
    // Odd sizes are padded to even for 4:2:0 chroma, so check the padded size.
    const int w = width + (width & 1), h = height + (height & 1);
    const char* codec = format == VideoFormat::kMp4 ? "H.264" : "VP9";
    if (w > kMaxCodecSide || h > kMaxCodecSide)
        return size + " is too large for " + codec + " (at most 16384 pixels a side)";
    if (static_cast<std::int64_t>(w) * h > kMaxCodecSamples)
        return size + " is too large for " + codec + " (at most 35,651,584 pixels a frame, e.g. 8192x4352, level 6.2)";
    return "";
}

}  // namespace em
