#include "geo/missing_shx.hpp"

#include <cpl_conv.h>
#include <stdlib.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <system_error>
#include <vector>

namespace em {

namespace {
std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}
std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// The file beside `shp` with extension `ext` (".dbf"), lower or upper case, if there is one.
std::optional<std::filesystem::path> sibling(const std::filesystem::path& shp, const std::string& ext) {
    std::error_code ec;
    for (const std::string& e : {lower(ext), upper(ext)}) {
        std::filesystem::path p = shp;
        p.replace_extension(e);
        if (std::filesystem::is_regular_file(p, ec)) return p;
    }
    return std::nullopt;
}
}  // namespace

bool shapefile_missing_shx(const std::string& path) {
    const std::filesystem::path p(path);
    if (lower(p.extension().string()) != ".shp") return false;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(p, ec)) return false;
    return !sibling(p, ".shx");
}

Result<ShapefileCopy> ShapefileCopy::make(const std::string& shp) {
    std::error_code ec;
    const std::filesystem::path tmp = std::filesystem::temp_directory_path(ec);
    if (ec) return Error{shp + ": no .shx index, and no temporary folder to rebuild it in: " + ec.message()};
    std::string pattern = (tmp / "eventmap-shx-XXXXXX").string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (!::mkdtemp(buf.data()))
        return Error{shp + ": no .shx index, and cannot make a temporary folder in " + tmp.string() +
                     " to rebuild it in: " + std::strerror(errno)};
    const std::filesystem::path folder(buf.data());
    ShapefileCopy copy(folder, (folder / std::filesystem::path(shp).filename()).string());
    std::vector<std::filesystem::path> parts = {std::filesystem::path(shp)};
    for (const char* ext : {".dbf", ".prj", ".cpg"})
        if (auto p = sibling(shp, ext)) parts.push_back(*p);
    for (const std::filesystem::path& part : parts) {
        std::filesystem::copy_file(part, folder / part.filename(), ec);
        if (ec)
            return Error{shp + ": no .shx index, and copying " + part.filename().string() + " to " + folder.string() +
                         " to rebuild it failed: " + ec.message()};
    }
    return copy;
}

ShapefileCopy::ShapefileCopy(ShapefileCopy&& other) noexcept
    : folder_(std::move(other.folder_)), shp_(std::move(other.shp_)) {
    other.folder_.clear();
}

ShapefileCopy& ShapefileCopy::operator=(ShapefileCopy&& other) noexcept {
    if (this != &other) {
        std::error_code ec;
        if (!folder_.empty()) std::filesystem::remove_all(folder_, ec);
        folder_ = std::move(other.folder_);
        shp_ = std::move(other.shp_);
        other.folder_.clear();
    }
    return *this;
}

ShapefileCopy::~ShapefileCopy() {
    if (folder_.empty()) return;
    std::error_code ec;
    std::filesystem::remove_all(folder_, ec);  // nothing to say if it fails: the folder is in the temporary area
}

ScopedThreadConfigOption::ScopedThreadConfigOption(const char* key, const char* value) : key_(key) {
    if (const char* before = CPLGetThreadLocalConfigOption(key, nullptr)) previous_ = before;
    CPLSetThreadLocalConfigOption(key, value);
}

ScopedThreadConfigOption::~ScopedThreadConfigOption() {
    CPLSetThreadLocalConfigOption(key_.c_str(), previous_ ? previous_->c_str() : nullptr);
}

std::string missing_shx_warning(const std::string& shp) {
    return shp + ": no .shx index file beside it (often lost in mail or on file shares); read with an index "
                 "rebuilt from the .shp in a temporary copy, the folder is left unchanged";
}

std::string without_config_option_advice(const std::string& message) {
    // GDAL's messages are sentences ending in ". "; drop each one that mentions a configuration option.
    std::string out;
    std::size_t start = 0;
    while (start < message.size()) {
        std::size_t end = message.find(". ", start);
        end = end == std::string::npos ? message.size() : end + 1;
        const std::string sentence = message.substr(start, end - start);
        const std::string l = lower(sentence);
        if (l.find("config option") == std::string::npos && l.find("configuration option") == std::string::npos)
            out += sentence;
        start = end;
    }
    // Trim what the dropped sentences leave at the ends.
    const auto first = out.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    out.erase(0, first);
    out.erase(out.find_last_not_of(' ') + 1);
    return out;
}

}  // namespace em
