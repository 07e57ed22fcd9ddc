#include "geo/source_policy.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_http.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <cpl_vsi_virtual.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <string_view>

namespace em {

namespace {

// GDAL's virtual file systems that read over the network (GDAL 3.6 "GDAL Virtual File Systems" page).
constexpr std::array<std::string_view, 15> kNetworkPrefixes = {
    "/vsicurl/",  "/vsicurl_streaming/", "/vsis3/",   "/vsis3_streaming/",    "/vsigs/",
    "/vsigs_streaming/", "/vsiaz/", "/vsiaz_streaming/", "/vsiadls/", "/vsioss/",
    "/vsioss_streaming/", "/vsiswift/", "/vsiswift_streaming/", "/vsiwebhdfs/", "/vsihdfs/",
};

// Connection-string prefixes of GDAL's database and web-service drivers (and GPSBabel, which runs a program).
constexpr std::array<std::string_view, 29> kDatabasePrefixes = {
    "pg:",         "postgresql://", "postgres://", "mysql:",    "mssql:",     "odbc:",      "pgeo:",  "oci:",
    "wfs:",        "oapif:",        "ogcapi:",     "csw:",      "es:",        "elasticsearch:", "carto:", "amigocloud:",
    "plscenes:",   "ngw:",          "eeda:",       "gpsbabel:", "gltp:",      "mongodb:",   "mongodbv3:", "mongodb://",
    "hana:",       "sde:",          "couchdb:",    "dods:",     "gft:",
};

// Drivers that connect to a server or run a program; deregistered unless the network is allowed, so a source that
// points at others (an OGR VRT's SrcDataSource, for one) cannot open them either.
constexpr std::array<std::string_view, 24> kRemoteDrivers = {
    "PostgreSQL", "MySQL",     "MSSQLSpatial", "ODBC",    "PGeo",     "OCI",       "WFS",      "OAPIF",
    "OGCAPI",     "CSW",       "EEDA",         "Elasticsearch", "Carto", "AmigoCloud", "PLSCENES", "NGW",
    "HTTP",       "GPSBabel",  "OGR_OGDI",     "MongoDBv3", "HANA",    "CouchDB",   "DODS",     "WMS",
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool is_url(std::string_view s) {
    const std::string l = lower(s.substr(0, 8));
    return starts_with(l, "http://") || starts_with(l, "https://") || starts_with(l, "ftp://") ||
           starts_with(l, "ftps://");
}

// Where the first network file system starts in a (possibly chained) /vsi path, or npos.
std::size_t network_part(std::string_view path) {
    std::size_t best = std::string_view::npos;
    for (auto prefix : kNetworkPrefixes) best = std::min(best, path.find(prefix));
    // "/vsicurl?url=..." and the like.
    for (auto prefix : kNetworkPrefixes) {
        std::string q(prefix.substr(0, prefix.size() - 1));
        q += '?';
        best = std::min(best, path.find(q));
    }
    return best;
}

bool is_database(std::string_view path) {
    const std::string l = lower(path.substr(0, 20));
    for (auto prefix : kDatabasePrefixes)
        if (starts_with(l, prefix)) return true;
    return false;
}

struct State {
    std::mutex mutex;
    bool allow_network = false;
    std::set<std::string> allowed;  // normalized: network part of a path, or a database string
    std::vector<std::string> refused;
    std::set<std::string> refused_seen;
    std::map<std::string, GDALDriverH> remote_drivers;  // deregistered while the network is not allowed
    bool guards_installed = false;
};

State& state() {
    // Never destroyed: the drivers it holds while they are deregistered belong to no one else, and GDAL may
    // still be used by other statics' destructors at exit. Reachable from this pointer, so not a leak to LSan
    // (a static State's map was freed at exit and left the drivers it held reported as leaked).
    static State* s = new State;
    return *s;
}

std::string normalized(const std::string& path) {
    const std::string p = gdal_path(path);
    const std::size_t at = network_part(p);
    return at == std::string::npos ? p : p.substr(at);
}

// The remote folder of a normalized network path: "/vsicurl/http://host/dir/" (at least the host).
std::string remote_folder(const std::string& n) {
    std::size_t host_start = n.find("://");
    host_start = host_start == std::string::npos ? n.find('/', 1) + 1 : host_start + 3;  // /vsis3/bucket/...
    const std::size_t host_end = n.find('/', host_start);
    if (host_end == std::string::npos) return n + "/";
    return n.substr(0, n.rfind('/') + 1);
}

bool allowed_locked(State& s, const std::string& path) {
    if (s.allow_network) return true;
    if (is_database(path)) return s.allowed.count(path) > 0;
    const std::string n = normalized(path);
    for (const std::string& a : s.allowed) {
        if (is_database(a)) continue;
        if (n == a || starts_with(n, remote_folder(a))) return true;
    }
    return false;
}

void record_refused(const std::string& path) {
    State& s = state();
    const std::lock_guard lock(s.mutex);
    if (s.refused_seen.insert(path).second) s.refused.push_back(path);
}

thread_local std::size_t t_refusals = 0;
thread_local std::string t_last_refused;

bool guard_allows(const char* filename) {
    const std::string path = filename ? filename : "";
    bool ok;
    {
        State& s = state();
        const std::lock_guard lock(s.mutex);
        ok = allowed_locked(s, path);
    }
    if (!ok) {
        record_refused(path);
        ++t_refusals;
        t_last_refused = path;
    }
    return ok;
}

// Wraps one of GDAL's network file systems: every call is checked against the policy first, so nothing is
// requested unless allowed, whichever driver or file asked (VRT sources, /vsizip/ of a remote archive, ...).
class GuardedHandler final : public VSIFilesystemHandler {
public:
    explicit GuardedHandler(VSIFilesystemHandler* inner) : inner_(inner) {}

    VSIVirtualHandle* Open(const char* name, const char* access, bool set_error, CSLConstList options) override {
        if (!guard_allows(name)) {
            if (set_error) refuse(name);
            errno = EACCES;
            return nullptr;
        }
        return inner_->Open(name, access, set_error, options);
    }
    int Stat(const char* name, VSIStatBufL* buf, int flags) override {
        if (!guard_allows(name)) {
            if (flags & VSI_STAT_SET_ERROR_FLAG) refuse(name);
            errno = EACCES;
            return -1;
        }
        return inner_->Stat(name, buf, flags);
    }
    char** ReadDirEx(const char* name, int max_files) override {
        return guard_allows(name) ? inner_->ReadDirEx(name, max_files) : nullptr;
    }
    char** ReadDir(const char* name) override { return ReadDirEx(name, 0); }
    char** SiblingFiles(const char* name) override {
        return guard_allows(name) ? inner_->SiblingFiles(name) : nullptr;
    }
    VSIDIR* OpenDir(const char* name, int depth, const char* const* options) override {
        return guard_allows(name) ? inner_->OpenDir(name, depth, options) : nullptr;
    }
    char** GetFileMetadata(const char* name, const char* domain, CSLConstList options) override {
        return guard_allows(name) ? inner_->GetFileMetadata(name, domain, options) : nullptr;
    }
    const char* GetActualURL(const char* name) override { return inner_->GetActualURL(name); }
    const char* GetOptions() override { return inner_->GetOptions(); }
    std::string GetStreamingFilename(const std::string& name) const override {
        return inner_->GetStreamingFilename(name);
    }
    bool IsLocal(const char*) override { return false; }
    bool SupportsSequentialWrite(const char*, bool) override { return false; }
    bool SupportsRandomWrite(const char*, bool) override { return false; }

private:
    static void refuse(const char* name) {
        CPLError(CE_Failure, CPLE_AppDefined,
                 "%s: not opened: it leads off this machine and was not allowed (eventmap --allow-network)", name);
    }
    VSIFilesystemHandler* inner_;
};

CPLHTTPResult* refused_result(const char* url) {
    auto* r = static_cast<CPLHTTPResult*>(CPLCalloc(1, sizeof(CPLHTTPResult)));
    r->nStatus = 1;
    r->pszErrBuf = CPLStrdup((std::string(url ? url : "") + ": not fetched: the network was not allowed").c_str());
    CPLError(CE_Failure, CPLE_AppDefined, "%s", r->pszErrBuf);
    return r;
}

// GDAL's HTTP fetches outside the virtual file systems (the GeoJSON driver given a URL, GML xlink resolution, web
// service drivers): refused unless allowed; an allowed plain GET is served through /vsicurl/ (itself guarded).
CPLHTTPResult* http_fetch_guard(const char* url, CSLConstList options, GDALProgressFunc, void*, CPLHTTPFetchWriteFunc,
                                void*, void*) {
    if (!url || !guard_allows(url) || CSLFetchNameValue(options, "POSTFIELDS") ||
        CSLFetchNameValue(options, "CUSTOMREQUEST"))
        return refused_result(url);
    const std::string vsi = std::string("/vsicurl/") + url;
    VSILFILE* f = VSIFOpenL(vsi.c_str(), "rb");
    if (!f) return refused_result(url);
    std::string data;
    char buf[65536];
    for (std::size_t n; (n = VSIFReadL(buf, 1, sizeof buf, f)) > 0;) data.append(buf, n);
    VSIFCloseL(f);
    auto* r = static_cast<CPLHTTPResult*>(CPLCalloc(1, sizeof(CPLHTTPResult)));
    r->nDataLen = static_cast<int>(data.size());
    r->nDataAlloc = r->nDataLen + 1;
    r->pabyData = static_cast<GByte*>(CPLMalloc(data.size() + 1));
    std::copy(data.begin(), data.end(), r->pabyData);
    r->pabyData[data.size()] = 0;
    return r;
}

// Deregisters (allow false) or re-registers (true) the drivers of kRemoteDrivers. Caller holds the mutex.
void set_remote_drivers_locked(State& s, bool registered) {
    if (!registered) {
        for (auto name : kRemoteDrivers) {
            const std::string n(name);
            if (GDALDriverH d = GDALGetDriverByName(n.c_str())) {
                GDALDeregisterDriver(d);
                s.remote_drivers[n] = d;
            }
        }
    } else {
        for (auto& [name, d] : s.remote_drivers)
            if (!GDALGetDriverByName(name.c_str())) GDALRegisterDriver(d);
    }
}

bool any_database_allowed_locked(const State& s) {
    return std::any_of(s.allowed.begin(), s.allowed.end(), [](const std::string& a) { return is_database(a); });
}

void apply_locked(State& s) {
    if (!s.guards_installed) return;
    const bool net = s.allow_network;
    set_remote_drivers_locked(s, net || any_database_allowed_locked(s));
    CPLHTTPSetFetchCallback(net ? nullptr : http_fetch_guard, nullptr);
    OSRSetPROJEnableNetwork(net ? TRUE : FALSE);
}

}  // namespace

SourceKind classify_source(const std::string& path) {
    if (is_url(path) || network_part(path) != std::string::npos) return SourceKind::kNetwork;
    if (is_database(path)) return SourceKind::kDatabase;
    if (starts_with(path, "/vsi")) return SourceKind::kLocal;  // /vsimem/, /vsizip/ of a local file, ...
    for (std::string_view dir : {"/dev/", "/proc/", "/sys/"})
        if (starts_with(path, dir) || path == dir.substr(0, dir.size() - 1)) return SourceKind::kSpecial;
    std::error_code ec;
    const auto canonical = std::filesystem::weakly_canonical(path, ec);
    if (!ec) {
        const std::string c = canonical.string();
        for (std::string_view dir : {"/dev/", "/proc/", "/sys/"})
            if (starts_with(c, dir)) return SourceKind::kSpecial;
    }
    const auto st = std::filesystem::status(path, ec);
    if (!ec && std::filesystem::exists(st) && !std::filesystem::is_regular_file(st) &&
        !std::filesystem::is_directory(st))
        return SourceKind::kSpecial;  // FIFO, socket, character or block device
    return SourceKind::kLocal;
}

std::string source_address(const std::string& path) {
    if (is_database(path)) {
        const auto colon = path.find(':');
        std::string rest = path.substr(colon + 1);
        std::string host, db;
        // PG:"host=... port=... dbname=..." style keywords, when present.
        auto value = [&](const char* key) {
            const std::string k = std::string(key) + "=";
            const auto at = rest.find(k);
            if (at == std::string::npos) return std::string();
            const auto end = rest.find_first_of(" '\"", at + k.size());
            return rest.substr(at + k.size(), end == std::string::npos ? std::string::npos : end - at - k.size());
        };
        host = value("host");
        if (!host.empty() && !value("port").empty()) host += ":" + value("port");
        db = value("dbname");
        if (host.empty()) return path.substr(0, colon) + ": " + rest;
        return path.substr(0, colon) + ": " + host + (db.empty() ? "" : "/" + db);
    }
    std::string n = normalized(path);
    for (auto prefix : kNetworkPrefixes) {
        if (!starts_with(n, prefix)) continue;
        n = n.substr(prefix.size());
        const auto scheme = n.find("://");
        if (scheme != std::string::npos) return n.substr(scheme + 3);
        return std::string(prefix.substr(4, prefix.size() - 5)) + ": " + n;  // "s3: bucket/key"
    }
    return n;
}

std::string gdal_path(const std::string& path) { return is_url(path) ? "/vsicurl/" + path : path; }

void set_allow_network(bool allow) {
    State& s = state();
    const std::lock_guard lock(s.mutex);
    s.allow_network = allow;
    apply_locked(s);
}

bool network_allowed() {
    State& s = state();
    const std::lock_guard lock(s.mutex);
    return s.allow_network;
}

void allow_source(const std::string& path) {
    State& s = state();
    const std::lock_guard lock(s.mutex);
    s.allowed.insert(is_database(path) ? path : normalized(path));
    apply_locked(s);
}

void clear_allowed_sources() {
    State& s = state();
    const std::lock_guard lock(s.mutex);
    s.allowed.clear();
    apply_locked(s);
}

bool source_allowed(const std::string& path) {
    State& s = state();
    const std::lock_guard lock(s.mutex);
    return allowed_locked(s, path);
}

Status check_source(const std::string& path) {
    switch (classify_source(path)) {
        case SourceKind::kLocal:
            return Ok{};
        case SourceKind::kSpecial:
            return Error{path + ": not opened: a device or special file (/dev, /proc, /sys, a FIFO or socket) is "
                                "not a map layer"};
        case SourceKind::kNetwork:
        case SourceKind::kDatabase:
            break;
    }
    if (source_allowed(path)) return Ok{};
    record_refused(path);
    return Error{path + ": not opened: it leads off this machine (" + source_address(path) +
                 ") and was not allowed; name it on the command line, use --allow-network, or agree in the window"};
}

std::size_t refusals_on_this_thread() { return t_refusals; }
std::string last_refused_on_this_thread() { return t_last_refused; }

bool is_refused_source(const std::string& message) { return message.find(": not opened: ") != std::string::npos; }

std::vector<std::string> take_refused_sources() {
    State& s = state();
    const std::lock_guard lock(s.mutex);
    s.refused_seen.clear();
    return std::exchange(s.refused, {});
}

void install_source_guards() {
    State& s = state();
    const std::lock_guard lock(s.mutex);
    if (s.guards_installed) return;
    for (auto prefix : kNetworkPrefixes) {
        const std::string p(prefix);
        VSIFilesystemHandler* inner = VSIFileManager::GetHandler(p.c_str());
        // GetHandler falls back to the local file system for an unknown prefix: only wrap real network handlers.
        if (!inner || inner == VSIFileManager::GetHandler("/")) continue;
        VSIFileManager::InstallHandler(p, new GuardedHandler(inner));  // owned by GDAL's file manager from now
    }
    s.guards_installed = true;
    apply_locked(s);
}

}  // namespace em
