import KarpenterAPI
import KubernetesAPI

/// Karpenter's controllers as one state machine: an input and the store in, effects out. It
/// holds only what Karpenter keeps in memory (drains under way, whether garbage collection is
/// due); everything else it reads from the store, and everything it changes it changes through
/// effects, so the same controllers run against any world.
public struct Karpenter: Sendable {
  var termination = TerminationController()
  var garbageCollection = GarbageCollector()

  public init() {}

  public mutating func handle(_ input: ControllerInput, now: Double, store: ClusterStore) -> [Effect] {
    var r = Reconcile(now: now, store: store)
    switch input {
    case .wake(.drain(let name)): termination.drain(name, &r)
    case .wake(.expire(let name)): Expiration.expire(name, &r, &termination)
    case .wake(.interruptionDeadline(let name)): InterruptionHandler.deadline(name, &r)
    case .wake(.registrationTimeout(let name)): Liveness.registrationTimeout(name, &r, &termination)
    case .wake(.garbageCollect): garbageCollection.collect(&r)
    case .evicted(let pod, let node, let result): termination.evicted(pod, from: node, result, &r)
    case .instancesListed(let instances): garbageCollection.listed(instances, &r)
    case .nodeClaimCreated(let name, let launched):
      Expiration.track(name, &r)
      if launched { Liveness.track(name, &r) }
    case .instanceLost: garbageCollection.instanceLost(&r)
    case .interruption(let node, let kind): InterruptionHandler.handle(kind, node: node, &r, &termination)
    case .delete(let deletion): termination.start(deletion, &r)
    }
    return r.effects
  }
}

/// One reconcile: the store as the controllers see it, the time, and the effects so far.
struct Reconcile {
  let now: Double
  let store: ClusterStore
  var effects: [Effect] = []

  init(now: Double, store: ClusterStore) {
    self.now = now
    self.store = store
  }

  mutating func log(_ controller: String, _ message: String, _ fields: [String: String], level: String = "INFO") {
    effects.append(.log(LogRecord(time: now, level: level, controller: controller, message: message, fields: fields)))
  }

  /// A Kubernetes Event about a Node or NodeClaim.
  mutating func post(_ type: String, _ reason: String, kind: String, name: String, message: String) {
    effects.append(
      .post(
        KubernetesEventRecord(
          time: now, type: type, reason: reason, involvedObject: .init(kind: kind, name: name), message: message)))
  }

  mutating func record(
    _ type: SimulationEventType, node: String?, pod: String? = nil, reason: String? = nil, message: String? = nil,
    derived: Bool = true
  ) {
    effects.append(
      .record(
        SimulationEvent(time: now, type: type, node: node, pod: pod, reason: reason, message: message),
        derived: derived))
  }

  /// The log line of a disruption decision: once per decision, with every node it covers.
  mutating func logDecision(_ reason: NodeRemovalReason, nodes: [String], message: String) {
    log(
      reason == .interrupted ? "interruption" : "disruption", "disrupting node(s)",
      ["reason": reason.rawValue, "nodes": nodes.joined(separator: ","), "decision": message])
  }

  mutating func wake(at time: Double, _ wake: Wake) { effects.append(.wake(at: time, wake)) }
}
