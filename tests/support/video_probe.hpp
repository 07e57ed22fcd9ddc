#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/image.hpp"
#include "core/result.hpp"

namespace em::test {

// What a clip holds, read back with libavformat and libavcodec (not with our writer's code).
struct ClipProbe {
    std::string container;     // libavformat's demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "gif"
    std::string codec;         // "h264", "vp9", "gif"
    std::string pixel_format;  // the decoder's output, e.g. "yuv420p", "bgra" (GIF)
    int width = 0, height = 0;
    int frames = 0;            // decoded frames
    double duration = 0;       // seconds: last frame's pts plus its duration, in the stream's time base
    int fps_num = 0, fps_den = 1;
    std::vector<Image> kept;   // RGBA of the frames asked for (first and last by default)
};

// Decodes every frame of the clip at `path`; keeps the first and the last as RGBA (converted with the
// stream's colour space).
Result<ClipProbe> probe_clip(const std::string& path);

// GIF: the loop count of the NETSCAPE2.0 extension (0 = forever), or -1 when the file has none.
int gif_loop_count(const std::string& path);
// GIF: true when the logical screen carries a global colour table and no image but the first has a local one
// (FFmpeg 5.1's GIF encoder gives the first image a local table: the global one cut to what that image uses).
bool gif_uses_one_palette(const std::string& path);
// GIF: the colours of the global colour table, as 0xRRGGBB.
std::set<std::uint32_t> gif_global_palette(const std::string& path);
// MP4: true when the 'moov' box comes before 'mdat' (+faststart).
bool mp4_index_first(const std::string& path);

}  // namespace em::test
