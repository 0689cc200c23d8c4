import ManifestCoding

/// A Kubernetes resource quantity (`100m`, `1.5Gi`, `2e3`), held exactly.
///
/// The value is kept as an integer count of nano-units, as the API server rounds any finer
/// value up to the nano, so sums and comparisons are exact. Formatting follows the API
/// server's canonical form: the suffix family of the input (binary, decimal or exponent), the
/// largest suffix that keeps the number an integer.
public struct Quantity: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// How a quantity is printed, taken from the suffix it was written with.
  public enum Format: Sendable, Hashable {
    case binarySI  // Ki, Mi, Gi, Ti, Pi, Ei
    case decimalSI  // n, u, m, "", k, M, G, T, P, E
    case decimalExponent  // e3, E-6
  }

  /// The value in nano-units (1 = 10^-9).
  public private(set) var nanos: Int128
  public var format: Format

  public static let nanosPerUnit: Int128 = 1_000_000_000

  public init(nanos: Int128, format: Format = .decimalSI) {
    self.nanos = nanos
    self.format = format
  }

  /// A whole number of units, e.g. bytes or pods.
  public init(_ value: Int64, format: Format = .decimalSI) {
    self.init(nanos: Int128(value) * Self.nanosPerUnit, format: format)
  }

  /// A number of thousandths of a unit, e.g. millicores.
  public init(milli: Int64, format: Format = .decimalSI) {
    self.init(nanos: Int128(milli) * 1_000_000, format: format)
  }

  public static let zero = Quantity(nanos: 0)

  public var isZero: Bool { nanos == 0 }
  public var sign: Int { nanos == 0 ? 0 : (nanos < 0 ? -1 : 1) }

  /// The value rounded up to a whole unit, as `resource.Quantity.Value()` does.
  public var value: Int64 { Self.clamp(Self.ceilDiv(nanos, Self.nanosPerUnit)) }

  /// The value in thousandths rounded up, as `resource.Quantity.MilliValue()` does.
  public var milliValue: Int64 { Self.clamp(Self.ceilDiv(nanos, 1_000_000)) }

  /// The value as a floating-point number, for prices and ratios only.
  public var doubleValue: Double { Double(nanos) / 1e9 }

  public static func + (lhs: Quantity, rhs: Quantity) -> Quantity {
    Quantity(nanos: lhs.nanos + rhs.nanos, format: lhs.nanos == 0 ? rhs.format : lhs.format)
  }

  public static func - (lhs: Quantity, rhs: Quantity) -> Quantity {
    Quantity(nanos: lhs.nanos - rhs.nanos, format: lhs.nanos == 0 ? rhs.format : lhs.format)
  }

  public static func * (lhs: Quantity, rhs: Int64) -> Quantity {
    Quantity(nanos: lhs.nanos * Int128(rhs), format: lhs.format)
  }

  public static func += (lhs: inout Quantity, rhs: Quantity) { lhs = lhs + rhs }
  public static func -= (lhs: inout Quantity, rhs: Quantity) { lhs = lhs - rhs }

  public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.nanos < rhs.nanos }

  /// Equality compares values, as `Quantity.Cmp` does: `1Gi` equals `1073741824`.
  public static func == (lhs: Quantity, rhs: Quantity) -> Bool { lhs.nanos == rhs.nanos }
  public func hash(into hasher: inout Hasher) { hasher.combine(nanos) }

  static func ceilDiv(_ a: Int128, _ b: Int128) -> Int128 {
    let q = a / b
    return (a % b != 0 && (a > 0) == (b > 0)) ? q + 1 : q
  }

  static func clamp(_ v: Int128) -> Int64 {
    if v > Int128(Int64.max) { return .max }
    if v < Int128(Int64.min) { return .min }
    return Int64(v)
  }

  public var description: String { QuantityFormatter.canonical(self) }
}

extension Quantity: Codable {
  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decodeScalarText()
    do {
      self = try Quantity(parsing: text)
    } catch let error as QuantityError {
      throw FieldError(
        .invalid, FieldPath(codingPath: decoder.codingPath), value: text, error.reason)
    }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension Quantity: ExpressibleByStringLiteral {
  /// For literals in code and tests; an invalid literal is a programming error.
  public init(stringLiteral value: String) {
    do { self = try Quantity(parsing: value) } catch {
      preconditionFailure("invalid Quantity literal \(value): \(error)")
    }
  }
}
