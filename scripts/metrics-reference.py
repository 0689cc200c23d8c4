#!/usr/bin/env python3
"""Writes docs/operations/metrics.md from the metric catalogue in Sources/KarpenterMetrics.

usage: scripts/metrics-reference.py > docs/operations/metrics.md

The catalogue (UpstreamMetrics.swift, OwnMetrics.swift) gives each metric's name, type, labels
and help; NOT_RECORDED below says which of upstream's this controller exposes in name only and
why. A test (MetricsReferenceTests) holds the document to the catalogue.
"""
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = [os.path.join(ROOT, "Sources/KarpenterMetrics", f) for f in ("UpstreamMetrics.swift", "OwnMetrics.swift")]

# Upstream's metrics this controller registers (so dashboards find the family) but never records,
# by name prefix or name, with the reason.
NOT_RECORDED = [
    ("aws_sdk_go_", "This controller's AWS client is its own (Sources/AWSClient), not aws-sdk-go; its calls are counted by `karpenter_cloudprovider_duration_seconds` and `_errors_total`."),
    ("client_go_", "This controller's Kubernetes client is its own (Sources/KubernetesClient), not client-go."),
    ("workqueue_", "There are no work queues: one task hands every input to the controllers in order (see `controller_runtime_reconcile_*`)."),
    ("controller_runtime_conversion_webhook_panics_total", "No webhooks."),
    ("controller_runtime_reconcile_errors_total", "A reconcile here returns effects and cannot fail; a failed write is logged, counted by its own metric and retried."),
    ("controller_runtime_terminal_reconcile_errors_total", "As above."),
    ("controller_runtime_reconcile_panics_total", "As above."),
    ("controller_runtime_reconcile_timeouts_total", "As above."),
    ("leader_election_slowpath_total", "Leader election has no fast path to fall back from."),
    ("operator_node_status_condition_", "Not recorded yet (Node conditions are the kubelet's; the store keeps readiness only)."),
    ("operator_status_condition_", "Deprecated upstream in favour of the per-kind `operator_<kind>_status_condition_*`, which are recorded."),
    ("operator_termination_", "Deprecated upstream in favour of the per-kind metrics."),
    ("operator_nodeclaim_termination_", "Not recorded yet."),
    ("operator_node_termination_", "Not recorded yet."),
    ("operator_nodepool_termination_", "Not recorded yet."),
    ("operator_ec2nodeclass_termination_", "Not recorded yet."),
    ("karpenter_cloudprovider_batcher_", "CreateFleet calls are not batched yet (one per NodeClaim)."),
    ("karpenter_consolidation_", "Not recorded yet (the Balanced policy's scores)."),
    ("karpenter_interruption_message_queue_duration_seconds", "Not recorded yet: the events' times do not reach the controllers."),
    ("karpenter_interruption_instance_status_unhealthy_total", "EC2 instance status checks are not read."),
    ("karpenter_nodeclaims_instance_termination_duration_seconds", "Not recorded yet."),
    ("karpenter_nodeclaims_unhealthy_disrupted_total", "Node repair is not built."),
    ("karpenter_nodepools_cost_tracker_errors_total", "The cost is read off the nodes' offerings; there is no tracker to fail."),
    ("karpenter_pods_provisioning_", "Not recorded yet."),
    ("karpenter_pods_scheduling_decision_duration_seconds", "Not recorded yet."),
    ("karpenter_scheduler_pending_pods_by_effective_zone_count", "Not recorded yet."),
    ("karpenter_scheduler_queue_depth", "Not recorded yet."),
    ("karpenter_scheduler_unfinished_work_seconds", "Not recorded yet."),
    ("karpenter_voluntary_disruption_consolidation_timeouts_total", "Consolidation here has no timeout: it finishes (see docs/performance.md)."),
    ("karpenter_voluntary_disruption_eligible_nodes", "Not recorded yet."),
    ("karpenter_voluntary_disruption_failed_validations_total", "Not recorded yet."),
    ("karpenter_voluntary_disruption_queue_failures_total", "Not recorded yet."),
]

NOTES = {
    "karpenter_interruption_received_messages_total": "`message_type` is `spot_interrupted`, `scheduled_change`, `state_change` (upstream splits it into `instance_stopped` and `instance_terminated`) or `rebalance_recommendation`; messages that need no action (`no_op`, unreadable) are not counted.",
    "operator_nodeclaim_status_condition_count": "One series per condition of each NodeClaim; `namespace` is empty (cluster-scoped).",
    "operator_nodepool_status_condition_count": "One series per condition of each NodePool.",
    "operator_ec2nodeclass_status_condition_count": "One series per condition of each EC2NodeClass (Ready, SubnetsReady, ...).",
    "karpenter_pods_bound_duration_seconds": "From the pod's creation to its PodScheduled condition's transition.",
    "karpenter_pods_startup_duration_seconds": "From the pod's creation to its Ready condition's transition; the quantiles are over the last 1,024 pods.",
    "karpenter_nodepools_allowed_disruptions": "`reason` is `empty`, `drifted` or `underutilized`; a NodePool without a budget for a reason reads 2147483647.",
    "karpenter_cluster_state_unsynced_time_seconds": "Always 0: the state gauges are read only once every informer has listed.",
    "karpenter_voluntary_disruption_decision_evaluation_duration_seconds": "One pass evaluates every method: `reason` is `all`.",
    "karpenter_build_info": "`goversion` is `swift6`; `commit` is empty (the build does not embed one).",
    "karpenter_nodeclaims_created_total": "`min_values_relaxed` is always `false`: minValues are never relaxed here.",
}


