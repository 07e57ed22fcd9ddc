// ACLED exports read as they come: both column sets recognised from the header, the three date forms, precision
// codes kept as the date's and place's uncertainty, the actor table, and bad rows located by file, line and column.

#include "events/acled_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "events/event_loader.hpp"
#include "events/time_filter.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

const std::string kNewHeader =
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

std::string all_problems(const EventSet& set) {
    std::string out;
    for (const auto& p : set.problems) out += p.text() + "\n";
    return out;
}

const Event* find(const EventSet& set, const std::string& id) {
    for (const auto& e : set.events)
        if (e.id == id) return &e;
    return nullptr;
}

AcledActorMap shipped_actors() {
    auto map = load_acled_actors((test::source_dir() / "data" / "acled_actors.csv").string());
    EXPECT_TRUE(map.ok());
    return map ? map.value() : AcledActorMap{};
}

TEST(AcledDate, ThreeFormsGiveTheSameDay) {
    const Date expected = *Date::from_ymd(2024, 8, 13);
    EXPECT_EQ(parse_acled_date("13 August 2024"), expected);
    EXPECT_EQ(parse_acled_date("13 Aug 2024"), expected);
    EXPECT_EQ(parse_acled_date("2024-08-13"), expected);
    EXPECT_EQ(parse_acled_date("13-08-2024"), expected);
    EXPECT_EQ(parse_acled_date("1 March 2023"), Date::from_ymd(2023, 3, 1));
}

TEST(AcledDate, ImpossibleOrMalformedDatesAreRefusedWithAReason) {
    std::string why;
    EXPECT_FALSE(parse_acled_date("31 February 2024", &why));
    EXPECT_EQ(why, "no such day");
    EXPECT_FALSE(parse_acled_date("2024-13-01", &why));
    EXPECT_FALSE(parse_acled_date("13 Agosto 2024", &why));
    EXPECT_NE(why.find("13 August 2024"), std::string::npos);
    EXPECT_FALSE(parse_acled_date("13/08/2024"));
    EXPECT_FALSE(parse_acled_date(""));
}

TEST(AcledHeader, RecognisesBothColumnSetsButNotOurs) {
    EXPECT_TRUE(looks_like_acled(kNewHeader + "\n"));
    EXPECT_TRUE(looks_like_acled(
        "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,"
        "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,"
        "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3\r\n"));
    EXPECT_FALSE(looks_like_acled("id,date,end_date,kind,actor,country,from,to,size,participants,description,source,"
                                  "confidence\n"));
    EXPECT_FALSE(looks_like_acled(""));
}

TEST(AcledFile, NewColumnSetLoadsEveryRowAsAnIncident) {
    const AcledActorMap actors = shipped_actors();
    auto set = load_events(test::fixture("acled/acled_sample.csv"), PlaceTable{}, &actors);
    ASSERT_TRUE(set.ok()) << set.error().message;
    EXPECT_EQ(set->error_count(), 0u) << all_problems(set.value());
    ASSERT_EQ(set->events.size(), 30u);
    for (const Event& e : set->events) {
        EXPECT_EQ(e.kind, EventKind::kIncident) << e.id;
        ASSERT_TRUE(e.point) << e.id;
    }
    const Event* e = find(set.value(), "MLI30012");
    ASSERT_TRUE(e);
    EXPECT_EQ(e->date, FuzzyDate::of(*Date::from_ymd(2024, 7, 25)));
    EXPECT_EQ(e->country, "MLI");  // from the numeric iso 466, through iso-codes
    EXPECT_EQ(e->point->event_type, "Battles");
    EXPECT_EQ(e->point->sub_event_type, "Armed clash");
    EXPECT_EQ(e->point->fatalities, 84);
    EXPECT_EQ(e->point->actor1, "Wagner Group");
    EXPECT_EQ(e->point->assoc_actor_1, "Military Forces of Mali (2021-)");
    EXPECT_EQ(e->to.name, "Tinzaouaten");
    EXPECT_NEAR(e->to.position.lat, 19.96, 1e-9);
    EXPECT_NEAR(e->to.position.lon, 2.97, 1e-9);
    EXPECT_EQ(e->actor, "Russia (Wagner)");  // data/acled_actors.csv
    EXPECT_EQ(e->party(), "Russia");
    EXPECT_NE(e->description.find("Tinzaouaten"), std::string::npos);
    EXPECT_EQ(e->source, "AFP; Telegram");
    EXPECT_EQ(e->line, 13);
    EXPECT_EQ(find(set.value(), "BFA20001")->country, "BFA");
    EXPECT_EQ(find(set.value(), "NER10003")->country, "NER");
}

