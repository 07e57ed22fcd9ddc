#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/image.hpp"
#include "core/result.hpp"
#include "video/video_format.hpp"

namespace em {

// What a clip is: its format, the size of the frames given to it and how many a second.
struct VideoSettings {
    VideoFormat format = VideoFormat::kMp4;
    int width = 0, height = 0;  // of the RGBA frames; MP4 and WebM pad odd sides to even (edge pixels repeated)
    int fps = 30;
    // GIF only: colours kept exactly in the clip's palette (0xRRGGBB), e.g. the actors' colours.
    std::vector<std::uint32_t> gif_keep_colours;
};

// A clip being written: frames go in, encoded on a thread of their own (video/encoding_thread) while the caller
// draws the next one. The one interface of the video module (eventmap-video.so, which links FFmpeg's libraries and
// libimagequant): the program itself never links them, so a PNG render does not load them.
class ClipEncoder {
public:
    virtual ~ClipEncoder() = default;
    // Queues a frame (the settings' size) to be encoded `copies` times; the encoder's first error, if any.
    virtual Status push(Image frame, int copies) = 0;
    // Encodes what is queued, flushes, writes the index, syncs and renames onto the path. Once.
    virtual Status finish() = 0;
    // Frames encoded so far (copies counted).
    virtual int encoded() const = 0;
};

// Opens the video module and a clip at `path` (a temporary file beside it until finish(); an encoder dropped
// unfinished leaves nothing at the path). Errors are one line: the module missing, or the writer's own (path).
Result<std::unique_ptr<ClipEncoder>> open_clip_encoder(const std::string& path, const VideoSettings& settings);

// What eventmap-video.so exports, as `extern "C" const em::VideoModule* eventmap_video_module()`.
class VideoModule {
public:
    virtual Result<std::unique_ptr<ClipEncoder>> open(const std::string& path, const VideoSettings& settings) const = 0;

protected:
    ~VideoModule() = default;
};
inline constexpr const char* kVideoModuleFile = "eventmap-video.so";
inline constexpr const char* kVideoModuleFactory = "eventmap_video_module";

}  // namespace em
