import Foundation

/// A CEL value. Lists and objects that come from the object being validated stay JSON
/// (`jsonList`, `jsonObject`) and are converted one element at a time as a rule reaches them,
/// so that `self.all(x, ...)` on a large object does not copy it first.
public enum CELValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case int(Int64)
  case uint(UInt64)
  case double(Double)
  case string(String)
  case bytes([UInt8])
  case list([CELValue])
  case map([CELValue: CELValue])
  case jsonList([JSON])
  case jsonObject([String: JSON])
  /// A `google.protobuf.Duration`, in nanoseconds.
  case duration(Int64)

  /// The value a JSON value stands for.
  public init(_ json: JSON) {
    switch json {
    case .null: self = .null
    case .bool(let b): self = .bool(b)
    case .int(let i): self = .int(i)
    case .double(let d): self = .double(d)
    case .string(let s): self = .string(s)
    case .array(let a): self = .jsonList(a)
    case .object(let o): self = .jsonObject(o)
    }
  }

  /// The CEL type name, as cel-go prints it in errors.
  public var typeName: String {
    switch self {
    case .null: return "null_type"
    case .bool: return "bool"
    case .int: return "int"
    case .uint: return "uint"
    case .double: return "double"
    case .string: return "string"
    case .bytes: return "bytes"
    case .list, .jsonList: return "list"
    case .map, .jsonObject: return "map"
    case .duration: return "google.protobuf.Duration"
    }
  }

  /// The value as JSON (durations as their string form), for results and messages.
  public var json: JSON {
    switch self {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .uint(let u): return u <= UInt64(Int64.max) ? .int(Int64(u)) : .double(Double(u))
    case .double(let d): return .double(d)
    case .string(let s): return .string(s)
    case .bytes(let b): return .string(String(decoding: b, as: UTF8.self))
    case .list(let l): return .array(l.map(\.json))
    case .map(let m):
      var o: [String: JSON] = [:]
      for (k, v) in m { o[k.keyString] = v.json }
      return .object(o)
    case .jsonList(let a): return .array(a)
    case .jsonObject(let o): return .object(o)
    case .duration(let n): return .string(CELDuration.format(n))
    }
  }

  var keyString: String {
    switch self {
    case .string(let s): return s
    default: return json.description
    }
  }

  /// The elements of a list (nil for anything else).
  var elements: [CELValue]? {
    switch self {
    case .list(let l): return l
    case .jsonList(let a): return a.map(CELValue.init)
    default: return nil
    }
  }

  /// What a macro iterates: a list's elements, a map's keys (sorted, so results repeat).
  var iterationRange: [CELValue]? {
    switch self {
    case .list(let l): return l
    case .jsonList(let a): return a.map(CELValue.init)
    case .jsonObject(let o): return o.keys.sorted().map(CELValue.string)
    case .map(let m): return m.keys.sorted(by: CELValue.keyOrder).map { $0 }
    default: return nil
    }
  }

  var count: Int? {
    switch self {
    case .list(let l): return l.count
    case .jsonList(let a): return a.count
    case .map(let m): return m.count
    case .jsonObject(let o): return o.count
    case .string(let s): return s.unicodeScalars.count
    case .bytes(let b): return b.count
    default: return nil
    }
  }

  static func keyOrder(_ a: CELValue, _ b: CELValue) -> Bool {
    (try? CELValue.compare(a, b)).map { $0 < 0 } ?? (a.keyString < b.keyString)
  }

  /// A member of a map by key, nil when absent.
  func member(_ key: CELValue) -> CELValue? {
    switch self {
    case .jsonObject(let o):
      guard case .string(let s) = key else { return nil }
      return o[s].map(CELValue.init)
    case .map(let m):
      if let v = m[key] { return v }
      // Heterogeneous numeric keys: 1, 1u and 1.0 name the same entry.
      switch key {
      case .int(let i): return i >= 0 ? m[.uint(UInt64(i))] : nil
      case .uint(let u): return u <= UInt64(Int64.max) ? m[.int(Int64(u))] : nil
      case .double(let d) where d.rounded() == d && abs(d) < 9.2e18: return m[.int(Int64(d))]
      default: return nil
      }
    default: return nil
    }
  }

  /// CEL's heterogeneous equality: numbers compare by value across int, uint and double;
  /// values of different types are unequal rather than an error.
  static func equal(_ a: CELValue, _ b: CELValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.bytes(let x), .bytes(let y)): return x == y
    case (.duration(let x), .duration(let y)): return x == y
    case (.jsonList(let x), .jsonList(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { equal(CELValue($0), CELValue($1)) }
    case (.jsonObject(let x), .jsonObject(let y)):
      return x.count == y.count
        && x.allSatisfy { key, value in y[key].map { equal(CELValue(value), CELValue($0)) } ?? false }
    case (.list, .list), (.list, .jsonList), (.jsonList, .list):
      guard let x = a.elements, let y = b.elements, x.count == y.count else { return false }
      return zip(x, y).allSatisfy { equal($0, $1) }
    case (.map, .map), (.map, .jsonObject), (.jsonObject, .map):
      guard let keys = a.iterationRange, a.count == b.count else { return false }
      return keys.allSatisfy { key in
        guard let x = a.member(key), let y = b.member(key) else { return false }
        return equal(x, y)
      }
    default:
      if let order = try? numericCompare(a, b) { return order == 0 }
      return false
    }
  }

  /// -1, 0 or 1; throws "no such overload" for values CEL does not order.
  static func compare(_ a: CELValue, _ b: CELValue) throws(CELEvaluationError) -> Int {
    switch (a, b) {
    case (.string(let x), .string(let y)):
      if x == y { return 0 }
      return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) { $0.value < $1.value } ? -1 : 1
    case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
    case (.bytes(let x), .bytes(let y)): return x == y ? 0 : (x.lexicographicallyPrecedes(y) ? -1 : 1)
    case (.duration(let x), .duration(let y)): return x == y ? 0 : (x < y ? -1 : 1)
    default:
      if let order = try? numericCompare(a, b) { return order }
      throw .noOverload("compare", a, b)
    }
  }

  /// Orders numbers of any of the three numeric types exactly (no rounding through Double
  /// where both are integers).
  private static func numericCompare(_ a: CELValue, _ b: CELValue) throws(CELEvaluationError) -> Int {
    func sign<T: Comparable>(_ x: T, _ y: T) -> Int { x == y ? 0 : (x < y ? -1 : 1) }
    switch (a, b) {
    case (.int(let x), .int(let y)): return sign(x, y)
    case (.uint(let x), .uint(let y)): return sign(x, y)
    case (.int(let x), .uint(let y)): return x < 0 ? -1 : sign(UInt64(x), y)
    case (.uint(let x), .int(let y)): return y < 0 ? 1 : sign(x, UInt64(y))
    case (.double(let x), .double(let y)):
      if x.isNaN || y.isNaN { throw CELEvaluationError("NaN values cannot be ordered") }
      return sign(x, y)
    case (.double(let x), .int(let y)):
      if x.isNaN { throw CELEvaluationError("NaN values cannot be ordered") }
      return sign(x, Double(y))
    case (.int(let x), .double(let y)):
      if y.isNaN { throw CELEvaluationError("NaN values cannot be ordered") }
      return sign(Double(x), y)
    case (.double(let x), .uint(let y)):
      if x.isNaN { throw CELEvaluationError("NaN values cannot be ordered") }
      return sign(x, Double(y))
    case (.uint(let x), .double(let y)):
      if y.isNaN { throw CELEvaluationError("NaN values cannot be ordered") }
      return sign(Double(x), y)
    default: throw .noOverload("compare", a, b)
    }
  }
}

