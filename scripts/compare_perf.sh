#!/usr/bin/env bash
# Compare `karpenter simulate` / `validate` between two commits of this repository.
#
#   bash scripts/compare_perf.sh OLD_COMMIT NEW_COMMIT 2>&1 | tee /tmp/compare_perf.out
#
# - clean clones in /tmp/perf-OLD_COMMIT and /tmp/perf-NEW_COMMIT, each built with
#   `swift build -c release --product karpenter` (one after the other); a clone that
#   already holds a finished release build of that exact commit is reused as it is
# - inputs /tmp/bench20k.yaml and /tmp/cluster1000.yaml generated if missing
# - whole-process timing with farm-bench, old and new in turn (A = new, B = old),
#   JSON outputs compared byte for byte
# - instruction counts with valgrind's callgrind (stripped-of-DWARF copies, sigsuspend shim)
# - a markdown table at the end
#
# Environment knobs: SKIP_CALLGRIND=1 skips the callgrind part; RESULTS=DIR (default
# /tmp/perf-results/OLD-NEW) is where farm-bench reports, JSON outputs and callgrind files go.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 OLD_COMMIT NEW_COMMIT" >&2
  exit 2
fi
OLD_ARG=$1
NEW_ARG=$2
MAIN=$(cd "$(dirname "$0")/.." && pwd)
OLD_SHA=$(git -C "$MAIN" rev-parse --verify "${OLD_ARG}^{commit}")
NEW_SHA=$(git -C "$MAIN" rev-parse --verify "${NEW_ARG}^{commit}")
OLD_DIR=/tmp/perf-$OLD_ARG
NEW_DIR=/tmp/perf-$NEW_ARG
RESULTS=${RESULTS:-/tmp/perf-results/$OLD_ARG-$NEW_ARG}
SHIM_SRC=/tmp/sigsuspend_shim.c
SHIM_SO=/tmp/sigsuspend_shim.so
mkdir -p "$RESULTS"

log() { printf '\n=== %s  [%s]\n' "$*" "$(date -u +%H:%M:%S)"; }

# ---------------------------------------------------------------- build
# A clone counts as built when HEAD is the commit, its tracked files are unmodified and
# the marker written after a successful build names the commit and the binary exists.
is_built() { # dir sha
  local dir=$1 sha=$2
  [ -d "$dir/.git" ] || return 1
  [ "$(git -C "$dir" rev-parse HEAD 2>/dev/null)" = "$sha" ] || return 1
  [ -z "$(git -C "$dir" status --porcelain --untracked-files=no)" ] || return 1
  [ -x "$dir/.build/release/karpenter" ] || return 1
  [ -f "$dir/.git/perf-built" ] && [ "$(cat "$dir/.git/perf-built")" = "$sha" ] || return 1
}

build_clone() { # dir sha label
  local dir=$1 sha=$2 label=$3
  if is_built "$dir" "$sha"; then
    log "reusing $dir ($label = $(git -C "$dir" log -1 --format='%h %s' | cut -c1-80))"
    return 0
  fi
  log "clean clone and release build of $label ($sha) in $dir"
  rm -rf "$dir"
  git clone -q "$MAIN" "$dir"
  git -C "$dir" checkout -q "$sha"
  local t0=$SECONDS blog=$RESULTS/build-$label.log
  if ! (cd "$dir" && swift build -c release --product karpenter) > "$blog" 2>&1; then
    echo "BUILD FAILED for $label; last lines of $blog:"
    tail -30 "$blog"
    exit 1
  fi
  echo "$sha" > "$dir/.git/perf-built"
  echo "built $label in $((SECONDS - t0)) s ($(tail -1 "$blog"))"
}

# one after the other, never both at once
build_clone "$OLD_DIR" "$OLD_SHA" old
build_clone "$NEW_DIR" "$NEW_SHA" new
OLD_BIN=$OLD_DIR/.build/release/karpenter
NEW_BIN=$NEW_DIR/.build/release/karpenter

log "commits"
echo "old: $(git -C "$OLD_DIR" log -1 --format='%h %s' | cut -c1-120)"
echo "new: $(git -C "$NEW_DIR" log -1 --format='%h %s' | cut -c1-120)"
echo "binary size: old $(stat -c %s "$OLD_BIN") B, new $(stat -c %s "$NEW_BIN") B"

