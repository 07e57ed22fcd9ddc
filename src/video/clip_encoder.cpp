#include "video/clip_encoder.hpp"

#include "core/shared_module.hpp"

namespace em {

namespace {

// The module's encoder and the module itself: the encoder goes first (its code lives in the module).
class ModuleClipEncoder final : public ClipEncoder {
public:
    ModuleClipEncoder(std::shared_ptr<const SharedModule> module, std::unique_ptr<ClipEncoder> encoder)
        : module_(std::move(module)), encoder_(std::move(encoder)) {}
    Status push(Image frame, int copies) override { return encoder_->push(std::move(frame), copies); }
    Status finish() override { return encoder_->finish(); }
    int encoded() const override { return encoder_->encoded(); }

private:
    std::shared_ptr<const SharedModule> module_;  // declared first, destroyed last
    std::unique_ptr<ClipEncoder> encoder_;
};

}  // namespace

Result<std::unique_ptr<ClipEncoder>> open_clip_encoder(const std::string& path, const VideoSettings& settings) {
    auto module = SharedModule::open(kVideoModuleFile);
    if (!module) return Error{path + ": " + module.error().message};
    auto factory = module.value()->symbol(kVideoModuleFactory);
    if (!factory) return Error{path + ": " + factory.error().message};
    using Factory = const VideoModule* (*)();
    const VideoModule* video = reinterpret_cast<Factory>(factory.value())();
    auto encoder = video->open(path, settings);
    if (!encoder) return encoder.error();
    return std::unique_ptr<ClipEncoder>(
        std::make_unique<ModuleClipEncoder>(std::move(module).value(), std::move(encoder).value()));
}

}  // namespace em
