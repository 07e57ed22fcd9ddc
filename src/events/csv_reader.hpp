#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace em {

// One problem found while reading a delimited text file, located precisely.
struct CsvProblem {
    int line = 0;    // 1-based physical line
    int column = 0;  // 1-based field number (0 when it concerns the whole line)
    std::string message;
};

// One record of a CSV file with where it started.
struct CsvRecord {
    int line = 0;  // physical line where the record starts
    std::vector<std::string> fields;
};

// All records of a CSV text plus the problems met on the way.
struct CsvDocument {
    std::vector<CsvRecord> records;  // the header is records[0] when present
    std::vector<CsvProblem> problems;
    bool had_bom = false;
    bool had_crlf = false;
};

// Parses RFC 4180 CSV (comma separated, double-quote quoting, "" escapes, quoted newlines). CRLF and a UTF-8 BOM
// are accepted and reported as notes through had_crlf / had_bom. A quote left open at the end of the text, or
// a stray quote inside an unquoted field, is a problem at its line; the record it spoils is dropped and listed.
//
// Why not libcsv (Debian's libcsv-dev): its callbacks do not say at which line or column a field was read, and
// every validation message here must name both.
CsvDocument parse_csv(std::string_view text);

// What read_csv finds besides the records.
struct CsvScan {
    std::vector<CsvProblem> problems;
    bool had_bom = false;
    bool had_crlf = false;
};

// parse_csv one record at a time: hands every record parse_csv would keep to on_record, in order, without holding
// the whole file's fields at once. The record is reused for the next one: move out what is to be kept.
void read_csv(std::string_view text, CsvScan& scan, const std::function<void(CsvRecord&)>& on_record);

}  // namespace em
