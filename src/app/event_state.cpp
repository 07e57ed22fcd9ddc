#include "app/event_state.hpp"

#include <algorithm>
#include <set>
#include <system_error>

#include "geo/source_policy.hpp"

#include "render/event_overlay.hpp"

namespace em {

namespace {
std::vector<EventState::FileStamp> stamps_of(const std::vector<std::string>& paths) {
    std::vector<EventState::FileStamp> out;
    for (const std::string& p : paths) {
        if (classify_source(p) != SourceKind::kLocal) continue;  // a database is reread by File > Reload events
        EventState::FileStamp st{p};
        std::error_code ec;
        st.size = std::filesystem::file_size(p, ec);
        if (ec) st.size = 0;
        st.mtime = std::filesystem::last_write_time(p, ec);
        out.push_back(st);
    }
    return out;
}

std::vector<std::string> files_read(const EventState& s) {
    std::vector<std::string> paths = s.files;
    paths.push_back(s.places_path);
    paths.push_back(acled_actors_beside(s.places_path));
    return paths;
}
}  // namespace

Status load_event_state(EventState& s, const std::string& places_path, const std::vector<std::string>& files,
                        std::optional<Date> start, int window_days) {
    auto places = load_places(places_path);
    if (!places) return places.error();
    s.places = std::move(places).value();
    s.files = files;
    s.places_path = places_path;
    s.set = EventSet{};
    for (const auto& p : s.places.problems)
        s.set.problems.push_back({EventProblem::Severity::kError, places_path, 0, 0, "", p});
    const AcledActorMap actors = acled_actors_for(places_path);  // data/acled_actors.csv beside the places
    for (const auto& p : actors.problems) s.set.problems.push_back({EventProblem::Severity::kError, "", 0, 0, "", p});
    for (const auto& f : files) {
        auto loaded = load_events(f, s.places, &actors);
        if (!loaded) {
            s.set.problems.push_back({EventProblem::Severity::kError, f, 0, 0, "", loaded.error().message});
            continue;
        }
        merge_events(s.set, std::move(loaded).value());
    }
    s.presence = derive_presence(s.set.events);
    s.presence_index = PresenceIndex(s.presence);
    s.days = event_days(s.set.events);
    s.visible_index = VisibleEventIndex(s.set.events, s.filter);
    s.incidents.reset();  // its entries are of the old events, which may have had the same address
    const auto [first, last] = data_range(s.set.events);
    s.timeline.data_first = first - 30;
    s.timeline.data_last = last + 30;
    s.timeline.window.mode = WindowMode::kTrailing;
    s.timeline.window.days = window_days;
    jump_to(s.timeline, start.value_or(last));
    std::set<std::string> parties, countries, event_types;
    for (const auto& e : s.set.events) {
        parties.insert(e.party()), countries.insert(e.country);
        if (e.point) event_types.insert(e.point->event_type);
    }
    s.choices.parties.assign(parties.begin(), parties.end());
    s.choices.countries.assign(countries.begin(), countries.end());
    s.choices.event_types.assign(event_types.begin(), event_types.end());
    s.histogram_stale = s.overlay_stale = true;
    s.stamps = stamps_of(files_read(s));
    return Ok{};
}

Status reload_event_state(EventState& s) {
    const TimeWindow window = s.timeline.window;
    const EventFilter filter = s.filter;
    const std::vector<std::string> files = s.files;
    const std::string places = s.places_path;
    if (auto ok = load_event_state(s, places, files, window.at, window.days); !ok) return ok;
    s.timeline.window = window;
    s.filter = filter;
    s.visible_index = VisibleEventIndex(s.set.events, s.filter);
    s.histogram_stale = s.overlay_stale = true;
    return Ok{};
}

bool event_files_changed(EventState& s, double now) {
    if (s.files.empty() || now - s.stamps_checked_at < 1.0) return false;
    s.stamps_checked_at = now;
    return stamps_of(files_read(s)) != s.stamps;
}

void apply_document_clock(const Project& doc, EventState& s, bool keep_date, bool keep_window) {
    const TimeWindow from = time_window(doc.time, s.timeline.window.at);
    TimeWindow& w = s.timeline.window;
    if (!keep_date && doc.time.date) jump_to(s.timeline, *doc.time.date);
    if (!keep_window) w.mode = from.mode, w.days = from.days;
    if (doc.time.range_start) w.range_start = *doc.time.range_start;
    if (doc.time.range_end) w.range_end = *doc.time.range_end;
    s.filter = doc.filters.to_event_filter();
    s.overlay_stale = s.histogram_stale = true;
}

bool refresh_event_state(EventState& s, MapScene& scene) {
    if (s.histogram_stale) {
        s.histogram = event_histogram(s.set.events, s.filter, s.timeline.data_first, s.timeline.data_last, 160);
        s.histogram_stale = false;
    }
    if (!s.overlay_stale) return false;
    if (!s.visible_index.built_for(s.set.events, s.filter)) s.visible_index = VisibleEventIndex(s.set.events, s.filter);
    if (!s.incidents || !s.incidents->follows(s.set.events, scene.projection))
        s.incidents = std::make_shared<IncidentCache>(s.set.events, scene.projection);
    scene.events = build_event_overlay_by_day(s.visible_index.visible_by_first_day(s.timeline.window), s.presence_index,
                                              s.timeline.window, s.filter, scene.projection, s.mark_colors, s.incidents);
    s.overlay_stale = false;
    return true;
}

}  // namespace em
