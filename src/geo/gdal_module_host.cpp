// Inside eventmap-gdal.so: the source policy's functions that GDAL's code calls (geo/source_policy.hpp), answered by
// the program through the GdalHost it gave at start, since the policy's state is the program's (one process-wide
// policy, not a copy per binary). Only the module links this file; the program links geo/source_policy.cpp.
#include "geo/gdal_module.hpp"
#include "geo/gdal_vector_reader.hpp"

namespace em {

namespace {

// The program's answers; set once by GdalModule::start before any other call into the module.
const GdalHost* g_host = nullptr;

}  // namespace

void set_gdal_host(const GdalHost& host) { g_host = &host; }

Status check_source(const std::string& path) { return g_host->check_source(path); }
SourceKind classify_source(const std::string& path) { return g_host->classify_source(path); }
std::string source_address(const std::string& path) { return g_host->source_address(path); }
std::string gdal_path(const std::string& path) { return g_host->gdal_path(path); }
bool guard_allows_source(const char* filename) { return g_host->guard_allows(filename); }
std::size_t refusals_on_this_thread() { return g_host->refusals_on_this_thread(); }
std::string last_refused_on_this_thread() { return g_host->last_refused_on_this_thread(); }

// Inside the module GDAL is registered already (GdalModule::start); the GeoJSON reader still asks.
void ensure_gdal_registered() { gdal_reader::start_gdal(); }

}  // namespace em
