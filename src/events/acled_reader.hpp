#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "events/acled_actors.hpp"
#include "events/country_codes.hpp"
#include "events/event_loader.hpp"

namespace em {

// ACLED exports read as they come (docs/data-format.md, "ACLED exports"): both column sets (the one used since
// March 2023, and the older one with data_id, event_id_no_cnty and iso3) are recognised from the header; columns
// are found by name, so their order and any extra columns do not matter. Each row becomes an incident (a point
// event) with its ACLED details (Event::point).

// True when a header names the columns an ACLED export always has (event_id_cnty, event_date, event_type,
// latitude, longitude).
bool is_acled_header(const std::vector<std::string>& header);
// is_acled_header on the first line of a CSV text (ACLED never quotes its header).
bool looks_like_acled(std::string_view text);

// An ACLED event_date: "13 August 2024" (also "13 Aug 2024"), "2024-08-13" or "13-08-2024". nullopt for anything
// else or an impossible day; why (if given) says which.
std::optional<Date> parse_acled_date(std::string_view text, std::string* why = nullptr);

// Parses an ACLED CSV text. Every bad row (no coordinates, an impossible date, a fatality count that is not a
// whole number, ...) is reported with file, line and column and skipped; the rest loads. actors maps ACLED actor
// names to eventmap actors (their party's colour and filter); codes turns ACLED's numeric `iso` into alpha-3.
EventSet parse_acled_csv(std::string_view text, const std::string& file, const AcledActorMap& actors,
                         const CountryCodes& codes);

}  // namespace em