def catalogue():
    out = []
    for path in SOURCES:
        text = open(path).read()
        for m in re.finditer(r'MetricDefinition\(\s*name: "([^"]+)", kind: \.(\w+)(?:\(buckets: \[[^\]]*\]\))?,\s*help:\s*"((?:[^"\\]|\\.)*)",\s*labels: \[([^\]]*)\], stability: \.(\w+)\)', text, re.S):
            name, kind, help_, labels, stability = m.groups()
            labels = [l.strip().strip('"') for l in labels.split(",") if l.strip()]
            out.append((name, kind, help_.replace('\\"', '"'), labels, stability, path.endswith("OwnMetrics.swift")))
    return out


def recorded(name):
    for prefix, why in NOT_RECORDED:
        if name.startswith(prefix):
            return why
    return None


def main():
    rows = catalogue()
    print("""# Metrics reference

<!-- generated by scripts/metrics-reference.py from Sources/KarpenterMetrics; edit the script or the catalogue, not this file -->

`karpenter controller` serves Prometheus' text format at `:8080/metrics` (METRICS_PORT) and
the probes `/healthz` and `/readyz` at `:8081` (HEALTH_PROBE_PORT), as upstream does. The chart's
`karpenter` Service exposes the metrics port, and `serviceMonitor.enabled=true` renders a
ServiceMonitor for the Prometheus Operator.

Every metric of upstream Karpenter v1.14's metrics reference is here with its name, type and
labels, so that dashboards and alerts built on upstream keep working. About half are recorded;
the others are defined but never recorded (an unlabelled one reads 0, a labelled one has no
series), and the table says why for each. Three metrics are this
project's own: what the fleet costs, a lower bound on what any fleet for the same pods could
cost, and why pods wait.

`promtool check metrics` passes on the exposition except for ten of upstream's gauges whose
names end in `_count` or `_total` (promtool's naming lint wants those suffixes only on
counters, histograms and summaries); the names are kept as upstream spells them.

A label whose value is empty is left out of a series, which Prometheus reads the same way (an
empty label is an absent one): the node gauges carry every well-known label, most of them empty
on any one node. At 20,000 pods on 4,000 nodes a scrape is 125,000 series and 27 MB, rendered in
about half a second off the controllers' task (docs/performance.md, "Metrics").

`/healthz` answers 200 while the process serves and, on the leader, while the controllers'
loop turns (500 after a minute without a turn). `/readyz` answers 200 on a standby replica and
on the leader once every informer has listed; 500 with the reason otherwise.

## Useful queries

| question | PromQL |
|---|---|
| NodeClaims created per NodePool in the last hour | `sum by (nodepool) (increase(karpenter_nodeclaims_created_total[1h]))` |
| What the fleet costs per hour | `sum(karpenter_fleet_cost_dollars_per_hour)` |
| How far above the cheapest possible fleet it is | `sum(karpenter_fleet_cost_dollars_per_hour) / karpenter_fleet_cost_lower_bound_dollars_per_hour` |
| Pods waiting, by why | `karpenter_pods_pending` |
| Pods no NodePool fits | `karpenter_pods_pending{reason="unschedulable"}` |
| Disruption decisions by reason | `sum by (reason, decision) (increase(karpenter_voluntary_disruption_decisions_total[1h]))` |
| Scheduling time, 99th percentile | `histogram_quantile(0.99, sum by (le) (rate(karpenter_scheduler_scheduling_duration_seconds_bucket[5m])))` |
| Launch failures by reason | `sum by (reason) (increase(karpenter_cloudprovider_instance_launch_failures_total[1h]))` |
""")
    families = {}
    for row in rows:
        name = row[0]
        if row[5]:
            family = "This project's own"
        else:
            parts = name.split("_")
            family = parts[0] if parts[0] != "karpenter" else "karpenter_" + parts[1]
        families.setdefault(family, []).append(row)
    for family, members in families.items():
        print(f"## {family}\n")
        print("| metric | type | labels | |")
        print("|---|---|---|---|")
        for name, kind, help_, labels, stability, own in members:
            why = recorded(name)
            note = NOTES.get(name, "")
            status = ("**Not recorded yet.**" if why == "Not recorded yet." else f"**Not recorded.** {why}") if why else note
            label_text = ", ".join(f"`{l}`" for l in labels) if len(labels) <= 6 else ", ".join(f"`{l}`" for l in labels[:4]) + f" and {len(labels) - 4} more (every well-known node label)" if "node_name" in labels else ", ".join(f"`{l}`" for l in labels)
            help_text = help_.replace("|", "\\|")
            print(f"| `{name}` | {kind} ({stability.lower()}) | {label_text or '–'} | {help_text} {status} |")
        print()


main()
