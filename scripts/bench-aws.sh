#!/usr/bin/env bash
# The AWS target of issue 11, from a release build against moto_server: how long after the
# provisioner's batch closes the first CreateFleet has answered, for 100 and 1,000 pending pods,
# and the controller's memory.
#   scripts/bench-aws.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product karpenter >/dev/null
swift build -c release --product karpenter-live-bench >/dev/null
bin=.build/release
work=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null || true; kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
mkfifo "$work/moto.in"
python3 Tests/AWSTestSupport/moto_launcher.py <"$work/moto.in" >"$work/moto.out" 2>"$work/moto.err" &
exec 3>"$work/moto.in"
for _ in $(seq 300); do [ -s "$work/moto.out" ] && break; sleep 0.1; done
read -r _ port key secret <"$work/moto.out"
endpoint=http://127.0.0.1:$port
cluster=bench
python3 scripts/aws_moto_prepare.py "$endpoint" "$key" "$secret" "$cluster"
export AWS_ENDPOINT_URL=$endpoint AWS_ACCESS_KEY_ID=$key AWS_SECRET_ACCESS_KEY=$secret AWS_REGION=us-east-1
export CLUSTER_NAME=$cluster INTERRUPTION_QUEUE=$cluster-interruption
kc=$work/kubeconfig
$bin/karpenter sandbox --cloud aws --node-startup-delay 1s --listen 127.0.0.1:0 --kubeconfig "$kc" >"$work/sandbox.log" 2>&1 &
for _ in $(seq 100); do [ -f "$kc" ] && break; sleep 0.1; done
DISABLE_LEADER_ELECTION=true $bin/karpenter controller --kubeconfig "$kc" --cloud-provider aws >"$work/controller.log" 2>&1 &
controller=$!
cat <<YAML | kubectl --kubeconfig "$kc" apply -f - >/dev/null
apiVersion: karpenter.k8s.aws/v1
kind: EC2NodeClass
metadata: {name: default}
spec:
  role: KarpenterNodeRole-$cluster
  amiSelectorTerms: [{alias: al2023@latest}]
  subnetSelectorTerms: [{tags: {karpenter.sh/discovery: $cluster}}]
  securityGroupSelectorTerms: [{tags: {karpenter.sh/discovery: $cluster}}]
---
apiVersion: karpenter.sh/v1
kind: NodePool
metadata: {name: default}
spec:
  template:
    metadata: {labels: {bench: pending}}
    spec:
      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
      requirements:
        - {key: kubernetes.io/arch, operator: In, values: ["amd64"]}
        - {key: karpenter.sh/capacity-type, operator: In, values: ["on-demand"]}
YAML
for _ in $(seq 600); do grep -q '"discovered instance types"' "$work/controller.log" && break; sleep 0.1; done
sleep 2
for count in 100 1000; do
  before=$(grep -c '"launched instance"' "$work/controller.log" || true)
  start=$(date +%s.%N)
  $bin/karpenter-live-bench pods --kubeconfig "$kc" --count $count --prefix p$count --node-selector bench=pending
  created=$(date +%s.%N)
  for _ in $(seq 600); do
    n=$(grep -c '"launched instance"' "$work/controller.log" || true)
    [ "$n" -gt "$before" ] && sleep 5 && break
    sleep 0.1
  done
  python3 - "$work/controller.log" "$start" "$created" "$before" "$count" <<'PY'
import json, sys, datetime
log, start, created, before, count = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
def t(line):
    s = json.loads(line)["time"]
    return datetime.datetime.strptime(s, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc).timestamp()
launched = [t(l) for l in open(log) if '"launched instance"' in l][before:]
closes = created + 1.0  # BATCH_IDLE_DURATION 1 s after the last pod
print(f"{count} pending pods (created in {created - start:.2f} s): first CreateFleet answered {launched[0] - closes:.2f} s after the batch closed; {len(launched)} instances, the last {max(launched) - closes:.2f} s after")
PY
done
echo "controller peak RSS: $(grep VmHWM /proc/$controller/status | awk '{print $2/1024 " MB"}')"
