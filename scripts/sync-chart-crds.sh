#!/bin/sh
# Copies the CRDs (config/crds/*.yaml) into the Helm chart (charts/karpenter/crds), which holds
# exact copies: Helm installs a chart's crds/ before its templates and never upgrades them.
#
#   scripts/sync-chart-crds.sh          copy, and remove chart CRDs whose source is gone
#   scripts/sync-chart-crds.sh --check  change nothing; exit 1 and name the files that differ
#
# HelmChartTests checks that the copies are byte-identical.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
src="$root/config/crds"
dst="$root/charts/karpenter/crds"
[ -d "$src" ] || { echo "sync-chart-crds: $src does not exist" >&2; exit 1; }

if [ "${1:-}" = "--check" ]; then
  status=0
  for f in "$src"/*.yaml; do
    name=$(basename "$f")
    cmp -s "$f" "$dst/$name" || { echo "differs or missing: charts/karpenter/crds/$name" >&2; status=1; }
  done
  for f in "$dst"/*.yaml; do
    [ -e "$f" ] || continue
    [ -e "$src/$(basename "$f")" ] || { echo "not in config/crds: charts/karpenter/crds/$(basename "$f")" >&2; status=1; }
  done
  exit $status
fi

mkdir -p "$dst"
for f in "$dst"/*.yaml; do
  [ -e "$f" ] || continue
  [ -e "$src/$(basename "$f")" ] || rm -f "$f"
done
cp "$src"/*.yaml "$dst"/
echo "copied $(ls "$src"/*.yaml | wc -l | tr -d ' ') CRDs to charts/karpenter/crds"
