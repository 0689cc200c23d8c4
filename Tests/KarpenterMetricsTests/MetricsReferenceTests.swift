import Foundation
import PrometheusTestSupport
import Testing

@testable import KarpenterMetrics

/// docs/operations/metrics.md is generated from the catalogue and must stay so.
@Suite struct MetricsReferenceTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test func theReferenceIsWhatTheScriptWritesFromTheCatalogue() async throws {
    let script = Self.root.appendingPathComponent("scripts/metrics-reference.py").path
    let generated = try await PeerTool.output("/usr/bin/env", ["python3", script])
    #expect(generated.status == 0, "\(generated.output)")
    let committed = try String(
      contentsOf: Self.root.appendingPathComponent("docs/operations/metrics.md"), encoding: .utf8)
    #expect(generated.output == committed, "run scripts/metrics-reference.py > docs/operations/metrics.md")
  }

  @Test func theReferenceHasARowForEveryMetric() throws {
    let text = try String(contentsOf: Self.root.appendingPathComponent("docs/operations/metrics.md"), encoding: .utf8)
    let rows = Set(
      text.split(separator: "\n").filter { $0.hasPrefix("| `") }.map {
        String($0.dropFirst(3).prefix { $0 != "`" })
      })
    #expect(rows == Set(MetricDefinition.all.map(\.name)))
  }
}
