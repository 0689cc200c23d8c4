/// One requirement on node labels: `key`, `operator` (In, NotIn, Exists, DoesNotExist, Gt, Lt,
/// and Karpenter's Gte, Lte) and `values`.
public struct NodeSelectorRequirement: Codable, Hashable, Sendable {
  public var key: String
  public var `operator`: String
  public var values: [String]?

  public init(key: String, operator: String, values: [String]? = nil) {
    self.key = key
    self.operator = `operator`
    self.values = values
  }
}

/// Terms ORed together; inside a term, requirements are ANDed.
public struct NodeSelector: Codable, Hashable, Sendable {
  public var nodeSelectorTerms: [NodeSelectorTerm]

  public init(nodeSelectorTerms: [NodeSelectorTerm]) {
    self.nodeSelectorTerms = nodeSelectorTerms
  }
}

public struct NodeSelectorTerm: Codable, Hashable, Sendable {
  public var matchExpressions: [NodeSelectorRequirement]?
  public var matchFields: [NodeSelectorRequirement]?

  public init(
    matchExpressions: [NodeSelectorRequirement]? = nil,
    matchFields: [NodeSelectorRequirement]? = nil
  ) {
    self.matchExpressions = matchExpressions
    self.matchFields = matchFields
  }
}

/// Kubernetes' `IntOrString`, as in a PodDisruptionBudget's `minAvailable: 50%`.
public enum IntOrString: Codable, Hashable, Sendable, CustomStringConvertible {
  case int(Int)
  case string(String)

  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.scalarIsNumber, let i = try? container.decode(Int.self) {
      self = .int(i)
    } else {
      self = .string(try container.decode(String.self))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .int(let i): try container.encode(i)
    case .string(let s): try container.encode(s)
    }
  }

  public var description: String {
    switch self {
    case .int(let i): return String(i)
    case .string(let s): return s
    }
  }

  /// The absolute value against `total`: a percentage is scaled, rounding up when `roundUp`.
  public func scaled(total: Int, roundUp: Bool) -> Int? {
    switch self {
    case .int(let i): return i
    case .string(let s):
      guard s.hasSuffix("%"), let p = Int(s.dropLast()) else { return nil }
      let scaled = p * total
      return roundUp ? (scaled + 99) / 100 : scaled / 100
    }
  }
}
