#pragma once

#include <stdlib.h>  // mkdtemp

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

namespace em::fuzz {

// A private folder for this process under the temporary directory, removed at exit (one per process: the fuzz
// entries that need files share it). Never destroyed: a static path would be destroyed before the atexit handler
// (registered earlier) runs, and the handler then removed nothing, leaving one folder per run in /tmp.
inline const std::filesystem::path& private_dir() {
    static const std::filesystem::path* const dir = [] {
        std::string tmpl = (std::filesystem::temp_directory_path() / "eventmap-fuzz-XXXXXX").string();
        if (::mkdtemp(tmpl.data()) == nullptr) {
            std::fprintf(stderr, "fuzz: mkdtemp failed\n");
            std::abort();
        }
        auto* path = new std::filesystem::path(tmpl);
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(private_dir(), ec);
        });
        return path;
    }();
    return *dir;
}

}  // namespace em::fuzz
