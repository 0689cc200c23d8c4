#!/usr/bin/env bash
# The scheduling benchmark, issue 13's targets and the fleet-cost comparison, from a release build.
#   scripts/bench.sh            # everything below, into bench-out/
#   BENCH_CALLGRIND=0 scripts/bench.sh    # without instruction counts (they take ~10 minutes)
#   BENCH_CALLGRIND=all scripts/bench.sh  # also for 100,000 pods and 24 hours (~40 more minutes)
# Needs python3 with PyYAML and scipy (for ../shared/tools/cost_lower_bound.py), and valgrind
# and gcc for the instruction counts (scripts/instructions.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
out=bench-out
mkdir -p "$out"
# One product per invocation: given two --product flags, swift build builds only the last.
swift build -c release --product karpenter >/dev/null 2>&1 || swift build -c release
swift build -c release --product karpenter-bench >/dev/null 2>&1 || swift build -c release
for n in 1 50 100 500 1000 2000 5000 10000 20000 50000 100000; do
  [ -f "$out/bench$n.yaml" ] || python3 "$shared/tools/gen_bench.py" "$n" > "$out/bench$n.yaml"
done
[ -f "$out/bench5000-aws.yaml" ] || python3 "$shared/tools/gen_bench.py" 5000 --catalog aws > "$out/bench5000-aws.yaml"
for n in 100 500 2000 5000; do
  [ -f "$out/mixed$n.yaml" ] || python3 scripts/gen_mixed.py "$n" > "$out/mixed$n.yaml"
done
[ -f "$out/mixed5000-aws.yaml" ] || python3 scripts/gen_mixed.py 5000 --catalog aws > "$out/mixed5000-aws.yaml"
[ -f "$out/cluster1000.yaml" ] || python3 scripts/gen_cluster.py > "$out/cluster1000.yaml"

bench=.build/release/karpenter-bench
karpenter=.build/release/karpenter
solve='$s10Scheduling9SchedulerO5solveyAA0A6ResultVAA0A5InputVnFZ'
# Karpenter's pass, not Simulation's wrapper (which cross-module optimization inlines).
pass='$s11Controllers9KarpenterV17consolidationPass3now5storeSSSg8decision_Si10candidatestSd_AA12ClusterStoreVtF'
# instructions LEVEL [--in SYMBOL] BINARY ARGS...: the count in G, or "-" when not asked for.
instructions() {
  local level=$1
  shift
  case "${BENCH_CALLGRIND:-1}" in
    0) echo "-"; return ;;
    all) ;;
    *) [ "$level" = always ] || { echo "-"; return; } ;;
  esac
  scripts/instructions.sh "$@" | awk '{ printf "%.2f G", $1 / 1e9 }'
}
# timed COMMAND...: "wall s | peak MiB" of one run.
timed() {
  /usr/bin/time -f "%e s | %M" "$@" 2>&1 >/dev/null | tail -1 | awk -F'|' '{ printf "%s| %.0f MiB", $1, $2 / 1024 }'
}

echo "## Issue 13's targets (wall time, instructions counted by callgrind, peak memory)"
echo "| what | wall | instructions | peak | target |"
echo "|---|---|---|---|---|"
for n in 20000 100000; do
  wall=$($bench --runs 3 --packing cost-aware "$out/bench$n.yaml" | awk -F'|' 'NR == 3 { gsub(/ /, "", $8); print $8 " s" }')
  level=$([ "$n" = 20000 ] && echo always || echo all)
  ins=$(instructions "$level" --in "$solve" "$bench" --runs 1 --packing cost-aware "$out/bench$n.yaml")
  target=$([ "$n" = 20000 ] && echo "0.5 s" || echo "3 s")
  echo "| Scheduler.solve, $n pods, cost-aware (median of 3) | $wall | $ins | | $target |"
done
for n in 20000 100000; do
  t=$(timed "$karpenter" simulate "$out/bench$n.yaml" --output json)
  level=$([ "$n" = 20000 ] && echo always || echo all)
  ins=$(instructions "$level" "$karpenter" simulate "$out/bench$n.yaml" --output json)
  target=$([ "$n" = 20000 ] && echo "2 s, 300 MB" || echo "12 s, 1 GB")
  echo "| simulate end to end, $n pods | ${t%%|*}| $ins |${t#*|} | $target |"
