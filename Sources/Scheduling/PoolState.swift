import KarpenterAPI
import KubernetesAPI

/// A NodePool prepared for one run: the instance types it can launch, cheapest first, what
/// each offers after DaemonSet overhead, and what the pool may still launch.
struct PoolState {
  let template: NodePoolTemplate
  let requirements: Requirements
  /// Indices into the run's instance types, cheapest first (then by name).
  let types: [Int]
  let prices: [Double]
  let allocatable: [Resources]
  let capacity: [Resources]
  /// The largest allocatable and capacity over any set of the types.
  let largestAllocatable: LargestIndex
  let largestCapacity: LargestIndex
  var remaining: Resources?
  var remainingNodes: Int?

  init(template: NodePoolTemplate, instanceTypes: [InstanceType], daemonSets: [DaemonSetPod]) {
    self.template = template
    let requirements = template.nodeRequirements
    self.requirements = requirements
    var entries: [(index: Int, price: Double, name: String)] = []
    let allowed = template.instanceTypeIndices ?? Array(instanceTypes.indices)
    for i in allowed {
      let t = instanceTypes[i]
      guard t.requirements.intersects(requirements), let price = t.price(allowedBy: requirements) else {
        continue
      }
      entries.append((i, price, t.name))
    }
    entries.sort { ($0.price, $0.name) < ($1.price, $1.name) }
    types = entries.map(\.index)
    prices = entries.map(\.price)
    capacity = entries.map { instanceTypes[$0.index].capacity }
    allocatable = entries.map { entry in
      let type = instanceTypes[entry.index]
      let nodeRequirements = requirements.adding(type.requirements)
      var overhead = Resources()
      for daemon in daemonSets
      where PoolState.daemon(daemon, runsOn: nodeRequirements, taints: template.taints) {
        overhead += daemon.requests
      }
      return type.allocatable - overhead
    }
    largestAllocatable = LargestIndex(allocatable)
    largestCapacity = LargestIndex(capacity)
    remaining = template.remainingResources
    remainingNodes = template.remainingNodes
  }

  /// Upstream's rule for counting a DaemonSet as overhead on a NodeClaim: it tolerates the
  /// template's taints and its node requirements are compatible with the node's.
  static func daemon(_ daemon: DaemonSetPod, runsOn requirements: Requirements, taints: [Taint]) -> Bool {
    let tolerations = daemon.pod.spec?.tolerations ?? []
    guard taints.allSatisfy({ $0.effect == "PreferNoSchedule" || tolerations.tolerates($0) }) else {
      return false
    }
    let podRequirements = PodConstraints(
      pod: daemon.pod, relaxation: Relaxation(), volumeRequirements: Requirements()
    ).requirements
    return requirements.compatibilityProblem(podRequirements, allowUndefined: WellKnown.wellKnownLabels)
      == nil
  }
}

/// Which of a pool's instance types a class of pods can use, or why the pool cannot take them.
struct PoolCompatibility {
  var problem: String?
  var types: Bitset
}
