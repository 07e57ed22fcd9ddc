// The program's side of GDAL's module: opens eventmap-gdal.so the first time GDAL is needed and answers the
// functions of geo/vector_loader.hpp through it, so that a render from a warm cache never loads GDAL.
#include "geo/gdal_module.hpp"

#include <atomic>

#include "core/shared_module.hpp"

namespace em {

namespace {

// The source policy's functions as the module calls them (they keep the policy's state in the program).
constexpr GdalHost kHost{
    [](const std::string& path) { return check_source(path); },
    [](const std::string& path) { return classify_source(path); },
    [](const std::string& path) { return source_address(path); },
    [](const std::string& path) { return gdal_path(path); },
    [](const char* filename) { return guard_allows_source(filename); },
    [] { return refusals_on_this_thread(); },
    [] { return last_refused_on_this_thread(); },
};

struct Opened {
    std::shared_ptr<const SharedModule> handle;  // opened with RTLD_NODELETE: GDAL stays mapped to the end
    const GdalModule* module = nullptr;
    std::string error;
};

std::atomic<bool> g_opened{false};

Opened open_and_start() {
    Opened out;
    auto handle = SharedModule::open(kGdalModuleFile);
    if (!handle) {
        out.error = handle.error().message;
        return out;
    }
    auto factory = handle.value()->symbol(kGdalModuleFactory);
    if (!factory) {
        out.error = factory.error().message;
        return out;
    }
    using Factory = const GdalModule* (*)();
    out.module = reinterpret_cast<Factory>(factory.value())();
    out.handle = std::move(handle).value();
    out.module->start(kHost);
    set_policy_module(*out.module);  // what the user allowed so far, and every change from now on
    g_opened = true;
    return out;
}

}  // namespace

Result<const GdalModule*> gdal_module() {
    // Never destroyed: GDAL may be used by other statics' destructors at exit, and the module stays mapped.
    static const Opened* opened = new Opened(open_and_start());
    if (!opened->module) return Error{opened->error};
    return opened->module;
}

bool gdal_module_opened() { return g_opened; }

void ensure_gdal_registered() { (void)gdal_module(); }

Result<std::vector<VectorLayer>> load_vector_source(const std::string& path, const LoadControl& control) {
    auto gdal = gdal_module();
    if (!gdal) return Error{path + ": " + gdal.error().message};
    return gdal.value()->load_vector_source(path, control, true);
}

Result<std::vector<VectorLayer>> load_vector_source_with_gdal(const std::string& path, const LoadControl& control) {
    auto gdal = gdal_module();
    if (!gdal) return Error{path + ": " + gdal.error().message};
    return gdal.value()->load_vector_source(path, control, false);
}

Result<std::vector<std::string>> list_vector_layers(const std::string& path) {
    auto gdal = gdal_module();
    if (!gdal) return Error{path + ": " + gdal.error().message};
    return gdal.value()->list_vector_layers(path);
}

Result<VectorLayer> load_vector_layer(const std::string& path, const std::string& layer_name,
                                      const LoadControl& control) {
    auto gdal = gdal_module();
    if (!gdal) return Error{path + ": " + gdal.error().message};
    return gdal.value()->load_vector_layer(path, layer_name, control);
}

}  // namespace em
