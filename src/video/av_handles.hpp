#pragma once
// Move-only owners of FFmpeg's objects, one per kind, each freed by the function FFmpeg names for it. Only
// src/video includes this file (FFmpeg's headers stay out of the rest of the program).

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/frame.h>
#include <libswscale/swscale.h>
}

#include <memory>
#include <string>

namespace em::av {

struct CodecContextFree {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameFree {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketFree {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwsFree {
    void operator()(SwsContext* s) const { sws_freeContext(s); }
};
// An output context: closes its file (if open) before freeing; the file itself is the writer's to remove.
struct OutputFormatFree {
    void operator()(AVFormatContext* f) const {
        if (f->pb && !(f->oformat->flags & AVFMT_NOFILE)) avio_closep(&f->pb);
        avformat_free_context(f);
    }
};
// An input context (tests and readers): avformat_close_input frees it and its file.
struct InputFormatFree {
    void operator()(AVFormatContext* f) const { avformat_close_input(&f); }
};

using CodecContext = std::unique_ptr<AVCodecContext, CodecContextFree>;
using Frame = std::unique_ptr<AVFrame, FrameFree>;
using Packet = std::unique_ptr<AVPacket, PacketFree>;
using Sws = std::unique_ptr<SwsContext, SwsFree>;
using OutputFormat = std::unique_ptr<AVFormatContext, OutputFormatFree>;
using InputFormat = std::unique_ptr<AVFormatContext, InputFormatFree>;

// FFmpeg's words for an error code ("No space left on device", "Invalid argument").
inline std::string error_text(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

}  // namespace em::av