TEST(AcledFile, OlderColumnSetWithDayMonthYearDatesGivesTheSameEvents) {
    const AcledActorMap actors = shipped_actors();
    auto fresh = load_events(test::fixture("acled/acled_sample.csv"), PlaceTable{}, &actors);
    auto old = load_events(test::fixture("acled/acled_old_columns.csv"), PlaceTable{}, &actors);
    ASSERT_TRUE(fresh.ok() && old.ok());
    EXPECT_EQ(old->error_count(), 0u) << all_problems(old.value());
    ASSERT_EQ(old->events.size(), 10u);
    for (const Event& o : old->events) {
        const Event* n = find(fresh.value(), o.id.substr(1));  // ids are prefixed O in the older file
        ASSERT_TRUE(n) << o.id;
        EXPECT_EQ(o.date, n->date) << o.id;
        EXPECT_EQ(o.end_date, n->end_date) << o.id;
        EXPECT_EQ(o.country, n->country) << o.id;  // from iso3 here
        EXPECT_EQ(o.actor, n->actor) << o.id;
        EXPECT_EQ(o.fatalities(), n->fatalities()) << o.id;
        EXPECT_EQ(o.to.position, n->to.position) << o.id;
        EXPECT_EQ(o.point->event_type, n->point->event_type) << o.id;
    }
}

TEST(AcledFile, PrecisionCodesBecomeTheDatesAndPlacesUncertainty) {
    auto set = load_events(test::fixture("acled/acled_sample.csv"), PlaceTable{});
    ASSERT_TRUE(set.ok());
    // time_precision 2: a week around the date given (21 March 2023).
    const Event* week = find(set.value(), "MLI30003");
    EXPECT_EQ(week->first_day(), *Date::from_ymd(2023, 3, 18));
    EXPECT_EQ(week->last_day(), *Date::from_ymd(2023, 3, 24));
    EXPECT_FALSE(week->uncertain());
    // time_precision 3 (and geo_precision 3): the whole month, and uncertain.
    const Event* month = find(set.value(), "MLI30009");
    EXPECT_EQ(month->date.precision, DatePrecision::kMonth);
    EXPECT_EQ(month->first_day(), *Date::from_ymd(2023, 12, 1));
    EXPECT_EQ(month->last_day(), *Date::from_ymd(2023, 12, 31));
    EXPECT_TRUE(month->uncertain());
    EXPECT_EQ(month->point->time_precision, 3);
    EXPECT_EQ(month->point->geo_precision, 3);
    EXPECT_EQ(month->point->date_text, "15 December 2023");
}

TEST(AcledFile, WithoutTheActorTableRowsBelongToTheAcledParty) {
    auto set = load_events(test::fixture("acled/acled_sample.csv"), PlaceTable{});
    ASSERT_TRUE(set.ok());
    const Event* e = find(set.value(), "MLI30012");
    EXPECT_EQ(e->actor, "ACLED (Wagner Group)");
    EXPECT_EQ(e->party(), "ACLED");
}

TEST(AcledFile, BadRowsAreLocatedAndTheRestLoads) {
    auto set = load_events(test::fixture("acled/acled_bad.csv"), PlaceTable{});
    ASSERT_TRUE(set.ok());
    const std::string problems = all_problems(set.value());
    EXPECT_EQ(set->events.size(), 2u) << problems;
    EXPECT_EQ(set->error_count(), 4u) << problems;  // no latitude, no longitude, impossible date, fatalities
    const std::string file = test::fixture("acled/acled_bad.csv");
    EXPECT_NE(problems.find(file + ":3:23: error: missing required field 'latitude'"), std::string::npos) << problems;
    EXPECT_NE(problems.find(file + ":4:2: error: impossible date '31 February 2024': no such day"), std::string::npos)
        << problems;
    EXPECT_NE(problems.find(file + ":5:29: error: 'many' is not a whole number of fatalities"), std::string::npos)
        << problems;
}

TEST(AcledFile, DuplicateIdsAndShortRowsAreErrors) {
    const std::string row =
        "MLI1,13 August 2024,2024,1,Political violence,Battles,Armed clash,A,,1,B,,2,12,,466,Western Africa,Mali,"
        "Gao,,,Gao,16.27,-0.04,1,AFP,International,Synthetic.,3,,1";
    const EventSet set =
        parse_acled_csv(kNewHeader + "\n" + row + "\n" + row + "\nMLI2,13 August 2024\n", "x.csv", {}, {});
    EXPECT_EQ(set.events.size(), 1u);
    const std::string problems = all_problems(set);
    EXPECT_NE(problems.find("x.csv:3:1: error: duplicate event_id_cnty 'MLI1'"), std::string::npos) << problems;
    EXPECT_NE(problems.find("x.csv:4: error: expected 31 columns, found 2"), std::string::npos) << problems;
}

