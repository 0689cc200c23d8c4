import Foundation

/// The functions CRD validation rules call: CEL's standard ones (`size`, `contains`,
/// `startsWith`, `endsWith`, `matches`, the conversions, `duration`) and Kubernetes' libraries
/// (strings: `lowerAscii`, `upperAscii`, `trim`, `split`, `replace`, `substring`, `indexOf`,
/// `lastIndexOf`, `join`, `charAt`; regex: `find`, `findAll`; lists: `isSorted`, `sum`, `min`,
/// `max`, `indexOf`, `lastIndexOf`).
enum CELFunctions {
  static func call(
    _ name: String, target: CELValue?, arguments: [CELValue], evaluator: inout CELEvaluator
  ) throws(CELEvaluationError) -> CELValue {
    // Global functions whose first argument may be written as the receiver instead.
    let all = (target.map { [$0] } ?? []) + arguments
    switch (name, all.count) {
    case ("size", 1):
      guard let count = all[0].count else { throw .noOverload("size", all[0]) }
      return .int(Int64(count))
    case ("int", 1) where target == nil: return try toInt(all[0])
    case ("uint", 1) where target == nil: return try toUInt(all[0])
    case ("double", 1) where target == nil: return try toDouble(all[0])
    case ("string", 1) where target == nil: return try toString(all[0])
    case ("bool", 1) where target == nil:
      switch all[0] {
      case .bool: return all[0]
      case .string(let s) where ["true", "True", "TRUE", "t", "1"].contains(s): return .bool(true)
      case .string(let s) where ["false", "False", "FALSE", "f", "0"].contains(s): return .bool(false)
      default: throw CELEvaluationError("type conversion error from '\(all[0].typeName)' to 'bool'")
      }
    case ("dyn", 1) where target == nil: return all[0]
    case ("duration", 1) where target == nil:
      switch all[0] {
      case .duration: return all[0]
      case .string(let s): return .duration(try CELDuration.parse(s))
      default: throw .noOverload("duration", all[0])
      }
    case ("matches", 2):
      guard case .string(let pattern) = all[1] else { throw .noOverload("matches", all[0], all[1]) }
      try evaluator.charge(pattern.utf8.count)
      return try regex(
        name, target: all[0], regex: try CELRegex(pattern), arguments: [], evaluator: &evaluator)
    case ("find", 2), ("findAll", 2), ("findAll", 3):
      guard target != nil, case .string(let pattern) = all[1] else { throw .noOverload(name, all[0], all[1]) }
      try evaluator.charge(pattern.utf8.count)
      return try regex(
        name, target: all[0], regex: try CELRegex(pattern), arguments: Array(all.dropFirst(2)),
        evaluator: &evaluator)
    default: break
    }
    guard let target else { throw CELEvaluationError("undeclared reference to '\(name)'") }
    switch target {
    case .string(let s): return try stringMethod(name, s, arguments, evaluator: &evaluator)
    case .list, .jsonList: return try listMethod(name, target.elements!, arguments, evaluator: &evaluator)
    case .duration(let n):
      let table: [String: Int64] = [
        "getHours": 3_600_000_000_000, "getMinutes": 60_000_000_000, "getSeconds": 1_000_000_000,
        "getMilliseconds": 1_000_000,
      ]
      guard arguments.isEmpty, let unit = table[name] else { break }
      return .int(n / unit)
    default: break
    }
    throw CELEvaluationError(
      "no such overload: \(target.typeName).\(name)(\(arguments.map(\.typeName).joined(separator: ", ")))")
  }

  static func regex(
    _ name: String, target: CELValue, regex: CELRegex, arguments: [CELValue], evaluator: inout CELEvaluator
  ) throws(CELEvaluationError) -> CELValue {
    guard case .string(let s) = target else { throw .noOverload(name, target) }
    try evaluator.charge(s.utf8.count / 4 + 1)
    switch (name, arguments.count) {
    case ("matches", 0): return .bool(regex.matches(s))
    case ("find", 0): return .string(regex.firstMatch(in: s) ?? "")
    case ("findAll", 0): return .list(regex.allMatches(in: s, limit: -1).map(CELValue.string))
    case ("findAll", 1):
      guard case .int(let limit) = arguments[0] else { throw .noOverload(name, target, arguments[0]) }
      return .list(regex.allMatches(in: s, limit: Int(clamping: limit)).map(CELValue.string))
    default: throw .noOverload(name, target)
    }
  }

