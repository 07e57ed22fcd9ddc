// Issue 20: nothing reaches the network or a database because of what a file says. A real HTTP server on
// 127.0.0.1 (a port the OS chose) counts the requests; a listening socket counts database connection attempts.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <ogr_srs_api.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "events/event_loader.hpp"
#include "events/places.hpp"
#include "geo/source_policy.hpp"
#include "geo/vector_loader.hpp"
#include "scene/project.hpp"
#include "geo/local_server.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

namespace fs = std::filesystem;
using test::LocalServer;

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::string vrt_for(const std::string& source) {
    return "<OGRVRTDataSource><OGRVRTLayer name=\"remote\"><SrcDataSource>" + source +
           "</SrcDataSource><SrcLayer>remote</SrcLayer></OGRVRTLayer></OGRVRTDataSource>";
}

class SourcePolicyTest : public ::testing::Test {
protected:
    void SetUp() override {
        ::setenv("NO_PROXY", "127.0.0.1,localhost", 1);
        ::setenv("no_proxy", "127.0.0.1,localhost", 1);
        ensure_gdal_registered();
        reset();
    }
    void TearDown() override { reset(); }
    static void reset() {
        set_allow_network(false);
        clear_allowed_sources();
        take_refused_sources();
        VSICurlClearCache();
    }
};

TEST_F(SourcePolicyTest, ClassifiesPathsAndConnectionStrings) {
    EXPECT_EQ(classify_source("/vsicurl/http://h/x.geojson"), SourceKind::kNetwork);
    EXPECT_EQ(classify_source("https://h/x.geojson"), SourceKind::kNetwork);
    EXPECT_EQ(classify_source("/vsizip//vsis3/bucket/a.zip/x.shp"), SourceKind::kNetwork);
    EXPECT_EQ(classify_source("/vsiaz/c/x.gpkg"), SourceKind::kNetwork);
    EXPECT_EQ(classify_source("PG:host=db dbname=x"), SourceKind::kDatabase);
    EXPECT_EQ(classify_source("MySQL:db,host=h"), SourceKind::kDatabase);
    EXPECT_EQ(classify_source("WFS:http://h/wfs"), SourceKind::kDatabase);
    EXPECT_EQ(classify_source("/dev/zero"), SourceKind::kSpecial);
    EXPECT_EQ(classify_source("/proc/self/status"), SourceKind::kSpecial);
    EXPECT_EQ(classify_source(test::fixture("polygons.geojson")), SourceKind::kLocal);
    EXPECT_EQ(classify_source("/vsimem/x.geojson"), SourceKind::kLocal);
    EXPECT_EQ(source_address("/vsicurl/http://127.0.0.1:8765/sahel.geojson"), "127.0.0.1:8765/sahel.geojson");
    EXPECT_EQ(source_address("PG:host=db.example port=5432 dbname=news"), "PG: db.example:5432/news");
}

TEST_F(SourcePolicyTest, RemoteGeoJsonIsNotFetchedUnlessNamedOrAllowed) {
    LocalServer server(true);
    const std::string path = "/vsicurl/" + server.url("/sahel.geojson");
    auto refused = load_vector_source(path);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("not opened"), std::string::npos) << refused.error().message;
    EXPECT_NE(refused.error().message.find("127.0.0.1:" + std::to_string(server.port()) + "/sahel.geojson"),
              std::string::npos)
        << refused.error().message;
    // A bare URL is the same source.
    EXPECT_FALSE(load_vector_source(server.url("/sahel.geojson")));
    EXPECT_EQ(server.requests(), 0);

    allow_source(path);  // named on the command line
    auto loaded = load_vector_source(path);
    ASSERT_TRUE(loaded) << loaded.error().message;
    EXPECT_EQ(loaded->front().features.size(), 1u);
    EXPECT_GE(server.requests(), 1);
    std::cout << "remote GeoJSON allowed: " << server.requests() << " requests\n";
}

