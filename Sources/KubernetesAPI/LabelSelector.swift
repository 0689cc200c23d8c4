/// A label selector: `matchLabels` and `matchExpressions`, all of which must hold.
public struct LabelSelector: Codable, Hashable, Sendable {
  public var matchLabels: [String: String]?
  public var matchExpressions: [LabelSelectorRequirement]?

  public init(
    matchLabels: [String: String]? = nil, matchExpressions: [LabelSelectorRequirement]? = nil
  ) {
    self.matchLabels = matchLabels
    self.matchExpressions = matchExpressions
  }

  /// True when `labels` satisfy the selector. An empty selector matches everything, as in
  /// Kubernetes' `LabelSelectorAsSelector`.
  public func matches(_ labels: [String: String]) -> Bool {
    for (k, v) in matchLabels ?? [:] where labels[k] != v { return false }
    for expression in matchExpressions ?? [] where !expression.matches(labels) { return false }
    return true
  }
}

/// One `matchExpressions` entry of a label selector.
public struct LabelSelectorRequirement: Codable, Hashable, Sendable {
  public var key: String
  public var `operator`: String
  public var values: [String]?

  public init(key: String, operator: String, values: [String]? = nil) {
    self.key = key
    self.operator = `operator`
    self.values = values
  }

  public static let operators = ["In", "NotIn", "Exists", "DoesNotExist"]

  public func matches(_ labels: [String: String]) -> Bool {
    let value = labels[key]
    switch `operator` {
    case "In": return value.map { (values ?? []).contains($0) } ?? false
    case "NotIn": return value.map { !(values ?? []).contains($0) } ?? true
    case "Exists": return value != nil
    case "DoesNotExist": return value == nil
    default: return false
    }
  }
}