  private static func stringMethod(
    _ name: String, _ s: String, _ arguments: [CELValue], evaluator: inout CELEvaluator
  ) throws(CELEvaluationError) -> CELValue {
    try evaluator.charge(s.utf8.count / 16)
    let strings = arguments.compactMap { if case .string(let t) = $0 { return t } else { return nil } }
    let ints = arguments.compactMap {
      if case .int(let i) = $0 { return Int(clamping: i) } else { return nil }
    }
    let scalars = Array(s.unicodeScalars)
    func text(_ slice: ArraySlice<Unicode.Scalar>) -> String {
      var out = String.UnicodeScalarView()
      out.append(contentsOf: slice)
      return String(out)
    }
    func position(of needle: String, from offset: Int, last: Bool) -> Int {
      let n = Array(needle.unicodeScalars)
      if n.isEmpty { return last ? scalars.count : offset }
      let starts =
        last
        ? Array(stride(from: scalars.count - n.count, through: offset, by: -1))
        : Array(stride(from: offset, through: scalars.count - n.count, by: 1))
      for start in starts where start >= 0 && scalars[start..<start + n.count].elementsEqual(n) {
        return start
      }
      return -1
    }
    switch (name, arguments.count, strings.count, ints.count) {
    case ("contains", 1, 1, _): return .bool(strings[0].isEmpty || s.contains(strings[0]))
    case ("startsWith", 1, 1, _): return .bool(s.unicodeScalars.starts(with: strings[0].unicodeScalars))
    case ("endsWith", 1, 1, _):
      return .bool(s.unicodeScalars.reversed().starts(with: strings[0].unicodeScalars.reversed()))
    case ("lowerAscii", 0, _, _):
      return .string(
        String(
          String.UnicodeScalarView(
            s.unicodeScalars.map { c in
              c.isASCII && ("A"..."Z").contains(c) ? Unicode.Scalar(c.value + 32)! : c
            })))
    case ("upperAscii", 0, _, _):
      return .string(
        String(
          String.UnicodeScalarView(
            s.unicodeScalars.map { c in
              c.isASCII && ("a"..."z").contains(c) ? Unicode.Scalar(c.value - 32)! : c
            })))
    case ("trim", 0, _, _): return .string(s.trimmingCharacters(in: .whitespacesAndNewlines))
    case ("split", 1, 1, _), ("split", 2, 1, 1):
      let limit = ints.first ?? -1
      return .list(split(scalars, by: Array(strings[0].unicodeScalars), limit: limit).map(CELValue.string))
    case ("replace", 2, 2, _), ("replace", 3, 2, 1):
      var limit = ints.first ?? -1
      if strings[0].isEmpty || limit == 0 { return limit == 0 ? .string(s) : .string(s) }
      var out = ""
      var rest = Substring(s)
      while limit != 0, let range = rest.range(of: strings[0]) {
        out += rest[..<range.lowerBound] + strings[1]
        rest = rest[range.upperBound...]
        limit -= 1
      }
      return .string(out + rest)
    case ("substring", 1, _, 1), ("substring", 2, _, 2):
      let start = ints[0]
      let end = ints.count == 2 ? ints[1] : scalars.count
      guard start >= 0, start <= end, end <= scalars.count else {
        throw CELEvaluationError("index out of range: \(start < 0 || start > scalars.count ? start : end)")
      }
      return .string(text(scalars[start..<end]))
    case ("charAt", 1, _, 1):
      guard ints[0] >= 0, ints[0] <= scalars.count else {
        throw CELEvaluationError("index out of range: \(ints[0])")
      }
      return .string(ints[0] == scalars.count ? "" : text(scalars[ints[0]..<ints[0] + 1]))
    case ("indexOf", 1, 1, _), ("indexOf", 2, 1, 1):
      let offset = ints.first ?? 0
      guard offset >= 0, offset <= scalars.count else {
        throw CELEvaluationError("index out of range: \(offset)")
      }
      return .int(Int64(position(of: strings[0], from: offset, last: false)))
    case ("lastIndexOf", 1, 1, _):
      return .int(Int64(position(of: strings[0], from: 0, last: true)))
    case ("size", 0, _, _): return .int(Int64(scalars.count))
    default:
      throw CELEvaluationError(
        "no such overload: string.\(name)(\(arguments.map(\.typeName).joined(separator: ", ")))")
    }
  }

