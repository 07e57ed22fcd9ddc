#pragma once

#include <string>

#include "core/result.hpp"

namespace em {

// The containers and codecs eventmap writes: MP4 (H.264 via libx264, yuv420p), WebM (VP9 via libvpx, yuv420p)
// and GIF (one 256-colour palette for the clip, looping).
enum class VideoFormat { kMp4, kWebm, kGif };

// The format a path asks for by its extension (any case); the error names the path and the supported ones.
Result<VideoFormat> video_format_for_path(const std::string& path);

// True when the path's extension is one of the video formats (.mp4, .webm, .gif, any case).
bool is_video_path(const std::string& path);

// "MP4 (H.264)", "WebM (VP9)", "GIF".
const char* video_format_name(VideoFormat format);

// Why a picture of width x height cannot be encoded in the format ("" when it can).
std::string video_size_problem(VideoFormat format, int width, int height);

}  // namespace em
