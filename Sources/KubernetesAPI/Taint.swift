/// A node taint: pods without a matching toleration are kept off (NoSchedule), discouraged
/// (PreferNoSchedule) or evicted (NoExecute).
public struct Taint: Codable, Hashable, Sendable {
  public var key: String
  public var value: String?
  public var effect: String
  public var timeAdded: String?

  public init(key: String, value: String? = nil, effect: String) {
    self.key = key
    self.value = value
    self.effect = effect
  }

  public static let effects = ["NoSchedule", "PreferNoSchedule", "NoExecute"]

  /// Two taints are the same taint when key and effect match, as Kubernetes compares them.
  public func matches(_ other: Taint) -> Bool { key == other.key && effect == other.effect }
}

/// A pod's toleration of taints.
public struct Toleration: Codable, Hashable, Sendable {
  public var key: String?
  public var `operator`: String?
  public var value: String?
  public var effect: String?
  public var tolerationSeconds: Int64?

  public init(
    key: String? = nil, operator: String? = nil, value: String? = nil, effect: String? = nil,
    tolerationSeconds: Int64? = nil
  ) {
    self.key = key
    self.operator = `operator`
    self.value = value
    self.effect = effect
    self.tolerationSeconds = tolerationSeconds
  }

  /// Kubernetes' `Toleration.ToleratesTaint`: an empty effect matches every effect, an empty
  /// key with `Exists` matches every taint, `Equal` (the default) compares values.
  public func tolerates(_ taint: Taint) -> Bool {
    if let effect, !effect.isEmpty, effect != taint.effect { return false }
    if let key, !key.isEmpty, key != taint.key { return false }
    switch `operator` ?? "Equal" {
    case "Exists": return true
    case "Equal", "": return (value ?? "") == (taint.value ?? "")
    default: return false
    }
  }
}

extension Array where Element == Toleration {
  public func tolerates(_ taint: Taint) -> Bool { contains { $0.tolerates(taint) } }

  /// True when every NoSchedule and NoExecute taint is tolerated.
  public func toleratesAll(_ taints: [Taint]) -> Bool {
    taints.allSatisfy { $0.effect == "PreferNoSchedule" || tolerates($0) }
  }
}
