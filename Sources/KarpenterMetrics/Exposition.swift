import Foundation

/// Prometheus' text format (0.0.4) for the series written here rather than by swift-prometheus.
enum Exposition {
  /// `{a="x",b="y"}`, or nothing without labels.
  static func labels(_ pairs: [(String, String)]) -> String {
    guard !pairs.isEmpty else { return "" }
    var out = "{"
    for (i, pair) in pairs.enumerated() {
      if i > 0 { out += "," }
      out += pair.0
      out += "=\""
      out += escape(pair.1)
      out += "\""
    }
    return out + "}"
  }

  /// A sample value: whole numbers without a fraction, NaN and infinities as Prometheus spells them.
  static func number(_ v: Double) -> String {
    if v.isNaN { return "NaN" }
    if v == .infinity { return "+Inf" }
    if v == -.infinity { return "-Inf" }
    return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)"
  }

  /// A label value with backslash, double quote and newline escaped.
  static func escape(_ s: String) -> String {
    guard s.contains(where: { $0 == "\\" || $0 == "\"" || $0 == "\n" }) else { return s }
    return s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n")
  }

  /// A HELP text with backslash and newline escaped.
  static func help(_ s: String) -> String {
    s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
  }
}
