// `eventmap`: a tiny launcher that starts eventmap-core with glibc's malloc asked to use transparent huge
// pages (GLIBC_TUNABLES=glibc.malloc.hugetlb=1). The tunable is read only at process start, hence a launcher.
//
// Why: on the virtual machines eventmap is measured on, one 4 KiB page fault costs tens of microseconds, and
// a 4K export touches some 300 MB (our buffers, Mesa's copies of them, framebuffers). With 2 MiB pages the
// whole `eventmap render` at 3840x2160 took 0.50 s instead of 0.92 s (see bench/README.md). Where THP is off
// the tunable does nothing. EVENTMAP_NO_HUGE_PAGES=1 skips it. This file uses no library of eventmap's and
// links only the C and C++ runtimes: starting it adds about a millisecond.
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

std::string self_dir() {
    char buf[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return ".";
    buf[n] = '\0';
    std::string path(buf);
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? "." : path.substr(0, slash);
}

}  // namespace

int main(int argc, char** argv) {
    (void)argc;
    if (!std::getenv("EVENTMAP_NO_HUGE_PAGES")) {
        const char* current = std::getenv("GLIBC_TUNABLES");
        std::string tunables = current ? current : "";
        if (tunables.find("glibc.malloc.hugetlb") == std::string::npos) {
            tunables += (tunables.empty() ? "" : ":");
            tunables += "glibc.malloc.hugetlb=1";
            setenv("GLIBC_TUNABLES", tunables.c_str(), 1);
        }
    }
    const std::string dir = self_dir();
    // Build tree: beside the launcher. Installed: <prefix>/libexec/eventmap/.
    for (const std::string& core : {dir + "/eventmap-core", dir + "/../libexec/eventmap/eventmap-core"}) {
        if (access(core.c_str(), X_OK) != 0) continue;
        argv[0] = const_cast<char*>(core.c_str());
        execv(core.c_str(), argv);
        std::fprintf(stderr, "eventmap: cannot start %s: %s\n", core.c_str(), std::strerror(errno));
        return 127;
    }
    std::fprintf(stderr, "eventmap: cannot find eventmap-core beside %s or in %s/../libexec/eventmap\n", dir.c_str(),
                 dir.c_str());
    return 127;
}
