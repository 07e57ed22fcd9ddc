#include "core/cache_file.hpp"

#include <unistd.h>

#include <thread>

namespace em {

bool write_cache_file(const std::filesystem::path& path, const std::function<bool(std::FILE*)>& write) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    // The process and thread keep two writers of the same entry apart (the window's clip preview has a renderer
    // of its own); the last rename wins, whole.
    const auto tmp = path.string() + ".tmp." + std::to_string(::getpid()) + "." +
                     std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return false;
    const bool written = write(f) && std::fflush(f) == 0;
    const bool closed = std::fclose(f) == 0;
    if (written && closed && std::rename(tmp.c_str(), path.c_str()) == 0) return true;
    std::remove(tmp.c_str());
    return false;
}

}  // namespace em
