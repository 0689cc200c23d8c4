/// A JSON value as the API server stores and serves it.
///
/// The store keeps every object as JSON rather than as typed structs because it must serve kinds
/// it has never heard of (custom resources) and must return unknown fields untouched, as the real
/// API server does. Integers and doubles are kept apart so that `replicas: 3` never comes back as
/// `3.0`.
public indirect enum JSON: Sendable, Hashable {
  case null
  case bool(Bool)
  case int(Int64)
  case double(Double)
  case string(String)
  case array([JSON])
  case object([String: JSON])
}

extension JSON {
  /// The string, when this is a string.
  public var string: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The integer, when this is an integer or an integral double.
  public var int: Int64? {
    switch self {
    case .int(let i): return i
    case .double(let d) where d.rounded() == d && abs(d) < 9.2e18: return Int64(d)
    default: return nil
    }
  }

  /// The number as a double, when this is a number.
  public var double: Double? {
    switch self {
    case .int(let i): return Double(i)
    case .double(let d): return d
    default: return nil
    }
  }

  /// The boolean, when this is a boolean.
  public var bool: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  /// The members, when this is an object.
  public var object: [String: JSON]? {
    if case .object(let o) = self { return o }
    return nil
  }

  /// The elements, when this is an array.
  public var array: [JSON]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// Whether this is `null`.
  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// A member of an object; setting on a non-object turns it into an object, setting `nil`
  /// removes the member.
  public subscript(key: String) -> JSON? {
    get {
      if case .object(let o) = self { return o[key] }
      return nil
    }
    set {
      var o: [String: JSON]
      if case .object(let existing) = self {
        o = existing
        self = .null  // release the storage so the dictionary is mutated in place
      } else {
        o = [:]
      }
      o[key] = newValue
      self = .object(o)
    }
  }

  /// A value nested under objects, e.g. `["metadata", "name"]`; setting creates the objects
  /// on the way.
  public subscript(path path: [String]) -> JSON? {
    get {
      var current: JSON? = self
      for key in path {
        current = current?[key]
        if current == nil { return nil }
      }
      return current
    }
    set {
      guard let first = path.first else {
        self = newValue ?? .null
        return
      }
      if path.count == 1 {
        self[first] = newValue
        return
      }
      if newValue == nil, self[first]?.object == nil { return }
      var child = self[first] ?? .object([:])
      if child.object == nil { child = .object([:]) }
      self[first] = .null  // drop the shared reference so the child is mutated in place
      child[path: Array(path.dropFirst())] = newValue
      self[first] = child
    }
  }
}

extension JSON: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
  ExpressibleByDictionaryLiteral
{
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(integerLiteral value: Int64) { self = .int(value) }
  public init(floatLiteral value: Double) { self = .double(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(arrayLiteral elements: JSON...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSON)...) {
    var o: [String: JSON] = [:]
    for (k, v) in elements { o[k] = v }
    self = .object(o)
  }
}

extension JSON: CustomStringConvertible {
  /// The compact serialization, for logs and test failures.
  public var description: String { String(decoding: serialized(), as: UTF8.self) }
}
