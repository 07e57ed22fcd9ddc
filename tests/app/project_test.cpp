// Project files: round trips, relative layer paths, errors naming the JSON path, atomic writes.
#include "scene/project.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>

#include "support/test_paths.hpp"

namespace em {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void spit(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

// A folder of its own for each test (ctest may run them at the same time).
fs::path folder() {
    return test::temp_dir(std::string("project-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
}

// A project using every field, its layers in dir.
Project sample(const fs::path& dir) {
    Project p;
    ProjectLayer provinces;
    provinces.path = dir / "data" / "provinces.shp";
    provinces.title = "Provinces (Régions)";
    provinces.layer = "regions";
    provinces.style.visible = false;
    provinces.style.fill_enabled = false;
    provinces.style.fill = Color::hex(0x123456, 128 / 255.0f);
    provinces.style.outline = Color::hex(0xABCDEF);
    provinces.style.outline_width = 1.7f;
    provinces.style.opacity = 0.35f;
    provinces.style.marker.radius = 6.25f;
    provinces.style.color_field = "REGION";
    provinces.style.label_field = "NAME_1";
    ProjectLayer bases;
    bases.path = dir / "bases.geojson";
    bases.title = "Bases";
    p.layers = {provinces, bases};
    p.view.projection = "equirect";
    p.view.bbox = BBox::of(-13.5, 9.25, 5.125, 25.0);
    p.time.date = Date::parse("2024-08-13");
    p.time.mode = WindowMode::kRange;
    p.time.days = 90;
    p.time.range_start = Date::parse("2023-01-01");
    p.time.range_end = Date::parse("2024-12-31");
    p.filters.hidden_parties = {"France", "Wagner"};
    p.filters.hidden_kinds = {EventKind::kCall, EventKind::kAnnouncement};
    p.filters.countries = {"MLI", "NER"};
    p.filters.hide_uncertain = true;
    p.filters.text = "Goïta \"quoted\"";
    p.filters.event_types = {"Battles", "Violence against civilians"};
    p.filters.min_fatalities = 10;
    p.filters.actor_text = "Wagner";
    return p;
}

TEST(ProjectFile, RoundTripGivesAnEqualProject) {
    const fs::path dir = folder();
    const Project p = sample(dir);
    const fs::path file = dir / "sahel.eventmap.json";
    ASSERT_TRUE(write_project(p, file).ok());
    auto back = read_project(file);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_TRUE(back.value() == p) << slurp(file);
    EXPECT_TRUE(back->warnings.empty());
    // Written once more, the file is the same byte for byte.
    ASSERT_TRUE(write_project(back.value(), dir / "again.json").ok());
    EXPECT_EQ(slurp(dir / "again.json"), slurp(file));
}

TEST(ProjectFile, DefaultProjectRoundTrips) {
    const fs::path dir = folder();
    ASSERT_TRUE(write_project(Project{}, dir / "empty.json").ok());
    auto back = read_project(dir / "empty.json");
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_TRUE(back.value() == Project{}) << slurp(dir / "empty.json");
    EXPECT_TRUE(back->view.bbox.empty());
    EXPECT_FALSE(back->time.date.has_value());
}

TEST(ProjectFile, FloatsAreWrittenShortAndColoursAsHex) {
    const fs::path dir = folder();
    ASSERT_TRUE(write_project(sample(dir), dir / "p.json").ok());
    const std::string text = slurp(dir / "p.json");
    EXPECT_NE(text.find("\"outline_width\": 1.7,"), std::string::npos) << text;
    EXPECT_NE(text.find("\"opacity\": 0.35,"), std::string::npos) << text;
    EXPECT_NE(text.find("\"fill\": \"#12345680\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"outline\": \"#ABCDEFFF\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"window\": \"range\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"hidden_kinds\": [\n      \"call\",\n      \"announcement\"\n    ]"), std::string::npos)
        << text;
    EXPECT_EQ(text.find("\"version\": 2"), 4u) << text;  // first
}

TEST(ProjectFile, PathsAreStoredRelativeAndReadBackAbsolute) {
    const fs::path dir = folder();
    const Project p = sample(dir);
    EXPECT_FALSE(write_project(p, dir / "maps" / "p.json").ok());  // maps/ does not exist yet: refused
    EXPECT_FALSE(fs::exists(dir / "maps" / "p.json"));
    fs::create_directories(dir / "maps");
    ASSERT_TRUE(write_project(p, dir / "maps" / "p.json").ok());
    const std::string text = slurp(dir / "maps" / "p.json");
    EXPECT_NE(text.find("\"path\": \"../data/provinces.shp\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"path\": \"../bases.geojson\""), std::string::npos) << text;
    EXPECT_EQ(text.find(dir.string()), std::string::npos) << text;
    auto back = read_project(dir / "maps" / "p.json");
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->layers[0].path, dir / "data" / "provinces.shp");
    EXPECT_TRUE(back->layers[0].path.is_absolute());
    EXPECT_TRUE(back.value() == p);
}

TEST(ProjectFile, PathsSharingOnlyTheRootStayAbsolute) {
    const fs::path dir = folder();
    Project p;
    ProjectLayer l;
    l.path = "/usr/share/eventmap-test-nowhere/x.shp";
    p.layers = {l};
    ASSERT_TRUE(write_project(p, dir / "p.json").ok());
    EXPECT_NE(slurp(dir / "p.json").find("\"path\": \"/usr/share/eventmap-test-nowhere/x.shp\""), std::string::npos);
    auto back = read_project(dir / "p.json");
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->layers[0].path, l.path);
}

TEST(ProjectFile, RelativePathsInMemoryAreTakenFromTheCurrentFolder) {
    const fs::path dir = folder();
    const fs::path cwd = fs::current_path();
    fs::current_path(dir);
    Project p;
    ProjectLayer l;
    l.path = "data/x.shp";
    p.layers = {l};
    const bool ok = write_project(p, "p.json").ok();
    fs::current_path(cwd);
    ASSERT_TRUE(ok);
    EXPECT_NE(slurp(dir / "p.json").find("\"path\": \"data/x.shp\""), std::string::npos) << slurp(dir / "p.json");
    auto back = read_project(dir / "p.json");
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->layers[0].path, dir / "data" / "x.shp");
}

TEST(ProjectFile, ProjectMovedWithItsDataStillResolves) {
    const fs::path dir = folder();
    const fs::path before = dir / "before", after = dir / "elsewhere" / "after";
    spit(before / "data" / "provinces.shp", "not really a shapefile");
    spit(before / "bases.geojson", "{}");
    ASSERT_TRUE(write_project(sample(before), before / "p.json").ok());
    fs::create_directories(after.parent_path());
    fs::rename(before, after);
    auto back = read_project(after / "p.json");
    ASSERT_TRUE(back) << back.error().message;
    ASSERT_EQ(back->layers.size(), 2u);
    EXPECT_EQ(back->layers[0].path, after / "data" / "provinces.shp");
    EXPECT_EQ(back->layers[1].path, after / "bases.geojson");
    for (const auto& l : back->layers) EXPECT_TRUE(fs::exists(l.path)) << l.path;
}

TEST(ProjectFile, ProjectInASymlinkedFolderResolvesClimbingPaths) {
    const fs::path dir = folder();
    spit(dir / "real" / "data" / "x.geojson", "{}");
    fs::create_directories(dir / "real" / "maps" / "sahel");
    fs::create_directory_symlink(dir / "real" / "maps" / "sahel", dir / "link");
    Project p;
    ProjectLayer l;
    l.path = dir / "real" / "data" / "x.geojson";
    p.layers = {l};
    ASSERT_TRUE(write_project(p, dir / "link" / "p.json").ok());
    auto back = read_project(dir / "link" / "p.json");
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_TRUE(fs::exists(back->layers[0].path)) << back->layers[0].path;
    EXPECT_TRUE(fs::equivalent(back->layers[0].path, l.path));
}

TEST(ProjectFile, AtomicWriteLeavesNoTemporaryFile) {
    const fs::path dir = folder();
    spit(dir / "p.json", "old contents");
    ASSERT_TRUE(write_project(sample(dir), dir / "p.json").ok());
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    EXPECT_EQ(names, std::vector<std::string>{"p.json"});
    EXPECT_NE(slurp(dir / "p.json"), "old contents");
    // A failed write names the file and leaves nothing behind.
    const auto bad = write_project(sample(dir), dir / "missing" / "p.json");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find((dir / "missing" / "p.json").string()), std::string::npos);
    names.clear();
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    EXPECT_EQ(names, std::vector<std::string>{"p.json"});
}