  /// Go's strings.SplitN: a negative limit splits everywhere, zero gives no pieces, an empty
  /// separator splits between code points.
  private static func split(_ s: [Unicode.Scalar], by separator: [Unicode.Scalar], limit: Int) -> [String] {
    func text<C: Collection<Unicode.Scalar>>(_ c: C) -> String {
      var out = String.UnicodeScalarView()
      out.append(contentsOf: c)
      return String(out)
    }
    if limit == 0 { return [] }
    if separator.isEmpty {
      var pieces = s.map { text([$0]) }
      if limit > 0, pieces.count > limit {
        pieces = Array(pieces.prefix(limit - 1)) + [text(s[(limit - 1)...])]
      }
      return pieces
    }
    var pieces: [String] = []
    var start = 0
    var i = 0
    while i + separator.count <= s.count {
      if limit > 0, pieces.count == limit - 1 { break }
      if s[i..<i + separator.count].elementsEqual(separator) {
        pieces.append(text(s[start..<i]))
        i += separator.count
        start = i
      } else {
        i += 1
      }
    }
    pieces.append(text(s[start...]))
    return pieces
  }

  private static func listMethod(
    _ name: String, _ list: [CELValue], _ arguments: [CELValue], evaluator: inout CELEvaluator
  ) throws(CELEvaluationError) -> CELValue {
    try evaluator.charge(list.count)
    switch (name, arguments.count) {
    case ("size", 0): return .int(Int64(list.count))
    case ("isSorted", 0):
      for (a, b) in zip(list, list.dropFirst()) where try CELValue.compare(a, b) > 0 { return .bool(false) }
      return .bool(true)
    case ("min", 0), ("max", 0):
      guard var best = list.first else { throw CELEvaluationError("\(name) called on empty list") }
      for value in list.dropFirst() {
        let order = try CELValue.compare(value, best)
        if name == "min" ? order < 0 : order > 0 { best = value }
      }
      return best
    case ("sum", 0):
      guard var total = list.first else { return .int(0) }
      for value in list.dropFirst() {
        total = try CELArithmetic.apply(.add, total, value, evaluator: &evaluator)
      }
      return total
    case ("indexOf", 1):
      return .int(Int64(list.firstIndex { CELValue.equal($0, arguments[0]) } ?? -1))
    case ("lastIndexOf", 1):
      return .int(Int64(list.lastIndex { CELValue.equal($0, arguments[0]) } ?? -1))
    case ("join", 0), ("join", 1):
      var separator = ""
      if let first = arguments.first {
        guard case .string(let s) = first else { throw .noOverload("join", first) }
        separator = s
      }
      var parts: [String] = []
      for value in list {
        guard case .string(let s) = value else { throw .noOverload("join", value) }
        parts.append(s)
      }
      return .string(parts.joined(separator: separator))
    default:
      throw CELEvaluationError(
        "no such overload: list.\(name)(\(arguments.map(\.typeName).joined(separator: ", ")))")
    }
  }

  static func toInt(_ value: CELValue) throws(CELEvaluationError) -> CELValue {
    switch value {
    case .int: return value
    case .uint(let u):
      guard u <= UInt64(Int64.max) else { throw CELEvaluationError("range error converting \(u) to int") }
      return .int(Int64(u))
    case .double(let d):
      guard d.isFinite, d > -9.223372036854775808e18, d < 9.223372036854775807e18 else {
        throw CELEvaluationError("range error converting \(formatDouble(d)) to int")
      }
      return .int(Int64(d.rounded(.towardZero)))
    case .string(let s):
      guard let i = Int64(s) else { throw CELEvaluationError("type conversion error from 'string' to 'int'") }
      return .int(i)
    case .duration(let n): return .int(n)
    default: throw CELEvaluationError("type conversion error from '\(value.typeName)' to 'int'")
    }
  }

