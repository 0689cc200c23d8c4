import Foundation

/// `promtool check metrics` on an exposition, with some metric families exempt from the lint.
public struct PromtoolReport: Sendable {
  /// promtool's exit status and output on the exposition without the exempt families.
  public var strictStatus: Int32
  public var strictOutput: String
  /// promtool's complaints about the whole exposition, one per line.
  public var complaints: [String]

  /// Checks `exposition`; `exempt` names families whose naming lint is expected to fail.
  public static func check(_ exposition: String, exempt: Set<String>) async throws -> PromtoolReport {
    let promtool = try await PeerTool.prometheusPath("promtool")
    let strict = try await PeerTool.output(promtool, ["check", "metrics"], input: dropping(exempt, from: exposition))
    let whole = try await PeerTool.output(promtool, ["check", "metrics"], input: exposition)
    return PromtoolReport(
      strictStatus: strict.status, strictOutput: strict.output,
      complaints: whole.output.split(separator: "\n").map(String.init).filter { !$0.isEmpty })
  }

  /// The exposition without the families named `names`.
  static func dropping(_ names: Set<String>, from text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
      let words = line.split(separator: " ")
      let name: Substring
      if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") {
        name = words.count > 2 ? words[2] : ""
      } else {
        name = line.prefix { $0 != "{" && $0 != " " }
      }
      return !names.contains(String(name))
    }.joined(separator: "\n")
  }
}
