// 100,000 synthetic ACLED rows (tools/make_synthetic_acled.py's shape, generated here in memory): load + validate,
// the visible set for one slider move, and the point events' layout for one window (hexagon bins at a
// country-scale zoom, the CPU work of a clock change or zoom) and for one pan (the bins kept).
// And one scrub step as the window does it (issue 17: p95 <= 16 ms): the overlay and the events list for a year's
// window three days on, from the slider's indexes and the incidents' cache (BM_ScrubStep100k), beside the same
// work done the way it was before those (BM_ScrubStepRebuilt100k: visible set in the events' order, sorted by
// day, every incident projected and binned from scratch, the list searched and sorted).
// Run: build/bench/bench_acled
#include <benchmark/benchmark.h>

#include <random>
#include <sstream>

#include "events/acled_reader.hpp"
#include "events/time_filter.hpp"
#include "geo/projection.hpp"
#include "render/event_overlay.hpp"
#include "render/point_events.hpp"
#include "ui/events_table.hpp"

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
        // Freeing 100,000 events is no part of loading them (the window keeps them): not timed.
        state.PauseTiming();
        set = em::EventSet{};
        state.ResumeTiming();
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

// One scrub step's CPU work, as refresh_event_state and the events list do it: the visible set in first-day order,
// the overlay with the incidents from the cache, the bins for the view, the list's rows from its row index.
// The window script's clock: three days a step, back and forth over 2020-2024 (a year's window always full).
em::Date scrub_date(int step) {
    const int span = 4 * 365, at = (step * 3) % (2 * span);
    return *em::Date::parse("2020-01-01") + (at < span ? at : 2 * span - at);
}

void BM_ScrubStep100k(benchmark::State& state) {
    const em::EventSet& set = loaded();
    const em::VisibleEventIndex index(set.events, {});
    const em::Projection projection = em::Projection(em::ProjectionKind::kLambertAzimuthal);
    const em::PresenceIndex presence{{}};
    const em::EventRowIndex list(index.all(), {});
    auto incidents = std::make_shared<em::IncidentCache>(set.events, projection);
    em::TimeWindow w = year_window();
    const em::Camera camera(*projection.forward({-1.0, 16.0}), 2500.0, 1920, 1080);
    std::size_t bins = 0, rows = 0;
    int step = 0;
    for (auto _ : state) {
        w.at = scrub_date(++step);
        const em::EventOverlay overlay = em::build_event_overlay_by_day(
            index.visible_by_first_day(w), presence, w, {}, projection, {}, incidents);
        bins = overlay.points.layout(camera, 1.0f).bins.size();
        rows = list.rows(w).size();
    }
    state.counters["bins"] = static_cast<double>(bins);
    state.counters["rows"] = static_cast<double>(rows);
}

// The same step without the row index and the cache, as before them: both the overlay and the list take the visible
// set in the events' order and sort it, every visible incident is projected and binned again.
void BM_ScrubStepRebuilt100k(benchmark::State& state) {
    const em::EventSet& set = loaded();
    const em::VisibleEventIndex index(set.events, {});
    const em::Projection projection = em::Projection(em::ProjectionKind::kLambertAzimuthal);
    const em::PresenceIndex presence{{}};
    em::TimeWindow w = year_window();
    const em::Camera camera(*projection.forward({-1.0, 16.0}), 2500.0, 1920, 1080);
    std::size_t bins = 0, rows = 0;
    int step = 0;
    for (auto _ : state) {
        w.at = scrub_date(++step);
        const em::EventOverlay overlay = em::build_event_overlay(index.visible(w), presence, w, {}, projection);
        bins = overlay.points.layout(camera, 1.0f).bins.size();
        rows = em::event_rows(index.visible(w), {}).size();
    }
    state.counters["bins"] = static_cast<double>(bins);
    state.counters["rows"] = static_cast<double>(rows);
}

}  // namespace

BENCHMARK(BM_ScrubStep100k)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ScrubStepRebuilt100k)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AcledLoadAndValidate100k)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PointEventsWindowChange100k)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PointEventsPan100k)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
