#include "events/csv_reader.hpp"

#include <gtest/gtest.h>

namespace em {
namespace {

using Fields = std::vector<std::string>;

TEST(CsvReaderTest, PlainRecordsWithLineNumbers) {
    const CsvDocument doc = parse_csv("a,b,c\n1,2,3\n");
    ASSERT_EQ(doc.records.size(), 2u);
    EXPECT_EQ(doc.records[0].fields, (Fields{"a", "b", "c"}));
    EXPECT_EQ(doc.records[0].line, 1);
    EXPECT_EQ(doc.records[1].fields, (Fields{"1", "2", "3"}));
    EXPECT_EQ(doc.records[1].line, 2);
    EXPECT_TRUE(doc.problems.empty());
    EXPECT_FALSE(doc.had_bom);
    EXPECT_FALSE(doc.had_crlf);
}

TEST(CsvReaderTest, LastLineWithoutNewlineIsARecord) {
    const CsvDocument doc = parse_csv("a,b\n1,2");
    ASSERT_EQ(doc.records.size(), 2u);
    EXPECT_EQ(doc.records[1].fields, (Fields{"1", "2"}));
}

TEST(CsvReaderTest, EmptyFieldsAreKept) {
    const CsvDocument doc = parse_csv(",x,,\n");
    ASSERT_EQ(doc.records.size(), 1u);
    EXPECT_EQ(doc.records[0].fields, (Fields{"", "x", "", ""}));
}

TEST(CsvReaderTest, QuotedFieldsKeepCommasAndSpaces) {
    const CsvDocument doc = parse_csv("\"a, b\",\" c \",\"\"\n");
    ASSERT_EQ(doc.records.size(), 1u);
    EXPECT_EQ(doc.records[0].fields, (Fields{"a, b", " c ", ""}));
    EXPECT_TRUE(doc.problems.empty());
}

TEST(CsvReaderTest, DoubledQuotesInsideQuotedFieldAreOneQuote) {
    const CsvDocument doc = parse_csv("\"say \"\"hi\"\"\",\"\"\"\"\n");
    ASSERT_EQ(doc.records.size(), 1u);
    EXPECT_EQ(doc.records[0].fields, (Fields{"say \"hi\"", "\""}));
}

TEST(CsvReaderTest, QuotedNewlinesStayInTheFieldAndLineNumbersFollow) {
    const CsvDocument doc = parse_csv("h1,h2\n\"two\nlines\",x\nnext,y\n");
    ASSERT_EQ(doc.records.size(), 3u);
    EXPECT_EQ(doc.records[1].fields, (Fields{"two\nlines", "x"}));
    EXPECT_EQ(doc.records[1].line, 2);
    EXPECT_EQ(doc.records[2].fields, (Fields{"next", "y"}));
    EXPECT_EQ(doc.records[2].line, 4);  // physical line, after the quoted newline
}

TEST(CsvReaderTest, CrlfIsAcceptedAndReported) {
    const CsvDocument doc = parse_csv("a,b\r\n1,\"2\"\r\n3,4\r\n");
    ASSERT_EQ(doc.records.size(), 3u);
    EXPECT_EQ(doc.records[0].fields, (Fields{"a", "b"}));
    EXPECT_EQ(doc.records[1].fields, (Fields{"1", "2"}));
    EXPECT_EQ(doc.records[2].fields, (Fields{"3", "4"}));
    EXPECT_EQ(doc.records[2].line, 3);
    EXPECT_TRUE(doc.had_crlf);
    EXPECT_TRUE(doc.problems.empty());
}

TEST(CsvReaderTest, Utf8BomIsStrippedAndReported) {
    const CsvDocument doc = parse_csv("\xEF\xBB\xBFplace,lat\nS\xC3\xA9gou,13.4\n");
    ASSERT_EQ(doc.records.size(), 2u);
    EXPECT_EQ(doc.records[0].fields, (Fields{"place", "lat"}));  // no BOM glued to "place"
    EXPECT_EQ(doc.records[1].fields[0], "S\xC3\xA9gou");
    EXPECT_TRUE(doc.had_bom);
}

TEST(CsvReaderTest, EmptyLinesAreSkippedButCounted) {
    const CsvDocument doc = parse_csv("a\n\n\r\nb\n\n");
    ASSERT_EQ(doc.records.size(), 2u);
    EXPECT_EQ(doc.records[0].fields, (Fields{"a"}));
    EXPECT_EQ(doc.records[1].fields, (Fields{"b"}));
    EXPECT_EQ(doc.records[1].line, 4);
    EXPECT_TRUE(doc.problems.empty());
}

TEST(CsvReaderTest, EmptyTextHasNoRecords) {
    const CsvDocument doc = parse_csv("");
    EXPECT_TRUE(doc.records.empty());
    EXPECT_TRUE(doc.problems.empty());
}

TEST(CsvReaderTest, UnbalancedQuoteIsReportedAtTheLineWhereItOpens) {
    const CsvDocument doc = parse_csv("a,b\n1,2\n3,\"never closed\n4,5\n6,7\n");
    ASSERT_EQ(doc.problems.size(), 1u);
    EXPECT_EQ(doc.problems[0].line, 3);
    EXPECT_EQ(doc.problems[0].column, 2);
    EXPECT_NE(doc.problems[0].message.find("unbalanced quote"), std::string::npos) << doc.problems[0].message;
    // The records before the open quote are kept; nothing after it is trusted.
    ASSERT_EQ(doc.records.size(), 2u);
    EXPECT_EQ(doc.records[1].fields, (Fields{"1", "2"}));
}

TEST(CsvReaderTest, StrayQuoteInUnquotedFieldDropsThatRecordOnly) {
    const CsvDocument doc = parse_csv("a,b\n1,ab\"c\n2,3\n");
    ASSERT_EQ(doc.problems.size(), 1u);
    EXPECT_EQ(doc.problems[0].line, 2);
    EXPECT_EQ(doc.problems[0].column, 2);
    EXPECT_NE(doc.problems[0].message.find("stray quote"), std::string::npos) << doc.problems[0].message;
    ASSERT_EQ(doc.records.size(), 2u);
    EXPECT_EQ(doc.records[0].fields, (Fields{"a", "b"}));
    EXPECT_EQ(doc.records[1].fields, (Fields{"2", "3"}));
    EXPECT_EQ(doc.records[1].line, 3);
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsAProblemAndDropsTheRecord) {
    const CsvDocument doc = parse_csv("\"ab\"c,d\nok,1\n");
    ASSERT_EQ(doc.problems.size(), 1u);
    EXPECT_EQ(doc.problems[0].line, 1);
    EXPECT_EQ(doc.problems[0].column, 1);
    ASSERT_EQ(doc.records.size(), 1u);
    EXPECT_EQ(doc.records[0].fields, (Fields{"ok", "1"}));
    EXPECT_EQ(doc.records[0].line, 2);
}

}  // namespace
}  // namespace em
