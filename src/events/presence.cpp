#include "events/presence.hpp"

#include <algorithm>
#include <map>

namespace em {

std::vector<PresenceInterval> derive_presence(const std::vector<Event>& events) {
    std::vector<const Event*> troop;
    for (const auto& e : events)
        if (is_troop_kind(e.kind)) troop.push_back(&e);
    std::stable_sort(troop.begin(), troop.end(), [](const Event* a, const Event* b) {
        if (a->first_day() != b->first_day()) return a->first_day() < b->first_day();
        return a->id < b->id;
    });
    std::vector<PresenceInterval> done;
    std::map<std::pair<std::string, std::string>, PresenceInterval> open;  // (actor, country)
    auto start = [&](const std::string& actor, const Event& e, std::optional<Date> since) {
        const auto key = std::make_pair(actor, e.country);
        if (open.count(key)) return;
        PresenceInterval p;
        p.actor = actor;
        p.country = e.country;
        p.since = since;
        p.started_by = since ? e.id : "";
        p.where = e.to.position;
        open.emplace(key, p);
    };
    auto end = [&](const std::string& actor, const Event& e, Date last_day) {
        const auto key = std::make_pair(actor, e.country);
        auto it = open.find(key);
        if (it == open.end()) {
            // Ending something never started: it was there before the data begins.
            start(actor, e, std::nullopt);
            it = open.find(key);
        }
        it->second.until = last_day;
        it->second.ended_by = e.id;
        // A handover on the predecessor's first day ends it the day before it began: it was present on no day.
        if (!it->second.since || *it->second.since <= last_day) done.push_back(it->second);
        open.erase(it);
    };
    for (const Event* e : troop) {
        switch (e->kind) {
            case EventKind::kArrival: start(e->actor, *e, e->first_day()); break;
            case EventKind::kDeparture: end(e->actor, *e, e->last_day()); break;
            case EventKind::kHandover:
                if (auto pred = e->handover_predecessor()) end(*pred, *e, e->first_day() - 1);
                start(e->actor, *e, e->first_day());
                break;
            case EventKind::kSizeChange: start(e->actor, *e, std::nullopt); break;
            // Neither starts nor ends a presence (an announcement is closed by the departure it announces).
            case EventKind::kMeeting:
            case EventKind::kCall:
            case EventKind::kAnnouncement:
            case EventKind::kIncident: break;
        }
    }
    for (auto& [key, p] : open) done.push_back(p);
    std::sort(done.begin(), done.end(), [](const PresenceInterval& a, const PresenceInterval& b) {
        if (a.country != b.country) return a.country < b.country;
        if (a.actor != b.actor) return a.actor < b.actor;
        return a.since.value_or(Date{-1000000}) < b.since.value_or(Date{-1000000});
    });
    return done;
}

std::vector<PresenceInterval> presence_on(const std::vector<PresenceInterval>& intervals, Date day) {
    std::vector<PresenceInterval> out;
    for (const auto& p : intervals)
        if (p.covers(day)) out.push_back(p);
    return out;
}

PresenceIndex::PresenceIndex(std::vector<PresenceInterval> intervals) : intervals_(std::move(intervals)) {
    std::stable_sort(intervals_.begin(), intervals_.end(), [](const PresenceInterval& a, const PresenceInterval& b) {
        return a.since.value_or(Date{-1000000}) < b.since.value_or(Date{-1000000});
    });
}

std::vector<const PresenceInterval*> PresenceIndex::on(Date day) const {
    std::vector<const PresenceInterval*> out;
    for (const auto& p : intervals_) {
        if (p.since && *p.since > day) break;
        if (!p.until || day <= *p.until) out.push_back(&p);
    }
    return out;
}

}  // namespace em