TEST_F(SourcePolicyTest, VrtPointingAtTheNetworkMakesNoRequestWithoutConsent) {
    LocalServer server(true);
    const fs::path dir = test::temp_dir("source-policy-vrt");
    const std::string remote = "/vsicurl/" + server.url("/inner.geojson");
    write(dir / "outer.vrt", vrt_for(remote));
    allow_source((dir / "outer.vrt").string());  // the VRT itself was named: its inner source was not
    auto loaded = load_vector_source((dir / "outer.vrt").string());
    ASSERT_FALSE(loaded);  // not an empty layer: "not opened", naming what it wanted
    EXPECT_TRUE(is_refused_source(loaded.error().message)) << loaded.error().message;
    EXPECT_NE(loaded.error().message.find("127.0.0.1:" + std::to_string(server.port()) + "/inner.geojson"),
              std::string::npos)
        << loaded.error().message;
    EXPECT_EQ(server.requests(), 0);
    const auto refused = take_refused_sources();
    ASSERT_FALSE(refused.empty());
    EXPECT_NE(refused.front().find(server.url("/inner.geojson")), std::string::npos) << refused.front();

    // A bare http:// URL inside the VRT goes through GDAL's own HTTP fetch: refused too.
    write(dir / "bare.vrt", vrt_for(server.url("/bare.geojson")));
    auto bare = load_vector_source((dir / "bare.vrt").string());
    if (bare) {
        for (const auto& l : bare.value()) EXPECT_EQ(l.features.size(), 0u);
    }
    EXPECT_EQ(server.requests(), 0);

    // The user agrees to that address: the expected requests, and the point.
    for (const auto& r : refused) allow_source(r);
    auto agreed = load_vector_source((dir / "outer.vrt").string());
    ASSERT_TRUE(agreed) << agreed.error().message;
    ASSERT_EQ(agreed->size(), 1u);
    EXPECT_EQ(agreed->front().features.size(), 1u);
    EXPECT_GE(server.requests(), 1);
    std::cout << "VRT with consent: " << server.requests() << " requests\n";

    // --allow-network: everything.
    reset();
    const int before = server.requests();
    set_allow_network(true);
    auto all = load_vector_source((dir / "bare.vrt").string());
    ASSERT_TRUE(all) << all.error().message;
    EXPECT_EQ(all->front().features.size(), 1u);
    EXPECT_GT(server.requests(), before);
}

TEST_F(SourcePolicyTest, ProjectLayerAndEventsPathsAreNotOpenedWithoutConsent) {
    LocalServer server(true);
    const fs::path dir = test::temp_dir("source-policy-project");
    const std::string layer = "/vsicurl/" + server.url("/layer.geojson");
    const std::string events = "/vsicurl/" + server.url("/events.geojson");
    write(dir / "p.json", R"({"version": 2, "layers": [{"path": ")" + layer + R"("}, {"path": "local.vrt"}],
                             "events": {"show": true, "files": [")" + events + R"("]}})");
    write(dir / "local.vrt", vrt_for("/vsicurl/" + server.url("/via-vrt.geojson")));
    auto project = read_project(dir / "p.json");
    ASSERT_TRUE(project) << project.error().message;
    ASSERT_EQ(project->layers.size(), 2u);
    for (const auto& l : project->layers) {
        auto loaded = load_vector_source(l.path.string());
        if (loaded) {
            for (const auto& v : loaded.value()) EXPECT_EQ(v.features.size(), 0u);
        }
    }
    const PlaceTable places;
    for (const auto& f : project->events.files) {
        auto e = load_events(f.string(), places);
        ASSERT_FALSE(e);
        EXPECT_TRUE(is_refused_source(e.error().message)) << e.error().message;
    }
    EXPECT_EQ(server.requests(), 0);
    EXPECT_EQ(take_refused_sources().size(), 3u);

    set_allow_network(true);
    for (const auto& l : project->layers) {
        auto loaded = load_vector_source(l.path.string());
        ASSERT_TRUE(loaded) << loaded.error().message;
        EXPECT_EQ(loaded->front().features.size(), 1u);
    }
    EXPECT_GE(server.requests(), 2);
    std::cout << "project with --allow-network: " << server.requests() << " requests\n";
}

