#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace em::test {

// The source tree (for data/ and tests/fixtures/).
std::filesystem::path source_dir();
// A fixture file under tests/fixtures/.
std::string fixture(const std::string& name);
// The eventmap binary built alongside the tests.
std::filesystem::path eventmap_binary();
// A fresh empty temporary folder for one test (removed at the next call with the same name).
std::filesystem::path temp_dir(const std::string& name);

// Runs a command line through the shell; returns the exit status and fills output with stdout+stderr.
int run_command(const std::string& command, std::string* output = nullptr);

// What one run of the eventmap binary gave: its exit status (128 + N when killed by signal N), stdout and
// stderr apart, and the folder it ran in.
struct BinaryRun {
    int status = -1;
    std::string out, err;
    std::filesystem::path dir;
};
// Runs `eventmap ARGS` (ARGS as shell words) in a fresh folder temp_dir(folder) with its own geometry cache.
BinaryRun run_eventmap(const std::string& folder, const std::string& args);

// A string in single quotes for the shell (no single quotes inside, as in the tests' own paths).
std::string quoted(const std::string& s);
// The whole file as bytes ("" when it cannot be read).
std::string read_text(const std::filesystem::path& path);
// The lines of a text, without their line ends.
std::vector<std::string> lines_of(const std::string& text);

}  // namespace em::test
