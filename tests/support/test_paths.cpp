#include "support/test_paths.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>

namespace em::test {

std::filesystem::path source_dir() { return EVENTMAP_SOURCE_DIR; }

std::string fixture(const std::string& name) { return (source_dir() / "tests" / "fixtures" / name).string(); }

std::filesystem::path eventmap_binary() { return EVENTMAP_BINARY; }

std::filesystem::path temp_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("eventmap-test-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

int run_command(const std::string& command, std::string* output) {
    std::FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return -1;
    std::array<char, 4096> buf{};
    std::string out;
    size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
    const int status = ::pclose(pipe);
    if (output) *output = out;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

BinaryRun run_eventmap(const std::string& folder, const std::string& args) {
    BinaryRun r;
    r.dir = temp_dir(folder);
    const std::string command = "(cd " + quoted(r.dir.string()) + " && XDG_CACHE_HOME=" +
                                quoted((r.dir / "cache").string()) + " " + quoted(eventmap_binary().string()) + " " +
                                args + " 2>" + quoted((r.dir / "stderr.txt").string()) + ")";
    r.status = run_command(command, &r.out);
    r.err = read_text(r.dir / "stderr.txt");
    return r;
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    return lines;
}

}  // namespace em::test
