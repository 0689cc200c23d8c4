#!/usr/bin/env bash
# The instructions a command executes, counted by valgrind's callgrind: a figure this noisy
# machine does not move, printed beside the wall times by scripts/bench.sh.
#
#   scripts/instructions.sh [--in SYMBOL] BINARY ARGS...
#
# --in SYMBOL counts only inside that function and what it calls (a mangled name; `*` globs),
# e.g. the scheduler's solve: '$s10Scheduling9SchedulerO5solveyAA0A6ResultVAA0A5InputVnFZ'.
# valgrind 3.19 cannot read DWARF 5 debug info, so a `strip --strip-debug` copy of BINARY is
# profiled (the symbols stay); and it crashes on libdispatch's read-only sigsuspend mask
# unless an LD_PRELOAD shim copies the mask to the stack first (built here with gcc).
set -euo pipefail
toggle=()
if [ "${1:-}" = "--in" ]; then
  toggle=("--toggle-collect=$2")
  shift 2
fi
[ $# -ge 1 ] || { echo "usage: $0 [--in SYMBOL] BINARY ARGS..." >&2; exit 2; }
binary=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/shim.c" <<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
int sigsuspend(const sigset_t *mask) {
  static int (*real)(const sigset_t *) = 0;
  if (!real) real = (int (*)(const sigset_t *))dlsym(RTLD_NEXT, "sigsuspend");
  sigset_t local = *mask;
  return real(&local);
}
C
gcc -shared -fPIC -o "$work/shim.so" "$work/shim.c" -ldl
strip --strip-debug -o "$work/binary" "$binary"
LD_PRELOAD=$work/shim.so valgrind --tool=callgrind --callgrind-out-file="$work/out" "${toggle[@]}" \
  "$work/binary" "$@" > /dev/null 2> "$work/err" || { tail -5 "$work/err" >&2; exit 1; }
awk '/^summary:/ { print $2 }' "$work/out"
