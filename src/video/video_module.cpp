// The entry point of eventmap-video.so (the only symbol it exports): clips through VideoWriter on an
// EncodingThread. The program opens the module with dlopen when a clip is asked for (video/clip_encoder.cpp).
#include "video/clip_encoder.hpp"
#include "video/encoding_thread.hpp"
#include "video/video_writer.hpp"

namespace em {

namespace {

class ThreadedClipEncoder final : public ClipEncoder {
public:
    explicit ThreadedClipEncoder(std::unique_ptr<VideoWriter> writer) : thread_(std::move(writer)) {}
    Status push(Image frame, int copies) override { return thread_.push(std::move(frame), copies); }
    Status finish() override { return thread_.finish(); }
    int encoded() const override { return thread_.encoded(); }

private:
    EncodingThread thread_;
};

class FfmpegVideoModule final : public VideoModule {
public:
    Result<std::unique_ptr<ClipEncoder>> open(const std::string& path, const VideoSettings& settings) const override {
        auto writer = VideoWriter::open(path, settings);
        if (!writer) return writer.error();
        return std::unique_ptr<ClipEncoder>(std::make_unique<ThreadedClipEncoder>(std::move(writer).value()));
    }
};

}  // namespace

}  // namespace em

extern "C" __attribute__((visibility("default"))) const em::VideoModule* eventmap_video_module() {
    static const em::FfmpegVideoModule module;
    return &module;
}
