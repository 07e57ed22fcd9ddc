#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace em {

// The user-editable table that says which ACLED actors are eventmap's outside parties (data/acled_actors.csv,
// docs/data-format.md): "Wagner Group" -> "Russia (Wagner)", "Operation Barkhane" -> "France (Operation
// Barkhane)", ... A row naming one of them takes that actor, hence its party's colour and filter.
struct AcledActorRule {
    std::string pattern;  // ACLED's name, compared without regard to case; a trailing '*' matches any ending
    std::string actor;    // an eventmap actor ("Russia (Wagner)"); its party is the text before " ("
    int line = 0;         // where the rule was read
};

struct AcledActorMap {
    std::vector<AcledActorRule> rules;
    std::vector<std::string> problems;  // "file:line:column: message" for every rule skipped

    // The eventmap actor of one ACLED actor name, or "" when no rule matches. The first matching rule wins.
    std::string actor_for(std::string_view acled_name) const;
    // The eventmap actor for a row: the first of its actors (actor1, assoc_actor_1, actor2, assoc_actor_2, each
    // possibly a "; "-separated list) that a rule maps; "" when none.
    std::string actor_for_row(const std::vector<std::string_view>& actor_fields) const;
};

// Parses the table: a header `acled_actor,actor`, then one rule a line. Bad rows are listed and skipped.
Result<AcledActorMap> parse_acled_actors(std::string_view text, const std::string& file);
// Reads it from a file; a missing file is an Error (callers that treat it as optional check first).
Result<AcledActorMap> load_acled_actors(const std::string& path);
// Where the table is looked for: acled_actors.csv in the folder of the places table (data/ by default).
std::string acled_actors_beside(const std::string& places_path);
// The table beside the places table; an empty map when there is none. A table that cannot be read comes back
// empty with the reason in problems.
AcledActorMap acled_actors_for(const std::string& places_path);

}  // namespace em
