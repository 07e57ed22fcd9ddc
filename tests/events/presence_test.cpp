// Presence derived from troop events: the expectations docs/data-format.md states for the shipped dataset, the
// rules on small hand-made event lists, and PresenceIndex against the plain scan.

#include "events/presence.hpp"

#include <gtest/gtest.h>

#include "support/event_fixtures.hpp"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "events/event_loader.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

using test::day;

const std::vector<Event>& real_events() {
    static const std::vector<Event> events = [] {
        auto places = load_places((test::source_dir() / "data" / "places.csv").string());
        EXPECT_TRUE(places.ok());
        if (!places) return std::vector<Event>{};
        auto set = load_events((test::source_dir() / "data" / "events.csv").string(), places.value());
        EXPECT_TRUE(set.ok());
        if (!set) return std::vector<Event>{};
        EXPECT_EQ(set->error_count(), 0u);
        EXPECT_EQ(set->events.size(), 127u);
        return set->events;
    }();
    return events;
}

const std::vector<PresenceInterval>& real_presence() {
    static const std::vector<PresenceInterval> intervals = derive_presence(real_events());
    return intervals;
}

// True when some actor of the party (text before " (") is present in the country on the day.
bool party_present(const std::vector<PresenceInterval>& intervals, const std::string& party, const std::string& country,
                   Date d) {
    for (const auto& p : presence_on(intervals, d))
        if (p.country == country && party_of(p.actor) == party) return true;
    return false;
}

