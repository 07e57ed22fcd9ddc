#pragma once

// GDAL's side of the source policy (geo/source_policy), in GDAL's module: the guards GDAL and PROJ ask before they
// reach anything off this machine. What is allowed is the program's to say (GdalHost::guard_allows_source,
// GdalModule::apply_policy); these functions only make GDAL ask and obey.

namespace em {

// Wraps GDAL's network file systems and its HTTP fetches in guards that ask guard_allows_source (see
// geo/gdal_module_host). Called once, after GDALAllRegister; the policy then applies with apply_gdal_policy.
void install_gdal_source_guards();

// Deregisters (or registers again) the database and web-service drivers, turns GDAL's HTTP fetch guard and
// PROJ's network on or off (see GdalModule::apply_policy).
void apply_gdal_policy(bool network, bool databases);

}  // namespace em
