# Sanitizer and fuzzing builds. Included from the top CMakeLists.txt right after add_compile_options and before
# any target, so the flags set here reach every library and executable of the build.
#
#   EVENTMAP_SANITIZE  AddressSanitizer + UndefinedBehaviorSanitizer on everything (gcc or clang); the test
#                      environment for such a build (suppressions of third-party leaks) is in
#                      tests/sanitizers/README.md. Preset: asan (build-asan).
#   EVENTMAP_FUZZ      clang only: every target gets ASan + UBSan and libFuzzer's coverage instrumentation
#                      (-fsanitize=fuzzer-no-link); the libFuzzer executables of fuzz/ are defined at the end of
#                      the top CMakeLists.txt, once the em_* libraries exist. Preset: asan (build-asan, with the tests);
#                      tools/fuzz.sh builds and runs them.

option(EVENTMAP_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(EVENTMAP_FUZZ "Build the libFuzzer targets of fuzz/ (clang only; implies the sanitizers)" OFF)

set(EVENTMAP_SANITIZER_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)

if(EVENTMAP_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang" OR NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "EVENTMAP_FUZZ needs clang (libFuzzer); configure with "
                            "-DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ (or: cmake --preset asan). "
                            "Found ${CMAKE_CXX_COMPILER_ID}.")
    endif()
    # fuzzer-no-link: coverage feedback in every library; only the fuzz executables link libFuzzer's main.
    add_compile_options(${EVENTMAP_SANITIZER_FLAGS} -fsanitize=fuzzer-no-link)
    add_link_options(${EVENTMAP_SANITIZER_FLAGS})
elseif(EVENTMAP_SANITIZE)
    add_compile_options(${EVENTMAP_SANITIZER_FLAGS})
    add_link_options(${EVENTMAP_SANITIZER_FLAGS})
endif()