TEST_F(SourcePolicyTest, DatabaseAndCloudPathsInAProjectMakeNoConnection) {
    LocalServer db(false);  // counts connections only
    LocalServer s3(true);
    const fs::path dir = test::temp_dir("source-policy-db");
    const std::string pg = "PG:host=127.0.0.1 port=" + std::to_string(db.port()) + " dbname=news connect_timeout=2";
    CPLSetConfigOption("AWS_S3_ENDPOINT", ("127.0.0.1:" + std::to_string(s3.port())).c_str());
    CPLSetConfigOption("AWS_HTTPS", "NO");
    CPLSetConfigOption("AWS_VIRTUAL_HOSTING", "FALSE");
    CPLSetConfigOption("AWS_NO_SIGN_REQUEST", "YES");
    const std::string cloud = "/vsis3/bucket/layer.geojson";
    write(dir / "p.json", R"({"version": 2, "layers": [{"path": ")" + pg + R"("}, {"path": ")" + cloud + R"("}]})");
    write(dir / "pg.vrt", vrt_for(pg));
    auto project = read_project(dir / "p.json");
    ASSERT_TRUE(project) << project.error().message;
    ASSERT_EQ(project->layers.size(), 2u);
    for (const auto& l : project->layers) {
        auto loaded = load_vector_source(l.path.string());
        ASSERT_FALSE(loaded);
        EXPECT_TRUE(is_refused_source(loaded.error().message)) << loaded.error().message;
    }
    // The PostgreSQL driver is not even registered: a VRT naming the database cannot reach it either.
    auto via_vrt = load_vector_source((dir / "pg.vrt").string());
    if (via_vrt) {
        for (const auto& v : via_vrt.value()) EXPECT_EQ(v.features.size(), 0u);
    }
    EXPECT_EQ(db.connections(), 0);
    EXPECT_EQ(s3.requests(), 0);

    // With consent the connection is attempted (and fails: nothing speaks PostgreSQL there) and S3 is asked.
    set_allow_network(true);
    EXPECT_FALSE(load_vector_source(pg));
    load_vector_source(cloud);  // whether it reads depends on how S3-like the test server is; the request is made
    EXPECT_GE(db.connections(), 1);
    EXPECT_GE(s3.requests(), 1);
    std::cout << "with consent: " << db.connections() << " database connections, " << s3.requests()
              << " S3 requests\n";
    for (const char* k : {"AWS_S3_ENDPOINT", "AWS_HTTPS", "AWS_VIRTUAL_HOSTING", "AWS_NO_SIGN_REQUEST"})
        CPLSetConfigOption(k, nullptr);
}

TEST_F(SourcePolicyTest, DevicesProcAndFifosAreRefused) {
    const fs::path dir = test::temp_dir("source-policy-special");
    const fs::path fifo = dir / "pipe.geojson";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    fs::create_symlink("/dev/zero", dir / "zero.shp");
    for (const std::string& p : {std::string("/dev/zero"), std::string("/proc/self/status"), fifo.string(),
                                (dir / "zero.shp").string()}) {
        auto loaded = load_vector_source(p);  // must not block on the FIFO nor read forever
        ASSERT_FALSE(loaded) << p;
        EXPECT_NE(loaded.error().message.find("device or special file"), std::string::npos) << loaded.error().message;
    }
    auto places = load_places(fifo.string());
    EXPECT_FALSE(places);
}

TEST_F(SourcePolicyTest, ProjNetworkIsOffUnlessAllowed) {
    // PROJ_NETWORK=ON in the environment would turn PROJ's grid downloads on; eventmap turns them off.
    ::setenv("PROJ_NETWORK", "ON", 1);
    ensure_gdal_registered();
    reset();
    EXPECT_FALSE(OSRGetPROJEnableNetwork());
    set_allow_network(true);
    EXPECT_TRUE(OSRGetPROJEnableNetwork());
    set_allow_network(false);
    EXPECT_FALSE(OSRGetPROJEnableNetwork());
    ::unsetenv("PROJ_NETWORK");
}

}  // namespace
}  // namespace em
