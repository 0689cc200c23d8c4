import Foundation
import KarpenterCLI
import Testing

/// Why-not explanations posted as Kubernetes Events: DisruptionBlocked (do-not-disrupt, a
/// PodDisruptionBudget, a blocking budget) and Unconsolidatable, each once per explanation.
@Suite struct ExplanationTests {
  /// One `std` node holding `web` (one pod); consolidation could delete it only by moving the
  /// pod to a new node that is just as dear.
  static func scenario(podAnnotations: String = "{}", disruption: String = "{}", extra: String = "") -> String
  {
    """
    apiVersion: simulation.karpenter.sh/v1alpha1
    kind: Scenario
    metadata: {name: explain}
    spec:
      cloud:
        instanceTypes:
          list:
          - name: std
            capacity: {cpu: "4", memory: 8Gi}
            offerings: [{zone: zone-a, capacityType: on-demand, price: 0.1}]
      duration: 30m
    ---
    apiVersion: karpenter.sh/v1
    kind: NodePool
    metadata: {name: default}
    spec:
      disruption: \(disruption)
      template:
        spec:
          requirements: []
          nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      replicas: 1
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}, annotations: \(podAnnotations)}
        spec: {containers: [{name: web, image: nginx, resources: {requests: {cpu: "1"}}}]}
    \(extra)
    """
  }

  func kubernetesEvents(_ yaml: String) throws -> [[String: Any]] {
    try simulateJSON(yaml)["kubernetesEvents"] as! [[String: Any]]
  }

  func messages(_ events: [[String: Any]], _ reason: String) -> [String] {
    events.filter { $0["reason"] as? String == reason }.compactMap { $0["message"] as? String }
  }

  @Test func aNodeThatCannotBeReplacedMoreCheaplyIsUnconsolidatableOnce() throws {
    let events = try kubernetesEvents(Self.scenario())
    #expect(messages(events, "Unconsolidatable") == ["Can't replace with a cheaper node"])
  }

  @Test func theTextAndHTMLReportsSayWhyEachRemainingNodeStays() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "explain-\(UUID().uuidString).yaml")
    try Self.scenario(podAnnotations: "{karpenter.sh/do-not-disrupt: \"true\"}").write(
      to: url, atomically: true, encoding: .utf8)
    let html = FileManager.default.temporaryDirectory.appendingPathComponent(
      "explain-\(UUID().uuidString).html")
    let out = SimulateRun.run(paths: [url.path], output: .text, report: html.path)
    #expect(out.exitCode == 0, "\(out.stderr)")
    #expect(out.stdout.contains("Why these nodes were not disrupted"))
    let row = out.stdout.split(separator: "\n").first { $0.contains("DisruptionBlocked") }
    #expect(row?.contains("Pod default/web-0 has \"karpenter.sh/do-not-disrupt\" annotation") == true)
    let page = try String(contentsOf: html, encoding: .utf8)
    #expect(page.contains("Why these nodes were not disrupted (1)"))
    #expect(page.contains("do-not-disrupt"))
    #expect(page.contains("Kubernetes Events Karpenter posted (1)"))
    #expect(page.contains("<td>DisruptionBlocked</td>"))
  }

  @Test func aDoNotDisruptPodBlocksDisruptionAndSaysWhich() throws {
    let events = try kubernetesEvents(
      Self.scenario(podAnnotations: "{karpenter.sh/do-not-disrupt: \"true\"}"))
    #expect(
      messages(events, "DisruptionBlocked") == [
        "Pod default/web-0 has \"karpenter.sh/do-not-disrupt\" annotation"
      ])
    #expect(messages(events, "Unconsolidatable").isEmpty)
  }

  @Test func aPodDisruptionBudgetBlocksDisruptionAndSaysWhich() throws {
    let pdb = """
      ---
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata: {name: web}
      spec:
        maxUnavailable: 0
        selector: {matchLabels: {app: web}}
      """
    let events = try kubernetesEvents(Self.scenario(extra: pdb))
    #expect(
      messages(events, "DisruptionBlocked") == ["A PodDisruptionBudget prevents evicting pod default/web-0"])
  }

  @Test func aBudgetWindowThatClosesAgainIsReportedAgain() throws {
    // Disruption is blocked for the first 20 minutes of every hour; the node cannot be
    // replaced more cheaply, so it stays a candidate and the block is explained each hour.
    let yaml = Self.scenario(
      disruption: "{budgets: [{nodes: \"0\", schedule: \"0 * * * *\", duration: 20m}]}"
    )
    .replacingOccurrences(of: "duration: 30m", with: "duration: 150m")
    let events = try kubernetesEvents(yaml)
    let blocked = events.filter {
      $0["reason"] as? String == "DisruptionBlocked"
        && ($0["message"] as? String)?.contains("reason Underutilized") == true
    }
    let times = blocked.compactMap { $0["time"] as? Double }
    #expect(times.count == 3, "once in each of the hours 0, 1 and 2: \(times)")
    #expect(times.allSatisfy { Int($0) % 3600 < 1200 })
  }

  @Test func aBudgetOfZeroIsReportedOnTheNodePool() throws {
    let events = try kubernetesEvents(Self.scenario(disruption: "{budgets: [{nodes: \"0\"}]}"))
    let blocked = events.filter { $0["reason"] as? String == "DisruptionBlocked" }
    #expect(blocked.count == 2, "one per reason: Empty and Underutilized")
    #expect(blocked.allSatisfy { ($0["involvedObject"] as? [String: Any])?["kind"] as? String == "NodePool" })
    #expect(
      Set(blocked.compactMap { $0["message"] as? String }) == [
        "No allowed disruptions for disruption reason Empty due to blocking budget",
        "No allowed disruptions for disruption reason Underutilized due to blocking budget",
      ])
  }
}
