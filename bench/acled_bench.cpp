// 100,000 synthetic ACLED rows (tools/make_synthetic_acled.py's shape, generated here in memory): load + validate,
// the visible set for one slider move, and the point events' layout for one window (hexagon bins at a
// country-scale zoom, the CPU work of a clock change or zoom) and for one pan (the bins kept).
// Run: build/bench/bench_acled
#include <benchmark/benchmark.h>

#include <random>
#include <sstream>

#include "events/acled_reader.hpp"
#include "events/time_filter.hpp"
#include "geo/projection.hpp"
#include "render/point_events.hpp"

namespace {

const std::string& csv() {
    static const std::string text = [] {
        const char* types[] = {"Battles", "Violence against civilians", "Explosions/Remote violence", "Protests",
                               "Riots", "Strategic developments"};
        const char* actors[] = {"Military Forces of Mali (2021-)", "JNIM: Group for Support of Islam and Muslims",
                                "Islamic State (Sahel)", "Wagner Group", "Africa Corps", "Civilians (Mali)"};
        const char* months[] = {"January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"};
        std::mt19937 rng(17);
        std::normal_distribution<double> jitter(0.0, 1.5);
        std::ostringstream out;
        out << "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
               "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
               "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
               "tags,timestamp\n";
        for (int i = 0; i < 100000; ++i) {
            const int year = 2019 + static_cast<int>(rng() % 6);
            out << "MLI" << i << "," << 1 + rng() % 28 << " " << months[rng() % 12] << " " << year << "," << year
                << "," << 1 + rng() % 3 << ",Political violence," << types[rng() % 6] << ",Armed clash,"
                << actors[rng() % 6] << ",,1," << actors[rng() % 6] << ",,2,12,,466,Western Africa,Mali,Gao,,,Gao,"
                << 16.0 + jitter(rng) << "," << -1.0 + jitter(rng) << "," << 1 + rng() % 3
                << ",Synthetic,National,\"Synthetic row, not ACLED data.\"," << rng() % 40 << ",,1700000000\n";
        }
        return out.str();
    }();
    return text;
}

const em::EventSet& loaded() {
    static const em::EventSet set = em::parse_acled_csv(csv(), "synthetic.csv", {}, em::CountryCodes::from_iso_codes());
    return set;
}

void BM_AcledLoadAndValidate100k(benchmark::State& state) {
    const std::string& text = csv();
    const em::CountryCodes codes = em::CountryCodes::from_iso_codes();
    for (auto _ : state) {
        auto set = em::parse_acled_csv(text, "synthetic.csv", {}, codes);
        if (set.events.size() != 100000) state.SkipWithError("rows were dropped");
        benchmark::DoNotOptimize(set);
    }
    state.counters["rows"] = 100000;
}

em::TimeWindow year_window() {
    em::TimeWindow w;
    w.mode = em::WindowMode::kTrailing;
    w.days = 365;
    w.at = *em::Date::parse("2023-06-30");
    return w;
}

// The CPU side of a clock change: the visible incidents of a one-year window, projected, binned for the view.
void BM_PointEventsWindowChange100k(benchmark::State& state) {
    const em::EventSet& set = loaded();
    const em::VisibleEventIndex index(set.events, {});
    const em::Projection projection = em::Projection(em::ProjectionKind::kLambertAzimuthal);
    em::TimeWindow w = year_window();
    const auto centre = *projection.forward({-1.0, 16.0});
    const em::Camera camera(centre, 2500.0, 1920, 1080);
    std::size_t bins = 0;
    for (auto _ : state) {
        w.at = w.at + 1;
        const em::PointEvents points = em::collect_point_events(index.visible(w), projection);
        bins = points.layout(camera, 1.0f).bins.size();
    }
    state.counters["bins"] = static_cast<double>(bins);
}

// A pan over bins: the layout is kept (only the count in view is redone).
void BM_PointEventsPan100k(benchmark::State& state) {
    const em::EventSet& set = loaded();
    const em::VisibleEventIndex index(set.events, {});
    const em::Projection projection = em::Projection(em::ProjectionKind::kLambertAzimuthal);
    const em::PointEvents points = em::collect_point_events(index.visible(year_window()), projection);
    const auto centre = *projection.forward({-1.0, 16.0});
    em::Camera camera(centre, 2500.0, 1920, 1080);
    for (auto _ : state) {
        camera.pan_pixels(3, 0);
        benchmark::DoNotOptimize(points.layout(camera, 1.0f).bins.size());
    }
}

}  // namespace

BENCHMARK(BM_AcledLoadAndValidate100k)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PointEventsWindowChange100k)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PointEventsPan100k)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
