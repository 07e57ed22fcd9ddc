#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "events/acled_actors.hpp"
#include "events/event.hpp"
#include "events/places.hpp"

namespace em {

struct CsvScan;

// A problem found in an events file: error (the row was skipped) or warning (the row or file still loaded).
struct EventProblem {
    enum class Severity { kError, kWarning };
    Severity severity = Severity::kError;
    std::string file;
    int line = 0;    // CSV line, or GeoJSON feature number (1-based)
    int column = 0;  // CSV field number (1-based), 0 when about the whole row
    std::string column_name;
    std::string message;

    // "file:line:column: error: message (column name)".
    std::string text() const;
};

// Events read from one or more files, with every problem met.
struct EventSet {
    std::vector<Event> events;
    std::vector<EventProblem> problems;

    // Number of problems of severity error.
    std::size_t error_count() const;
};

// Why `url` is not a well-formed http:// or https:// address (the `url` column), or "" when it is.
std::string web_address_problem(std::string_view url);

// The columns of events.csv, in order (the last, `url`, is optional like every column not required).
const std::vector<std::string>& event_columns();

// Parses events CSV text (see docs/data-format.md). Every bad row is reported with file, line and column and
// skipped; good rows load. Places resolve `from`/`to` names; `lat;lon` is accepted too.
// Appends what a CSV event reader found to set.problems, as both readers (ours, ACLED's) report it: the scan's
// notes (byte-order mark, CRLF line ends) and malformed records, then "empty file" when there was no header, else
// the header's problems and the rows'.
void add_csv_read_problems(EventSet& set, const std::string& file, const CsvScan& scan, bool have_header,
                           std::vector<EventProblem> header_problems, std::vector<EventProblem> row_problems);

EventSet parse_events_csv(std::string_view text, const std::string& file, const PlaceTable& places);

// Reads events from a .csv file (eventmap's columns, or an ACLED export recognised from its header: see
// events/acled_reader), or from any GDAL vector source (GeoJSON, GeoPackage, shapefile, a PostGIS table given as
// "PG:dbname=... tables=events", ...) whose Point/LineString features carry the same columns. acled_actors maps
// ACLED actors to eventmap's (none: no mapping). A source that cannot be read at all is an Error.
Result<EventSet> load_events(const std::string& path, const PlaceTable& places,
                             const AcledActorMap* acled_actors = nullptr);

// Appends other's events and problems, reporting ids that are already present as errors.
void merge_events(EventSet& into, EventSet other);

}  // namespace em
