import KarpenterAPI
import KubernetesAPI

/// Requirements on several label keys, all of which must hold. Kept sorted by key so that
/// iteration, hashing and printing are deterministic.
public struct Requirements: Hashable, Sendable, CustomStringConvertible {
  public private(set) var all: [Requirement] = []

  public init() {}

  public init(_ requirements: [Requirement]) {
    for r in requirements { add(r) }
  }

  /// Requirements from node-selector terms (`In`, `NotIn`, ...), with beta label keys read as
  /// their stable names.
  public init(nodeSelectorRequirements: [NodeSelectorRequirement]) {
    for r in nodeSelectorRequirements {
      add(Requirement(key: WellKnown.normalized(r.key), operator: r.operator, values: r.values ?? []))
    }
  }

  public init(nodePoolRequirements: [NodeSelectorRequirementWithMinValues]) {
    for r in nodePoolRequirements {
      add(
        Requirement(
          key: WellKnown.normalized(r.key), operator: r.operator, values: r.values ?? [],
          minValues: r.minValues))
    }
  }

  /// Each label as a requirement that the key has exactly that value.
  public init(labels: [String: String]) {
    var sorted = labels.map { Requirement.exactly(WellKnown.normalized($0.key), $0.value) }
    sorted.sort { $0.key < $1.key }
    if zip(sorted, sorted.dropFirst()).allSatisfy({ $0.key != $1.key }) {
      all = sorted
    } else {
      // Two labels name one key (a deprecated label beside its current name): they intersect.
      for r in sorted { add(r) }
    }
  }

  private func position(_ key: String) -> (found: Bool, index: Int) {
    var low = 0
    var high = all.count
    while low < high {
      let mid = (low + high) / 2
      if all[mid].key < key { low = mid + 1 } else { high = mid }
    }
    return (low < all.count && all[low].key == key, low)
  }

  public subscript(_ key: String) -> Requirement? {
    let p = position(key)
    return p.found ? all[p.index] : nil
  }

  public func has(_ key: String) -> Bool { position(key).found }

  public var keys: [String] { all.map(\.key) }
  public var isEmpty: Bool { all.isEmpty }

  /// Adds a requirement, intersecting it with one already on the same key.
  public mutating func add(_ requirement: Requirement) {
    let p = position(requirement.key)
    if p.found {
      all[p.index] = all[p.index].intersection(requirement)
    } else {
      all.insert(requirement, at: p.index)
    }
  }

  public mutating func add(_ other: Requirements) {
    for r in other.all { add(r) }
  }

  public func adding(_ other: Requirements) -> Requirements {
    var copy = self
    copy.add(other)
    return copy
  }

  /// Upstream's `Intersects`: every key both constrain must keep a common value, except that
  /// two exclusions (NotIn / DoesNotExist) never conflict, as a node without the label
  /// satisfies both. Returns why not, or nil.
  public func intersectionProblem(_ other: Requirements) -> String? {
    conflict(with: other).map { "\($0.theirs) is not compatible with \($0.ours)" }
  }

  /// The first key on which the two keep no common value (two exclusions never conflict).
  /// Walks both sorted lists together; words are made only by `intersectionProblem`.
  func conflict(with other: Requirements) -> (ours: Requirement, theirs: Requirement)? {
    var i = 0
    var j = 0
    while i < all.count && j < other.all.count {
      let a = all[i]
      let b = other.all[j]
      if a.key < b.key {
        i += 1
      } else if a.key > b.key {
        j += 1
      } else {
        if !a.intersects(b) && !(Self.isExclusion(a) && Self.isExclusion(b)) { return (a, b) }
        i += 1
        j += 1
      }
    }
    return nil
  }

  /// NotIn (a complement with values) or DoesNotExist (no complement, no values).
  static func isExclusion(_ r: Requirement) -> Bool { r.complement != r.values.isEmpty }

  public func intersects(_ other: Requirements) -> Bool { conflict(with: other) == nil }

  /// Upstream's `Compatible`: `incoming` (a pod's requirements) can be met by `self` (a node
  /// or NodeClaim). A key `self` does not constrain is acceptable only for exclusions or for
  /// keys in `allowUndefined` (well-known labels an instance type will decide).
  public func compatibilityProblem(_ incoming: Requirements, allowUndefined: Set<String> = [])
    -> String?
  {
    incompatibility(incoming, allowUndefined: allowUndefined)?.description
  }

  /// Why `incoming` cannot be met by `self`, as data (``compatibilityProblem(_:allowUndefined:)``
  /// in words): a pod is judged against thousands of NodeClaims and the words are wanted only
  /// when it fits none.
  public func incompatibility(_ incoming: Requirements, allowUndefined: Set<String> = [])
    -> Incompatibility?
  {
    for r in incoming.all where !has(r.key) {
      if Self.isExclusion(r) || allowUndefined.contains(r.key) { continue }
      return .undefined(key: r.key)
    }
    return conflict(with: incoming).map { .conflict(ours: $0.ours, theirs: $0.theirs) }
  }

  public enum Incompatibility: CustomStringConvertible, Sendable {
    /// `self` does not constrain a key that `incoming` needs a value of.
    case undefined(key: String)
    /// Both constrain a key and keep no common value.
    case conflict(ours: Requirement, theirs: Requirement)

    public var description: String {
      switch self {
      case .undefined(let key): "label \"\(key)\" does not have known values"
      case .conflict(let ours, let theirs): "\(theirs) is not compatible with \(ours)"
      }
    }
  }

  /// The labels these requirements pin to one value, as a node created from them gets.
  public var singleValueLabels: [String: String] {
    var out: [String: String] = [:]
    for r in all where !r.complement && r.values.count == 1 { out[r.key] = r.values[0] }
    return out
  }

  public var description: String { all.map(\.description).joined(separator: ", ") }
}
