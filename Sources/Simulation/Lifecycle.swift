import Controllers
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// The parts of the NodeClaim lifecycle that are about failure: a node that never registers,
/// an instance that disappears, a replacement that never initializes.
extension Simulation {
  /// Upstream's registration TTL: a NodeClaim whose node has not registered by then is deleted.
  static let registrationTTL = 15.0 * 60
  /// Upstream's garbage collection runs every two minutes.
  static let garbageCollectionPeriod = 120.0
  /// How long the orchestration queue waits for a command's replacements to initialize.
  static let replacementTTL = 10.0 * 60

  /// The liveness check: the NodeClaim launched but its node never joined, so Karpenter deletes
  /// it (the instance is terminated) and the pods it was meant for go back to the provisioner.
  mutating func registrationTimeout(_ name: String) {
    guard let node = store[node: name], node.registeredAt == nil, node.instanceGoneAt == nil else { return }
    let ttl = formatDuration(Self.registrationTTL)
    let message =
      "NodeClaim \(name) (\(node.instanceType ?? "?") \(node.capacityType ?? "?") in \(node.zone ?? "?")) did not register within \(ttl); deleting it"
    // The contract's LaunchFailed, with liveness's own log line and event rather than a launch's.
    record(SimulationEvent(time: now, type: .launchFailed, node: name, reason: message), derived: false)
    log("nodeclaim.lifecycle", "terminating due to registration ttl", ["NodeClaim": name, "ttl": ttl])
    kubernetesEvent("Warning", "RegistrationTimeout", kind: "NodeClaim", name: name, message: message)
    startTermination(name, reason: .registrationTimeout, forceful: true)
  }

  /// Undoes a command's mark on a node that is not drained yet: no disrupted taint, no reason.
  /// Returns whether the node was released.
  @discardableResult
  mutating func releaseFromCommand(_ name: String, reason: NodeRemovalReason) -> Bool {
    guard store[node: name] != nil, store[node: name]!.disruption == reason else { return false }
    store[node: name]!.disruption = nil
    store[node: name]!.taints.removeAll { $0.key == WellKnown.disruptedTaintKey }
    return true
  }

  /// An instance terminated outside Karpenter, with no interruption message: the cost stops now
  /// and the Node goes NotReady; garbage collection notices at its next two-minute pass.
  mutating func instanceTerminated(_ name: String) {
    // Only NodeClaims' instances: the cloud knows nothing of nodes Karpenter does not manage.
    guard let node = store[node: name], node.nodePool != nil, node.instanceGoneAt == nil else { return }
    cloud.ec2.lose(name)
    if node.initializedAt == nil { awaitingInitialization -= 1 }
    store[node: name]!.instanceGoneAt = now
    store[node: name]!.ready = false
    lastActivity = now
    guard !garbageCollectionScheduled else { return }
    garbageCollectionScheduled = true
    let period = Self.garbageCollectionPeriod
    queue.schedule(.garbageCollect, at: ((now / period).rounded(.down) + 1) * period)
  }

  /// Garbage collection: NodeClaims (launched, managed) whose instance the cloud no longer
  /// lists are deleted with their Nodes; their pods are recreated elsewhere by their controllers.
  mutating func collectGarbage() {
    let existing = Set(cloud.list().lazy.map(\.name))
    for name in store.nodeNames
    where store[node: name]!.nodePool != nil && store[node: name]!.launchedAt != nil && !existing.contains(name) {
      log(
        "nodeclaim.garbagecollection", "garbage collecting nodeclaim with no cloudprovider representation",
        ["NodeClaim": name, "Node": name])
      store[node: name]!.disruption = .garbageCollected
      for key in reschedulablePods(name) {
        record(
          SimulationEvent(time: now, type: .podEvicted, node: name, pod: key, reason: NodeRemovalReason.garbageCollected.rawValue))
      }
      terminate(name)
    }
    requestProvisioning()
  }

  /// A spot rebalance recommendation: upstream only reports it (a Kubernetes Event); the node
  /// stays until an interruption notice, if one comes.
  mutating func rebalanceRecommendation(_ name: String) {
    guard let node = store[node: name], node.capacityType == WellKnown.capacityTypeSpot else { return }
    kubernetesEvent(
      "Normal", "SpotRebalanceRecommendation", kind: "Node", name: name,
      message: "Spot rebalance recommendation was triggered")
    log("interruption", "received rebalance recommendation", ["Node": name, "NodeClaim": name])
  }

  /// The orchestration queue gave up waiting for a command's replacements: the disruption is
  /// undone (taints removed, the nodes stay); replacements already up remain as capacity.
  mutating func replacementTimeout(_ id: Int) {
    guard let command = commands.removeValue(forKey: id) else { return }
    let late = command.launched.filter { store[node: $0]?.initializedAt == nil }
    for name in command.nodes where releaseFromCommand(name, reason: command.reason) {
      kubernetesEvent(
        "Warning", "DisruptionBlocked", kind: "Node", name: name,
        message:
          "Replacements \(late.joined(separator: ", ")) did not initialize within \(formatDuration(Self.replacementTTL)); disruption undone"
      )
    }
    log(
      "disruption", "failed to disrupt nodes, replacements did not initialize",
      ["command": command.message, "reason": command.reason.rawValue])
    lastActivity = now
    scheduleKubeScheduler(at: now)
    requestStaticCapacity()  // a static pool may now have a node too many
  }
}
