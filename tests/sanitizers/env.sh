# Environment for running tests of a sanitizer build (EVENTMAP_SANITIZE, build-asan/). Source it:
#     . tests/sanitizers/env.sh && ctest --test-dir build-asan -L cpu
# tools/ci_robustness.sh does; the asan test preset of CMakePresets.json sets the same. Variables already set
# are kept in front, so a caller can add options.
_em_san_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# detect_leaks: LeakSanitizer at exit; detect_stack_use_after_return: catches returned references to locals;
# strict_string_checks: str* interceptors check the whole string.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:verify_asan_link_order=0"
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$_em_san_dir/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}print_stacktrace=1:halt_on_error=1:suppressions=$_em_san_dir/ubsan.supp"

# Mesa's DRI driver (llvmpipe) is dlopen()ed by EGL and dlclose()d again by eglTerminate, before LeakSanitizer
# looks at the heap at exit. Blocks that Mesa keeps only in that library's globals then look leaked, and their
# allocation stacks cannot be symbolised or suppressed ("<unknown module>": the library is gone). Preloading
# the driver keeps it mapped: its globals are scanned and those blocks are reachable again, as they are.
# This changes nothing in eventmap's own leak checking. verify_asan_link_order=0 above lets the preload come
# before the ASan runtime.
for _em_dri in /usr/lib/x86_64-linux-gnu/dri/swrast_dri.so /usr/lib/*/dri/swrast_dri.so; do
    if [ -f "$_em_dri" ]; then
        case ":${LD_PRELOAD:-}:" in *":$_em_dri:"*) ;; *) export LD_PRELOAD="${LD_PRELOAD:+$LD_PRELOAD:}$_em_dri" ;; esac
        break
    fi
done
unset _em_san_dir _em_dri
