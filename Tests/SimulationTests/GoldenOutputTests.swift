import Foundation
import KarpenterCLI
import Testing

/// The golden corpus: what `simulate` prints (JSON, text), logs (`--log`) and reports
/// (`--report`) for the examples and small benchmark workloads, compared byte for byte with
/// `Tests/Golden/expected/`. A change of output must be deliberate: regenerate with
/// `scripts/update_golden.sh` (GOLDEN_UPDATE=1) and let the diff say what moved.
@Suite struct GoldenOutputTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let expected = root.appendingPathComponent("Tests/Golden/expected")

  /// Each case: its name in `expected/`, its input relative to the repository, and whether the
  /// text output is kept too (the long runs keep JSON, log and report only).
  static let cases: [(name: String, input: String, text: Bool)] = [
    ("quickstart", "examples/quickstart.yaml", true),
    ("day-night", "examples/day-night.yaml", false),
    ("cluster-dump", "examples/cluster-dump.yaml", true),
    ("static-nodepool", "examples/static-nodepool.yaml", true),
    ("legacy-provisioner", "examples/legacy/provisioner.yaml", true),
    ("bench100", "Tests/Golden/inputs/bench100.yaml", true),
    ("mixed200", "Tests/Golden/inputs/mixed200.yaml", true),
    ("cluster40", "Tests/Golden/inputs/cluster40.yaml", true),
  ]

  @Test(arguments: cases.map(\.name))
  func outputMatchesTheGoldenCorpus(_ name: String) throws {
    let c = try #require(Self.cases.first { $0.name == name })
    let input = Self.root.appendingPathComponent(c.input).path
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let log = scratch.appendingPathComponent("run.log").path
    let report = scratch.appendingPathComponent("report.html").path
    let json = SimulateRun.run(paths: [input], output: .json, report: report, log: log)
    try #require(json.exitCode == 0, "\(json.stderr)")
    var outputs: [(suffix: String, text: String)] = [
      ("json", json.stdout),
      ("log", try String(contentsOfFile: log, encoding: .utf8)),
      ("html", try String(contentsOfFile: report, encoding: .utf8)),
    ]
    if c.text {
      let text = SimulateRun.run(paths: [input], output: .text)
      try #require(text.exitCode == 0, "\(text.stderr)")
      outputs.append(("txt", text.stdout))
    }
    for (suffix, actual) in outputs {
      let file = Self.expected.appendingPathComponent("\(name).\(suffix)")
      if ProcessInfo.processInfo.environment["GOLDEN_UPDATE"] == "1" {
        try actual.write(to: file, atomically: true, encoding: .utf8)
        continue
      }
      let golden = try String(contentsOf: file, encoding: .utf8)
      // A Bool, so that a failure prints the first difference rather than both whole outputs.
      let matches = actual == golden
      #expect(
        matches, "\(name).\(suffix) differs from Tests/Golden/expected: \(Self.firstDifference(actual, golden))")
    }
  }

  /// The first line that differs, with its number, for the failure message.
  static func firstDifference(_ actual: String, _ golden: String) -> String {
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let g = golden.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(a.count, g.count) {
      let (x, y) = (i < a.count ? String(a[i]) : "<end>", i < g.count ? String(g[i]) : "<end>")
      if x != y { return "line \(i + 1): got \(x.prefix(300)) expected \(y.prefix(300))" }
    }
    return "no line differs (line endings?)"
  }
}
