#!/usr/bin/env bash
# The live targets of issue 10, from a release build: the sandbox's create rate and watch
# latency, the controller's memory with 1,000 nodes and 10,000 pods, and how long 1,000 pending
# pods take to get all their NodeClaims once the provisioner's batch closes.
#   scripts/bench-live.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product karpenter --product karpenter-live-bench >/dev/null
bin=.build/release
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
kc=$work/kubeconfig

$bin/karpenter sandbox --listen 127.0.0.1:0 --kubeconfig "$kc" >"$work/sandbox.log" 2>&1 &
sandbox=$!
for _ in $(seq 100); do [ -f "$kc" ] && break; sleep 0.1; done

echo "## The sandbox"
$bin/karpenter-live-bench nodes --kubeconfig "$kc" --count 1000
$bin/karpenter-live-bench pods --kubeconfig "$kc" --count 10000 --bound --nodes 1000
$bin/karpenter-live-bench watch-latency --kubeconfig "$kc" --samples 200
echo "sandbox peak RSS: $(grep VmHWM /proc/$sandbox/status | awk '{print $2/1024 " MB"}')"

echo
echo "## The controller with 1,000 nodes and 10,000 pods"
DISABLE_LEADER_ELECTION=true $bin/karpenter controller --kubeconfig "$kc" --cloud-provider kwok >"$work/controller.log" 2>&1 &
controller=$!
for _ in $(seq 600); do grep -q '"informers synced"' "$work/controller.log" && break; sleep 0.1; done
grep '"informers synced"' "$work/controller.log"
sleep 12  # a disruption pass over the cluster
echo "controller RSS after sync and a disruption pass: $(grep VmRSS /proc/$controller/status | awk '{print $2/1024 " MB"}'), peak $(grep VmHWM /proc/$controller/status | awk '{print $2/1024 " MB"}')"

echo
echo "## 1,000 pending pods to NodeClaims"
cat <<'YAML' | kubectl --kubeconfig "$kc" apply -f - >/dev/null
apiVersion: karpenter.sh/v1
kind: NodePool
metadata:
  name: default
spec:
  template:
    metadata:
      labels:
        bench: pending
    spec:
      nodeClassRef: {group: karpenter.kwok.sh, kind: KWOKNodeClass, name: default}
      requirements:
        - {key: kubernetes.io/os, operator: In, values: ["linux"]}
YAML
start=$(date +%s.%N)
$bin/karpenter-live-bench pods --kubeconfig "$kc" --count 1000 --prefix pending --node-selector bench=pending
created=$(date +%s.%N)
for _ in $(seq 600); do
  n=$(grep -c '"launched nodeclaim"' "$work/controller.log" || true)
  [ "$n" -gt 0 ] && sleep 3 && break
  sleep 0.1
done
python3 - "$work/controller.log" "$start" "$created" <<'PY'
import json, sys, datetime
log, start, created = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
def t(line):
    s = json.loads(line)["time"]
    return datetime.datetime.strptime(s, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc).timestamp()
launched = [t(l) for l in open(log) if '"launched nodeclaim"' in l]
print(f"pods created in {created - start:.2f} s; {len(launched)} NodeClaims, the last {max(launched) - created:.2f} s after the last pod was created (batch idle 1 s included)")
PY
echo "controller peak RSS: $(grep VmHWM /proc/$controller/status | awk '{print $2/1024 " MB"}')"
