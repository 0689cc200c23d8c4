/// A NodeOverlay's `price` or `priceAdjustment`, parsed: what it does to an offering's price.
///
/// The accepted forms are upstream's CRD patterns: `price` matches `^\d+(\.\d+)?$`;
/// `priceAdjustment` matches `^(([+-]{1}(\d*\.?\d+))|(\+{1}\d*\.?\d+%)|(^(-\d{1,2}(\.\d+)?%)$)|(-100%))$`
/// (a signed amount, a `+` percentage, or a `-` percentage of at most 100).
public enum PriceChange: Hashable, Sendable {
  /// The offering costs exactly this.
  case price(Double)
  /// The offering's price plus this (negative to lower it).
  case amount(Double)
  /// The offering's price changed by this many percent (negative to lower it).
  case percent(Double)

  /// The highest price an overlay can produce, in dollars per hour. No instance type costs
  /// anywhere near it; it keeps costs summed over a fleet and a week finite whatever a
  /// percentage asks for.
  public static let maximumPrice = 1e12

  public static let pricePattern = #"^\d+(\.\d+)?$"#
  public static let adjustmentPattern =
    #"^(([+-]{1}(\d*\.?\d+))|(\+{1}\d*\.?\d+%)|(^(-\d{1,2}(\.\d+)?%)$)|(-100%))$"#

  /// Parses a `price`; nil when it does not match the pattern or is too large to represent.
  public init?(price text: String) {
    guard Self.isDecimal(Substring(text), leadingDigit: true), let value = Double(text), value.isFinite
    else { return nil }
    self = .price(value)
  }

  /// Parses a `priceAdjustment`; nil when it does not match the pattern or is too large to
  /// represent.
  public init?(adjustment text: String) {
    guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
    var body = Substring(text.dropFirst())
    let isPercent = body.hasSuffix("%")
    if isPercent { body = body.dropLast() }
    guard Self.isDecimal(body, leadingDigit: false), let magnitude = Double(body), magnitude.isFinite
    else { return nil }
    if isPercent && sign == "-" {
      // `-\d{1,2}(\.\d+)?%` or exactly `-100%`.
      let whole = body.prefix { $0 != "." }
      let allowed =
        body == "100" || ((1...2).contains(whole.count) && Self.isDecimal(body, leadingDigit: true))
      guard allowed else { return nil }
    }
    let value = sign == "-" ? -magnitude : magnitude
    self = isPercent ? .percent(value) : .amount(value)
  }

  /// The price after the change, as upstream's `AdjustedPrice` computes it: adjustments never
  /// go below 0; the result is also kept at or below ``maximumPrice``.
  public func applied(to price: Double) -> Double {
    let result: Double
    switch self {
    case .price(let p): result = p
    case .amount(let delta): result = price + delta
    case .percent(let percent): result = price * (1 + percent / 100)
    }
    guard result.isFinite else { return result.isNaN ? 0 : (result > 0 ? Self.maximumPrice : 0) }
    return min(max(result, 0), Self.maximumPrice)
  }

  /// `\d+(\.\d+)?` when `leadingDigit`, else `\d*\.?\d+` (ASCII digits, as RE2's `\d`).
  static func isDecimal(_ text: Substring, leadingDigit: Bool) -> Bool {
    func digits(_ s: Substring) -> Bool { !s.isEmpty && s.allSatisfy { ("0"..."9").contains($0) } }
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    switch parts.count {
    case 1: return digits(parts[0])
    case 2:
      return (leadingDigit ? digits(parts[0]) : (parts[0].isEmpty || digits(parts[0]))) && digits(parts[1])
    default: return false
    }
  }
}