// Reads text as a project and returns the error (or "ok").
std::string error_of(const std::string& text, std::string* file_out = nullptr) {
    const fs::path file = folder() / "bad.json";
    spit(file, text);
    if (file_out) *file_out = file.string();
    auto r = read_project(file);
    return r ? std::string("ok") : r.error().message;
}

TEST(ProjectFile, MalformedValuesNameTheFileAndJsonPath) {
    std::string file;
    const std::string layers = R"({"layers": [{"path": "a.shp"}, {"path": "b.shp"}, )";
    const std::string fill = error_of(layers + R"({"path": "c.shp", "style": {"fill": "red"}}]})", &file);
    EXPECT_EQ(fill, file + ": layers[2].style.fill: expected a colour #RRGGBB or #RRGGBBAA, got \"red\"");
    struct Case {
        std::string json, starts;
    };
    for (const Case& c : std::vector<Case>{
             {"[]", "(top level): expected an object, got []"},
             {R"({"layers": {}})", "layers: expected an array of layers"},
             {R"({"layers": [3]})", "layers[0]: expected an object, got 3"},
             {R"({"layers": [{"title": "x"}]})", "layers[0]: has no \"path\""},
             {R"({"layers": [{"path": ""}]})", "layers[0].path: expected a file path"},
             {R"({"layers": [{"path": 7}]})", "layers[0].path: expected a file path, got 7"},
             {R"({"layers": [{"path": "a", "title": false}]})", "layers[0].title: expected a string, got false"},
             {R"({"layers": [{"path": "a", "style": []}]})", "layers[0].style: expected an object"},
             {R"({"layers": [{"path": "a", "style": {"visible": "yes"}}]})",
              "layers[0].style.visible: expected true or false, got \"yes\""},
             {R"({"layers": [{"path": "a", "style": {"opacity": 1.5}}]})",
              "layers[0].style.opacity: expected a number from 0 to 1, got 1.5"},
             {R"({"layers": [{"path": "a", "style": {"outline_width": -1}}]})",
              "layers[0].style.outline_width: expected a number from 0 to 100, got -1"},
             {R"({"layers": [{"path": "a", "style": {"marker_radius": "big"}}]})",
              "layers[0].style.marker_radius: expected a number"},
             {R"({"layers": [{"path": "a", "style": {"outline": "#12345"}}]})", "layers[0].style.outline: expected a colour"},
             {R"({"view": {"projection": "robinson"}})", "view.projection: expected a projection name"},
             {R"({"view": {"bbox": [1, 2, 3]}})", "view.bbox: expected [W, S, E, N]"},
             {R"({"view": {"bbox": [10, 0, -10, 5]}})", "view.bbox: expected [W, S, E, N]"},
             {R"({"view": {"bbox": [0, "s", 10, 5]}})", "view.bbox[1]: expected a number, got \"s\""},
             {R"({"time": {"date": "2024-02-30"}})", "time.date: expected a real date \"YYYY-MM-DD\" or null"},
             {R"({"time": {"window": "sliding"}})", "time.window: expected \"trailing\", \"cumulative\" or \"range\""},
             {R"({"time": {"days": 2.5}})", "time.days: expected a whole number of days from 0 to 100000, got 2.5"},
             {R"({"time": {"days": -1}})", "time.days: expected a whole number"},
             {R"({"time": {"range_start": "2024-05-01", "range_end": "2024-04-01"}})",
              "time.range_end: is before time.range_start (2024-05-01)"},
             {R"({"filters": {"hidden_kinds": ["meeting", "party"]}})", "filters.hidden_kinds[1]: expected an event kind"},
             {R"({"filters": {"hidden_parties": "France"}})", "filters.hidden_parties: expected an array of strings"},
             {R"({"filters": {"countries": ["MLI", "mali"]}})", "filters.countries[1]: expected an ISO 3166-1 alpha-3"},
             {R"({"filters": {"hide_uncertain": 1}})", "filters.hide_uncertain: expected true or false, got 1"},
             {R"({"filters": {"text": null}})", "filters.text: expected a string, got null"},
             {R"({"version": 3})", "version: version 3 is newer than this eventmap reads (2)"},
             {R"({"version": "1"})", "version: expected a whole number"},
         }) {
        const std::string e = error_of(c.json, &file);
        EXPECT_EQ(e.rfind(file + ": " + c.starts, 0), 0u) << c.json << "\n  gave: " << e;
    }
}

TEST(ProjectFile, InvalidJsonSaysWhere) {
    std::string file;
    const std::string e = error_of("{\n  \"layers\": [,]\n}\n", &file);
    EXPECT_EQ(e.rfind(file + ": not valid JSON: parse error at line 2, column", 0), 0u) << e;
}

TEST(ProjectFile, MissingFileIsAnError) {
    const fs::path dir = folder();
    auto r = read_project(dir / "nope.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message, (dir / "nope.json").string() + ": no such file");
}

TEST(ProjectFile, UnknownKeysAreIgnoredWithWarnings) {
    const fs::path dir = folder();
    spit(dir / "p.json", R"({"version": 1, "colour_scheme": "dark",
        "layers": [{"path": "a.shp", "style": {"fill": "#FF0000", "dash": [1, 2]}, "z": 1}],
        "time": {"date": null, "speed": 30}})");
    auto p = read_project(dir / "p.json");
    ASSERT_TRUE(p) << p.error().message;
    const std::string f = (dir / "p.json").string();
    EXPECT_EQ(p->warnings, (std::vector<std::string>{f + ": colour_scheme: unknown key, ignored",
                                                     f + ": layers[0].z: unknown key, ignored",
                                                     f + ": layers[0].style.dash: unknown key, ignored",
                                                     f + ": time.speed: unknown key, ignored"}));
    ASSERT_EQ(p->layers.size(), 1u);
    EXPECT_EQ(p->layers[0].style.fill, Color::hex(0xFF0000));
    EXPECT_EQ(p->layers[0].path, dir / "a.shp");
    EXPECT_FALSE(p->time.date);
    // Defaults where keys are missing.
    EXPECT_EQ(p->time.days, 30);
    EXPECT_EQ(p->view.projection, "laea");
}

TEST(ProjectFile, FiltersConvertToAndFromEventFilter) {
    const Project p = sample("/x");
    const EventFilter f = p.filters.to_event_filter();
    EXPECT_EQ(f.hidden_parties, p.filters.hidden_parties);
    EXPECT_EQ(f.hidden_kinds, p.filters.hidden_kinds);
    EXPECT_TRUE(f.hide_uncertain);
    EXPECT_EQ(f.event_types, p.filters.event_types);
    EXPECT_EQ(f.min_fatalities, 10);
    EXPECT_EQ(f.actor_text, "Wagner");
    EXPECT_TRUE(ProjectFilters::from(f) == p.filters);
}

}  // namespace
}  // namespace em

