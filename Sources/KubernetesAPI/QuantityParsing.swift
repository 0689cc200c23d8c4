/// Why a string is not a quantity.
public struct QuantityError: Error, Hashable, Sendable, CustomStringConvertible {
  public var text: String
  public var reason: String
  public var description: String { "\"\(text)\" is not a valid quantity: \(reason)" }
}

extension Quantity {
  static let grammar =
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

  /// Parses Kubernetes' quantity grammar:
  /// `[+-]digits[.digits]` followed by nothing, a binary suffix (Ki..Ei), a decimal suffix
  /// (n, u, m, k, M, G, T, P, E) or an exponent (`e3`, `E-2`). Values finer than a nano-unit
  /// are rounded up, away from zero, as the API server does.
  public init(parsing text: String) throws {
    let fail = { (reason: String) in QuantityError(text: text, reason: reason) }
    var bytes = Array(text.utf8)[...]
    guard !bytes.isEmpty else { throw fail("it is empty; " + Self.grammar) }

    var negative = false
    if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
      negative = first == UInt8(ascii: "-")
      bytes = bytes.dropFirst()
    }

    var integerDigits: [UInt8] = []
    var fractionDigits: [UInt8] = []
    var seenPoint = false
    while let b = bytes.first, (b >= 48 && b <= 57) || b == UInt8(ascii: ".") {
      if b == UInt8(ascii: ".") {
        if seenPoint { throw fail("it has two decimal points; " + Self.grammar) }
        seenPoint = true
      } else if seenPoint {
        fractionDigits.append(b - 48)
      } else {
        integerDigits.append(b - 48)
      }
      bytes = bytes.dropFirst()
    }
    guard !(integerDigits.isEmpty && fractionDigits.isEmpty) else {
      throw fail("it does not start with a number; " + Self.grammar)
    }

    let suffix = String(decoding: bytes, as: UTF8.self)
    let (binaryPower, decimalExponent, format) = try Self.parseSuffix(suffix, fail: fail)

    while fractionDigits.last == 0 { fractionDigits.removeLast() }
    while integerDigits.first == 0 { integerDigits.removeFirst() }
    let digits = integerDigits + fractionDigits
    guard digits.count <= 36 else { throw fail("it has too many digits") }
    var mantissa: Int128 = 0
    for d in digits { mantissa = mantissa * 10 + Int128(d) }

    // value = mantissa * 2^binaryPower * 10^(decimalExponent - fraction); in nanos, +9.
    var nanos = mantissa
    for _ in 0..<binaryPower {
      let (r, overflow) = nanos.multipliedReportingOverflow(by: 2)
      if overflow { throw fail("it is too large") }
      nanos = r
    }
    let power = decimalExponent - fractionDigits.count + 9
    if power >= 0 {
      guard power <= 38 else {
        if nanos == 0 { self.init(nanos: 0, format: format); return }
        throw fail("it is too large")
      }
      for _ in 0..<power {
        let (r, overflow) = nanos.multipliedReportingOverflow(by: 10)
        if overflow { throw fail("it is too large") }
        nanos = r
      }
    } else if -power > 38 {
      nanos = nanos == 0 ? 0 : 1
    } else {
      var divisor: Int128 = 1
      for _ in 0..<(-power) { divisor *= 10 }
      let q = nanos / divisor
      nanos = nanos % divisor == 0 ? q : q + 1
    }
    self.init(nanos: negative ? -nanos : nanos, format: format)
  }

  private static func parseSuffix(_ suffix: String, fail: (String) -> QuantityError) throws -> (
    binaryPower: Int, decimalExponent: Int, format: Format
  ) {
    switch suffix {
    case "": return (0, 0, .decimalSI)
    case "Ki": return (10, 0, .binarySI)
    case "Mi": return (20, 0, .binarySI)
    case "Gi": return (30, 0, .binarySI)
    case "Ti": return (40, 0, .binarySI)
    case "Pi": return (50, 0, .binarySI)
    case "Ei": return (60, 0, .binarySI)
    case "n": return (0, -9, .decimalSI)
    case "u": return (0, -6, .decimalSI)
    case "m": return (0, -3, .decimalSI)
    case "k": return (0, 3, .decimalSI)
    case "M": return (0, 6, .decimalSI)
    case "G": return (0, 9, .decimalSI)
    case "T": return (0, 12, .decimalSI)
    case "P": return (0, 15, .decimalSI)
    case "E": return (0, 18, .decimalSI)
    default: break
    }
    if let first = suffix.first, first == "e" || first == "E" {
      let rest = suffix.dropFirst()
      var sign = 1
      var digits = rest[...]
      if let s = digits.first, s == "+" || s == "-" {
        sign = s == "-" ? -1 : 1
        digits = digits.dropFirst()
      }
      if !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
        let e = Int(digits)
      {
        return (0, sign * e, .decimalExponent)
      }
    }
    throw fail("unknown suffix \"\(suffix)\"; " + grammar)
  }
}

/// The API server's canonical form of a quantity.
enum QuantityFormatter {
  static let decimalSuffixes: [Int: String] = [
    -9: "n", -6: "u", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E",
  ]
  static let binarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]

  static func canonical(_ q: Quantity) -> String {
    if q.nanos == 0 { return "0" }
    let negative = q.nanos < 0
    let magnitude = negative ? -q.nanos : q.nanos
    let sign = negative ? "-" : ""
    var format = q.format
    if format == .binarySI {
      let wholeUnits = magnitude % Quantity.nanosPerUnit == 0
      if magnitude < 1024 * Quantity.nanosPerUnit || !wholeUnits { format = .decimalSI }
    }
    switch format {
    case .binarySI:
      var n = magnitude / Quantity.nanosPerUnit
      var power = 0
      while n % 1024 == 0 && power < 6 {
        n /= 1024
        power += 1
      }
      return sign + String(n) + binarySuffixes[power]
    case .decimalSI, .decimalExponent:
      var m = magnitude
      var exponent = -9
      while m % 1000 == 0 {
        m /= 1000
        exponent += 3
      }
      if format == .decimalExponent {
        return sign + String(m) + (exponent == 0 ? "" : "e\(exponent)")
      }
      while exponent > 18 {
        m *= 1000
        exponent -= 3
      }
      return sign + String(m) + (decimalSuffixes[exponent] ?? "")
    }
  }
}
