#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace em {

// GDAL's virtual file systems that read over the network (GDAL 3.6 "GDAL Virtual File Systems" page): one list
// for the program's policy and the GDAL module's guards.
inline constexpr std::array<std::string_view, 15> kNetworkPrefixes = {
    "/vsicurl/",  "/vsicurl_streaming/", "/vsis3/",   "/vsis3_streaming/",    "/vsigs/",
    "/vsigs_streaming/", "/vsiaz/", "/vsiaz_streaming/", "/vsiadls/", "/vsioss/",
    "/vsioss_streaming/", "/vsiswift/", "/vsiswift_streaming/", "/vsiwebhdfs/", "/vsihdfs/",
};

// What opening a path or a GDAL connection string would touch.
enum class SourceKind {
    kLocal,     // a file or folder on this machine (also /vsimem/, and /vsizip/ etc. of a local file)
    kSpecial,   // a device, FIFO, socket or a file of /dev, /proc or /sys: never opened
    kNetwork,   // http(s)://, ftp://, /vsicurl/, /vsis3/, /vsigs/, /vsiaz/, ... (anywhere in a chained /vsi path)
    kDatabase,  // a database or web service connection string: PG:, MySQL:, MSSQL:, ODBC:, WFS:, OAPIF:, ...
};

// Classifies by the text alone (and, for local paths, the file's type on disk).
SourceKind classify_source(const std::string& path);

// "host/path" of a network source or "driver: host/db" of a database string, for messages and the consent dialog.
std::string source_address(const std::string& path);

// The form GDAL opens: a bare http(s):// or ftp:// URL becomes /vsicurl/URL, so that all network reading goes
// through GDAL's virtual file system, where eventmap's guard sees it.
std::string gdal_path(const std::string& path);

// Process-wide policy. By default nothing leaves this machine: GDAL's network file systems, its HTTP fetches and
// its database/web-service drivers are refused, and PROJ's network (grid downloads) is off.
// set_allow_network(true) (--allow-network, or the user's consent to everything) lifts all of it.
void set_allow_network(bool allow);
bool network_allowed();
// Allows one source the user chose (named on the command line, or agreed to in the window's dialog): the address
// itself and its siblings in the same remote folder (a shapefile's .dbf, .prj; a VRT's neighbours).
void allow_source(const std::string& path);
// Forgets every allow_source (not set_allow_network).
void clear_allowed_sources();
bool source_allowed(const std::string& path);

// Ok for a local, regular file or folder; an Error saying what was not opened and why for special files and for
// network/database sources the policy does not allow (those are also recorded, see take_refused_sources).
Status check_source(const std::string& path);

// True for an error message that check_source or GDAL's guards gave (the text says "not opened:"), anywhere in
// the message (a VRT's error names its own path first): the caller says it on one line and draws the rest.
bool is_refused_source(const std::string& message);

// Sources refused since the last call (by check_source or by GDAL's guards while opening a file that points at
// others, such as a VRT), each once, in order.
std::vector<std::string> take_refused_sources();

// How many sources GDAL's guards refused on the calling thread so far, and the last one: a loader compares the count
// before and after reading a file that may point at others (a VRT reads as empty when its sources are refused).
std::size_t refusals_on_this_thread();
std::string last_refused_on_this_thread();

// For GDAL's guards (geo/gdal_source_guards, in GDAL's module): true when the policy lets GDAL touch `filename`;
// a refusal is recorded (take_refused_sources) and counted on the calling thread.
bool guard_allows_source(const char* filename);

class GdalModule;
// From now on every change of the policy is applied to GDAL through `module`, the current policy at once (called
// by gdal_module() when it has opened GDAL's module and started it; GDAL is never loaded just to be told).
void set_policy_module(const GdalModule& module);

}  // namespace em
