import Foundation

/// RFC 3339 timestamps as the API server writes them.
public enum Timestamps {
  /// With or without fractional seconds. A format style, not a formatter: the metrics read
  /// thousands of condition times every few seconds.
  public static func parse(_ text: String) -> Date? {
    if let date = try? Date(text, strategy: .iso8601) { return date }
    return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
  }

  public static func format(_ date: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: date)
  }
}
