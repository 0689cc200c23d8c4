import Controllers
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// The world's side of a node going: its instance terminated, its Node and NodeClaim removed,
/// its pods evicted (their controllers recreate them) and its cost counted.
extension Simulation {

  /// Pods nominated to the node look for capacity elsewhere.
  mutating func releaseNominations(_ name: String) {
    guard let nominated = store[node: name]?.nominated else { return }
    for key in nominated.sorted() where store[pod: key] != nil {
      store[pod: key]!.nominated = nil
      store[pod: key]!.awaitingProvisioner = true
      store[node: name]!.unhold(key, store[pod: key]!.requests)
    }
    store[node: name]!.nominated = []  // holds of pods no longer in the cluster
  }

  /// The instance goes: remaining pods (DaemonSet pods) die with it, the node's cost stops.
  mutating func terminate(_ name: String) {
    releaseNominations(name)
    guard let node = store.remove(node: name) else { return }
    try? cloud.delete(name)  // NodeClaim not found: its instance is gone already
    if node.initializedAt == nil && node.instanceGoneAt == nil { awaitingInitialization -= 1 }
    for key in node.pods.sorted() {
      if let pod = store[pod: key], pod.isDaemon { store.remove(pod: key) } else { evict(key) }
    }
    let instanceEnd = node.instanceEnd(now)
    if node.nodePool != nil { finishedCost += node.cost(until: now) }
    record(SimulationEvent(time: now, type: .nodeTerminated, node: name, reason: node.disruption?.rawValue))
    lastActivity = now
    if node.nodePool != nil { requestStaticCapacity() }  // limits.nodes counts it until now
    if options.keepsHistory {
      nodeHistory.append(
        NodeLifetime(
          name: name, nodePool: node.nodePool, capacityType: node.capacityType, price: node.price,
          from: node.createdAt, to: instanceEnd))
    }
    scheduleKubeScheduler(at: now)
    deliver(.nodeRemoved(name, reason: node.disruption))
  }

  // MARK: PodDisruptionBudgets

  /// Whether a PodDisruptionBudget forbids evicting `pod` now: one selecting it whose healthy
  /// pods would drop below what it requires. Counted afresh, as each eviction changes it.
  func evictionBlocked(_ pod: StatePod) -> Bool {
    PDBStatus(store).blocks(pod)
  }
}

/// A node's life, for the report and the total cost.
struct NodeLifetime {
  var name: String
  var nodePool: String?
  var capacityType: String?
  var price: Double
  var from: Double
  var to: Double
}