// Read problems are reported as for our own CSV (event_loader's add_csv_read_problems): CRLF line ends, as
// exports saved on Windows have them, are noted, and the rows still load.
TEST(AcledFile, CrlfLineEndsAreNotedAndTheRowsLoad) {
    const std::string row =
        "MLI1,13 August 2024,2024,1,Political violence,Battles,Armed clash,A,,1,B,,2,12,,466,Western Africa,Mali,"
        "Gao,,,Gao,16.27,-0.04,1,AFP,International,Synthetic.,3,,1";
    const EventSet set = parse_acled_csv(kNewHeader + "\r\n" + row + "\r\n", "w.csv", {}, {});
    EXPECT_EQ(set.events.size(), 1u) << all_problems(set);
    EXPECT_NE(all_problems(set).find("w.csv:1: warning: uses CRLF line ends (accepted)"), std::string::npos)
        << all_problems(set);
}

TEST(AcledFile, HeaderWithoutCoordinatesIsOneError) {
    const EventSet set = parse_acled_csv("event_id_cnty,event_date,event_type,latitude\nA,2024-01-01,Riots,1\n",
                                         "h.csv", {}, {});
    EXPECT_TRUE(set.events.empty());
    ASSERT_EQ(set.error_count(), 1u);
    EXPECT_NE(set.problems.back().text().find("no 'longitude' column"), std::string::npos);
}

TEST(AcledActors, ExactNamesAndPrefixesMapToParties) {
    auto map = parse_acled_actors("acled_actor,actor\nWagner Group,Russia (Wagner)\nMilitary Forces of France*,France\n"
                                  ",Nobody\nMINUSMA*,\n",
                                  "a.csv");
    ASSERT_TRUE(map.ok());
    EXPECT_EQ(map->rules.size(), 2u);
    EXPECT_EQ(map->problems.size(), 2u);
    EXPECT_EQ(map->actor_for("wagner group"), "Russia (Wagner)");
    EXPECT_EQ(map->actor_for("Wagner Group Logistics"), "");
    EXPECT_EQ(map->actor_for("Military Forces of France (2017-2022) Operation Barkhane"), "France");
    EXPECT_EQ(map->actor_for_row({"Military Forces of Mali (2021-)", "Civilians (Mali); Wagner Group", "", ""}),
              "Russia (Wagner)");
    EXPECT_EQ(map->actor_for_row({"Military Forces of Mali (2021-)", "", "JNIM", ""}), "");
}

TEST(AcledActors, ShippedTableMapsTheOutsideForces) {
    const AcledActorMap map = shipped_actors();
    EXPECT_TRUE(map.problems.empty());
    EXPECT_EQ(party_of(map.actor_for("Wagner Group")), "Russia");
    EXPECT_EQ(party_of(map.actor_for("Africa Corps")), "Russia");
    EXPECT_EQ(party_of(map.actor_for("Military Forces of Russia (2000-)")), "Russia");
    EXPECT_EQ(party_of(map.actor_for("Operation Barkhane")), "France");
    EXPECT_EQ(party_of(map.actor_for(
                  "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-2023)")),
              "UN");
    EXPECT_EQ(map.actor_for("JNIM: Group for Support of Islam and Muslims"), "");
}

TEST(AcledFilter, EventTypeFatalitiesAndActorTextSelectIncidentsOnly) {
    auto set = load_events(test::fixture("acled/acled_sample.csv"), PlaceTable{});
    ASSERT_TRUE(set.ok());
    Event meeting;
    meeting.kind = EventKind::kMeeting;
    meeting.actor = "Russia";
    EventFilter f;
    f.event_types = {"Battles"};
    f.min_fatalities = 20;
    std::vector<std::string> shown;
    for (const Event& e : set->events)
        if (f.matches(e)) shown.push_back(e.id);
    EXPECT_EQ(shown, (std::vector<std::string>{"MLI30012", "MLI30013", "BFA20001", "BFA20005", "NER10005"}));
    EXPECT_TRUE(f.matches(meeting));  // a meeting has no event type or fatalities
    EventFilter actors;
    actors.actor_text = "wagner";
    shown.clear();
    for (const Event& e : set->events)
        if (actors.matches(e)) shown.push_back(e.id);
    EXPECT_EQ(shown, (std::vector<std::string>{"MLI30001", "MLI30002", "MLI30006", "MLI30008", "MLI30010",
                                               "MLI30012", "MLI30013"}))
        << "assoc_actor_2 counts too";
    EXPECT_FALSE(actors.matches(meeting));
}

}  // namespace
}  // namespace em