namespace em {
namespace {

// A random project: every field of every section drawn at random (paths absolute, as read_project gives them).
Project random_project(std::mt19937& rng, const fs::path& dir) {
    auto coin = [&] { return std::uniform_int_distribution<int>(0, 1)(rng) == 1; };
    auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    auto real = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
    auto text = [&] {
        static const char* words[] = {"", "Mali", "Goïta", "\"quoted\"", "a, b", "Ouagadougou 2024", "Army-2024"};
        return std::string(words[pick(7)]);
    };
    auto day = [&] { return Date::from_ymd(2013 + pick(13), 1 + pick(12), 1 + pick(28)); };
    auto box = [&](double lo_x, double hi_x, double lo_y, double hi_y) {
        const double x0 = real(lo_x, hi_x - 1), y0 = real(lo_y, hi_y - 1);
        return BBox::of(x0, y0, real(x0 + 0.5, hi_x), real(y0 + 0.5, hi_y));
    };
    Project p;
    for (int i = pick(4); i > 0; --i) {
        ProjectLayer l;
        l.path = dir / ("layer" + std::to_string(pick(100)) + (coin() ? ".shp" : ".geojson"));
        l.layer = coin() ? "" : "regions";
        l.title = text();
        l.styled = coin();
        if (l.styled) {
            l.style.visible = coin();
            l.style.fill_enabled = coin();
            l.style.fill = Color::hex(static_cast<std::uint32_t>(pick(0xFFFFFF)), pick(256) / 255.0f);
            l.style.outline = Color::hex(static_cast<std::uint32_t>(pick(0xFFFFFF)));
            l.style.outline_width = static_cast<float>(pick(40)) / 8.0f;
            l.style.opacity = static_cast<float>(pick(21)) / 20.0f;
            l.style.marker.radius = static_cast<float>(pick(64)) / 4.0f;
            l.style.color_field = coin() ? "" : "bloc";
            l.style.label_field = coin() ? "" : "name";
        }
        p.layers.push_back(l);
    }
    p.view.projection = std::vector<std::string>{"laea", "equirect", "mercator"}[pick(3)];
    if (coin()) p.view.bbox = box(-180, 180, -90, 90);
    if (coin()) p.view.frame = box(-2e7, 2e7, -2e7, 2e7);
    if (coin()) p.time.date = day();
    p.time.mode = std::vector<WindowMode>{WindowMode::kTrailing, WindowMode::kCumulative, WindowMode::kRange}[pick(3)];
    p.time.days = pick(1000);
    if (coin()) {
        p.time.range_start = day();
        p.time.range_end = *p.time.range_start + pick(900);
    }
    if (coin()) p.filters.hidden_parties = {"France", "Russia"};
    if (coin()) p.filters.hidden_kinds = {all_kinds()[static_cast<std::size_t>(pick(static_cast<int>(all_kinds().size())))]};
    if (coin()) p.filters.countries = {"MLI", "BFA"};
    p.filters.hide_uncertain = coin();
    p.filters.text = text();
    p.events.show = coin();
    if (coin()) p.events.files = {dir / "acled.csv", dir / "more" / "events.geojson"};
    if (coin()) p.events.places = dir / "places.csv";
    p.decorations.title = text();
    p.decorations.subtitle = text();
    if (coin()) p.decorations.legend = coin();
    p.decorations.scale_bar = coin();
    p.decorations.inset = coin();
    p.decorations.attribution = coin();
    p.map.labels = coin();
    p.map.graticule = coin();
    p.map.base = std::vector<std::string>{"", "110m", "10m"}[pick(3)];
    p.map.theme = coin() ? MapTheme::kDark : MapTheme::kLight;
    p.output.width = pick(2) ? 0 : 1 + pick(16384);
    p.output.height = pick(2) ? 0 : 1 + pick(16384);
    p.output.pixel_scale = static_cast<float>(1 + pick(40)) / 8.0f;
    p.output.samples = pick(17);
    return p;
}

TEST(ProjectFile, RandomProjectsRoundTrip) {
    const fs::path dir = folder();
    std::mt19937 rng(20261205);
    for (int i = 0; i < 300; ++i) {
        const Project p = random_project(rng, dir);
        const fs::path file = dir / "random.json";
        ASSERT_TRUE(write_project(p, file).ok());
        auto back = read_project(file);
        ASSERT_TRUE(back) << back.error().message << "\n" << slurp(file);
        ASSERT_TRUE(back.value() == p) << "project " << i << " came back different:\n" << slurp(file);
        ASSERT_TRUE(back->warnings.empty()) << back->warnings.front();
    }
}

// A negative control for the property above: equality sees every section (a change in any one is noticed).
TEST(ProjectFile, EqualitySeesEverySection) {
    const Project base = sample(folder());
    std::vector<std::function<void(Project&)>> changes = {
        [](Project& p) { p.view.frame = BBox::of(0, 0, 1, 1); },
        [](Project& p) { p.events.show = false; },
        [](Project& p) { p.events.files.push_back("/x.csv"); },
        [](Project& p) { p.events.places = "/p.csv"; },
        [](Project& p) { p.decorations.title = "t"; },
        [](Project& p) { p.decorations.legend = false; },
        [](Project& p) { p.decorations.inset = true; },
        [](Project& p) { p.map.graticule = false; },
        [](Project& p) { p.map.base = "10m"; },
        [](Project& p) { p.map.theme = MapTheme::kDark; },
        [](Project& p) { p.output.width = 640; },
        [](Project& p) { p.output.pixel_scale = 2; },
        [](Project& p) { p.output.samples = 4; },
        [](Project& p) { p.layers[0].styled = false; },
        [](Project& p) { p.time.range_end = Date::parse("2025-01-01"); },
        [](Project& p) { p.filters.text = "other"; },
    };
    for (std::size_t i = 0; i < changes.size(); ++i) {
        Project changed = base;
        changes[i](changed);
        EXPECT_FALSE(changed == base) << "change " << i << " not seen by operator==";
    }
}

TEST(ProjectFile, Version1FileStillOpens) {
    const fs::path file = test::source_dir() / "tests" / "fixtures" / "projects" / "v1_army2024.json";
    auto p = read_project(file);
    ASSERT_TRUE(p) << p.error().message;
    EXPECT_TRUE(p->warnings.empty());
    ASSERT_EQ(p->layers.size(), 1u);
    EXPECT_EQ(p->layers[0].path, (file.parent_path() / ".." / "polygons.geojson").lexically_normal());
    EXPECT_TRUE(p->layers[0].styled);
    EXPECT_EQ(p->layers[0].style.color_field, "name");
    EXPECT_EQ(p->time.mode, WindowMode::kRange);
    EXPECT_EQ(p->time.range_start, Date::parse("2024-06-01"));
    EXPECT_EQ(p->filters.text, "Army");
    EXPECT_EQ(p->filters.hidden_kinds, std::set<EventKind>{EventKind::kCall});
    // What version 1 did not have takes its defaults.
    EXPECT_TRUE(p->view.frame.empty());
    EXPECT_TRUE(p->events == ProjectEvents{});
    EXPECT_TRUE(p->decorations == ProjectDecorations{});
    EXPECT_TRUE(p->output == ProjectOutput{});
}

TEST(ProjectFile, MalformedVersion2SectionsNameTheJsonPath) {
    const fs::path dir = folder();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {R"({"view": {"frame": [1, 2, 3]}})", "view.frame: expected [X0, Y0, X1, Y1]"},
        {R"({"view": {"frame": [5, 0, 1, 1]}})", "view.frame: expected [X0, Y0, X1, Y1]"},
        {R"({"decorations": {"legend": "yes"}})", "decorations.legend: expected true, false or null"},
        {R"({"decorations": {"title": 3}})", "decorations.title: expected a string"},
        {R"({"output": {"width": -1}})", "output.width: expected a whole number from 0 to 16384"},
        {R"({"output": {"pixel_scale": "big"}})", "output.pixel_scale: expected a number from 0.1 to 16"},
        {R"({"events": {"files": [""]}})", "events.files[0]: expected a file path"},
        {R"({"events": {"show": 1}})", "events.show: expected true or false"},
        {R"({"map": {"labels": null}})", "map.labels: expected true or false"},
        {R"({"map": {"theme": "night"}})", "map.theme: expected \"light\" or \"dark\", got \"night\""},
        {R"({"map": {"theme": 1}})", "map.theme: expected a string, got 1"},
    };
    for (const auto& [json, starts] : cases) {
        const fs::path file = dir / "bad.json";
        spit(file, json);
        auto p = read_project(file);
        ASSERT_FALSE(p) << json;
        EXPECT_EQ(p.error().message.rfind(file.string() + ": " + starts, 0), 0u) << json << "\n  gave: " << p.error().message;
    }
}

}  // namespace
}  // namespace em
