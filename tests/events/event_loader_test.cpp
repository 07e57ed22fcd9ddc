// Loading events: the shipped dataset, every validation error located by file, line and column, warnings that do
// not fail a file, precision of dates, lat;lon places, GeoJSON features and merging of several files.

#include "events/event_loader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/test_paths.hpp"

namespace em {
namespace {

const std::string kHeader = "id,date,end_date,kind,actor,country,from,to,size,participants,description,source,confidence";
const std::string kGood1 =
    "G1,2022-08-10,,call,Russia,MLI,Bamako,Moscow,,Assimi Goita; Vladimir Putin,Phone call.,Test source,sourced";
const std::string kGood3 = "G3,2023-06-03,,arrival,USA,NER,,Niamey,,,Good row after the bad one.,Test source,sourced";

const PlaceTable& real_places() {
    static const PlaceTable table = [] {
        auto loaded = load_places((test::source_dir() / "data" / "places.csv").string());
        EXPECT_TRUE(loaded.ok()) << (loaded ? "" : loaded.error().message);
        return loaded ? loaded.value() : PlaceTable{};
    }();
    return table;
}

std::vector<std::string> ids_of(const EventSet& set) {
    std::vector<std::string> ids;
    for (const auto& e : set.events) ids.push_back(e.id);
    return ids;
}

std::string all_problems(const EventSet& set) {
    std::string out;
    for (const auto& p : set.problems) out += p.text() + "\n";
    return out;
}

const Event* find_event(const EventSet& set, const std::string& id) {
    for (const auto& e : set.events)
        if (e.id == id) return &e;
    return nullptr;
}

// ---------------------------------------------------------------------------------------------------------------
// The shipped dataset.

TEST(EventLoader, RealDatasetLoads127EventsWithoutProblems) {
    ASSERT_TRUE(real_places().problems.empty());
    const std::string path = (test::source_dir() / "data" / "events.csv").string();
    auto set = load_events(path, real_places());
    ASSERT_TRUE(set.ok()) << set.error().message;
    EXPECT_EQ(set->events.size(), 127u);
    EXPECT_EQ(set->error_count(), 0u) << all_problems(set.value());
    EXPECT_TRUE(set->problems.empty()) << all_problems(set.value());
    // Every row of the default dataset links to its source (issue 14), and every link is well-formed.
    for (const Event& e : set->events) {
        EXPECT_FALSE(e.url.empty()) << e.id;
        EXPECT_EQ(web_address_problem(e.url), "") << e.id << " " << e.url;
    }
    // Corrected dates (data/CHANGES.md): the Goita-Putin talks on 29 Jul 2023, one day, no longer the summit span.
    const Event* m10 = find_event(set.value(), "M10");
    ASSERT_NE(m10, nullptr);
    EXPECT_EQ(m10->date.text(), "2023-07-29");
    EXPECT_FALSE(m10->end_date.has_value());
    // A row resting only on Russian state media is drawn as uncertain though its confidence starts "sourced".
    const Event* m51 = find_event(set.value(), "M51");
    ASSERT_NE(m51, nullptr);
    EXPECT_EQ(m51->confidence.rfind("sourced", 0), 0u);
    EXPECT_TRUE(m51->uncertain());
    // Spot checks: the first data row is on line 2; a month-precision row keeps its precision and its end_date.
    ASSERT_FALSE(set->events.empty());
    EXPECT_EQ(set->events.front().id, "M01");
    EXPECT_EQ(set->events.front().line, 2);
    EXPECT_EQ(set->events.front().file, path);
    const Event* d12 = find_event(set.value(), "D12");
    ASSERT_NE(d12, nullptr);
    EXPECT_EQ(d12->date.precision, DatePrecision::kMonth);
    EXPECT_EQ(d12->first_day(), *Date::from_ymd(2021, 12, 1));
    EXPECT_EQ(d12->last_day(), *Date::from_ymd(2022, 1, 31));
    const Event* d04a = find_event(set.value(), "D04a");
    ASSERT_NE(d04a, nullptr);
    EXPECT_EQ(d04a->kind, EventKind::kHandover);
    EXPECT_EQ(d04a->handover_predecessor().value_or(""), "France (Operation Serval)");
}

// ---------------------------------------------------------------------------------------------------------------
// One bad row between two good ones: the bad row is skipped with exactly one error at (line 3, column), the good
// rows on lines 2 and 4 load.

struct BadRow {
    const char* name;
    std::string row;
    int column;               // expected 1-based field number (0: whole row)
    std::string column_name;  // expected column name ("" for whole-row problems)
    std::string message_part; // a piece of the message
};

class EventLoaderBadRow : public ::testing::TestWithParam<BadRow> {};

TEST_P(EventLoaderBadRow, ReportedAtFileLineColumnAndSkipped) {
    const BadRow& c = GetParam();
    const std::string text = kHeader + "\n" + kGood1 + "\n" + c.row + "\n" + kGood3 + "\n";
    const EventSet set = parse_events_csv(text, "bad.csv", real_places());
    EXPECT_EQ(ids_of(set), (std::vector<std::string>{"G1", "G3"})) << all_problems(set);
    ASSERT_EQ(set.problems.size(), 1u) << all_problems(set);
    const EventProblem& p = set.problems.front();
    EXPECT_EQ(p.severity, EventProblem::Severity::kError);
    EXPECT_EQ(p.file, "bad.csv");
    EXPECT_EQ(p.line, 3);
    EXPECT_EQ(p.column, c.column);
    EXPECT_EQ(p.column_name, c.column_name);
    EXPECT_NE(p.message.find(c.message_part), std::string::npos) << p.message;
    const std::string prefix = "bad.csv:3" + (c.column > 0 ? ":" + std::to_string(c.column) : std::string()) + ": error: ";
    EXPECT_EQ(p.text().rfind(prefix, 0), 0u) << p.text();
    EXPECT_EQ(set.events[1].line, 4);
}

const BadRow kBadRows[] = {
    {"ImpossibleDate", "B1,2024-02-30,,meeting,Russia,MLI,Bamako,Moscow,,,x,Test source,sourced", 2, "date",
     "2024-02-30"},
    {"Month13", "B1,2023-13,,meeting,Russia,MLI,Bamako,Moscow,,,x,Test source,sourced", 2, "date", "month 13"},
    {"Month13Day", "B1,2023-13-01,,meeting,Russia,MLI,Bamako,Moscow,,,x,Test source,sourced", 2, "date",
     "month 13"},
    {"ImpossibleEndDate", "B1,2023-02-01,2023-02-29,meeting,Russia,MLI,Bamako,Moscow,,,x,Test source,sourced", 3,
     "end_date", "2023-02-29"},
    {"UnknownKind", "B1,2023-06-01,,visit,Russia,MLI,Bamako,Moscow,,,x,Test source,sourced", 4, "kind",
     "unknown kind 'visit'"},
    {"UnknownPlaceTo", "B1,2023-06-01,,meeting,Russia,MLI,Bamako,Atlantis,,,x,Test source,sourced", 8, "to",
     "Atlantis"},
    {"UnknownPlaceFrom", "B1,2023-06-01,,meeting,Russia,MLI,Atlantis,Moscow,,,x,Test source,sourced", 7, "from",
     "Atlantis"},
    {"PlaceCaseMatters", "B1,2023-06-01,,meeting,Russia,MLI,Bamako,moscow,,,x,Test source,sourced", 8, "to",
     "moscow"},
    {"MissingId", ",2023-06-01,,meeting,Russia,MLI,Bamako,Moscow,,,x,Test source,sourced", 1, "id", "'id'"},
    {"MissingDate", "B1,,,meeting,Russia,MLI,Bamako,Moscow,,,x,Test source,sourced", 2, "date", "'date'"},
    {"MissingKind", "B1,2023-06-01,,,Russia,MLI,Bamako,Moscow,,,x,Test source,sourced", 4, "kind", "'kind'"},
    {"MissingActor", "B1,2023-06-01,,meeting,,MLI,Bamako,Moscow,,,x,Test source,sourced", 5, "actor", "'actor'"},
    {"MissingCountry", "B1,2023-06-01,,meeting,Russia,,Bamako,Moscow,,,x,Test source,sourced", 6, "country",
     "'country'"},
    {"MissingTo", "B1,2023-06-01,,meeting,Russia,MLI,Bamako,,,,x,Test source,sourced", 8, "to", "'to'"},
    {"MissingSource", "B1,2023-06-01,,meeting,Russia,MLI,Bamako,Moscow,,,x,,sourced", 12, "source", "'source'"},
    {"MissingConfidence", "B1,2023-06-01,,meeting,Russia,MLI,Bamako,Moscow,,,x,Test source,", 13, "confidence",
     "'confidence'"},
    {"DuplicateId", "G1,2023-06-01,,meeting,Russia,MLI,Bamako,Moscow,,,x,Test source,sourced", 1, "id",
     "duplicate id 'G1'"},
    {"TooFewColumns", "B1,2023-06-01,,meeting,Russia,MLI,Bamako,Moscow,,,x,Test source", 0, "",
     "expected 13 columns, found 12"},
    {"TooManyColumns", "B1,2023-06-01,,meeting,Russia,MLI,Bamako,Moscow,,,x,y,Test source,sourced", 0, "",
     "expected 13 columns, found 14"},
    {"EndDateBeforeDate", "B1,2023-06-10,2023-06-09,meeting,Russia,MLI,Bamako,Moscow,,,x,Test source,sourced", 3,
     "end_date", "before date"},
    {"EndMonthBeforeDate", "B1,2023-06-10,2023-05,meeting,Russia,MLI,Bamako,Moscow,,,x,Test source,sourced", 3,
     "end_date", "before date"},
    {"CountryName", "B1,2023-06-01,,meeting,Russia,Mali,Bamako,Moscow,,,x,Test source,sourced", 6, "country",
     "'Mali'"},
    {"CountryLowerCase", "B1,2023-06-01,,meeting,Russia,mli,Bamako,Moscow,,,x,Test source,sourced", 6, "country",
     "'mli'"},
    {"CountryTwoLetters", "B1,2023-06-01,,meeting,Russia,ML,Bamako,Moscow,,,x,Test source,sourced", 6, "country",
     "'ML'"},
    {"LatOutOfRange", "B1,2023-06-01,,arrival,USA,NER,,95;2.18,,,x,Test source,sourced", 8, "to", "95;2.18"},
    {"LonOutOfRange", "B1,2023-06-01,,arrival,USA,NER,,13.48;181,,,x,Test source,sourced", 8, "to", "13.48;181"},
    {"LatNotANumber", "B1,2023-06-01,,arrival,USA,NER,12.6;abc,Niamey,,,x,Test source,sourced", 7, "from",
     "12.6;abc"},
    {"LatLonMissingHalf", "B1,2023-06-01,,arrival,USA,NER,,13.48;,,,x,Test source,sourced", 8, "to", "13.48;"},
};

INSTANTIATE_TEST_SUITE_P(Validation, EventLoaderBadRow, ::testing::ValuesIn(kBadRows),
                         [](const ::testing::TestParamInfo<BadRow>& info) { return std::string(info.param.name); });

TEST(EventLoader, SeveralErrorsInOneRowAreAllReported) {
    const std::string text =
        kHeader + "\nB1,2024-02-30,,visit,Russia,Mali,Bamako,Atlantis,,,x,Test source,sourced\n" + kGood3 + "\n";
    const EventSet set = parse_events_csv(text, "multi.csv", real_places());
    EXPECT_EQ(ids_of(set), (std::vector<std::string>{"G3"}));
    std::vector<int> columns;
    for (const auto& p : set.problems) {
        EXPECT_EQ(p.line, 2);
        EXPECT_EQ(p.severity, EventProblem::Severity::kError);
        columns.push_back(p.column);
    }
    std::sort(columns.begin(), columns.end());
    EXPECT_EQ(columns, (std::vector<int>{2, 4, 6, 8})) << all_problems(set);
}

TEST(EventLoader, UnbalancedQuoteReportsTheLineWhereItOpened) {
    // Line 3 opens a quote in the description (field 11) that never closes; the rows before it still load.
    const std::string text = kHeader + "\n" + kGood1 + "\n" +
                             "B1,2023-06-01,,meeting,Russia,MLI,Bamako,Moscow,,,\"never closed,Test source,sourced\n" +
                             "B2,2023-06-02,,meeting,Russia,MLI,Bamako,Moscow,,,x,Test source,sourced\n";
    const EventSet set = parse_events_csv(text, "quote.csv", real_places());
    EXPECT_EQ(ids_of(set), (std::vector<std::string>{"G1"}));
    ASSERT_EQ(set.error_count(), 1u) << all_problems(set);
    const EventProblem& p = set.problems.front();
    EXPECT_EQ(p.file, "quote.csv");
    EXPECT_EQ(p.line, 3);
    EXPECT_EQ(p.column, 11);
    EXPECT_NE(p.message.find("quote"), std::string::npos) << p.message;
}

TEST(EventLoader, LinesCountPhysicalLinesAfterAQuotedLineBreak) {
    // Row G1's description spans lines 2-3, so the bad row is on physical line 4 and G3 on line 5.
    const std::string text = kHeader + "\n" +
                             "G1,2022-08-10,,call,Russia,MLI,Bamako,Moscow,,,\"Two\nlines, with \"\"quotes\"\"\",Test "
                             "source,sourced\n" +
                             "B1,2023-13,,meeting,Russia,MLI,Bamako,Moscow,,,x,Test source,sourced\n" + kGood3 + "\n";
    const EventSet set = parse_events_csv(text, "multiline.csv", real_places());
    ASSERT_EQ(ids_of(set), (std::vector<std::string>{"G1", "G3"})) << all_problems(set);
    EXPECT_EQ(set.events[0].description, "Two\nlines, with \"quotes\"");
    EXPECT_EQ(set.events[0].line, 2);
    EXPECT_EQ(set.events[1].line, 5);
    ASSERT_EQ(set.problems.size(), 1u) << all_problems(set);
    EXPECT_EQ(set.problems[0].line, 4);
    EXPECT_EQ(set.problems[0].column, 2);
}

TEST(EventLoader, FixtureWithErrorsReportsEachBadRowAndLoadsTheGoodOnes) {
    auto set = load_events(test::fixture("events/errors.csv"), real_places());
    ASSERT_TRUE(set.ok()) << set.error().message;
    EXPECT_EQ(ids_of(set.value()), (std::vector<std::string>{"E01", "E05"}));
    ASSERT_EQ(set->error_count(), 3u) << all_problems(set.value());
    std::vector<std::pair<int, int>> where;
    for (const auto& p : set->problems) {
        EXPECT_EQ(p.file, test::fixture("events/errors.csv"));
        where.emplace_back(p.line, p.column);
    }
    EXPECT_EQ(where, (std::vector<std::pair<int, int>>{{3, 2}, {4, 4}, {5, 8}}));
}

// ---------------------------------------------------------------------------------------------------------------
// Warnings, empty files, header problems.

TEST(EventLoader, BomAndCrlfAreWarningsAndRowsLoad) {
    const std::string text = "\xEF\xBB\xBF" + kHeader + "\r\n" + kGood1 + "\r\n" + kGood3 + "\r\n";
    const EventSet set = parse_events_csv(text, "bom.csv", real_places());
    EXPECT_EQ(ids_of(set), (std::vector<std::string>{"G1", "G3"}));
    EXPECT_EQ(set.error_count(), 0u) << all_problems(set);
    ASSERT_EQ(set.problems.size(), 2u) << all_problems(set);
    bool bom = false, crlf = false;
    for (const auto& p : set.problems) {
        EXPECT_EQ(p.severity, EventProblem::Severity::kWarning);
        EXPECT_EQ(p.file, "bom.csv");
        bom = bom || p.message.find("byte-order mark") != std::string::npos;
        crlf = crlf || p.message.find("CRLF") != std::string::npos;
    }
    EXPECT_TRUE(bom) << all_problems(set);
    EXPECT_TRUE(crlf) << all_problems(set);
    // No '\r' leaks into the last field.
    ASSERT_EQ(set.events.size(), 2u);
    EXPECT_EQ(set.events[0].confidence, "sourced");
    EXPECT_EQ(set.events[1].line, 3);
}

TEST(EventLoader, HeaderOnlyFileLoadsNothingAndNoError) {
    auto set = load_events(test::fixture("events/header_only.csv"), real_places());
    ASSERT_TRUE(set.ok()) << set.error().message;
    EXPECT_TRUE(set->events.empty());
    EXPECT_EQ(set->error_count(), 0u) << all_problems(set.value());
    EXPECT_TRUE(set->problems.empty()) << all_problems(set.value());
}

TEST(EventLoader, EmptyTextIsAnError) {
    const EventSet set = parse_events_csv("", "empty.csv", real_places());
    EXPECT_TRUE(set.events.empty());
    EXPECT_EQ(set.error_count(), 1u);
}

TEST(EventLoader, HeaderWithoutARequiredColumnIsAnError) {
    const std::string text =
        "id,date,end_date,kind,actor,country,from,to,size,participants,description,confidence\n"
        "G1,2022-08-10,,call,Russia,MLI,Bamako,Moscow,,,x,sourced\n";
    const EventSet set = parse_events_csv(text, "nosource.csv", real_places());
    EXPECT_TRUE(set.events.empty());
    ASSERT_EQ(set.error_count(), 1u) << all_problems(set);
    EXPECT_EQ(set.problems[0].line, 1);
    EXPECT_EQ(set.problems[0].column_name, "source");
}

TEST(EventLoader, MissingFileIsAnError) {
    auto set = load_events(test::fixture("events/does_not_exist.csv"), real_places());
    EXPECT_FALSE(set.ok());
}

// ---------------------------------------------------------------------------------------------------------------
// Places and dates.

TEST(EventLoader, LatLonPlacesResolve) {
    const std::string text = kHeader + "\n" +
                             "L1,2024-05-02,,arrival,Russia,NER,55.75;37.62,13.48;2.18,,,x,Test source,sourced\n" +
                             "L2,2024-05-03,,arrival,Russia,NER,,-12.5;-170.25,,,x,Test source,sourced\n";
    const EventSet set = parse_events_csv(text, "latlon.csv", real_places());
    ASSERT_EQ(ids_of(set), (std::vector<std::string>{"L1", "L2"})) << all_problems(set);
    const Event& l1 = set.events[0];
    EXPECT_EQ(l1.to.name, "13.48;2.18");
    EXPECT_DOUBLE_EQ(l1.to.position.lat, 13.48);
    EXPECT_DOUBLE_EQ(l1.to.position.lon, 2.18);
    ASSERT_TRUE(l1.from.has_value());
    EXPECT_DOUBLE_EQ(l1.from->position.lat, 55.75);
    EXPECT_DOUBLE_EQ(l1.from->position.lon, 37.62);
    const Event& l2 = set.events[1];
    EXPECT_FALSE(l2.from.has_value());
    EXPECT_DOUBLE_EQ(l2.to.position.lat, -12.5);
    EXPECT_DOUBLE_EQ(l2.to.position.lon, -170.25);
}

TEST(EventLoader, NamedPlacesResolveToPlacesCsvPositions) {
    const EventSet set = parse_events_csv(kHeader + "\n" + kGood1 + "\n", "named.csv", real_places());
    ASSERT_EQ(set.events.size(), 1u) << all_problems(set);
    const Event& e = set.events[0];
    ASSERT_TRUE(e.from.has_value());
    EXPECT_EQ(e.from->name, "Bamako");
    EXPECT_DOUBLE_EQ(e.from->position.lat, 12.64);
    EXPECT_DOUBLE_EQ(e.from->position.lon, -8.00);
    EXPECT_EQ(e.to.name, "Moscow");
    EXPECT_DOUBLE_EQ(e.to.position.lat, 55.75);
    EXPECT_DOUBLE_EQ(e.to.position.lon, 37.62);
}

TEST(EventLoader, MonthAndYearPrecisionDatesKeepTheirPrecision) {
    const std::string text = kHeader + "\n" +
                             "P1,2023-06,,arrival,USA,NER,,Niamey,,,x,Test source,sourced\n" +
                             "P2,2024-02,,arrival,USA,NER,,Niamey,,,x,Test source,sourced\n" +
                             "P3,2018,,arrival,USA,NER,,Niamey,,,x,Test source,sourced\n" +
                             "P4,2023-12-05,2024-01,arrival,USA,NER,,Niamey,,,x,Test source,sourced\n" +
                             "P5,2023-12,2023-12,arrival,USA,NER,,Niamey,,,x,Test source,sourced\n";
    const EventSet set = parse_events_csv(text, "precision.csv", real_places());
    ASSERT_EQ(ids_of(set), (std::vector<std::string>{"P1", "P2", "P3", "P4", "P5"})) << all_problems(set);
    const Event& p1 = set.events[0];
    EXPECT_EQ(p1.date.precision, DatePrecision::kMonth);
    EXPECT_EQ(p1.date.text(), "2023-06");
    EXPECT_EQ(p1.first_day(), *Date::from_ymd(2023, 6, 1));
    EXPECT_EQ(p1.last_day(), *Date::from_ymd(2023, 6, 30));
    EXPECT_FALSE(p1.end_date.has_value());
    const Event& p2 = set.events[1];  // leap-year February
    EXPECT_EQ(p2.first_day(), *Date::from_ymd(2024, 2, 1));
    EXPECT_EQ(p2.last_day(), *Date::from_ymd(2024, 2, 29));
    const Event& p3 = set.events[2];
    EXPECT_EQ(p3.date.precision, DatePrecision::kYear);
    EXPECT_EQ(p3.first_day(), *Date::from_ymd(2018, 1, 1));
    EXPECT_EQ(p3.last_day(), *Date::from_ymd(2018, 12, 31));
    const Event& p4 = set.events[3];
    EXPECT_EQ(p4.date.precision, DatePrecision::kDay);
    ASSERT_TRUE(p4.end_date.has_value());
    EXPECT_EQ(p4.end_date->precision, DatePrecision::kMonth);
    EXPECT_EQ(p4.first_day(), *Date::from_ymd(2023, 12, 5));
    EXPECT_EQ(p4.last_day(), *Date::from_ymd(2024, 1, 31));
    const Event& p5 = set.events[4];
    EXPECT_EQ(p5.first_day(), *Date::from_ymd(2023, 12, 1));
    EXPECT_EQ(p5.last_day(), *Date::from_ymd(2023, 12, 31));
}

// ---------------------------------------------------------------------------------------------------------------
// The optional url column.

TEST(EventLoader, FileWithoutUrlColumnLoadsWithEmptyUrls) {
    const EventSet set = parse_events_csv(kHeader + "\n" + kGood1 + "\n", "nourl.csv", real_places());
    EXPECT_TRUE(set.problems.empty()) << all_problems(set);
    ASSERT_EQ(set.events.size(), 1u);
    EXPECT_EQ(set.events[0].url, "");
}

TEST(EventLoader, UrlIsReadAndAMalformedOneIsAWarningAtItsColumn) {
    const std::string text = kHeader + ",url\n" + kGood1 + ",https://example.org/a?b=c#d\n" + kGood3 +
                             ",www.example.org/no-scheme\n";
    const EventSet set = parse_events_csv(text, "url.csv", real_places());
    ASSERT_EQ(ids_of(set), (std::vector<std::string>{"G1", "G3"})) << all_problems(set);
    EXPECT_EQ(set.events[0].url, "https://example.org/a?b=c#d");
    EXPECT_EQ(set.events[1].url, "www.example.org/no-scheme");  // kept, but it will not be opened
    EXPECT_EQ(set.error_count(), 0u) << all_problems(set);
    ASSERT_EQ(set.problems.size(), 1u) << all_problems(set);
    const EventProblem& p = set.problems[0];
    EXPECT_EQ(p.severity, EventProblem::Severity::kWarning);
    EXPECT_EQ(p.line, 3);
    EXPECT_EQ(p.column, 14);
    EXPECT_EQ(p.column_name, "url");
    EXPECT_NE(p.text().find("url.csv:3:14: warning:"), std::string::npos) << p.text();
}

TEST(EventLoader, WebAddressRules) {
    EXPECT_EQ(web_address_problem("https://trt.global/afrika-english/article/d1ab03fbfd05"), "");
    EXPECT_EQ(web_address_problem("http://en.special.kremlin.ru/catalog/countries/ML/events/71842"), "");
    EXPECT_EQ(web_address_problem("https://www.trtworld.com:443/article/18237852"), "");
    EXPECT_EQ(web_address_problem("https://example.org"), "");
    EXPECT_EQ(web_address_problem("https://pambazuka.org/fr/a%C3%A9"), "");
    EXPECT_NE(web_address_problem(""), "");
    EXPECT_NE(web_address_problem("ftp://example.org/x"), "");
    EXPECT_NE(web_address_problem("file:///etc/passwd"), "");
    EXPECT_NE(web_address_problem("https://"), "");
    EXPECT_NE(web_address_problem("https://localhost/x"), "");          // no dotted host
    EXPECT_NE(web_address_problem("https://exa mple.org/"), "");
    EXPECT_NE(web_address_problem("https://example.org/a b"), "");
    EXPECT_NE(web_address_problem("https://example..org/"), "");
    EXPECT_NE(web_address_problem("https://example.org:x/"), "");
    EXPECT_NE(web_address_problem("https://example.org/\"onclick"), "");
    EXPECT_NE(web_address_problem("-https://example.org/"), "");        // not an option for xdg-open either
}

TEST(EventLoader, SinglePartySourceCountsAsUncertain) {
    Event e;
    e.confidence = "sourced";
    EXPECT_FALSE(e.uncertain());
    e.confidence = "sourced; single-party source (Russian state or official media only)";
    EXPECT_TRUE(e.uncertain());
    e.confidence = "uncertain (date)";
    EXPECT_TRUE(e.uncertain());
}

// ---------------------------------------------------------------------------------------------------------------
// GeoJSON.

TEST(EventLoader, GeoJsonUrlPropertyIsRead) {
    auto set = load_events(test::fixture("events/features_url.geojson"), real_places());
    ASSERT_TRUE(set.ok()) << set.error().message;
    ASSERT_EQ(ids_of(set.value()), (std::vector<std::string>{"U01", "U02"})) << all_problems(set.value());
    EXPECT_EQ(set->events[0].url, "https://example.org/report");
    EXPECT_EQ(set->events[1].url, "");
    EXPECT_TRUE(set->problems.empty()) << all_problems(set.value());
}

TEST(EventLoader, GeoJsonPointAndLineStringTakePositionsFromTheGeometry) {
    auto set = load_events(test::fixture("events/features.geojson"), real_places());
    ASSERT_TRUE(set.ok()) << set.error().message;
    EXPECT_EQ(set->error_count(), 0u) << all_problems(set.value());
    ASSERT_EQ(ids_of(set.value()), (std::vector<std::string>{"G01", "G02", "G03"})) << all_problems(set.value());

    const Event& point = set->events[0];
    EXPECT_EQ(point.kind, EventKind::kDeparture);
    EXPECT_EQ(point.date.text(), "2022-08-15");
    EXPECT_EQ(point.actor, "France (Operation Barkhane)");
    EXPECT_FALSE(point.from.has_value());
    EXPECT_DOUBLE_EQ(point.to.position.lon, -0.0417);
    EXPECT_DOUBLE_EQ(point.to.position.lat, 16.2717);
    EXPECT_EQ(point.line, 1);

    // The line's first position is `from`, the last is `to`; the names are for display, the geometry gives the
    // positions (places.csv has Bamako at 12.64;-8.00 and Moscow at 55.75;37.62).
    const Event& line = set->events[1];
    EXPECT_EQ(line.kind, EventKind::kCall);
    EXPECT_EQ(line.date.text(), "2022-08-10");
    EXPECT_EQ(line.participants, "Assimi Goita; Vladimir Putin");
    ASSERT_TRUE(line.from.has_value());
    EXPECT_EQ(line.from->name, "Bamako");
    EXPECT_DOUBLE_EQ(line.from->position.lon, -8.0029);
    EXPECT_DOUBLE_EQ(line.from->position.lat, 12.6392);
    EXPECT_EQ(line.to.name, "Moscow");
    EXPECT_DOUBLE_EQ(line.to.position.lon, 37.6173);
    EXPECT_DOUBLE_EQ(line.to.position.lat, 55.7558);
    EXPECT_EQ(line.line, 2);

    const Event& month = set->events[2];  // properties absent = empty; month precision kept
    EXPECT_EQ(month.date.precision, DatePrecision::kMonth);
    EXPECT_EQ(month.first_day(), *Date::from_ymd(2023, 6, 1));
    EXPECT_EQ(month.last_day(), *Date::from_ymd(2023, 6, 30));
    EXPECT_FALSE(month.end_date.has_value());
    EXPECT_FALSE(month.from.has_value());
    EXPECT_TRUE(month.uncertain());
    EXPECT_DOUBLE_EQ(month.to.position.lon, 2.1254);
    EXPECT_DOUBLE_EQ(month.to.position.lat, 13.5116);
}

TEST(EventLoader, GeoJsonFeatureWithoutGeometryIsAnErrorNamingTheFeature) {
    const std::string path = test::fixture("events/no_geometry.geojson");
    auto set = load_events(path, real_places());
    ASSERT_TRUE(set.ok()) << set.error().message;
    EXPECT_EQ(ids_of(set.value()), (std::vector<std::string>{"N01", "N03"})) << all_problems(set.value());
    ASSERT_EQ(set->error_count(), 1u) << all_problems(set.value());
    const EventProblem& p = set->problems.front();
    EXPECT_EQ(p.severity, EventProblem::Severity::kError);
    EXPECT_EQ(p.file, path);
    EXPECT_EQ(p.line, 2);  // feature number, 1-based
    EXPECT_NE(p.message.find("geometry"), std::string::npos) << p.message;
    EXPECT_NE(p.text().find(":2: error:"), std::string::npos) << p.text();
    // Full dates in every feature stay dates as written (not reformatted by the GeoJSON reader).
    ASSERT_EQ(set->events.size(), 2u);
    EXPECT_EQ(set->events[0].date.text(), "2024-05-02");
    EXPECT_EQ(set->events[1].date.text(), "2024-05-04");
}

// ---------------------------------------------------------------------------------------------------------------
// Merging files.

TEST(EventLoader, MergeReportsDuplicateIdAcrossFiles) {
    auto a = load_events(test::fixture("events/merge_a.csv"), real_places());
    auto b = load_events(test::fixture("events/merge_b.csv"), real_places());
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_EQ(a->error_count() + b->error_count(), 0u);
    EventSet all = std::move(a.value());
    merge_events(all, std::move(b.value()));
    EXPECT_EQ(ids_of(all), (std::vector<std::string>{"A01", "X01", "B01"}));
    ASSERT_EQ(all.error_count(), 1u) << all_problems(all);
    const EventProblem& p = all.problems.front();
    EXPECT_EQ(p.file, test::fixture("events/merge_b.csv"));
    EXPECT_EQ(p.line, 3);
    EXPECT_NE(p.message.find("X01"), std::string::npos) << p.message;
    // The first file's X01 is the one kept.
    EXPECT_EQ(all.events[1].country, "BFA");
}

TEST(EventLoader, MergeKeepsProblemsOfBothFiles) {
    EventSet into = parse_events_csv(kHeader + "\n" + kGood1 + "\n", "one.csv", real_places());
    EventSet other = parse_events_csv(kHeader + "\nB1,2023-13,,meeting,Russia,MLI,Bamako,Moscow,,,x,s,sourced\n" +
                                          kGood3 + "\n",
                                      "two.csv", real_places());
    merge_events(into, std::move(other));
    EXPECT_EQ(ids_of(into), (std::vector<std::string>{"G1", "G3"}));
    ASSERT_EQ(into.error_count(), 1u);
    EXPECT_EQ(into.problems[0].file, "two.csv");
}

}  // namespace
}  // namespace em
