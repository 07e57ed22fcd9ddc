#include "geo/gdal_source_guards.hpp"

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
#include <cerrno>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "geo/source_policy.hpp"

namespace em {

namespace {

// Drivers that connect to a server or run a program; deregistered unless the network is allowed, so a source that
// points at others (an OGR VRT's SrcDataSource, for one) cannot open them either.
constexpr std::array<std::string_view, 24> kRemoteDrivers = {
    "PostgreSQL", "MySQL",     "MSSQLSpatial", "ODBC",    "PGeo",     "OCI",       "WFS",      "OAPIF",
    "OGCAPI",     "CSW",       "EEDA",         "Elasticsearch", "Carto", "AmigoCloud", "PLSCENES", "NGW",
    "HTTP",       "GPSBabel",  "OGR_OGDI",     "MongoDBv3", "HANA",    "CouchDB",   "DODS",     "WMS",
};

// Wraps one of GDAL's network file systems: every call is checked against the policy first, so nothing is
// requested unless allowed, whichever driver or file asked (VRT sources, /vsizip/ of a remote archive, ...).
class GuardedHandler final : public VSIFilesystemHandler {
public:
    explicit GuardedHandler(VSIFilesystemHandler* inner) : inner_(inner) {}

    VSIVirtualHandle* Open(const char* name, const char* access, bool set_error, CSLConstList options) override {
        if (!guard_allows_source(name)) {
            if (set_error) refuse(name);
            errno = EACCES;
            return nullptr;
        }
        return inner_->Open(name, access, set_error, options);
    }
    int Stat(const char* name, VSIStatBufL* buf, int flags) override {
        if (!guard_allows_source(name)) {
            if (flags & VSI_STAT_SET_ERROR_FLAG) refuse(name);
            errno = EACCES;
            return -1;
        }
        return inner_->Stat(name, buf, flags);
    }
    char** ReadDirEx(const char* name, int max_files) override {
        return guard_allows_source(name) ? inner_->ReadDirEx(name, max_files) : nullptr;
    }
    char** ReadDir(const char* name) override { return ReadDirEx(name, 0); }
    char** SiblingFiles(const char* name) override {
        return guard_allows_source(name) ? inner_->SiblingFiles(name) : nullptr;
    }
    VSIDIR* OpenDir(const char* name, int depth, const char* const* options) override {
        return guard_allows_source(name) ? inner_->OpenDir(name, depth, options) : nullptr;
    }
    char** GetFileMetadata(const char* name, const char* domain, CSLConstList options) override {
        return guard_allows_source(name) ? inner_->GetFileMetadata(name, domain, options) : nullptr;
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
    if (!url || !guard_allows_source(url) || CSLFetchNameValue(options, "POSTFIELDS") ||
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

// The drivers of kRemoteDrivers while they are deregistered. Never destroyed: they belong to no one else, and GDAL
// may still be used by other statics' destructors at exit (reachable from this pointer, so not a leak to LSan).
struct RemoteDrivers {
    std::mutex mutex;
    std::map<std::string, GDALDriverH> held;
};

RemoteDrivers& remote_drivers() {
    static RemoteDrivers* drivers = new RemoteDrivers;
    return *drivers;
}

// Deregisters (registered false) or re-registers (true) the drivers of kRemoteDrivers.
void set_remote_drivers(bool registered) {
    RemoteDrivers& r = remote_drivers();
    const std::lock_guard lock(r.mutex);
    if (!registered) {
        for (auto name : kRemoteDrivers) {
            const std::string n(name);
            if (GDALDriverH d = GDALGetDriverByName(n.c_str())) {
                GDALDeregisterDriver(d);
                r.held[n] = d;
            }
        }
    } else {
        for (auto& [name, d] : r.held)
            if (!GDALGetDriverByName(name.c_str())) GDALRegisterDriver(d);
    }
}

}  // namespace

void install_gdal_source_guards() {
    for (auto prefix : kNetworkPrefixes) {
        const std::string p(prefix);
        VSIFilesystemHandler* inner = VSIFileManager::GetHandler(p.c_str());
        // GetHandler falls back to the local file system for an unknown prefix: only wrap real network handlers.
        if (!inner || inner == VSIFileManager::GetHandler("/")) continue;
        VSIFileManager::InstallHandler(p, new GuardedHandler(inner));  // owned by GDAL's file manager from now
    }
}

void apply_gdal_policy(bool network, bool databases) {
    set_remote_drivers(databases);
    CPLHTTPSetFetchCallback(network ? nullptr : http_fetch_guard, nullptr);
    OSRSetPROJEnableNetwork(network ? TRUE : FALSE);
}

}  // namespace em
