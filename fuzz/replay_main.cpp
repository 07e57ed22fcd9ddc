// eventmap_fuzz_replay: feeds every file under tests/fuzz/<target>/ (the seed corpus) and
// tests/fuzz/regressions/<target>/ (inputs that once crashed a fuzzer) to the target's entry function.
// Built with the normal compiler and run by ctest, so a fixed crash stays fixed without clang or libFuzzer.
// A crash or a broken invariant aborts the process, which fails the test; the file being read is printed first.
//
// Usage: eventmap_fuzz_replay TESTS_FUZZ_DIR [TARGET]
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "entries.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> files_in(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().filename() != "README.md") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: eventmap_fuzz_replay TESTS_FUZZ_DIR [TARGET]\n";
        return 2;
    }
    const fs::path root = argv[1];
    const std::string only = argc > 2 ? argv[2] : "";
    // Every folder of root (other than regressions) and of root/regressions must name a target: a typo would
    // otherwise silently replay nothing.
    int failures = 0;
    for (const fs::path& dir : {root, root / "regressions"}) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) continue;
        for (const auto& e : fs::directory_iterator(dir)) {
            if (!e.is_directory() || e.path().filename() == "regressions") continue;
            const std::string name = e.path().filename().string();
            const auto& all = em::fuzz::all_entries();
            if (std::none_of(all.begin(), all.end(), [&](const auto& t) { return t.name == name; })) {
                std::cerr << "eventmap_fuzz_replay: " << e.path().string() << ": no fuzz target named '" << name
                          << "'\n";
                ++failures;
            }
        }
    }
    std::size_t total = 0;
    for (const auto& entry : em::fuzz::all_entries()) {
        if (!only.empty() && entry.name != only) continue;
        std::size_t seeds = 0, regressions = 0;
        for (const fs::path& dir : {root / std::string(entry.name), root / "regressions" / std::string(entry.name)}) {
            for (const auto& file : files_in(dir)) {
                std::ifstream in(file, std::ios::binary);
                const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
                if (!in.good() && !in.eof()) {
                    std::cerr << "eventmap_fuzz_replay: " << file.string() << ": cannot read\n";
                    ++failures;
                    continue;
                }
                // Printed before the run so a crash names its input.
                std::fprintf(stderr, "replay %s %s\n", std::string(entry.name).c_str(), file.string().c_str());
                entry.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
                (dir.parent_path().filename() == "regressions" ? regressions : seeds)++;
            }
        }
        std::cout << entry.name << ": " << seeds << " seed(s), " << regressions << " regression(s) replayed\n";
        total += seeds + regressions;
    }
    std::cout << total << " input(s) replayed, " << failures << " problem(s)\n";
    return failures ? 1 : 0;
}