# ---------------------------------------------------------------- inputs
log "inputs"
[ -s /tmp/bench20k.yaml ] || python3 "$MAIN/../shared/tools/gen_bench.py" 20000 > /tmp/bench20k.yaml
[ -s /tmp/cluster1000.yaml ] || python3 "$MAIN/scripts/gen_cluster.py" > /tmp/cluster1000.yaml
ls -l /tmp/bench20k.yaml /tmp/cluster1000.yaml
md5sum /tmp/bench20k.yaml /tmp/cluster1000.yaml "$NEW_DIR/examples/day-night.yaml"

# ---------------------------------------------------------------- timing
# Every farm-bench call runs from the NEW clone, so relative paths (examples/day-night.yaml)
# name the same file for both binaries. A = new, B = old.
cd "$NEW_DIR"

declare -A NEW_WALL NEW_PEAK OLD_WALL OLD_PEAK CPU_RATIO WALL_RATIO SAME INSTR
WORKLOADS=()

fb_field() { # file row-prefix column  (e.g. "A wall s" 5 = median)
  awk -v p="$2" -v c="$3" 'index($0, p) == 1 { print $c; exit }' "$1"
}

bench() { # name n timeout compare(yes|no) args...
  local name=$1 n=$2 timeout=$3 compare=$4
  shift 4
  local args="$*"
  local a_out=$RESULTS/$name.new.out b_out=$RESULTS/$name.old.out fb=$RESULTS/$name.farm-bench.txt
  WORKLOADS+=("$name")
  log "farm-bench: $name  (karpenter $args; n=$n, timeout $timeout s)"
  rm -f "$a_out" "$b_out"
  local rc=0
  farm-bench -n "$n" --timeout "$timeout" \
    --vs "sh -c 'exec $OLD_BIN $args > $b_out'" \
    -- sh -c "exec $NEW_BIN $args > $a_out" > "$fb" 2>&1 || rc=$?
  cat "$fb"
  [ "$rc" -eq 0 ] || echo "WARNING: farm-bench exited $rc for $name (3 = time bound reached: fewer runs counted)"
  grep -E '^[AB] exit' "$fb" | grep -v ' exit 0 ' && echo "WARNING: a non-zero exit code above for $name" || true
  NEW_WALL[$name]=$(fb_field "$fb" "A wall s" 5)
  NEW_PEAK[$name]=$(fb_field "$fb" "A peak MiB" 5)
  OLD_WALL[$name]=$(fb_field "$fb" "B wall s" 5)
  OLD_PEAK[$name]=$(fb_field "$fb" "B peak MiB" 5)
  CPU_RATIO[$name]="$(fb_field "$fb" "A/B cpu" 4) ($(fb_field "$fb" "A/B cpu" 3)-$(fb_field "$fb" "A/B cpu" 5))"
  WALL_RATIO[$name]="$(fb_field "$fb" "A/B wall" 4) ($(fb_field "$fb" "A/B wall" 3)-$(fb_field "$fb" "A/B wall" 5))"
  if [ "$compare" = yes ]; then
    if [ -f "$a_out" ] && [ -f "$b_out" ] && cmp -s "$a_out" "$b_out"; then
      SAME[$name]="yes (byte-identical, $(stat -c %s "$a_out") B)"
      echo "output: byte-identical ($(stat -c %s "$a_out") bytes, md5 $(md5sum < "$a_out" | cut -c1-12))"
    else
      SAME[$name]="NO"
      echo "output: DIFFERS: $(cmp "$a_out" "$b_out" 2>&1 || true); sizes new $(stat -c %s "$a_out") old $(stat -c %s "$b_out")"
    fi
  else
    SAME[$name]="-"
  fi
}

bench simulate-bench20k    3 400 yes simulate /tmp/bench20k.yaml --output json
bench simulate-cluster1000 3 600 yes simulate /tmp/cluster1000.yaml --output json
bench simulate-day-night   3 200 yes simulate examples/day-night.yaml --output json
bench validate-bench20k    5 200 yes validate /tmp/bench20k.yaml

# ---------------------------------------------------------------- callgrind
cg_total() { # callgrind out file -> total Ir
  awk '/^(summary|totals):/ { print $2; exit }' "$1"
}

