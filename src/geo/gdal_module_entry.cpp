// The entry point of eventmap-gdal.so (the only symbol it exports): GDAL's reading of vector sources, its source
// guards, the WKT of a projection and GDAL's version. The program opens the module with dlopen the first time it
// needs GDAL (geo/gdal_module.cpp).
#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_spatialref.h>

#include "geo/gdal_module.hpp"
#include "geo/gdal_source_guards.hpp"
#include "geo/gdal_vector_reader.hpp"

namespace em {

// Set by start (geo/gdal_module_host.cpp).
void set_gdal_host(const GdalHost& host);

namespace {

class GdalLibraryModule final : public GdalModule {
public:
    void start(const GdalHost& host) const override {
        set_gdal_host(host);
        gdal_reader::start_gdal();
    }
    void apply_policy(bool network, bool databases) const override { apply_gdal_policy(network, databases); }
    Result<std::vector<VectorLayer>> load_vector_source(const std::string& path, const LoadControl& control,
                                                        bool fast_geojson) const override {
        return gdal_reader::load_vector_source(path, control, fast_geojson);
    }
    Result<std::vector<std::string>> list_vector_layers(const std::string& path) const override {
        return gdal_reader::list_vector_layers(path);
    }
    Result<VectorLayer> load_vector_layer(const std::string& path, const std::string& layer_name,
                                          const LoadControl& control) const override {
        return gdal_reader::load_vector_layer(path, layer_name, control);
    }
    Result<std::string> wkt_of_proj(const std::string& proj_string) const override {
        OGRSpatialReference srs;
        if (srs.importFromProj4(proj_string.c_str()) != OGRERR_NONE)
            return Error{"cannot describe projection '" + proj_string + "' as WKT"};
        char* wkt = nullptr;
        srs.exportToWkt(&wkt);
        std::string out = wkt ? wkt : "";
        CPLFree(wkt);
        return out;
    }
    std::string release_name() const override { return GDALVersionInfo("RELEASE_NAME"); }
};

}  // namespace

}  // namespace em

extern "C" __attribute__((visibility("default"))) const em::GdalModule* eventmap_gdal_module() {
    static const em::GdalLibraryModule module;
    return &module;
}
