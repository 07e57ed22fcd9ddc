#include "app/render_command.hpp"

#include <ogr_spatialref.h>

#include <cstdio>
#include <iostream>

#include "app/headless_map.hpp"
#include "export/png_writer.hpp"
#include "geo/projection.hpp"

namespace em {

namespace {

int fail(const std::string& message) {
    std::cerr << "eventmap render: " << message << "\n";
    return 1;
}

// path with its extension replaced ("out.png" -> "out.pgw").
std::string with_extension(const std::string& path, const std::string& ext) {
    return std::filesystem::path(path).replace_extension(ext).string();
}

// Writes the ESRI world file (.pgw), the projection (.prj, WKT) and a GDAL .aux.xml carrying the same CRS, so
// that GIS tools place the picture.
Status write_world_file(const std::string& png, const Camera& camera, const Projection& projection) {
    const BBox v = camera.visible();
    char text[512];
    // Pixel size x, rotations, negative pixel size y, then the centre of the upper-left pixel.
    std::snprintf(text, sizeof text, "%.10f\n0.0\n0.0\n%.10f\n%.10f\n%.10f\n", camera.metres_per_pixel_x(),
                  -camera.metres_per_pixel_y(), v.min_x + camera.metres_per_pixel_x() / 2,
                  v.max_y - camera.metres_per_pixel_y() / 2);
    if (auto ok = write_file_atomically(with_extension(png, ".pgw"), text); !ok) return ok;
    OGRSpatialReference srs;
    if (srs.importFromProj4(projection.proj_string().c_str()) != OGRERR_NONE)
        return Error{"cannot describe projection " + projection.name() + " as WKT"};
    char* wkt = nullptr;
    srs.exportToWkt(&wkt);
    const std::string prj = wkt ? wkt : "";
    CPLFree(wkt);
    if (auto ok = write_file_atomically(with_extension(png, ".prj"), prj + "\n"); !ok) return ok;
    // GDAL (and so QGIS) take a PNG's CRS from its .aux.xml, not from the .prj: write that too.
    std::string escaped;
    for (char c : prj) escaped += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : c == '"' ? "&quot;" : std::string(1, c);
    return write_file_atomically(png + ".aux.xml", "<PAMDataset>\n  <SRS>" + escaped + "</SRS>\n</PAMDataset>\n");
}

}  // namespace

int run_render_command(const RenderOptions& o, const std::filesystem::path& executable) {
    PhaseTimer timer;
    auto paths = find_data_paths(executable);
    if (!paths) return fail(paths.error().message);
    // Check the options that need no GL before paying for a context: the output folder first.
    {
        std::error_code ec;
        const auto folder = std::filesystem::absolute(o.output, ec).parent_path();
        if (!std::filesystem::is_directory(folder, ec)) return fail(o.output + ": folder " + folder.string() + " does not exist");
        if (std::filesystem::is_directory(o.output, ec)) return fail(o.output + ": is a folder");
    }
    auto camera = HeadlessMap::camera_for(o);
    if (!camera) return fail(camera.error().message);
    std::optional<FrameSequence> frames;
    if (o.frames) {
        auto seq = parse_frames(*o.frames);
        if (!seq) return fail(seq.error().message);
        frames = std::move(seq).value();
    }
    auto map = HeadlessMap::create(paths.value(), o.use_cache, &timer);
    if (!map) return fail(map.error().message);

    auto render_one = [&](const RenderOptions& options, const std::string& output) -> int {
        auto image = map.value()->render(options, &timer);
        if (!image) return fail(image.error().message);
        if (auto written = write_png(image.value(), output); !written) return fail(written.error().message);
        if (options.world_file) {
            if (auto ok = write_world_file(output, camera.value(), *Projection::from_name(options.projection)); !ok)
                return fail(ok.error().message);
        }
        timer.mark("encode+write");
        return 0;
    };
    int rc = 0;
    if (!frames) {
        rc = render_one(o, o.output);
    } else {
        const int total = static_cast<int>(frames->dates.size());
        for (int i = 0; i < total && rc == 0; ++i) {
            RenderOptions one = o;
            one.date = frames->dates[i];
            const std::string path = frame_path(o.output, i + 1);
            rc = render_one(one, path);
            std::cerr << "\reventmap render: frame " << (i + 1) << "/" << total << " " << frames->dates[i] << " -> "
                      << path << (i + 1 == total ? "\n" : "") << std::flush;
        }
    }
    for (const auto& w : map.value()->warnings()) std::cerr << "eventmap render: warning: " << w << "\n";
    if (o.timings) std::cerr << "timings (ms): " << timer.summary() << "\n";
    return rc;
}

}  // namespace em
