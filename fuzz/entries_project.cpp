// The project_file fuzz entry (see entries.hpp): read_project and write_project of the scene module
// (src/scene/project.cpp, em_scene: no GL, so the fuzzer links it as it is).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "scene/project.hpp"
#include "entries.hpp"
#include "private_dir.hpp"

namespace em::fuzz {

namespace {

void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

// read_project takes a path: files go to this process's private folder (fuzz/private_dir.hpp).
const std::filesystem::path& work_dir() { return private_dir(); }

}  // namespace

int project_file(const std::uint8_t* data, std::size_t size) {
    const auto file = work_dir() / "map.eventmap.json";
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    auto project = read_project(file);
    if (!project) {
        require(project.error().message.find(file.string()) != std::string::npos, "a project error names the file");
        require(project.error().message.size() > file.string().size(), "a project error says more than the file");
        return 0;
    }
    for (const auto& w : project->warnings) require(!w.empty(), "a project warning has a message");
    // What was read can be written, and reads back the same.
    const auto again = work_dir() / "again.eventmap.json";
    auto written = write_project(project.value(), again);
    require(static_cast<bool>(written), "a project that was read can be written");
    auto back = read_project(again);
    require(static_cast<bool>(back), "a written project can be read");
    require(back.value() == project.value(), "write_project then read_project gives the same project");
    return 0;
}

}  // namespace em::fuzz
