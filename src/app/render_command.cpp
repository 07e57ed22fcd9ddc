#include "app/render_command.hpp"

#include <iostream>

#include "app/headless_map.hpp"
#include "export/png_writer.hpp"

namespace em {

namespace {
int fail(const std::string& message) {
    std::cerr << "eventmap render: " << message << "\n";
    return 1;
}
}  // namespace

int run_render_command(const RenderOptions& o, const std::filesystem::path& executable) {
    PhaseTimer timer;
    auto paths = find_data_paths(executable);
    if (!paths) return fail(paths.error().message);
    // Check the options that need no GL before paying for a context.
    if (auto camera = HeadlessMap::camera_for(o); !camera) return fail(camera.error().message);
    auto map = HeadlessMap::create(paths.value(), o.use_cache, &timer);
    if (!map) return fail(map.error().message);
    auto image = map.value()->render(o, &timer);
    for (const auto& w : map.value()->warnings()) std::cerr << "eventmap render: warning: " << w << "\n";
    if (!image) return fail(image.error().message);
    if (auto written = write_png(image.value(), o.output); !written) return fail(written.error().message);
    timer.mark("encode");
    if (o.timings) std::cerr << "timings (ms): " << timer.summary() << "\n";
    return 0;
}

}  // namespace em
