import KarpenterAPI

/// Upstream's interruption controller: messages about an instance (spot interruption warning,
/// scheduled maintenance, stopping or terminating) delete its node at once, taking over any
/// voluntary disruption under way; a rebalance recommendation is only reported.
enum InterruptionHandler {
  static var notice: Double { Interruption.spotNotice }

  static func handle(
    _ kind: Interruption, node name: String, _ r: inout Reconcile, _ termination: inout TerminationController,
    _ disruption: inout DisruptionController
  ) {
    guard let node = r.store.nodes[name] else { return }
    if kind == .rebalanceRecommendation {
      guard node.capacityType == WellKnown.capacityTypeSpot else { return }
      r.post(
        "Normal", "SpotRebalanceRecommendation", kind: "Node", name: name,
        message: "Spot rebalance recommendation was triggered")
      r.log("interruption", "received rebalance recommendation", ["Node": name, "NodeClaim": name])
      return
    }
    guard node.disruption != .interrupted, node.instanceGoneAt == nil else { return }
    // Only spot capacity receives spot interruption warnings.
    if kind == .spotInterruption && node.capacityType != WellKnown.capacityTypeSpot { return }
    r.log(
      "interruption", "initiating delete from interruption message",
      ["Node": name, "NodeClaim": name, "messageKind": kind.rawValue])
    let pods = r.store.reschedulablePods(on: name).count
    let message: String
    switch kind {
    case .spotInterruption:
      r.post("Warning", "SpotInterrupted", kind: "Node", name: name, message: "Spot interruption warning was triggered")
      message =
        "spot interruption notice for \(name); the instance is reclaimed at \(Int(r.now + notice))s; \(pods) pods move now"
    case .scheduledChange:
      r.post("Warning", "InstanceUnhealthy", kind: "Node", name: name, message: "A scheduled maintenance event was received")
      message = "a scheduled maintenance event for \(name); \(pods) pods move now"
    default:
      r.post("Warning", "InstanceTerminating", kind: "Node", name: name, message: "Instance is stopping or terminating")
      message = "an instance state change for \(name); \(pods) pods move now"
    }
    disruption.lend(&r)
    disruption.dropCommands(containing: name)
    disruption.giveBack(&r)
    r.record(.disruptionDecided, node: name, reason: NodeRemovalReason.interrupted.rawValue, message: message)
    r.logDecision(.interrupted, nodes: [name], message: message)
    termination.start(Deletion(node: name, reason: .interrupted, supersedes: true), &r)
  }

}