std::vector<const PresenceInterval*> intervals_of(const std::vector<PresenceInterval>& intervals,
                                                  const std::string& actor, const std::string& country) {
    std::vector<const PresenceInterval*> out;
    for (const auto& p : intervals)
        if (p.actor == actor && p.country == country) out.push_back(&p);
    return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The shipped dataset.

TEST(Presence, FranceInMaliFrom2013_01_11To2022_08_15Inclusive) {
    const auto& iv = real_presence();
    ASSERT_FALSE(iv.empty());
    EXPECT_FALSE(party_present(iv, "France", "MLI", day(2013, 1, 10)));
    EXPECT_TRUE(party_present(iv, "France", "MLI", day(2013, 1, 11)));
    EXPECT_TRUE(party_present(iv, "France", "MLI", day(2022, 8, 15)));
    EXPECT_FALSE(party_present(iv, "France", "MLI", day(2022, 8, 16)));
    // Every day in between (Serval, then Barkhane with no gap), and never again afterwards.
    for (Date d = day(2013, 1, 11); d <= day(2022, 8, 15); d = d + 1)
        ASSERT_TRUE(party_present(iv, "France", "MLI", d)) << d.iso();
    for (Date d = day(2022, 8, 16); d <= day(2026, 12, 31); d = d + 17)
        ASSERT_FALSE(party_present(iv, "France", "MLI", d)) << d.iso();
    for (Date d = day(2010, 1, 1); d < day(2013, 1, 11); d = d + 13)
        ASSERT_FALSE(party_present(iv, "France", "MLI", d)) << d.iso();
}

TEST(Presence, RussiaAfricaCorpsInBurkinaFasoFrom2024_01_24) {
    const auto& iv = real_presence();
    const auto ac = intervals_of(iv, "Russia (Africa Corps)", "BFA");
    ASSERT_EQ(ac.size(), 1u);
    ASSERT_TRUE(ac[0]->since.has_value());
    EXPECT_EQ(*ac[0]->since, day(2024, 1, 24));
    EXPECT_FALSE(ac[0]->until.has_value());
    EXPECT_EQ(ac[0]->started_by, "D25");
    EXPECT_EQ(ac[0]->ended_by, "");
    EXPECT_FALSE(ac[0]->covers(day(2024, 1, 23)));
    EXPECT_TRUE(ac[0]->covers(day(2024, 1, 24)));
    EXPECT_TRUE(ac[0]->covers(day(2026, 6, 1)));
    // The party Russia is there earlier: D21, instructors, month precision (from the first day of Nov 2023).
    EXPECT_FALSE(party_present(iv, "Russia", "BFA", day(2023, 10, 31)));
    EXPECT_TRUE(party_present(iv, "Russia", "BFA", day(2023, 11, 1)));
    const auto instr = intervals_of(iv, "Russia (instructors)", "BFA");
    ASSERT_EQ(instr.size(), 1u);
    EXPECT_EQ(instr[0]->started_by, "D21");
}

// Issue 14: France's departure from Senegal (D40, 2025-07-17) closes its presence there; the handover of
// Port-Bouët (D39, 2025-02-20) is a size change, so France stays in Côte d'Ivoire.
TEST(Presence, FranceLeftSenegalOn2025_07_17AndStayedInCoteDIvoire) {
    const auto& iv = real_presence();
    EXPECT_TRUE(party_present(iv, "France", "SEN", day(2025, 7, 17)));
    EXPECT_FALSE(party_present(iv, "France", "SEN", day(2025, 7, 18)));
    EXPECT_FALSE(party_present(iv, "France", "SEN", day(2025, 8, 1)));
    const auto sen = intervals_of(iv, "France", "SEN");
    ASSERT_EQ(sen.size(), 1u);
    EXPECT_FALSE(sen[0]->since.has_value());  // there before the data begins
    EXPECT_EQ(sen[0]->ended_by, "D40");

    EXPECT_TRUE(party_present(iv, "France", "CIV", day(2025, 2, 19)));
    EXPECT_TRUE(party_present(iv, "France", "CIV", day(2025, 3, 1)));
    EXPECT_TRUE(party_present(iv, "France", "CIV", day(2026, 6, 1)));
}

// Issue 14: Russia's forces in Libya, Wagner from March 2019 (D41), the Africa Corps from December 2023 (D43).
TEST(Presence, RussiaInLibyaFrom2019WagnerThenAfricaCorps) {
    const auto& iv = real_presence();
    EXPECT_FALSE(party_present(iv, "Russia", "LBY", day(2019, 2, 28)));
    EXPECT_TRUE(party_present(iv, "Russia", "LBY", day(2019, 3, 1)));
    EXPECT_TRUE(party_present(iv, "Russia", "LBY", day(2020, 6, 1)));
    for (Date d = day(2019, 3, 1); d <= day(2026, 3, 31); d = d + 11)
        ASSERT_TRUE(party_present(iv, "Russia", "LBY", d)) << d.iso();
    const auto wagner = intervals_of(iv, "Russia (Wagner)", "LBY");
    ASSERT_EQ(wagner.size(), 1u);
    EXPECT_EQ(wagner[0]->started_by, "D41");
    ASSERT_TRUE(wagner[0]->until.has_value());
    EXPECT_EQ(*wagner[0]->until, day(2023, 11, 30));
    const auto corps = intervals_of(iv, "Russia (Africa Corps)", "LBY");
    ASSERT_EQ(corps.size(), 1u);
    EXPECT_EQ(corps[0]->started_by, "D43");
    EXPECT_FALSE(corps[0]->until.has_value());
}

TEST(Presence, NoUsaInNigerAfter2024_08_05) {
    const auto& iv = real_presence();
    EXPECT_TRUE(party_present(iv, "USA", "NER", day(2024, 8, 5)));
    EXPECT_FALSE(party_present(iv, "USA", "NER", day(2024, 8, 6)));
    for (Date d = day(2024, 8, 6); d <= day(2026, 12, 31); d = d + 7)
        ASSERT_FALSE(party_present(iv, "USA", "NER", d)) << d.iso();
    const auto usa = intervals_of(iv, "USA", "NER");
    ASSERT_EQ(usa.size(), 1u);
    EXPECT_FALSE(usa[0]->since.has_value());  // proved by the D30 size_change: there before the data
    ASSERT_TRUE(usa[0]->until.has_value());
    EXPECT_EQ(*usa[0]->until, day(2024, 8, 5));
    EXPECT_EQ(usa[0]->ended_by, "D31");
    EXPECT_TRUE(party_present(iv, "USA", "NER", day(2012, 1, 1)));
}

TEST(Presence, HandoverEndsPredecessorTheDayBeforeAndStartsSuccessor) {
    const auto& iv = real_presence();
    const auto serval = intervals_of(iv, "France (Operation Serval)", "MLI");
    ASSERT_EQ(serval.size(), 1u);
    ASSERT_TRUE(serval[0]->since && serval[0]->until);
    EXPECT_EQ(*serval[0]->since, day(2013, 1, 11));
    EXPECT_EQ(serval[0]->started_by, "D01");
    EXPECT_EQ(*serval[0]->until, day(2014, 7, 31));
    EXPECT_EQ(serval[0]->ended_by, "D04a");
    const auto barkhane = intervals_of(iv, "France (Operation Barkhane)", "MLI");
    ASSERT_EQ(barkhane.size(), 1u);
    ASSERT_TRUE(barkhane[0]->since && barkhane[0]->until);
    EXPECT_EQ(*barkhane[0]->since, day(2014, 8, 1));
    EXPECT_EQ(barkhane[0]->started_by, "D04a");
    EXPECT_EQ(*barkhane[0]->until, day(2022, 8, 15));
    EXPECT_EQ(barkhane[0]->ended_by, "D14");

    // On the day before the handover only Serval is in Mali, from the handover day only Barkhane.
    auto french_actors_on = [&](Date d) {
        std::vector<std::string> actors;
        for (const auto& p : presence_on(iv, d))
            if (p.country == "MLI" && party_of(p.actor) == "France") actors.push_back(p.actor);
        return actors;
    };
    EXPECT_EQ(french_actors_on(day(2014, 7, 31)), std::vector<std::string>{"France (Operation Serval)"});
    EXPECT_EQ(french_actors_on(day(2014, 8, 1)), std::vector<std::string>{"France (Operation Barkhane)"});
}

TEST(Presence, HandoverPredecessorWithNoStartWasPresentBeforeTheData) {
    // D04b: "Handover: France -> France (Operation Barkhane)" in Niger; no earlier French arrival there.
    const auto& iv = real_presence();
    const auto france = intervals_of(iv, "France", "NER");
    ASSERT_EQ(france.size(), 2u);
    EXPECT_FALSE(france[0]->since.has_value());
    EXPECT_EQ(france[0]->started_by, "");
    ASSERT_TRUE(france[0]->until.has_value());
    EXPECT_EQ(*france[0]->until, day(2014, 7, 31));
    EXPECT_EQ(france[0]->ended_by, "D04b");
    // Back under the plain name when Barkhane ended (D15a), until the withdrawal (D23).
    ASSERT_TRUE(france[1]->since && france[1]->until);
    EXPECT_EQ(*france[1]->since, day(2022, 11, 9));
    EXPECT_EQ(france[1]->started_by, "D15a");
    EXPECT_EQ(*france[1]->until, day(2023, 12, 22));
    EXPECT_EQ(france[1]->ended_by, "D23");
}

TEST(Presence, DepartureWithNoArrivalMeansPresentSinceBeforeTheData) {
    // D22: German troops leave Mali; the data has no German arrival in Mali.
    const auto& iv = real_presence();
    const auto de = intervals_of(iv, "Germany (Bundeswehr)", "MLI");
    ASSERT_EQ(de.size(), 1u);
    EXPECT_EQ(de[0]->since, std::nullopt);
    EXPECT_EQ(de[0]->started_by, "");
    ASSERT_TRUE(de[0]->until.has_value());
    EXPECT_EQ(*de[0]->until, day(2023, 12, 12));
    EXPECT_EQ(de[0]->ended_by, "D22");
    EXPECT_TRUE(de[0]->covers(day(1990, 1, 1)));
    EXPECT_TRUE(de[0]->covers(day(2023, 12, 12)));
    EXPECT_FALSE(de[0]->covers(day(2023, 12, 13)));
}

TEST(Presence, IntervalsAreSortedByCountryActorStart) {
    const auto& iv = real_presence();
    ASSERT_GE(iv.size(), 20u);
    for (size_t i = 1; i < iv.size(); ++i) {
        const auto& a = iv[i - 1];
        const auto& b = iv[i];
        const auto ka = std::make_tuple(a.country, a.actor, a.since.value_or(Date{-1000000}));
        const auto kb = std::make_tuple(b.country, b.actor, b.since.value_or(Date{-1000000}));
        EXPECT_LE(ka, kb) << i;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The rules on hand-made events.

Event troop(const std::string& id, const std::string& date, EventKind kind, const std::string& actor,
            const std::string& country = "MLI", const std::string& end_date = "", const std::string& description = "") {
    Event e;
    e.id = id;
    auto d = FuzzyDate::parse(date);
    EXPECT_TRUE(d.has_value()) << date;
    e.date = d.value_or(FuzzyDate{});
    if (!end_date.empty()) e.end_date = FuzzyDate::parse(end_date);
    e.kind = kind;
    e.actor = actor;
    e.country = country;
    e.to = {"0;0", {0, 0}};
    e.description = description;
    e.source = "test";
    e.confidence = "sourced";
    return e;
}

TEST(PresenceRules, DepartureAloneIsPresentSinceBeforeTheData) {
    const auto iv = derive_presence({troop("X1", "2020-03-10", EventKind::kDeparture, "USA", "NER")});
    ASSERT_EQ(iv.size(), 1u);
    EXPECT_EQ(iv[0].since, std::nullopt);
    EXPECT_EQ(iv[0].started_by, "");
    EXPECT_EQ(iv[0].until, day(2020, 3, 10));
    EXPECT_EQ(iv[0].ended_by, "X1");
}

TEST(PresenceRules, DepartureEndsOnTheLastDayOfItsInterval) {
    const auto iv = derive_presence({troop("X1", "2019-05-02", EventKind::kArrival, "USA", "NER"),
                                     troop("X2", "2020-03", EventKind::kDeparture, "USA", "NER"),
                                     troop("Y1", "2019-05-02", EventKind::kArrival, "USA", "TCD"),
                                     troop("Y2", "2020-03-10", EventKind::kDeparture, "USA", "TCD", "2020-04-02")});
    ASSERT_EQ(iv.size(), 2u);
    EXPECT_EQ(iv[0].country, "NER");
    EXPECT_EQ(iv[0].since, day(2019, 5, 2));
    EXPECT_EQ(iv[0].until, day(2020, 3, 31));
    EXPECT_EQ(iv[1].country, "TCD");
    EXPECT_EQ(iv[1].until, day(2020, 4, 2));
}

TEST(PresenceRules, ArrivalWhilePresentChangesNothing) {
    const auto iv = derive_presence({troop("X1", "2019-05-02", EventKind::kArrival, "USA", "NER"),
                                     troop("X2", "2019-09-01", EventKind::kArrival, "USA", "NER"),
                                     troop("X3", "2020-01-01", EventKind::kSizeChange, "USA", "NER"),
                                     troop("X4", "2020-02-01", EventKind::kAnnouncement, "USA", "NER")});
    ASSERT_EQ(iv.size(), 1u);
    EXPECT_EQ(iv[0].since, day(2019, 5, 2));
    EXPECT_EQ(iv[0].started_by, "X1");
    EXPECT_EQ(iv[0].until, std::nullopt);
}

TEST(PresenceRules, MonthPrecisionArrivalStartsOnTheFirstDay) {
    const auto iv = derive_presence({troop("X1", "2023-11", EventKind::kArrival, "Russia (instructors)", "BFA")});
    ASSERT_EQ(iv.size(), 1u);
    EXPECT_EQ(iv[0].since, day(2023, 11, 1));
}

TEST(PresenceRules, SizeChangeProvesPresenceAndAnnouncementDoesNot) {
    const auto iv = derive_presence({troop("X1", "2021-06-01", EventKind::kSizeChange, "USA", "TCD"),
                                     troop("X2", "2021-06-01", EventKind::kAnnouncement, "France", "TCD")});
    ASSERT_EQ(iv.size(), 1u);
    EXPECT_EQ(iv[0].actor, "USA");
    EXPECT_EQ(iv[0].since, std::nullopt);
    EXPECT_EQ(iv[0].until, std::nullopt);
}

TEST(PresenceRules, MeetingsAndCallsAreIgnored) {
    const auto iv = derive_presence({troop("M1", "2021-06-01", EventKind::kMeeting, "Russia", "MLI"),
                                     troop("M2", "2021-06-02", EventKind::kCall, "Russia", "MLI")});
    EXPECT_TRUE(iv.empty());
}

TEST(PresenceRules, HandoverBetweenPartiesAndInputOrderDoesNotMatter) {
    // Given out of date order: processing sorts by date (ties by id).
    std::vector<Event> events = {
        troop("B2", "2022-05-01", EventKind::kDeparture, "Russia (Africa Corps)"),
        troop("A1", "2020-01-15", EventKind::kArrival, "France (Operation Serval)"),
        troop("B1", "2021-03-01", EventKind::kHandover, "Russia (Africa Corps)", "MLI", "",
              "Handover: France (Operation Serval) -> Russia (Africa Corps). Test."),
    };
    const auto iv = derive_presence(events);
    ASSERT_EQ(iv.size(), 2u);
    const auto fr = intervals_of(iv, "France (Operation Serval)", "MLI");
    const auto ru = intervals_of(iv, "Russia (Africa Corps)", "MLI");
    ASSERT_EQ(fr.size(), 1u);
    ASSERT_EQ(ru.size(), 1u);
    EXPECT_EQ(fr[0]->since, day(2020, 1, 15));
    EXPECT_EQ(fr[0]->until, day(2021, 2, 28));
    EXPECT_EQ(fr[0]->ended_by, "B1");
    EXPECT_EQ(ru[0]->since, day(2021, 3, 1));
    EXPECT_EQ(ru[0]->started_by, "B1");
    EXPECT_EQ(ru[0]->until, day(2022, 5, 1));
    EXPECT_EQ(ru[0]->ended_by, "B2");
}

TEST(PresenceRules, HandoverOnThePredecessorsArrivalDayLeavesNoBackwardsInterval) {
    // Found by the events_csv fuzz invariant "since <= until" (tests/fuzz/regressions/events_csv/): the predecessor
    // would end the day before it began. It was present on no day, so it gets no interval.
    const auto iv = derive_presence({troop("T1", "2024-06-10", EventKind::kArrival, "France (Serval)"),
                                     troop("T2", "2024-06-10", EventKind::kHandover, "France (Barkhane)", "MLI", "",
                                           "Handover: France (Serval) -> France (Barkhane).")});
    for (const auto& p : iv) {
        if (p.since && p.until) {
            EXPECT_LE(*p.since, *p.until) << p.actor;
        }
    }
    ASSERT_EQ(iv.size(), 1u);
    EXPECT_EQ(iv[0].actor, "France (Barkhane)");
    EXPECT_EQ(iv[0].since, day(2024, 6, 10));
    EXPECT_EQ(iv[0].started_by, "T2");
    const auto on = presence_on(iv, day(2024, 6, 10));
    ASSERT_EQ(on.size(), 1u);
    EXPECT_EQ(on[0].actor, "France (Barkhane)");
    // Negative control: a day later the handover leaves the predecessor a one-day interval.
    const auto later = derive_presence({troop("T1", "2024-06-10", EventKind::kArrival, "France (Serval)"),
                                        troop("T2", "2024-06-11", EventKind::kHandover, "France (Barkhane)", "MLI",
                                              "", "Handover: France (Serval) -> France (Barkhane).")});
    const auto serval = intervals_of(later, "France (Serval)", "MLI");
    ASSERT_EQ(serval.size(), 1u);
    EXPECT_EQ(serval[0]->since, day(2024, 6, 10));
    EXPECT_EQ(serval[0]->until, day(2024, 6, 10));
}

TEST(PresenceRules, PresenceOnReturnsOnlyCoveringIntervals) {
    const auto iv = derive_presence({troop("X1", "2019-05-02", EventKind::kArrival, "USA", "NER"),
                                     troop("X2", "2020-03-10", EventKind::kDeparture, "USA", "NER"),
                                     troop("Y1", "2020-03-10", EventKind::kArrival, "Russia", "NER")});
    EXPECT_TRUE(presence_on(iv, day(2019, 5, 1)).empty());
    ASSERT_EQ(presence_on(iv, day(2019, 5, 2)).size(), 1u);
    ASSERT_EQ(presence_on(iv, day(2020, 3, 10)).size(), 2u);
    const auto later = presence_on(iv, day(2020, 3, 11));
    ASSERT_EQ(later.size(), 1u);
    EXPECT_EQ(later[0].actor, "Russia");
}

// ---------------------------------------------------------------------------------------------------------------
// PresenceIndex.

using Key = std::tuple<std::string, std::string, int, int, std::string>;

Key key_of(const PresenceInterval& p) {
    return {p.country, p.actor, p.since ? p.since->days : -1000000, p.until ? p.until->days : 1000000, p.started_by};
}

TEST(PresenceIndex, AgreesWithPresenceOnFor50DatesFrom2012To2026) {
    const auto& iv = real_presence();
    ASSERT_FALSE(iv.empty());
    const PresenceIndex index(iv);
    EXPECT_EQ(index.intervals().size(), iv.size());
    const Date first = day(2012, 1, 1), last = day(2026, 12, 31);
    int nonempty = 0;
    for (int i = 0; i < 50; ++i) {
        const Date d = first + static_cast<int>(static_cast<long long>(last.days - first.days) * i / 49);
        std::vector<Key> expected, actual;
        for (const auto& p : presence_on(iv, d)) expected.push_back(key_of(p));
        for (const PresenceInterval* p : index.on(d)) actual.push_back(key_of(*p));
        std::sort(expected.begin(), expected.end());
        std::sort(actual.begin(), actual.end());
        EXPECT_EQ(actual, expected) << d.iso();
        nonempty += !expected.empty();
    }
    EXPECT_GE(nonempty, 45);
}

TEST(PresenceIndex, AgreesWithPresenceOnAtIntervalBoundaries) {
    const auto& iv = real_presence();
    const PresenceIndex index(iv);
    std::vector<Date> days;
    for (const auto& p : iv) {
        if (p.since) days.insert(days.end(), {*p.since - 1, *p.since});
        if (p.until) days.insert(days.end(), {*p.until, *p.until + 1});
    }
    ASSERT_GE(days.size(), 40u);
    for (Date d : days) {
        std::vector<Key> expected, actual;
        for (const auto& p : presence_on(iv, d)) expected.push_back(key_of(p));
        for (const PresenceInterval* p : index.on(d)) actual.push_back(key_of(*p));
        std::sort(expected.begin(), expected.end());
        std::sort(actual.begin(), actual.end());
        EXPECT_EQ(actual, expected) << d.iso();
    }
}

}  // namespace
}  // namespace em
