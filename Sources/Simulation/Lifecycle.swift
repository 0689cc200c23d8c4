import Controllers
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// The parts of the NodeClaim lifecycle that are about failure: a node that never registers,
/// an instance that disappears, a replacement that never initializes.
extension Simulation {
  /// How long the orchestration queue waits for a command's replacements to initialize.
  static let replacementTTL = 10.0 * 60

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
    deliver(.instanceLost(name))
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
