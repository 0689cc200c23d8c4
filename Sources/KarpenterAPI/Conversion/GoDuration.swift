/// A Go `time.Duration`: a signed count of nanoseconds that fits in an `Int64` (about 292
/// years), parsed and printed as Go does.
///
/// Two printed forms exist: ``goString`` is Go's `Duration.String()` (`720h0m0s`), and
/// ``compact`` omits the zero hour, minute and second components (`720h`, `1m30s`, `0s`), the
/// form users write in Karpenter manifests and the one this package emits.
public struct GoDuration: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var nanoseconds: Int64

  public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

  /// Nil when `seconds` is outside Go's duration range.
  public init?(seconds: Int64) {
    let (n, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
    if overflow { return nil }
    self.nanoseconds = n
  }

  public static let zero = GoDuration(nanoseconds: 0)

  public static func < (lhs: GoDuration, rhs: GoDuration) -> Bool {
    lhs.nanoseconds < rhs.nanoseconds
  }

  public var description: String { compact }

  // MARK: Parsing

  private static let units: [(String, UInt64)] = [
    ("ns", 1), ("us", 1_000), ("µs", 1_000), ("μs", 1_000), ("ms", 1_000_000),
    ("s", 1_000_000_000), ("m", 60_000_000_000), ("h", 3_600_000_000_000),
  ]

  /// Go's `time.ParseDuration`: `[-+]?([0-9]*(\.[0-9]*)?unit)+`, or a bare `0`; units are `ns`,
  /// `us` (`µs`), `ms`, `s`, `m`, `h`. Nil when the text is not a duration or overflows.
  public init?(parsing text: String) {
    var s = Substring(text)
    var negative = false
    if let first = s.first, first == "-" || first == "+" {
      negative = first == "-"
      s = s.dropFirst()
    }
    if s == "0" {
      self.nanoseconds = 0
      return
    }
    if s.isEmpty { return nil }
    var total: UInt64 = 0
    while !s.isEmpty {
      // The integer part.
      var whole: UInt64 = 0
      var sawDigits = false
      while let c = s.first, let d = c.wholeNumberValue, c.isASCII {
        let (m, o1) = whole.multipliedReportingOverflow(by: 10)
        let (a, o2) = m.addingReportingOverflow(UInt64(d))
        if o1 || o2 { return nil }
        whole = a
        sawDigits = true
        s = s.dropFirst()
      }
      // The fraction.
      var fraction: UInt64 = 0
      var scale: Double = 1
      if s.first == "." {
        s = s.dropFirst()
        var overflowed = false
        while let c = s.first, let d = c.wholeNumberValue, c.isASCII {
          if !overflowed {
            let (m, o1) = fraction.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(UInt64(d))
            if o1 || o2 {
              overflowed = true
            } else {
              fraction = a
              scale *= 10
            }
          }
          sawDigits = true
          s = s.dropFirst()
        }
      }
      if !sawDigits { return nil }
      // The unit: the longest run of non-digit, non-dot characters.
      let unitText = s.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
      guard !unitText.isEmpty,
        let unit = Self.units.first(where: { $0.0 == unitText })?.1
      else { return nil }
      s = s.dropFirst(unitText.count)
      let (wn, o1) = whole.multipliedReportingOverflow(by: unit)
      if o1 { return nil }
      var v = wn
      if fraction > 0 {
        let (a, o2) = v.addingReportingOverflow(UInt64(Double(fraction) * (Double(unit) / scale)))
        if o2 { return nil }
        v = a
      }
      let (t, o3) = total.addingReportingOverflow(v)
      if o3 { return nil }
      total = t
    }
    if negative {
      guard total <= UInt64(Int64.max) + 1 else { return nil }
      self.nanoseconds = total == UInt64(Int64.max) + 1 ? Int64.min : -Int64(total)
    } else {
      guard total <= UInt64(Int64.max) else { return nil }
      self.nanoseconds = Int64(total)
    }
  }

  // MARK: Printing

  /// Go's `Duration.String()`: `720h0m0s`, `1m30s`, `1.5s`, `500ms`, `0s`.
  public var goString: String { format(compact: false) }

  /// Go's form without zero components: `720h`, `1m30s`, `1h0.5s`, `500ms`, `0s`.
  public var compact: String { format(compact: true) }

  private func format(compact: Bool) -> String {
    if nanoseconds == 0 { return "0s" }
    let sign = nanoseconds < 0 ? "-" : ""
    let u = nanoseconds.magnitude
    if u < 1_000_000_000 {
      // Sub-second: one unit with a fraction, as Go prints it.
      let (unit, size): (String, UInt64) =
        u < 1_000 ? ("ns", 1) : u < 1_000_000 ? ("µs", 1_000) : ("ms", 1_000_000)
      return sign + Self.decimal(u, per: size) + unit
    }
    let hours = u / 3_600_000_000_000
    let minutes = (u / 60_000_000_000) % 60
    let secondsNanos = u % 60_000_000_000
    var out = sign
    if compact {
      if hours > 0 { out += "\(hours)h" }
      if minutes > 0 { out += "\(minutes)m" }
      if secondsNanos > 0 { out += Self.decimal(secondsNanos, per: 1_000_000_000) + "s" }
    } else {
      if hours > 0 { out += "\(hours)h" }
      if hours > 0 || minutes > 0 { out += "\(minutes)m" }
      out += Self.decimal(secondsNanos, per: 1_000_000_000) + "s"
    }
    return out
  }

  /// `value / per` in decimal, without trailing zeros in the fraction.
  private static func decimal(_ value: UInt64, per: UInt64) -> String {
    let whole = value / per
    let frac = value % per
    if frac == 0 { return "\(whole)" }
    var digits = String(frac)
    let width = String(per).count - 1
    digits = String(repeating: "0", count: width - digits.count) + digits
    while digits.hasSuffix("0") { digits.removeLast() }
    return "\(whole).\(digits)"
  }
}
