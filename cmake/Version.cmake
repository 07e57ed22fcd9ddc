# The git revision eventmap is built from, for `eventmap --version`.
#
# Included from cmake/Install.cmake (project mode): adds a custom target that, at every build, runs this same
# file in script mode (cmake -P) to write <build>/generated/version/git_revision.hpp. configure_file rewrites
# the header only when the revision changed, so only src/app/version.cpp recompiles, and only then.
#
# The revision is what `git describe --always --dirty` prints. It is computed as `git describe --always` plus
# "-dirty" when `git --no-optional-locks status` shows changes to tracked files (what --dirty means), because
# `describe --dirty` takes .git/index.lock to refresh the index: run at every build in a tree others are
# working in, it would make their `git add` fail now and then. Outside a git checkout, or without git: unknown.

if(CMAKE_SCRIPT_MODE_FILE)
    # Script mode: -DSOURCE_DIR=... -DOUTPUT=... -DTEMPLATE=... [-DGIT_EXECUTABLE=...]
    set(EVENTMAP_GIT_REVISION "unknown")
    if(GIT_EXECUTABLE)
        execute_process(COMMAND "${GIT_EXECUTABLE}" describe --always
                        WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE rc OUTPUT_VARIABLE rev
                        ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
        if(rc EQUAL 0 AND rev)
            set(EVENTMAP_GIT_REVISION "${rev}")
            execute_process(COMMAND "${GIT_EXECUTABLE}" --no-optional-locks status --porcelain --untracked-files=no
                            WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE rc OUTPUT_VARIABLE changes
                            ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
            if(rc EQUAL 0 AND changes)
                string(APPEND EVENTMAP_GIT_REVISION "-dirty")
            endif()
        endif()
    endif()
    configure_file("${TEMPLATE}" "${OUTPUT}" @ONLY)
    return()
endif()

find_package(Git QUIET)
set(EVENTMAP_GIT_REVISION_HEADER ${PROJECT_BINARY_DIR}/generated/version/git_revision.hpp)
set(_em_revision_args
    -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DOUTPUT=${EVENTMAP_GIT_REVISION_HEADER}
    -DTEMPLATE=${PROJECT_SOURCE_DIR}/cmake/git_revision.hpp.in "-DGIT_EXECUTABLE=${GIT_EXECUTABLE}")
# Once now, so the header exists right after configuring; then at every build.
execute_process(COMMAND ${CMAKE_COMMAND} ${_em_revision_args} -P ${CMAKE_CURRENT_LIST_FILE})
add_custom_target(em_git_revision
    COMMAND ${CMAKE_COMMAND} ${_em_revision_args} -P ${CMAKE_CURRENT_LIST_FILE}
    BYPRODUCTS ${EVENTMAP_GIT_REVISION_HEADER}
    COMMENT "Reading the git revision"
    VERBATIM)
if(TARGET em_app)
    target_include_directories(em_app PRIVATE ${PROJECT_BINARY_DIR}/generated/version)
    add_dependencies(em_app em_git_revision)
endif()
