#include "app/cli/render_command.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "app/cli/animation_command.hpp"
#include "app/cli/vector_output.hpp"
#include "vector/svg_writer.hpp"
#include "app/cli/command_line.hpp"
#include "app/headless_map.hpp"
#include "app/cli/render_document.hpp"
#include "app/cli/vector_output.hpp"
#include "vector/svg_writer.hpp"
#include "scene/project.hpp"
#include "export/png_writer.hpp"
#include "export/world_file.hpp"
#include "geo/projection.hpp"

namespace em {

namespace {

int fail(const std::string& message) {
    std::cerr << "eventmap render: " << message << "\n";
    return 1;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kTearDownAtExit = true;  // so that the leak checker still sees the render path
#else
constexpr bool kTearDownAtExit = false;
#endif

// A finished render leaves at once instead of returning: the OS takes back the memory, the GL context and
// llvmpipe's threads in one go, where destructors would hand back a 4K picture's few hundred MB and the driver
// piece by piece. Every output is complete, closed and renamed into place by then; the streams are flushed here.
int leave(int rc) {
    if (kTearDownAtExit) return rc;
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(rc);
}

}  // namespace

int run_render_command(const RenderOptions& o, const std::filesystem::path& executable) {
    PhaseTimer timer;
    {
        // Sources named here are the user's choice; those a project names need --allow-network.
        std::vector<std::string> named = o.layers;
        named.insert(named.end(), o.events.begin(), o.events.end());
        if (!o.places.empty()) named.push_back(o.places);
        apply_command_line_sources(o.allow_network, named);
    }
    auto paths = find_data_paths(executable);
    if (!paths) return fail(paths.error().message);
    // Check the options that need no GL before paying for a context: the output folder first.
    {
        std::error_code ec;
        const auto folder = std::filesystem::absolute(o.output, ec).parent_path();
        if (!std::filesystem::is_directory(folder, ec)) return fail(o.output + ": folder " + folder.string() + " does not exist");
        if (std::filesystem::is_directory(o.output, ec)) return fail(o.output + ": is a folder");
    }
    // One document for everything drawn: the options, or a project with the options given beside it.
    std::vector<std::string> project_warnings;
    auto doc = o.project ? document_for_project(o, &project_warnings) : document_for(o);
    if (!doc) return fail(doc.error().message);
    for (const auto& w : project_warnings) std::cerr << "eventmap render: warning: " << w << "\n";
    auto camera = document_camera(doc.value());
    if (!camera) return fail(camera.error().message);
    std::optional<FrameSequence> frames;
    if (o.frames) {
        auto seq = parse_frames(*o.frames);
        if (!seq) return fail(seq.error().message);
        frames = std::move(seq).value();
    }
    // A clip: its format, its frames' timing and a size the codec takes, all before a GL context.
    const bool animation = frames && is_video_path(o.output);
    VideoFormat format = VideoFormat::kMp4;
    std::optional<ClipPlan> plan;
    if (animation) {
        auto f = video_format_for_path(o.output);
        if (!f) return fail(f.error().message);
        format = f.value();
        std::vector<Date> steps;
        for (const auto& d : frames->dates) steps.push_back(*Date::parse(d));
        auto p = plan_clip(steps, ClipTiming{o.fps, o.duration, o.hold});
        if (!p) return fail(p.error().message);
        plan = std::move(p).value();
        const auto& out = doc.value().output;
        if (auto problem = video_size_problem(format, out.width, out.height); !problem.empty())
            return fail(o.output + ": " + problem);
    }
    if (o.save_project) {
        if (auto ok = write_project(doc.value(), *o.save_project); !ok) return fail(ok.error().message);
    }
    auto map = HeadlessMap::create(paths.value(), o.use_cache, &timer);
    if (!map) return fail(map.error().message);
    map.value()->set_one_picture(!frames && output_format(o.output) == OutputFormat::kPng);

    if (animation) {
        const int rc = run_animation(o, doc.value(), *map.value(), *plan, format, timer);
        for (const auto& w : map.value()->warnings()) std::cerr << "eventmap render: warning: " << w << "\n";
        if (o.timings) std::cerr << "timings (ms): " << timer.summary() << "\n";
        return leave(rc);
    }

    const OutputFormat output_kind = output_format(o.output);
    if (output_kind != OutputFormat::kPng && o.world_file) return fail("--world-file: only for a PNG");
    auto render_one = [&](const Project& one, const std::string& output) -> int {
        if (output_kind != OutputFormat::kPng) {
            auto list = map.value()->draw_list(one, &timer);
            if (!list) return fail(list.error().message);
            const Status written = output_kind == OutputFormat::kSvg
                                       ? write_svg(list.value(), output)
                                       : write_pdf(list.value(), pdf_page_for(o, one), map.value()->font_path(),
                                                   one.decorations.title, output);
            if (!written) return fail(written.error().message);
            timer.mark("write");
            return 0;
        }
        auto image = map.value()->render(one, &timer, o.max_tile);
        if (!image) return fail(image.error().message);
        if (auto written = write_png(image.value(), output); !written) return fail(written.error().message);
        if (o.world_file) {
            const Camera& c = camera.value();
            if (auto ok = write_world_file(output, c.visible(), c.metres_per_pixel_x(), c.metres_per_pixel_y(),
                                           Projection::from_name(one.view.projection)->proj_string());
                !ok)
                return fail(ok.error().message);
        }
        timer.mark("encode+write");
        return 0;
    };
    int rc = 0;
    if (!frames) {
        rc = render_one(doc.value(), o.output);
    } else {
        const int total = static_cast<int>(frames->dates.size());
        for (int i = 0; i < total && rc == 0; ++i) {
            const Project one = frame_document(doc.value(), o, *Date::parse(frames->dates[i]));
            const std::string path = frame_path(o.output, i + 1);
            rc = render_one(one, path);
            std::cerr << "\reventmap render: frame " << (i + 1) << "/" << total << " " << frames->dates[i] << " -> "
                      << path << (i + 1 == total ? "\n" : "") << std::flush;
        }
    }
    for (const auto& w : map.value()->warnings()) std::cerr << "eventmap render: warning: " << w << "\n";
    if (o.timings) std::cerr << "timings (ms): " << timer.summary() << "\n";
    return leave(rc);
}

}  // namespace em