done
wall=$($bench --runs 3 --packing cost-aware --consolidation "$out/cluster1000.yaml" | awk -F'|' 'NR == 3 { gsub(/ /, "", $6); print $6 " s" }')
ins=$(instructions always --in "$pass" "$bench" --runs 1 --packing cost-aware --consolidation "$out/cluster1000.yaml")
echo "| one consolidation pass, 1,000 nodes / 10,000 pods (median of 3) | $wall | $ins | | 0.3 s |"
t=$(timed "$karpenter" simulate "$out/cluster1000.yaml" --output json)
ins=$(instructions all "$karpenter" simulate "$out/cluster1000.yaml" --output json)
echo "| 24 hours of that cluster | ${t%%|*}| $ins |${t#*|} | 5 s |"

echo
echo "## Scheduling (Scheduler.solve only)"
$bench --runs 5 "$out"/bench{1,50,100,500,1000,2000,5000,10000,20000}.yaml \
  "$out/bench5000-aws.yaml" "$out/mixed5000-aws.yaml" "$out/mixed5000.yaml"

echo
echo "## Growth (Scheduler.solve, cost-aware, 1,000 to 100,000 pods; issue 13's target: no faster than n log n)"
$bench --runs 3 "$out"/bench{1000,2000,5000,10000,20000,50000,100000}.yaml | python3 scripts/growth_exponent.py

echo
echo "## simulate end to end (parse, simulate, JSON)"
for n in 10000 20000 100000; do
  /usr/bin/time -f "bench$n: %e s, peak RSS %M KB" .build/release/karpenter simulate "$out/bench$n.yaml" --output json > /dev/null
done

echo
echo "## Fleet cost against cost_lower_bound.py (simulate --output json, cost.perHour)"
echo "| scenario | lower bound \$/h | first-fit \$/h | gap | cost-aware \$/h | gap |"
echo "|---|---|---|---|---|---|"
for f in mixed100 mixed500 mixed2000 mixed5000 bench100 bench1000 bench5000; do
  lb=$(python3 "$shared/tools/cost_lower_bound.py" "$out/$f.yaml" --json | python3 -c "import json,sys;print(json.load(sys.stdin)['lowerBoundPerHour'])")
  ff=$(.build/release/karpenter simulate "$out/$f.yaml" --packing first-fit --output json | python3 -c "import json,sys;print(json.load(sys.stdin)['cost']['perHour'])")
  ca=$(.build/release/karpenter simulate "$out/$f.yaml" --output json | python3 -c "import json,sys;print(json.load(sys.stdin)['cost']['perHour'])")
  python3 -c "lb,ff,ca=$lb,$ff,$ca;print(f'| $f | {lb:.4f} | {ff:.4f} | {100*(ff/lb-1):.1f}% | {ca:.4f} | {100*(ca/lb-1):.1f}% |')"
done

echo
echo "## Over time (issue 4)"
echo "### One full consolidation pass on 1,000 nodes / 10,000 pods"
.build/release/karpenter-bench --runs 3 --consolidation "$out/cluster1000.yaml"
echo "### 24 hours of that cluster"
/usr/bin/time -f "cluster1000, 24 h: %e s, peak RSS %M KB" .build/release/karpenter simulate "$out/cluster1000.yaml" --output json > /dev/null
echo "### The same 24 hours as a long-running controller (wall clock x100000)"
/usr/bin/time -f "controller cluster1000, 24 h: %e s, peak RSS %M KB" .build/release/karpenter controller --in-memory "$out/cluster1000.yaml" --speed 100000 --for 24h > /dev/null 2> "$out/controller.err" || true
tail -1 "$out/controller.err"  # the time line (the controller's own report comes before it)
echo "### The day/night example against the time integral of the lower bound"
python3 scripts/timeline_bound.py examples/day-night.yaml
for p in cost-aware first-fit; do
  .build/release/karpenter simulate examples/day-night.yaml --packing "$p" --output json | python3 -c "
import json, sys, collections
d = json.load(sys.stdin)
c = collections.Counter(e['type'] for e in d['events'])
print('$p: total \$%.2f, evictions %d, disruption decisions %d' % (d['cost']['total'], c['PodEvicted'], c['DisruptionDecided']))"
done
