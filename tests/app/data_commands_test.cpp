// `eventmap check` and `eventmap presence`, run as the real binary through the shell.

#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_paths.hpp"

namespace em {
namespace {

using test::quoted;

struct CommandRun {
    int status = -1;
    std::string output;  // stdout and stderr
};

// Runs `eventmap ARGS` from the source folder (so data/events.csv is a relative path, as a user would type it).
CommandRun eventmap(const std::string& args) {
    CommandRun r;
    r.status = test::run_command("cd " + quoted(test::source_dir().string()) + " && " +
                                     quoted(test::eventmap_binary().string()) + " " + args,
                                 &r.output);
    return r;
}

using test::lines_of;

bool has_line(const std::string& text, const std::string& line) {
    for (const auto& l : lines_of(text))
        if (l == line) return true;
    return false;
}

TEST(DataCommands, CheckRealDatasetExitsZero) {
    const CommandRun r = eventmap("check data/events.csv");
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(has_line(r.output, "127 events loaded, 0 errors, 0 warnings")) << r.output;
    EXPECT_EQ(r.output.find("error:"), std::string::npos) << r.output;
}

TEST(DataCommands, CheckFixtureWithErrorsExitsOneWithFileLineColumn) {
    const std::string file = test::fixture("events/errors.csv");
    const CommandRun r = eventmap("check " + quoted(file));
    EXPECT_EQ(r.status, 1) << r.output;
    // One line per bad row: FILE:LINE:COLUMN: error: ...
    const std::regex located("^(.+):([0-9]+):([0-9]+): error: .+$");
    std::vector<std::string> where;
    for (const auto& l : lines_of(r.output)) {
        std::smatch m;
        if (std::regex_match(l, m, located)) {
            EXPECT_EQ(m[1].str(), file) << l;
            where.push_back(m[2].str() + ":" + m[3].str());
        }
    }
    EXPECT_EQ(where, (std::vector<std::string>{"3:2", "4:4", "5:8"})) << r.output;
    EXPECT_NE(r.output.find(file + ":3:2: error: impossible date '2024-02-30'"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(file + ":5:8: error: unknown place 'Atlantis'"), std::string::npos) << r.output;
    EXPECT_TRUE(has_line(r.output, "2 events loaded, 3 errors, 0 warnings")) << r.output;
}

TEST(DataCommands, CheckWarningsAloneExitZero) {
    const auto dir = test::temp_dir("data-commands-crlf");
    const std::string file = (dir / "crlf.csv").string();
    const std::string make = "printf 'id,date,end_date,kind,actor,country,from,to,size,participants,description,source,"
                             "confidence\\r\\nW1,2023-06,,arrival,USA,NER,,Niamey,,,x,Test source,sourced\\r\\n' > " +
                             quoted(file);
    ASSERT_EQ(test::run_command(make), 0);
    const CommandRun r = eventmap("check " + quoted(file));
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find(file + ":1: warning:"), std::string::npos) << r.output;
    EXPECT_TRUE(has_line(r.output, "1 events loaded, 0 errors, 1 warnings")) << r.output;
}

TEST(DataCommands, CheckSeveralFilesAndMissingFile) {
    const CommandRun r = eventmap("check data/events.csv " + quoted(test::fixture("events/does_not_exist.csv")));
    EXPECT_EQ(r.status, 1) << r.output;
    EXPECT_NE(r.output.find("does_not_exist.csv"), std::string::npos) << r.output;
    EXPECT_EQ(eventmap("check").status, 2);
}

TEST(DataCommands, PresenceIncludesBarkhaneInMaliUntilItsLastDay) {
    const CommandRun before = eventmap("presence --date 2022-08-14");
    EXPECT_EQ(before.status, 0) << before.output;
    const auto out = lines_of(before.output);
    ASSERT_FALSE(out.empty());
    EXPECT_EQ(out.front(), "country,actor,since,event");
    EXPECT_TRUE(has_line(before.output, "MLI,France (Operation Barkhane),2014-08-01,D04a")) << before.output;
    // The last day (departure D14) is still a day of presence.
    EXPECT_TRUE(has_line(eventmap("presence --date 2022-08-15").output,
                         "MLI,France (Operation Barkhane),2014-08-01,D04a"));

    const CommandRun after = eventmap("presence --date 2022-08-16");
    EXPECT_EQ(after.status, 0) << after.output;
    EXPECT_FALSE(has_line(after.output, "MLI,France (Operation Barkhane),2014-08-01,D04a")) << after.output;
    EXPECT_EQ(after.output.find("MLI,France"), std::string::npos) << after.output;
    // Others stay: Wagner in Mali since the first day of Dec 2021 (D12, month precision).
    EXPECT_TRUE(has_line(after.output, "MLI,Russia (Wagner),2021-12-01,D12")) << after.output;
}

// The answers issue 14 asked for (data/CHANGES.md): France left Senegal on 2025-07-17 (D40) but stayed in Côte
// d'Ivoire after handing over Port-Bouët (D39, a size change); Russia's forces were in Libya in 2020 (Wagner, D41).
TEST(DataCommands, PresenceFranceLeftSenegalButNotCoteDIvoireAndRussiaInLibya) {
    const CommandRun aug = eventmap("presence --date 2025-08-01");
    EXPECT_EQ(aug.status, 0) << aug.output;
    EXPECT_EQ(aug.output.find("SEN,"), std::string::npos) << aug.output;
    EXPECT_TRUE(has_line(aug.output, "CIV,France,,")) << aug.output;
    EXPECT_TRUE(has_line(eventmap("presence --date 2025-07-17").output, "SEN,France,,"));

    const CommandRun mar = eventmap("presence --date 2025-03-01");
    EXPECT_EQ(mar.status, 0) << mar.output;
    EXPECT_TRUE(has_line(mar.output, "CIV,France,,")) << mar.output;
    EXPECT_TRUE(has_line(mar.output, "SEN,France,,")) << mar.output;

    const CommandRun libya = eventmap("presence --date 2020-06-01");
    EXPECT_EQ(libya.status, 0) << libya.output;
    EXPECT_TRUE(has_line(libya.output, "LBY,Russia (Wagner),2019-03-01,D41")) << libya.output;
    // After the handover of December 2023 (D43) the Africa Corps is there, Wagner no longer.
    const CommandRun later = eventmap("presence --date 2025-01-15");
    EXPECT_TRUE(has_line(later.output, "LBY,Russia (Africa Corps),2023-12-01,D43")) << later.output;
    EXPECT_EQ(later.output.find("LBY,Russia (Wagner)"), std::string::npos) << later.output;
}

TEST(DataCommands, PresenceBeforeTheDataHasEmptySince) {
    const CommandRun r = eventmap("presence --date 2024-08-05");
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(has_line(r.output, "NER,USA,,")) << r.output;
    EXPECT_FALSE(has_line(eventmap("presence --date 2024-08-06").output, "NER,USA,,"));
}

TEST(DataCommands, PresenceJson) {
    const CommandRun r = eventmap("presence --date 2022-08-14 --format json");
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("\"country\": \"MLI\""), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("{\"country\": \"MLI\", \"actor\": \"France (Operation Barkhane)\", \"since\": "
                            "\"2014-08-01\", \"event\": \"D04a\"}"),
              std::string::npos)
        << r.output;
    EXPECT_EQ(r.output.front(), '[');
    EXPECT_EQ(r.output.substr(r.output.size() - 2), "]\n");
}

TEST(DataCommands, PresenceRejectsImpossibleDate) {
    const CommandRun r = eventmap("presence --date 2024-02-30");
    EXPECT_EQ(r.status, 2) << r.output;  // a usage error, exactly (a crash is not "non-zero enough")
    EXPECT_NE(r.output.find("--date"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("2024-02-30"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("country,actor"), std::string::npos) << r.output;
}

TEST(DataCommands, PresenceRejectsMissingDateAndBadFormat) {
    EXPECT_EQ(eventmap("presence").status, 2);
    EXPECT_EQ(eventmap("presence --date 2022-08").status, 2);
    const CommandRun r = eventmap("presence --date 2022-08-14 --format xml");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.output.find("--format"), std::string::npos) << r.output;
}

TEST(DataCommands, PresenceWithEventsFile) {
    const CommandRun r = eventmap("presence --date 2022-08-15 --events " + quoted(test::fixture("events/features.geojson")));
    EXPECT_EQ(r.status, 0) << r.output;
    // G01 is a departure with no arrival: present since before the data, until its day.
    EXPECT_TRUE(has_line(r.output, "MLI,France (Operation Barkhane),,")) << r.output;
}

}  // namespace
}  // namespace em
