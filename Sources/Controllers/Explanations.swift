/// The "why not" explanations (DisruptionBlocked, Unconsolidatable, FailedDraining) that hold
/// now, as posted, per object ("Node/name", "NodePool/name") and slot. One is posted once while
/// it holds, not at every pass (upstream's recorder deduplicates within a time window instead;
/// holding-based deduplication is deterministic and needs no timer), and forgotten when it
/// stops holding or its object goes.
public struct Explanations: Sendable {
  public private(set) var current: [String: [String: KubernetesEventRecord]] = [:]

  public init() {}

  /// The event to post for `x`, or nil when the same explanation already holds.
  mutating func post(_ x: Explanation, at time: Double) -> KubernetesEventRecord? {
    let object = "\(x.kind)/\(x.name)"
    let key = x.slot ?? x.reason
    guard current[object]?[key]?.message != x.message else { return nil }
    let event = KubernetesEventRecord(
      time: time, type: x.type, reason: x.reason, involvedObject: .init(kind: x.kind, name: x.name),
      message: x.message)
    current[object, default: [:]][key] = event
    return event
  }

  /// The explanation in `slot` no longer holds (the node became a candidate, the budget opened).
  mutating func clear(_ slot: String, name: String, kind: String = "Node") {
    current["\(kind)/\(name)"]?.removeValue(forKey: slot)
  }

  /// The object is gone: nothing about it holds any more.
  mutating func forget(kind: String, name: String) {
    current.removeValue(forKey: "\(kind)/\(name)")
  }
}
