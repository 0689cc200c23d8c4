/// The metrics this project adds to upstream's: what the fleet costs, how far that is from the
/// cheapest fleet any autoscaler could run, and why pods wait (upstream users ask for both:
/// aws/karpenter-provider-aws#6566, #3614 and #5862).
extension MetricDefinition {
  public static let own: [MetricDefinition] = [
    MetricDefinition(
      name: "karpenter_fleet_cost_dollars_per_hour", kind: .gauge,
      help:
        "What the nodes Karpenter manages cost per hour, at the prices of the offerings they were launched on. Labeled by nodepool and capacity type.",
      labels: ["nodepool", "capacity_type"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_fleet_cost_lower_bound_dollars_per_hour", kind: .gauge,
      help:
        "A lower bound on what any fleet hosting the pods on Karpenter's nodes and the pending pods must cost per hour: for each resource, the pods' summed requests at the cheapest price per unit any NodePool's instance types offer, the largest of these.",
      labels: [], stability: .alpha),
    MetricDefinition(
      name: "karpenter_pods_pending", kind: .gauge,
      help:
        "Pods waiting for a node, by why they wait: awaiting_provisioner (not yet in a scheduling batch), nominated (a node is being launched or joining for them), unschedulable (no NodePool and instance type fits), no_offering (no available offering could be launched), launch_failed (the launch failed; retrying) or names_missing_node (spec.nodeName names no node).",
      labels: ["reason"], stability: .alpha),
  ]
}