callgrind_one() { # label binary args...   (runs from the current directory)
  local label=$1 bin=$2
  shift 2
  local out=$RESULTS/cg.$label.out vlog=$RESULTS/cg.$label.log rc=0 t0=$SECONDS
  rm -f "$out"
  LD_PRELOAD=$SHIM_SO valgrind --tool=callgrind --callgrind-out-file="$out" \
    "$bin" "$@" > "$RESULTS/cg.$label.stdout" 2> "$vlog" || rc=$?
  local total=""
  [ -s "$out" ] && total=$(cg_total "$out")
  if [ "$rc" -ne 0 ] || [ -z "$total" ]; then
    echo "callgrind $label FAILED (exit $rc); valgrind printed (last 25 lines of $vlog):" >&2
    tail -25 "$vlog" >&2
    echo "FAILED"
    return 0
  fi
  grep -q sigsuspend_shim "$out" || echo "note: $label: the shim does not appear in the profile (LD_PRELOAD not honoured?)" >&2
  echo "callgrind $label: $total instructions in $((SECONDS - t0)) s; $(grep -c . "$vlog") lines from valgrind in $vlog" >&2
  echo "$total"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9]+$/ && b ~ /^[0-9]+$/ && b > 0) printf "%.4f", a / b; else print "n/a" }'; }

if [ "${SKIP_CALLGRIND:-0}" != 1 ]; then
  log "callgrind"
  if [ ! -s "$SHIM_SO" ]; then
    if [ ! -s "$SHIM_SRC" ]; then
      cat > "$SHIM_SRC" <<'EOF'
/* LD_PRELOAD shim for valgrind 3.19: libdispatch passes sigsuspend a mask that
 * lives in read-only memory, which valgrind's syscall wrapper cannot handle.
 * Copy the mask to the stack and call the real sigsuspend. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stddef.h>

int sigsuspend(const sigset_t *mask) {
    static int (*real_sigsuspend)(const sigset_t *) = NULL;
    if (real_sigsuspend == NULL)
        real_sigsuspend = (int (*)(const sigset_t *))dlsym(RTLD_NEXT, "sigsuspend");
    sigset_t local;
    local = *mask;
    return real_sigsuspend(&local);
}
EOF
    fi
    gcc -shared -fPIC -o "$SHIM_SO" "$SHIM_SRC" -ldl
  fi
  # valgrind 3.19 cannot read DWARF 5: profile copies without debug info (symbols stay).
  strip --strip-debug -o "$OLD_DIR/karpenter.nodebug" "$OLD_BIN"
  strip --strip-debug -o "$NEW_DIR/karpenter.nodebug" "$NEW_BIN"
  valgrind --version
  for w in simulate-bench20k simulate-day-night; do
    case $w in
      simulate-bench20k) args=(simulate /tmp/bench20k.yaml --output json) ;;
      simulate-day-night) args=(simulate examples/day-night.yaml --output json) ;;
    esac
    cg_old=$(callgrind_one "$w.old" "$OLD_DIR/karpenter.nodebug" "${args[@]}")
    cg_new=$(callgrind_one "$w.new" "$NEW_DIR/karpenter.nodebug" "${args[@]}")
    INSTR[$w]="$cg_new / $cg_old = $(ratio "$cg_new" "$cg_old")"
    echo "$w: instructions new $cg_new, old $cg_old, new/old $(ratio "$cg_new" "$cg_old")"
    if cmp -s "$RESULTS/cg.$w.new.stdout" "$RESULTS/cg.$w.old.stdout"; then
      echo "$w: output under valgrind byte-identical old vs new"
    else
      echo "$w: output under valgrind DIFFERS old vs new"
    fi
  done
fi

# ---------------------------------------------------------------- table
log "summary: old $OLD_ARG ($OLD_SHA), new $NEW_ARG ($NEW_SHA)"
echo "| workload | new (median wall, peak RSS) | old (median wall, peak RSS) | new/old cpu median (min-max) | new/old wall median (min-max) | same output | instructions new/old |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for w in "${WORKLOADS[@]}"; do
  echo "| $w | ${NEW_WALL[$w]} s, ${NEW_PEAK[$w]} MiB | ${OLD_WALL[$w]} s, ${OLD_PEAK[$w]} MiB | ${CPU_RATIO[$w]} | ${WALL_RATIO[$w]} | ${SAME[$w]} | ${INSTR[$w]:--} |"
done
echo
echo "results: $RESULTS (farm-bench reports, outputs, callgrind files)"
