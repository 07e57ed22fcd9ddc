#include "support/video_probe.hpp"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <set>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

namespace em::test {

namespace {

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

Image to_rgba(const AVFrame* f, SwsContext*& sws) {
    Image out(f->width, f->height);
    sws = sws_getCachedContext(sws, f->width, f->height, static_cast<AVPixelFormat>(f->format), f->width, f->height,
                               AV_PIX_FMT_RGBA, SWS_BILINEAR | SWS_ACCURATE_RND, nullptr, nullptr, nullptr);
    if (f->colorspace == AVCOL_SPC_BT709) {
        const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
        sws_setColorspaceDetails(sws, bt709, f->color_range == AVCOL_RANGE_JPEG, bt709, 1, 0, 1 << 16, 1 << 16);
    }
    std::uint8_t* planes[1] = {out.pixels.data()};
    int strides[1] = {out.width * 4};
    sws_scale(sws, f->data, f->linesize, 0, f->height, planes, strides);
    return out;
}

}  // namespace

Result<ClipProbe> probe_clip(const std::string& path) {
    AVFormatContext* fmt = nullptr;
    if (avformat_open_input(&fmt, path.c_str(), nullptr, nullptr) < 0) return Error{path + ": libavformat cannot open it"};
    struct Close {
        AVFormatContext* f;
        ~Close() { avformat_close_input(&f); }
    } close_fmt{fmt};
    if (avformat_find_stream_info(fmt, nullptr) < 0) return Error{path + ": no stream info"};
    const int index = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (index < 0) return Error{path + ": no video stream"};
    AVStream* st = fmt->streams[index];
    const AVCodec* decoder = avcodec_find_decoder(st->codecpar->codec_id);
    if (!decoder) return Error{path + ": no decoder"};
    AVCodecContext* c = avcodec_alloc_context3(decoder);
    struct FreeCodec {
        AVCodecContext* c;
        ~FreeCodec() { avcodec_free_context(&c); }
    } free_codec{c};
    avcodec_parameters_to_context(c, st->codecpar);
    if (avcodec_open2(c, decoder, nullptr) < 0) return Error{path + ": decoder does not open"};

    ClipProbe probe;
    probe.container = fmt->iformat->name;
    probe.codec = decoder->name;
    probe.width = c->width;
    probe.height = c->height;
    probe.fps_num = st->avg_frame_rate.num ? st->avg_frame_rate.num : st->r_frame_rate.num;
    probe.fps_den = st->avg_frame_rate.num ? st->avg_frame_rate.den : st->r_frame_rate.den;
    AVPacket* pkt = av_packet_alloc();
    AVFrame* frame = av_frame_alloc();
    SwsContext* sws = nullptr;
    std::int64_t end_pts = 0;
    Image last;
    auto take = [&]() {
        while (avcodec_receive_frame(c, frame) == 0) {
            if (probe.pixel_format.empty()) probe.pixel_format = av_get_pix_fmt_name(static_cast<AVPixelFormat>(frame->format));
            ++probe.frames;
            const std::int64_t pts = frame->best_effort_timestamp;
            const std::int64_t dur = frame->pkt_duration > 0 ? frame->pkt_duration : 0;
            end_pts = std::max(end_pts, pts + dur);
            Image rgba = to_rgba(frame, sws);
            if (probe.kept.empty()) probe.kept.push_back(rgba);
            last = std::move(rgba);
        }
    };
    while (av_read_frame(fmt, pkt) >= 0) {
        if (pkt->stream_index == index) {
            avcodec_send_packet(c, pkt);
            take();
        }
        av_packet_unref(pkt);
    }
    avcodec_send_packet(c, nullptr);
    take();
    probe.duration = static_cast<double>(end_pts) * av_q2d(st->time_base);
    if (probe.frames > 0) probe.kept.push_back(std::move(last));
    sws_freeContext(sws);
    av_frame_free(&frame);
    av_packet_free(&pkt);
    return probe;
}

int gif_loop_count(const std::string& path) {
    const std::string bytes = read_all(path);
    const auto at = bytes.find("NETSCAPE2.0");
    if (at == std::string::npos || at + 11 + 4 > bytes.size()) return -1;
    // "NETSCAPE2.0", sub-block size 3, id 1, loop count (little-endian 16 bits).
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data() + at + 11);
    if (p[0] != 3 || p[1] != 1) return -1;
    return p[2] | (p[3] << 8);
}

bool gif_uses_one_palette(const std::string& path) {
    const std::string bytes = read_all(path);
    if (bytes.size() < 13 || bytes.compare(0, 3, "GIF") != 0) return false;
    const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
    if (!(b[10] & 0x80)) return false;
    const std::size_t global_size = 3 * (std::size_t(1) << ((b[10] & 7) + 1));
    const std::string global = bytes.substr(13, global_size);
    std::size_t at = 13 + global_size;
    auto skip_sub_blocks = [&]() {
        while (at < bytes.size() && b[at] != 0) at += b[at] + 1;
        ++at;
    };
    int images = 0;
    while (at < bytes.size()) {
        if (b[at] == 0x3B) return images > 0;  // trailer
        if (b[at] == 0x21) {                   // extension: label, then sub-blocks
            at += 2;
            skip_sub_blocks();
        } else if (b[at] == 0x2C) {  // image descriptor
            if (at + 10 > bytes.size()) return false;
            const unsigned char packed = b[at + 9];
            at += 10;
            if (packed & 0x80) {
                // FFmpeg 5.1 gives the first image a local table: the global one cut to the indices that image
                // uses, the rest filled with white. Any later local table is a second palette.
                if (images > 0) return false;
                at += 3 * (std::size_t(1) << ((packed & 7) + 1));
            }
            ++at;  // LZW minimum code size
            skip_sub_blocks();
            ++images;
        } else {
            return false;
        }
    }
    return false;
}

std::set<std::uint32_t> gif_global_palette(const std::string& path) {
    const std::string bytes = read_all(path);
    std::set<std::uint32_t> colours;
    if (bytes.size() < 13 || !(static_cast<unsigned char>(bytes[10]) & 0x80)) return colours;
    const std::size_t count = std::size_t(1) << ((static_cast<unsigned char>(bytes[10]) & 7) + 1);
    const auto* b = reinterpret_cast<const unsigned char*>(bytes.data()) + 13;
    for (std::size_t k = 0; k < count && 13 + 3 * k + 2 < bytes.size(); ++k)
        colours.insert((std::uint32_t(b[3 * k]) << 16) | (std::uint32_t(b[3 * k + 1]) << 8) | b[3 * k + 2]);
    return colours;
}

bool mp4_index_first(const std::string& path) {
    const std::string bytes = read_all(path);
    const auto moov = bytes.find("moov"), mdat = bytes.find("mdat");
    return moov != std::string::npos && mdat != std::string::npos && moov < mdat;
}

}  // namespace em::test