/// Why a rule could not be evaluated: a missing key, a type mismatch, an overflow, or the cost
/// limit; worded as cel-go words it, since the apiserver repeats the message.
public struct CELEvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  /// The evaluation was stopped by the cost limit (never absorbed by `||` or `&&`).
  public var costExceeded: Bool

  public init(_ message: String, costExceeded: Bool = false) {
    self.message = message
    self.costExceeded = costExceeded
  }

  public var description: String { message }

  static func noOverload(_ function: String, _ arguments: CELValue...) -> CELEvaluationError {
    CELEvaluationError(
      "no such overload: \(function)(\(arguments.map(\.typeName).joined(separator: ", ")))")
  }
}

/// Go's duration strings, as `duration('1h30m')` reads them.
enum CELDuration {
  static func parse(_ text: String) throws(CELEvaluationError) -> Int64 {
    var scalars = Substring(text)
    var negative = false
    if scalars.first == "-" || scalars.first == "+" {
      negative = scalars.first == "-"
      scalars = scalars.dropFirst()
    }
    if scalars == "0" { return 0 }
    if scalars.isEmpty { throw CELEvaluationError("invalid duration '\(text)'") }
    let units: [(String, Double)] = [
      ("ns", 1), ("us", 1e3), ("µs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
    ]
    var total = 0.0
    while !scalars.isEmpty {
      let number = scalars.prefix { $0.isNumber || $0 == "." }
      guard !number.isEmpty, let value = Double(number) else {
        throw CELEvaluationError("invalid duration '\(text)'")
      }
      scalars = scalars.dropFirst(number.count)
      let unitText = scalars.prefix { !$0.isNumber && $0 != "." }
      guard let unit = units.first(where: { $0.0 == unitText }) else {
        throw CELEvaluationError("invalid duration '\(text)'")
      }
      scalars = scalars.dropFirst(unitText.count)
      total += value * unit.1
    }
    guard total < 9.2e18 else { throw CELEvaluationError("invalid duration '\(text)'") }
    return negative ? -Int64(total) : Int64(total)
  }

  /// The protobuf JSON form cel-go prints: seconds with up to nine decimals, e.g. "5400s", "1.5s".
  static func format(_ nanos: Int64) -> String {
    let seconds = nanos / 1_000_000_000
    let fraction = abs(nanos % 1_000_000_000)
    if fraction == 0 { return "\(seconds)s" }
    var digits = String(fraction)
    digits = String(repeating: "0", count: 9 - digits.count) + digits
    while digits.hasSuffix("0") { digits.removeLast() }
    return "\(nanos < 0 && seconds == 0 ? "-" : "")\(seconds).\(digits)s"
  }
}
