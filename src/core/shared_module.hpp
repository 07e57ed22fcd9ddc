#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace em {

// A shared module of eventmap's (eventmap-video.so, eventmap-pdf.so) opened with dlopen only when it is needed, so
// that a PNG render or the window never loads what the module links (FFmpeg's libraries, cairo): 45 ms of the
// dynamic linker at every start, and every symbol lookup is shorter for it (bench/README.md, issue 18).
//
// Each module exports one factory, an extern "C" function returning a pointer to an interface of ours (see
// video/clip_encoder.hpp, vector/pdf_output.hpp); the interface's objects must not outlive the SharedModule.
// Opened with RTLD_NODELETE: dlclose then leaves the libraries mapped, because FFmpeg's and cairo's dependencies
// (x264's and libvpx's threads, fontconfig's caches) were never written to be unloaded in a running process.
class SharedModule {
public:
    // Finds `file_name` (e.g. "eventmap-video.so") in module_search_dirs() and opens it. The error is one line
    // naming the module, where it was looked for and dlerror()'s reason.
    static Result<std::shared_ptr<const SharedModule>> open(const std::string& file_name);
    ~SharedModule();
    SharedModule(const SharedModule&) = delete;
    SharedModule& operator=(const SharedModule&) = delete;

    // The address of an exported symbol, or an error naming it and the module.
    Result<void*> symbol(const char* name) const;
    const std::string& path() const { return path_; }

private:
    SharedModule(void* handle, std::string path) : handle_(handle), path_(std::move(path)) {}
    void* handle_;
    std::string path_;
};

// Where modules are looked for, in order: $EVENTMAP_MODULE_DIR when set (tests run from other folders), the folder
// of the running executable (the build tree), then <that folder>/../../lib/eventmap (installed: the program is
// <prefix>/libexec/eventmap/eventmap-core, the modules <prefix>/lib/eventmap/).
std::vector<std::string> module_search_dirs();

}  // namespace em
