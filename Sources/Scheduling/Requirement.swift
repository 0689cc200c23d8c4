/// The set of values one label key may take: the algebra behind NodePool requirements, node
/// selectors, node affinity and instance-type labels.
///
/// A requirement is a finite set (`In`, `DoesNotExist` as the empty set) or the complement of
/// one (`NotIn`, `Exists` as the complement of nothing), optionally bounded by integer limits
/// (`Gt`, `Lt`, `Gte`, `Lte`). Intersection is closed over this shape, which is what lets a
/// NodeClaim accumulate the requirements of every pod it takes.
public struct Requirement: Hashable, Sendable, CustomStringConvertible {
  public let key: String
  /// True when `values` lists what is excluded rather than what is allowed.
  public private(set) var complement: Bool
  /// Sorted, unique.
  public private(set) var values: [String]
  /// Exclusive integer bounds; values outside them (or not integers) are excluded.
  public private(set) var greaterThan: Int?
  public private(set) var lessThan: Int?
  /// At least this many distinct values must stay possible (Karpenter's minValues).
  public var minValues: Int?

  public init(
    key: String, complement: Bool, values: [String], greaterThan: Int? = nil,
    lessThan: Int? = nil, minValues: Int? = nil
  ) {
    self.key = key
    self.complement = complement
    self.values = Array(Set(values)).sorted()
    self.greaterThan = greaterThan
    self.lessThan = lessThan
    self.minValues = minValues
    normalizeBounds()
  }

  /// A requirement from a node-selector operator. Unknown operators give the empty set, so a
  /// malformed term matches nothing rather than everything.
  public init(key: String, operator op: String, values: [String] = [], minValues: Int? = nil) {
    let k = key
    switch op {
    case "In": self.init(key: k, complement: false, values: values, minValues: minValues)
    case "NotIn": self.init(key: k, complement: true, values: values, minValues: minValues)
    case "Exists": self.init(key: k, complement: true, values: [], minValues: minValues)
    case "Gt":
      self.init(
        key: k, complement: true, values: [], greaterThan: values.first.flatMap { Int($0) },
        minValues: minValues)
    case "Gte":
      self.init(
        key: k, complement: true, values: [], greaterThan: values.first.flatMap { Int($0) }.map { $0 - 1 },
        minValues: minValues)
    case "Lt":
      self.init(
        key: k, complement: true, values: [], lessThan: values.first.flatMap { Int($0) }, minValues: minValues
      )
    case "Lte":
      self.init(
        key: k, complement: true, values: [], lessThan: values.first.flatMap { Int($0) }.map { $0 + 1 },
        minValues: minValues)
    default:  // DoesNotExist, and anything unknown
      self.init(key: k, complement: false, values: [], minValues: minValues)
    }
  }

  /// A requirement that the key equals exactly `value`.
  public static func exactly(_ key: String, _ value: String) -> Requirement {
    Requirement(key: key, exactly: value)
  }

  /// One value is sorted and unique already: no set is built (a node's labels become
  /// requirements each time a scheduling run starts).
  private init(key: String, exactly value: String) {
    self.key = key
    complement = false
    values = [value]
  }

  private mutating func normalizeBounds() {
    guard greaterThan != nil || lessThan != nil else { return }
    if let gt = greaterThan, let lt = lessThan, gt >= lt - 1 {
      complement = false
      values = []
      greaterThan = nil
      lessThan = nil
      return
    }
    if !complement { values = values.filter(withinBounds) }
  }

  private func withinBounds(_ value: String) -> Bool {
    if greaterThan == nil && lessThan == nil { return true }
    guard let n = Int(value) else { return false }
    if let gt = greaterThan, n <= gt { return false }
    if let lt = lessThan, n >= lt { return false }
    return true
  }

  /// The operator this requirement reads as, as upstream reports it.
  public var operatorName: String {
    if complement { return values.isEmpty ? "Exists" : "NotIn" }
    return values.isEmpty ? "DoesNotExist" : "In"
  }

  /// True when no value is possible.
  public var isEmpty: Bool { !complement && values.isEmpty }

  /// How many values are possible; `Int.max` for a complement.
  public var count: Int { complement ? Int.max : values.count }

  public func has(_ value: String) -> Bool {
    guard withinBounds(value) else { return false }
    return complement ? !contains(value) : contains(value)
  }

  @inline(__always)
  private func contains(_ value: String) -> Bool {
    var low = 0
    var high = values.count
    while low < high {
      let mid = (low + high) / 2
      if values[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low < values.count && values[low] == value
  }

  /// The values both requirements allow.
  public func intersection(_ other: Requirement) -> Requirement {
    let gt = [greaterThan, other.greaterThan].compactMap { $0 }.max()
    let lt = [lessThan, other.lessThan].compactMap { $0 }.min()
    let minValues = [self.minValues, other.minValues].compactMap { $0 }.max()
    switch (complement, other.complement) {
    case (true, true):
      return Requirement(
        key: key, complement: true, values: values + other.values, greaterThan: gt, lessThan: lt,
        minValues: minValues)
    case (true, false):
      return Requirement(
        key: key, complement: false, values: other.values.filter { !contains($0) }, greaterThan: gt,
        lessThan: lt, minValues: minValues)
    case (false, true):
      return Requirement(
        key: key, complement: false, values: values.filter { !other.contains($0) }, greaterThan: gt,
        lessThan: lt, minValues: minValues)
    case (false, false):
      return Requirement(
        key: key, complement: false, values: values.filter { other.contains($0) }, greaterThan: gt,
        lessThan: lt, minValues: minValues)
    }
  }

  /// True when some value is allowed by both.
  public func intersects(_ other: Requirement) -> Bool {
    if !complement && !other.complement && greaterThan == nil && lessThan == nil
      && other.greaterThan == nil && other.lessThan == nil
    {
      // The common case: two finite sets; no allocation.
      var i = 0
      var j = 0
      while i < values.count && j < other.values.count {
        if values[i] == other.values[j] { return true }
        if values[i] < other.values[j] { i += 1 } else { j += 1 }
      }
      return false
    }
    let both = intersection(other)
    return both.complement || !both.values.isEmpty
  }

  public var description: String {
    var out = "\(key) \(operatorName)"
    if !values.isEmpty { out += " [" + values.joined(separator: ", ") + "]" }
    if let gt = greaterThan { out += " >\(gt)" }
    if let lt = lessThan { out += " <\(lt)" }
    if let minValues { out += " (minValues \(minValues))" }
    return out
  }
}
