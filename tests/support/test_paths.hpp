#pragma once

#include <filesystem>
#include <string>

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

}  // namespace em::test
