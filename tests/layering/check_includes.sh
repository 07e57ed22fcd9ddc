#!/usr/bin/env bash
# The layering the architecture promises (docs/architecture.md): the modules below render -- core, geo, events,
# export and the scene (the document the window and the commands share) -- include no GL, EGL, GLFW or ImGui
# header and nothing from render/, gl/, ui/ or app/. The link lines keep those libraries out; this keeps their
# headers out (a header-only use would slip past the linker).
#
#   check_includes.sh SOURCE_DIR
set -euo pipefail
src="${1:?usage: check_includes.sh SOURCE_DIR}/src"
forbidden='#\s*include\s*[<"](GL/|GLES|EGL/|epoxy/|GLFW/|imgui|backends/imgui|gl/|render/|ui/|app/)'
failed=0
for module in core geo events export scene video; do
    [ -d "$src/$module" ] || { echo "FAIL: no module folder src/$module"; failed=$((failed + 1)); continue; }
    # GLU's tessellator (<GL/glu.h>) is the one exception: a CPU tessellator, included privately by
    # geo/tessellator.cpp; it needs no GL context.
    if hits=$(grep -nE "$forbidden" "$src/$module"/*.hpp "$src/$module"/*.cpp | grep -v 'geo/tessellator.cpp:[0-9]*:#include <GL/glu.h>'); then
        echo "FAIL: src/$module includes what lies above it:"
        echo "$hits" | sed 's/^/  /'
        failed=$((failed + 1))
    fi
done
# The vector export's draw list and its writers are GL-free too (only its builder reads the scene in render/).
if hits=$(grep -nE "$forbidden" "$src"/vector/draw_list.* "$src"/vector/svg_writer.* "$src"/vector/pdf_writer.*); then
    echo "FAIL: the vector draw list or a writer includes what lies above it:"
    echo "$hits" | sed 's/^/  /'
    failed=$((failed + 1))
fi
# A negative control: the pattern does find such an include (so an empty result means something).
grep -qE "$forbidden" <<<'#include "render/camera.hpp"' || { echo "FAIL: the include pattern matches nothing"; failed=$((failed + 1)); }
echo "$((failed == 0 ? 1 : 0)) passed, $failed failed"
[ "$failed" -eq 0 ]