  static func toUInt(_ value: CELValue) throws(CELEvaluationError) -> CELValue {
    switch value {
    case .uint: return value
    case .int(let i):
      guard i >= 0 else { throw CELEvaluationError("range error converting \(i) to uint") }
      return .uint(UInt64(i))
    case .double(let d):
      guard d.isFinite, d > -1, d < 1.8446744073709552e19 else {
        throw CELEvaluationError("range error converting \(formatDouble(d)) to uint")
      }
      return .uint(UInt64(d.rounded(.towardZero)))
    case .string(let s):
      guard let u = UInt64(s) else {
        throw CELEvaluationError("type conversion error from 'string' to 'uint'")
      }
      return .uint(u)
    default: throw CELEvaluationError("type conversion error from '\(value.typeName)' to 'uint'")
    }
  }

  static func toDouble(_ value: CELValue) throws(CELEvaluationError) -> CELValue {
    switch value {
    case .double: return value
    case .int(let i): return .double(Double(i))
    case .uint(let u): return .double(Double(u))
    case .string(let s):
      guard let d = Double(s.trimmingCharacters(in: .whitespaces)), !s.isEmpty else {
        throw CELEvaluationError("type conversion error from 'string' to 'double'")
      }
      return .double(d)
    default: throw CELEvaluationError("type conversion error from '\(value.typeName)' to 'double'")
    }
  }

  static func toString(_ value: CELValue) throws(CELEvaluationError) -> CELValue {
    switch value {
    case .string: return value
    case .int(let i): return .string(String(i))
    case .uint(let u): return .string(String(u))
    case .double(let d): return .string(formatDouble(d))
    case .bool(let b): return .string(b ? "true" : "false")
    case .bytes(let b): return .string(String(decoding: b, as: UTF8.self))
    case .duration(let n): return .string(CELDuration.format(n))
    default: throw CELEvaluationError("type conversion error from '\(value.typeName)' to 'string'")
    }
  }

  /// Go's `%g` (`strconv.FormatFloat(d, 'g', -1, 64)`), which cel-go's `string(double)` uses:
  /// the shortest digits, in exponent form below 1e-4 and from 1e6 up.
  static func formatDouble(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
    if d == 0 { return d.sign == .minus ? "-0" : "0" }
    // Swift's description is the shortest round-tripping form too: read its digits and point.
    let text = "\(abs(d))"
    var digits: [Character]
    var point: Int
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      let mantissa = text[..<e]
      let exponent = Int(text[text.index(after: e)...]) ?? 0
      point =
        (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
          ?? mantissa.count) + exponent
      digits = mantissa.filter { $0 != "." }.map { $0 }
    } else {
      let parts = text.split(separator: ".", omittingEmptySubsequences: false)
      point = parts[0].count
      digits = Array(parts[0]) + (parts.count > 1 ? Array(parts[1]) : [])
    }
    while digits.first == "0" {
      digits.removeFirst()
      point -= 1
    }
    while digits.last == "0" { digits.removeLast() }
    let sign = d < 0 ? "-" : ""
    let exponent = point - 1
    if exponent < -4 || exponent >= 6 {
      let mantissa = digits.count > 1 ? "\(digits[0]).\(String(digits.dropFirst()))" : String(digits)
      let e = abs(exponent)
      return "\(sign)\(mantissa)e\(exponent < 0 ? "-" : "+")\(e < 10 ? "0" : "")\(e)"
    }
    if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + String(digits) }
    if digits.count <= point {
      return sign + String(digits) + String(repeating: "0", count: point - digits.count)
    }
    return sign + String(digits[..<point]) + "." + String(digits[point...])
  }
}
