#include "video/video_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "video/av_handles.hpp"
#include "video/clip_palette.hpp"

extern "C" {
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
}

namespace em {

struct VideoWriter::Encoder {
    av::OutputFormat format;
    AVStream* stream = nullptr;  // owned by format
    av::CodecContext codec;
    av::Frame frame;  // the encoder's input: yuv420p, or pal8 for GIF
    av::Packet packet{av_packet_alloc()};
    av::Sws sws;
    Image padded;                          // the frame with odd sides padded to even (MP4, WebM)
    std::unique_ptr<ClipPalette> palette;  // GIF: frames wait here until the clip's palette is known
    std::int64_t next_pts = 0;
};

namespace {

const char* muxer_name(VideoFormat f) {
    switch (f) {
        case VideoFormat::kMp4: return "mp4";
        case VideoFormat::kWebm: return "webm";
        case VideoFormat::kGif: return "gif";
    }
    return "";
}

const char* encoder_name(VideoFormat f) {
    switch (f) {
        case VideoFormat::kMp4: return "libx264";
        case VideoFormat::kWebm: return "libvpx-vp9";
        case VideoFormat::kGif: return "gif";
    }
    return "";
}

// Copies `from` into `to` (at least as large), repeating the last column and row into the padding, so the
// padded edge has the picture's colour rather than black (a player that ignores cropping shows no line).
void pad_into(const Image& from, Image& to) {
    for (int y = 0; y < to.height; ++y) {
        const std::uint8_t* src = from.row(std::min(y, from.height - 1));
        std::uint8_t* dst = to.row(y);
        std::memcpy(dst, src, static_cast<std::size_t>(from.width) * 4);
        for (int x = from.width; x < to.width; ++x) std::memcpy(dst + x * 4, src + (from.width - 1) * 4, 4);
    }
}

}  // namespace

std::string video_temp_path(const std::string& path) { return path + ".tmp." + std::to_string(::getpid()); }

VideoWriter::VideoWriter(std::string path, VideoSettings settings)
    : path_(std::move(path)), temp_path_(video_temp_path(path_)), settings_(std::move(settings)),
      encoder_(std::make_unique<Encoder>()) {}

VideoWriter::~VideoWriter() {
    if (finished_) return;
    encoder_.reset();  // closes the file
    std::remove(temp_path_.c_str());
}

Result<std::unique_ptr<VideoWriter>> VideoWriter::open(const std::string& path, const VideoSettings& s) {
    // FFmpeg's own log lines (x264's statistics, muxer notes) would break the one-line errors and the progress
    // line; what goes wrong comes back as return codes, reported in our words.
    av_log_set_level(AV_LOG_QUIET);
    if (auto problem = video_size_problem(s.format, s.width, s.height); !problem.empty())
        return Error{path + ": " + problem};
    if (s.fps < 1 || s.fps > 120) return Error{path + ": " + std::to_string(s.fps) + " frames a second is not 1..120"};
    std::unique_ptr<VideoWriter> w(new VideoWriter(path, s));
    Encoder& e = *w->encoder_;
    const auto fail = [&](const std::string& what, int code) {
        return Error{path + ": " + what + (code < 0 ? ": " + av::error_text(code) : std::string())};
    };

    AVFormatContext* raw = nullptr;
    int rc = avformat_alloc_output_context2(&raw, nullptr, muxer_name(s.format), w->temp_path_.c_str());
    if (rc < 0 || !raw) return fail(std::string("FFmpeg has no ") + muxer_name(s.format) + " muxer", rc);
    e.format.reset(raw);
    const AVCodec* codec = avcodec_find_encoder_by_name(encoder_name(s.format));
    if (!codec) return fail(std::string("FFmpeg has no ") + encoder_name(s.format) + " encoder", 0);
    e.stream = avformat_new_stream(e.format.get(), nullptr);
    e.codec.reset(avcodec_alloc_context3(codec));
    e.frame.reset(av_frame_alloc());
    if (!e.stream || !e.codec || !e.frame || !e.packet) return fail("out of memory", 0);

    AVCodecContext* c = e.codec.get();
    const bool gif = s.format == VideoFormat::kGif;
    c->width = gif ? s.width : s.width + (s.width & 1);
    c->height = gif ? s.height : s.height + (s.height & 1);
    c->time_base = AVRational{1, s.fps};
    c->framerate = AVRational{s.fps, 1};
    c->pix_fmt = gif ? AV_PIX_FMT_PAL8 : AV_PIX_FMT_YUV420P;
    if (!gif) {
        c->color_range = AVCOL_RANGE_MPEG;
        c->colorspace = AVCOL_SPC_BT709;
        c->color_primaries = AVCOL_PRI_BT709;
        c->color_trc = AVCOL_TRC_BT709;
        c->gop_size = 2 * s.fps;  // a key frame every 2 s: seeking in a player, cuts in an editor
        c->thread_count = 0;      // the encoder's own threads, on every core
    }
    if (s.format == VideoFormat::kMp4) {
        // Maps are flat colour with thin lines: "animation" tuning (more reference frames, stronger deblocking
        // off) keeps arcs and text sharp; CRF 20 is visually clean at 1080p; veryfast keeps pace with drawing.
        av_opt_set(c->priv_data, "preset", "veryfast", 0);
        av_opt_set(c->priv_data, "tune", "animation", 0);
        av_opt_set(c->priv_data, "crf", "20", 0);
        av_opt_set(c->priv_data, "profile", "high", 0);
    } else if (s.format == VideoFormat::kWebm) {
        c->bit_rate = 0;  // constant quality
        av_opt_set(c->priv_data, "crf", "32", 0);
        av_opt_set(c->priv_data, "deadline", "good", 0);
        av_opt_set(c->priv_data, "cpu-used", "5", 0);  // the fastest "good" speed; "realtime" blurs text
        av_opt_set(c->priv_data, "row-mt", "1", 0);
    }
    if (e.format->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if ((rc = avcodec_open2(c, codec, nullptr)) < 0) return fail(std::string("cannot open ") + encoder_name(s.format), rc);
    if ((rc = avcodec_parameters_from_context(e.stream->codecpar, c)) < 0) return fail("stream parameters", rc);
    e.stream->time_base = c->time_base;
    e.stream->avg_frame_rate = c->framerate;

    e.frame->format = c->pix_fmt;
    e.frame->width = c->width;
    e.frame->height = c->height;
    if ((rc = av_frame_get_buffer(e.frame.get(), 0)) < 0) return fail("out of memory for a frame", rc);
    if (gif) {
        e.palette = std::make_unique<ClipPalette>(s.width, s.height);
        for (std::uint32_t rgb : s.gif_keep_colours)
            if (auto ok = e.palette->keep_colour(rgb >> 16, (rgb >> 8) & 0xFF, rgb & 0xFF); !ok)
                return Error{path + ": " + ok.error().message};
    } else {
        e.sws.reset(sws_getContext(c->width, c->height, AV_PIX_FMT_RGBA, c->width, c->height, AV_PIX_FMT_YUV420P,
                                   SWS_BILINEAR | SWS_ACCURATE_RND, nullptr, nullptr, nullptr));
        if (!e.sws) return fail("cannot convert RGBA to yuv420p", 0);
        // Full-range RGB to limited-range BT.709, as the stream is tagged.
        const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
        sws_setColorspaceDetails(e.sws.get(), bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16);
        if (c->width != s.width || c->height != s.height) e.padded = Image(c->width, c->height);
    }

    if ((rc = avio_open(&e.format->pb, w->temp_path_.c_str(), AVIO_FLAG_WRITE)) < 0)
        return fail("cannot write " + w->temp_path_, rc);
    AVDictionary* options = nullptr;
    if (s.format == VideoFormat::kMp4) av_dict_set(&options, "movflags", "+faststart", 0);
    if (gif) av_dict_set(&options, "loop", "0", 0);  // 0: loop forever (the NETSCAPE2.0 extension)
    rc = avformat_write_header(e.format.get(), &options);
    av_dict_free(&options);
    if (rc < 0) return fail("cannot start the file", rc);
    return w;
}

Status VideoWriter::add_frame(const Image& image) {
    if (finished_) return Error{path_ + ": the clip is already finished"};
    if (image.width != settings_.width || image.height != settings_.height)
        return Error{path_ + ": frame " + std::to_string(frames_ + 1) + " is " + std::to_string(image.width) + "x" +
                     std::to_string(image.height) + ", the clip " + std::to_string(settings_.width) + "x" +
                     std::to_string(settings_.height)};
    Encoder& e = *encoder_;
    ++frames_;
    if (e.palette) {
        if (auto ok = e.palette->add(image); !ok) return Error{path_ + ": " + ok.error().message};
        return Ok{};
    }
    const Image* rgba = &image;
    if (e.padded.width) {
        pad_into(image, e.padded);
        rgba = &e.padded;
    }
    int rc = av_frame_make_writable(e.frame.get());
    if (rc < 0) return Error{path_ + ": " + av::error_text(rc)};
    const std::uint8_t* planes[1] = {rgba->pixels.data()};
    const int strides[1] = {rgba->width * 4};
    sws_scale(e.sws.get(), planes, strides, 0, rgba->height, e.frame->data, e.frame->linesize);
    e.frame->pts = e.next_pts++;
    return send(false);
}

Status VideoWriter::send(bool flush) {
    Encoder& e = *encoder_;
    int rc = avcodec_send_frame(e.codec.get(), flush ? nullptr : e.frame.get());
    if (rc < 0) return Error{path_ + ": encoding frame " + std::to_string(frames_) + ": " + av::error_text(rc)};
    while ((rc = avcodec_receive_packet(e.codec.get(), e.packet.get())) >= 0) {
        av_packet_rescale_ts(e.packet.get(), e.codec->time_base, e.stream->time_base);
        e.packet->stream_index = e.stream->index;
        rc = av_interleaved_write_frame(e.format.get(), e.packet.get());  // takes the packet's data
        if (rc < 0) return Error{path_ + ": writing " + temp_path_ + ": " + av::error_text(rc)};
    }
    if (rc != AVERROR(EAGAIN) && rc != AVERROR_EOF)
        return Error{path_ + ": encoding frame " + std::to_string(frames_) + ": " + av::error_text(rc)};
    return Ok{};
}

Status VideoWriter::finish() {
    if (finished_) return Error{path_ + ": the clip is already finished"};
    if (frames_ == 0) return Error{path_ + ": no frames to write"};
    Encoder& e = *encoder_;
    if (e.palette) {
        // GIF: now that every frame is in the histogram, remap each to the clip's palette and encode it.
        const int width = settings_.width;
        auto ok = e.palette->remap_all(1.0f, [&](const std::vector<std::uint8_t>& indices, const std::uint32_t* pal) {
            int rc = av_frame_make_writable(e.frame.get());
            if (rc < 0) return Status(Error{path_ + ": " + av::error_text(rc)});
            for (int y = 0; y < settings_.height; ++y)
                std::memcpy(e.frame->data[0] + static_cast<std::size_t>(y) * e.frame->linesize[0],
                            indices.data() + static_cast<std::size_t>(y) * width, width);
            std::memcpy(e.frame->data[1], pal, 256 * 4);
            e.frame->pts = e.next_pts++;
            return send(false);
        });
        if (!ok) return ok.error().message.rfind(path_, 0) == 0 ? ok : Status(Error{path_ + ": " + ok.error().message});
    }
    if (auto ok = send(true); !ok) return ok;
    int rc = av_write_trailer(e.format.get());
    if (rc < 0) return Error{path_ + ": finishing " + temp_path_ + ": " + av::error_text(rc)};
    rc = avio_closep(&e.format->pb);
    if (rc < 0) return Error{path_ + ": closing " + temp_path_ + ": " + av::error_text(rc)};
    // The data must be on disk before the rename makes it the file (a crash leaves the old file or the new one).
    const int fd = ::open(temp_path_.c_str(), O_RDONLY);
    if (fd < 0 || ::fsync(fd) != 0) {
        const std::string why = std::strerror(errno);
        if (fd >= 0) ::close(fd);
        return Error{path_ + ": syncing " + temp_path_ + ": " + why};
    }
    ::close(fd);
    if (std::rename(temp_path_.c_str(), path_.c_str()) != 0)
        return Error{path_ + ": cannot rename " + temp_path_ + " onto it: " + std::strerror(errno)};
    finished_ = true;
    return Ok{};
}

}  // namespace em
