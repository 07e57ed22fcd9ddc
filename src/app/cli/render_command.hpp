#pragma once

#include <filesystem>

#include "app/cli/render_options.hpp"

namespace em {

// Runs `eventmap render`: draws the map headless and writes the PNG. Returns the process exit code; on failure
// prints one line to stderr naming the file or option and the reason.
int run_render_command(const RenderOptions& options, const std::filesystem::path& executable);

}  // namespace em
