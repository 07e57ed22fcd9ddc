// 100,000 synthetic events (meetings and troop changes over 12 years, 30 places, 12 actors):
// CSV load + validation, presence for one date, and the visible set for one slider move (scanning every event, and
// through a VisibleEventIndex).
// Run: build/bench/bench_events
#include <benchmark/benchmark.h>

#include <random>
#include <sstream>

#include "events/event_loader.hpp"
#include "events/presence.hpp"
#include "events/time_filter.hpp"

namespace {

const char* kKinds[] = {"meeting", "call", "arrival", "departure", "handover", "size_change"};
const char* kActors[] = {"Russia", "Russia (Wagner)", "France", "France (Operation Barkhane)", "USA", "UN (MINUSMA)",
                         "EU (EUTM Mali)", "Germany (Bundeswehr)", "Russia (Africa Corps)", "AES", "China", "Turkey"};

em::PlaceTable places() {
    em::PlaceTable t;
    for (int i = 0; i < 30; ++i)
        t.places.push_back({"P" + std::to_string(i), "", "MLI", {-10.0 + i, 5.0 + i * 0.5}, false, "", ""});
    return t;
}

const std::string& csv() {
    static const std::string text = [] {
        std::mt19937 rng(42);
        std::ostringstream out;
        out << "id,date,end_date,kind,actor,country,from,to,size,participants,description,source,confidence\n";
        for (int i = 0; i < 100000; ++i) {
            const int day = 1 + rng() % 28, month = 1 + rng() % 12, year = 2013 + rng() % 12;
            const char* kind = kKinds[rng() % 6];
            char date[16];
            std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
            out << "E" << i << "," << date << ",," << kind << "," << kActors[rng() % 12] << ",C" << char('A' + rng() % 20)
                << char('A' + rng() % 26) << ",P" << rng() % 30 << ",P" << rng() % 30 << ",,A; B,"
                << (std::string(kind) == "handover" ? "\"Handover: France -> Russia. x\"" : "a description")
                << ",a source,sourced\n";
        }
        return out.str();
    }();
    return text;
}

void BM_LoadAndValidate100k(benchmark::State& state) {
    const auto table = places();
    const std::string& text = csv();
    for (auto _ : state) {
        auto set = em::parse_events_csv(text, "synthetic.csv", table);
        if (set.events.size() != 100000) state.SkipWithError("rows were dropped");
        benchmark::DoNotOptimize(set);
    }
    state.counters["rows"] = 100000;
}

void BM_PresenceOneDate100k(benchmark::State& state) {
    const auto set = em::parse_events_csv(csv(), "synthetic.csv", places());
    const em::PresenceIndex index(em::derive_presence(set.events));
    const em::Date day = *em::Date::parse("2019-06-15");
    for (auto _ : state) benchmark::DoNotOptimize(index.on(day));
    state.counters["intervals"] = static_cast<double>(index.intervals().size());
}

// One slider move: the window's date moves by a day, cycling through the data's twelve years (so that a fast
// variant does not run off the end of the data into empty windows).
struct SliderMoves {
    em::TimeWindow window;
    int step = 0;
    explicit SliderMoves(em::WindowMode mode) {
        window.mode = mode;
        window.days = 30;
    }
    const em::TimeWindow& next() {
        window.at = *em::Date::parse("2013-01-01") + (step++ % 4383);
        return window;
    }
};

// Before: visible_events looks at every event on every move.
void BM_SliderMove100k(benchmark::State& state) {
    const auto set = em::parse_events_csv(csv(), "synthetic.csv", places());
    SliderMoves moves(em::WindowMode::kTrailing);
    for (auto _ : state) {
        auto visible = em::visible_events(set.events, moves.next(), em::EventFilter{});
        benchmark::DoNotOptimize(visible);
    }
}

// The window's way: a VisibleEventIndex built once per load or filter change, then one query per move.
void SliderMoveIndexed(benchmark::State& state, em::WindowMode mode) {
    const auto set = em::parse_events_csv(csv(), "synthetic.csv", places());
    const em::VisibleEventIndex index(set.events, em::EventFilter{});
    SliderMoves moves(mode);
    std::size_t shown = 0;
    for (auto _ : state) {
        auto visible = index.visible(moves.next());
        shown += visible.size();
        benchmark::DoNotOptimize(visible);
    }
    state.counters["visible"] = static_cast<double>(shown) / static_cast<double>(state.iterations());
}
void BM_SliderMoveIndexed100k(benchmark::State& state) { SliderMoveIndexed(state, em::WindowMode::kTrailing); }
// Cumulative: on average half the events are visible, so this is bound by the visible count, not the index.
void BM_SliderMoveIndexedCumulative100k(benchmark::State& state) {
    SliderMoveIndexed(state, em::WindowMode::kCumulative);
}

// What a filter change (or a load) costs before the next move: building the index.
void BM_VisibleIndexBuild100k(benchmark::State& state) {
    const auto set = em::parse_events_csv(csv(), "synthetic.csv", places());
    em::EventFilter filter;
    filter.text = "desc";  // the text search runs here, once, instead of on every move
    for (auto _ : state) {
        em::VisibleEventIndex index(set.events, filter);
        benchmark::DoNotOptimize(index);
    }
}

}  // namespace

BENCHMARK(BM_LoadAndValidate100k)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PresenceOneDate100k)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SliderMove100k)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SliderMoveIndexed100k)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SliderMoveIndexedCumulative100k)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_VisibleIndexBuild100k)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
