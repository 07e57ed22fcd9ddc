#include "core/shared_module.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>

namespace em {

namespace {

std::string executable_dir() {
    char buf[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return ".";
    buf[n] = '\0';
    const std::string path(buf);
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? "." : path.substr(0, slash);
}

}  // namespace

std::vector<std::string> module_search_dirs() {
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("EVENTMAP_MODULE_DIR"); env && *env) dirs.emplace_back(env);
    const std::string exe = executable_dir();
    dirs.push_back(exe);
    dirs.push_back(exe + "/../../lib/eventmap");
    return dirs;
}

Result<std::shared_ptr<const SharedModule>> SharedModule::open(const std::string& file_name) {
    std::string looked_in, reason;
    for (const std::string& dir : module_search_dirs()) {
        const std::string path = dir + "/" + file_name;
        looked_in += (looked_in.empty() ? "" : ", ") + dir;
        if (access(path.c_str(), F_OK) != 0) continue;
        if (void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE))
            return std::shared_ptr<const SharedModule>(new SharedModule(handle, path));
        const char* why = dlerror();
        return Error{"cannot open the module " + path + ": " + (why ? why : "unknown reason")};
    }
    return Error{"cannot find the module " + file_name + " (looked in " + looked_in +
                 "); it is installed with eventmap and needed for this output"};
}

SharedModule::~SharedModule() { dlclose(handle_); }

Result<void*> SharedModule::symbol(const char* name) const {
    dlerror();
    if (void* address = dlsym(handle_, name)) return address;
    return Error{"the module " + path_ + " has no " + name + " (built from another version of eventmap?)"};
}

}  // namespace em
