#pragma once
// Fuzz entry points: plain functions that take one input and exercise one parser of eventmap. They are built
// twice: into the libFuzzer executables (fuzz/<target>_fuzzer.cpp, clang, EVENTMAP_FUZZ) and into
// eventmap_fuzz_replay (fuzz/replay_main.cpp, the normal compiler, a ctest test) which feeds them every seed
// and every saved crash under tests/fuzz/. A broken invariant aborts, so both report it the same way.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace em::fuzz {

using EntryFn = int (*)(const std::uint8_t* data, std::size_t size);

struct Entry {
    std::string_view name;  // target name: fuzz/<name>_fuzzer.cpp, tests/fuzz/<name>/, tests/fuzz/regressions/<name>/
    EntryFn run;
};

// events CSV text through parse_events_csv (small fixed place table), then presence derivation (every interval
// since <= until; every problem with a message).
int events_csv(const std::uint8_t* data, std::size_t size);
// GeoJSON events written to /vsimem/ and read through load_events.
int events_geojson(const std::uint8_t* data, std::size_t size);
// FuzzyDate::parse, Date::parse, parse_typed_date and Date::from_ymd, with round-trip checks.
int dates(const std::uint8_t* data, std::size_t size);
// places CSV text through parse_places.
int places(const std::uint8_t* data, std::size_t size);
// A shapefile (.shp, then optional "|SHX|" .shx, "|DBF|" .dbf, "|PRJ|" .prj, "|CPG|" .cpg parts, split on those
// markers) written to /vsimem/ and read through load_vector_source, then prepare_layer (cutting, tessellation).
// Checked: finite coordinates in points, lines, rings and the prepared mesh; the prepared arrays consistent
// (indices below the vertex count, per-feature ranges tiling the arrays); a LayerCache store then load giving the
// prepared layers back bit for bit (in a private temporary folder).
int vector_shp(const std::uint8_t* data, std::size_t size);
// GeoJSON written to /vsimem/ and read through load_vector_source, then prepare_layer, with vector_shp's checks; and
// whatever the fast GeoJSON reader takes must equal GDAL's reading of it.
int vector_geojson(const std::uint8_t* data, std::size_t size);

// A project file (JSON) through read_project; what reads is written with write_project and must read back
// equal. In entries_project.cpp, built only where src/scene/project.hpp exists
// (EVENTMAP_FUZZ_PROJECT_FILE defined), since it needs em_app.
int project_file(const std::uint8_t* data, std::size_t size);

// Every target, in the order tools/fuzz.sh runs them (project_file only with EVENTMAP_FUZZ_PROJECT_FILE).
const std::vector<Entry>& all_entries();

}  // namespace em::fuzz
