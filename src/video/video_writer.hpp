#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/image.hpp"
#include "core/result.hpp"
#include "video/clip_encoder.hpp"
#include "video/video_format.hpp"

namespace em {

// Writes RGBA frames as a clip, in this process, with FFmpeg's libraries (libavformat, libavcodec, libswscale):
//   MP4  H.264 (libx264, preset veryfast, tune animation, CRF 20), yuv420p BT.709, +faststart (the index
//        before the data, so browsers play it while it downloads and platforms accept the upload);
//   WebM VP9 (libvpx, CRF 32, row multithreading), yuv420p BT.709;
//   GIF  one palette for the whole clip (video/clip_palette, libimagequant), looping forever.
// Everything goes to a temporary file beside the target, renamed onto it by finish(): a writer destroyed
// before finish() (an error, a cancel) removes its temporary file and leaves nothing at the path.
class VideoWriter {
public:
    // Opens the temporary file and the encoder. Errors name the path: an unwritable folder, a size the codec
    // cannot take (video_size_problem), a missing encoder.
    static Result<std::unique_ptr<VideoWriter>> open(const std::string& path, const VideoSettings& settings);
    ~VideoWriter();
    VideoWriter(const VideoWriter&) = delete;
    VideoWriter& operator=(const VideoWriter&) = delete;

    // Encodes one frame (settings' size). A disk that fills up shows here or in finish().
    Status add_frame(const Image& frame);
    // Flushes the encoder, writes the container's index, syncs and renames onto the path. Once.
    Status finish();

    const std::string& path() const { return path_; }
    int frames_added() const { return frames_; }

private:
    struct Encoder;  // FFmpeg's contexts (video_writer.cpp)
    VideoWriter(std::string path, VideoSettings settings);
    Status send(bool flush);  // the frame in the encoder's input (or a flush) to packets in the file

    std::string path_, temp_path_;
    VideoSettings settings_;
    std::unique_ptr<Encoder> encoder_;
    int frames_ = 0;
    bool finished_ = false;
};

// The temporary file a writer for `path` uses (for tests: it must be gone after a failure).
std::string video_temp_path(const std::string& path);

}  // namespace em
