import Foundation
import KarpenterAPI

/// Durations as Karpenter's objects write them and its messages print them.
public enum Durations {
  /// Seconds in a Go duration (`90s`, `1h30m`, `250ms`), or nil when it is not one (or negative).
  public static func seconds(_ text: String) -> Double? {
    guard let d = GoDuration(parsing: text), d.nanoseconds >= 0 else { return nil }
    return Double(d.nanoseconds) / 1e9
  }

  /// A NodePool's expireAfter in seconds; nil for Never.
  public static func expireAfter(_ pool: NodePool) -> Double? {
    seconds(pool.spec?.template?.spec?.expireAfter ?? NodePool.defaultExpireAfter)
  }

  /// A NodePool's terminationGracePeriod in seconds, if it has one.
  public static func terminationGracePeriod(_ pool: NodePool) -> Double? {
    pool.spec?.template?.spec?.terminationGracePeriod.flatMap(seconds)
  }
}

/// Seconds as messages print them: `45s`, `1m30s`, `15m`, `2h`, `1h30m`.
public func formatDuration(_ seconds: Double) -> String {
  let s = Int(seconds.rounded())
  if s < 60 { return "\(s)s" }
  if s < 3600 { return s % 60 == 0 ? "\(s / 60)m" : "\(s / 60)m\(s % 60)s" }
  let h = s / 3600, m = (s % 3600) / 60
  return m == 0 ? "\(h)h" : "\(h)h\(m)m"
}

/// Dollars per hour as messages print them: up to four decimals, trailing zeros dropped.
public func formatPrice(_ price: Double) -> String {
  var s = String(format: "%.4f", price)
  while s.hasSuffix("0") && s.contains(".") && !s.hasSuffix(".0") { s.removeLast() }
  return s
}
