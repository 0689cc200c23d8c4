import KarpenterAPI
import KubernetesAPI

extension SchedulerRun {
  /// The decision: NodeClaims to launch (instance types cheapest first), placements on existing
  /// nodes, and the pods that fit nowhere with the reason.
  func result() -> SchedulingResult {
    var out = SchedulingResult()
    out.existingPlacements = existingPlacements
    out.unschedulable = unschedulable
    // NodeClaims of one pool with the same instance types share one list: a thousand host-port
    // pods make a thousand NodeClaims of the same hundreds of types, and a list each would
    // hold hundreds of megabytes.
    struct TypeSet: Hashable {
      var pool: Int
      var types: Bitset
    }
    var lists: [TypeSet: [InstanceType]] = [:]
    for claim in claims {
      let pool = pools[claim.pool]
      let typeSet = TypeSet(pool: claim.pool, types: claim.types)
      let types = lists[typeSet] ?? claim.types.members.map { instanceTypes[pool.types[$0]] }
      lists[typeSet] = types
      var labels = pool.template.labels
      for (k, v) in claim.requirements.singleValueLabels where k != WellKnown.hostnameLabel { labels[k] = v }
      labels[WellKnown.nodePoolLabel] = pool.template.name
      var overhead = Resources()
      if let first = claim.types.members.first {
        overhead = instanceTypes[pool.types[first]].allocatable - pool.allocatable[first]
      }
      out.newNodeClaims.append(
        PlannedNodeClaim(
          nodePool: pool.template.name, requirements: claim.requirements, instanceTypes: types,
          pods: claim.pods, requests: claim.requests + overhead, labels: labels,
          taints: pool.template.taints, startupTaints: pool.template.startupTaints))
    }
    return out
  }
}
