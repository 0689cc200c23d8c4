import Foundation

/// The ages kubectl users read in the AGE column, rendered exactly as apimachinery's
/// `duration.HumanDuration` renders them (`45s`, `3m12s`, `5h2m`, `3d4h`, `2y10d`).
public enum HumanDuration {
  public static func string(seconds total: Double) -> String {
    let seconds = Int(total.rounded(.towardZero))
    if seconds < -1 { return "<invalid>" }
    if seconds < 0 { return "0s" }
    if seconds < 60 * 2 { return "\(seconds)s" }
    let minutes = seconds / 60
    if minutes < 10 {
      let s = seconds % 60
      return s == 0 ? "\(minutes)m" : "\(minutes)m\(s)s"
    }
    if minutes < 60 * 3 { return "\(minutes)m" }
    let hours = minutes / 60
    if hours < 8 {
      let m = minutes % 60
      return m == 0 ? "\(hours)h" : "\(hours)h\(m)m"
    }
    if hours < 48 { return "\(hours)h" }
    if hours < 24 * 8 {
      let h = hours % 24
      return h == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(h)h"
    }
    if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
    if hours < 24 * 365 * 8 {
      let days = (hours / 24) % 365
      return days == 0 ? "\(hours / 24 / 365)y" : "\(hours / 24 / 365)y\(days)d"
    }
    return "\(hours / 24 / 365)y"
  }

  /// The age of an object created at `timestamp` (RFC 3339), `<unknown>` when it has none.
  public static func age(of timestamp: String?, now: Date) -> String {
    guard let timestamp, let created = RFC3339.date(timestamp) else { return "<unknown>" }
    return string(seconds: now.timeIntervalSince(created))
  }
}

/// RFC 3339 timestamps as the API server writes them (`2026-01-02T03:04:05Z`).
public enum RFC3339 {
  public static func date(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.date(from: text)
  }

  public static func string(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }
}
