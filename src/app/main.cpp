// eventmap-core's entry point (started by the `eventmap` launcher): dispatches to the window or a command.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "app/cli/data_commands.hpp"
#include "app/cli/info_command.hpp"
#include "app/cli/render_command.hpp"
#include "app/cli/render_options.hpp"
#include "app/version.hpp"
#include "app/window/window_app.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::error_code ec;
    std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) exe = argc > 0 ? argv[0] : "eventmap-core";
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
        std::cout << em::main_help();
        return 0;
    }
    if (!args.empty() && args[0] == "--version") {
        std::cout << em::version_text();
        return 0;
    }
    if (!args.empty() && args[0] == "check") return em::run_check_command({args.begin() + 1, args.end()}, exe);
    if (!args.empty() && args[0] == "presence") return em::run_presence_command({args.begin() + 1, args.end()}, exe);
    if (!args.empty() && args[0] == "info") return em::run_info_command({args.begin() + 1, args.end()}, exe);
    if (!args.empty() && args[0] == "render") {
        auto parsed = em::parse_render_args({args.begin() + 1, args.end()});
        if (!parsed) {
            std::cerr << "eventmap render: " << parsed.error().message << "\n";
            return 2;
        }
        if (parsed->help) {
            std::cout << em::render_help();
            return 0;
        }
        return em::run_render_command(parsed->options, exe);
    }
    auto options = em::parse_window_args(args);
    if (!options) {
        std::cerr << "eventmap: " << options.error().message << "\n";
        return 2;
    }
    if (options->help) {
        std::cout << em::main_help();
        return 0;
    }
    return em::run_window(options.value(), exe);
}
