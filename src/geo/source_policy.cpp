#include "geo/source_policy.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <mutex>
#include <set>
#include <string_view>

#include "geo/gdal_module.hpp"

namespace em {

namespace {

// Connection-string prefixes of GDAL's database and web-service drivers (and GPSBabel, which runs a program).
constexpr std::array<std::string_view, 29> kDatabasePrefixes = {
    "pg:",         "postgresql://", "postgres://", "mysql:",    "mssql:",     "odbc:",      "pgeo:",  "oci:",
    "wfs:",        "oapif:",        "ogcapi:",     "csw:",      "es:",        "elasticsearch:", "carto:", "amigocloud:",
    "plscenes:",   "ngw:",          "eeda:",       "gpsbabel:", "gltp:",      "mongodb:",   "mongodbv3:", "mongodb://",
    "hana:",       "sde:",          "couchdb:",    "dods:",     "gft:",
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
    const GdalModule* gdal = nullptr;  // set once GDAL's module is open and its guards ask this policy
};

State& state() {
    // Never destroyed: GDAL's guards (in its module) may still ask it from other statics' destructors at exit.
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

}  // namespace

bool guard_allows_source(const char* filename) {
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

namespace {

bool any_database_allowed_locked(const State& s) {
    return std::any_of(s.allowed.begin(), s.allowed.end(), [](const std::string& a) { return is_database(a); });
}

// Tells GDAL (through its module, once it is open) what it may reach now. Caller holds the mutex.
void apply_locked(State& s) {
    if (!s.gdal) return;  // GDAL is not loaded yet: set_policy_module applies the policy when it is
    s.gdal->apply_policy(s.allow_network, s.allow_network || any_database_allowed_locked(s));
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

void set_policy_module(const GdalModule& module) {
    State& s = state();
    const std::lock_guard lock(s.mutex);
    s.gdal = &module;
    apply_locked(s);
}

}  // namespace em
