import Controllers
import Foundation
import KarpenterCLI
import Testing

@testable import Simulation

/// `karpenter simulate --report FILE.html`: one self-contained page with the summary, three
/// charts over virtual time, the disruption decisions and the nodes at the end.
@Suite struct HTMLReportTests {
  /// Twelve 900m pods fill six small nodes; at 1h the Deployment scales down to two, so
  /// emptiness and consolidation decide disruptions.
  static let documents = [
    scenario(
      types: [
        instanceType("small", cpu: "2", offerings: ["zone-a:on-demand:0.1", "zone-a:spot:0.04"]),
        instanceType("large", cpu: "8", memory: "32Gi", offerings: ["zone-a:on-demand:0.4"]),
      ],
      zones: ["zone-a"], duration: "2h")
        + """
          timeline:
          - at: 1h
            scale: [{kind: Deployment, namespace: default, name: web, replicas: 2}]
        """,
    nodePool(
      requirements: "[{key: karpenter.sh/capacity-type, operator: In, values: [on-demand]}]",
      disruption: "{consolidationPolicy: WhenEmptyOrUnderutilized, consolidateAfter: 0s}"),
    deployment("web", replicas: 12, cpu: "900m", memory: "1Gi"),
  ]

  /// Runs the scenario with `--report` into a fresh directory; returns the output and the page.
  func runReport(_ input: String, output: SimulateRun.Format = .json) throws -> (CommandOutput, String) {
    let directory = URL(fileURLWithPath: input).deletingLastPathComponent()
    let report = directory.appendingPathComponent("report-\(UUID().uuidString).html").path
    let out = SimulateRun.run(paths: [input], output: output, report: report)
    #expect(out.exitCode == 0, "\(out.stderr)")
    #expect(FileManager.default.fileExists(atPath: report))
    let page = try String(contentsOfFile: report, encoding: .utf8)
    return (out, page)
  }

  @Test func writesOneSelfContainedPage() throws {
    let input = try scenarioFile(Self.documents.joined(separator: "\n---\n"))
    let (out, page) = try runReport(input)
    let result = try JSONDecoder().decode(SimResult.self, from: Data(out.stdout.utf8))

    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(page.hasSuffix("</html>\n"))
    #expect(page.contains("<svg"))
    for title in ["Nodes by capacity type", "Pending pods", "Cost ($/hour)"] {
      #expect(page.contains(title), "chart \(title)")
    }
    #expect(page.contains("<title>karpenter simulate: scenario.yaml</title>"))
    // No network: nothing referenced over http(s), no external scripts, fonts or styles.
    #expect(!page.contains("http://"))
    #expect(!page.contains("https://"))
    #expect(!page.contains("<script src"))
    #expect(!page.contains("<link"))
    #expect(!page.contains("@import"))

    // The disruption decisions, with their reasons and explanations.
    let decisions = result.events.filter { $0.type == "DisruptionDecided" }
    #expect(!decisions.isEmpty, "the scale-down at 1h should lead to consolidation")
    let raw = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
    let rawEvents = raw?["events"] as? [[String: Any]] ?? []
    let decided = rawEvents.filter { $0["type"] as? String == "DisruptionDecided" }
    for event in decided {
      if let reason = event["reason"] as? String { #expect(page.contains(">\(reason)<"), "reason \(reason)") }
      if let message = event["message"] as? String {
        #expect(page.contains(htmlEscape(message)), "message \(message)")
      }
      if let node = event["node"] as? String { #expect(page.contains(node)) }
    }
    // The final nodes, each in the nodes table.
    for node in result.nodes { #expect(page.contains("<td>\(node.name)</td>")) }
  }

  @Test func sameInputWritesTheSameBytes() throws {
    let input = try scenarioFile(Self.documents.joined(separator: "\n---\n"))
    let (first, a) = try runReport(input)
    let (second, b) = try runReport(input, output: .text)
    #expect(a == b)
    #expect(first.exitCode == 0 && second.exitCode == 0)
    #expect(!second.stdout.isEmpty, "the text output still goes to stdout")
  }

  @Test func unwritableReportIsAnErrorWithNothingOnStdout() throws {
    let input = try scenarioFile(Self.documents.joined(separator: "\n---\n"))
    let report = URL(fileURLWithPath: input).deletingLastPathComponent()
      .appendingPathComponent("no-such-directory/report.html").path
    let out = SimulateRun.run(paths: [input], output: .json, report: report)
    #expect(out.exitCode == 1)
    #expect(out.stdout.isEmpty)
    #expect(out.stderr.contains("report"))
  }

  @Test func escapesTextAndHandlesAnEmptyResult() {
    var result = SimulationResult(
      endTime: 0, nodes: [], pendingPods: [.init(pod: "default/a<b>&\"c'", reason: "no <fit>")],
      cost: .init(perHour: 0, total: 0),
      events: [
        SimulationEvent(
          time: 5, type: .disruptionDecided, node: "n<1>", reason: "Empty", message: "saving $<0.1>/h & more"
        )
      ])
    let page = result.html(title: "<title> & co")
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(page.contains("&lt;title&gt; &amp; co"))
    #expect(page.contains("default/a&lt;b&gt;&amp;&quot;c&#39;"))
    #expect(page.contains("no &lt;fit&gt;"))
    #expect(page.contains("n&lt;1&gt;"))
    #expect(page.contains("saving $&lt;0.1&gt;/h &amp; more"))
    #expect(!page.contains("a<b>"))
    #expect(!page.contains("<fit>"))
    #expect(page.contains("no samples recorded"))
    #expect(!page.contains("nan") && !page.contains("inf"))

    // One sample only, at time 0: the steps still reach the end of the axis.
    result.endTime = 600
    var sample = SimulationSample(time: 0)
    sample.spotNodes = 2
    sample.costPerHour = 0.08
    result.samples = [sample]
    let one = result.html(title: "one")
    #expect(one.contains("<svg"))
    #expect(!one.contains("no samples recorded"))
    #expect(!one.contains("nan") && !one.contains("inf"))
    #expect(one == result.html(title: "one"))
  }
}
