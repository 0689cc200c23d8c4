import Foundation
import KarpenterCLI
import Testing

/// consolidationPolicy Balanced, scored as upstream's design does: the share of the pool's cost
/// a move saves, over the share of the pool's disruption cost it incurs (1 per node plus the
/// pods' eviction costs), must reach 1/consolidationThreshold (default 2).
@Suite struct BalancedTests {
  static let big = instanceType("big", cpu: "4", memory: "16Gi", offerings: ["zone-a:on-demand:1.0"])
  static let mid = instanceType("mid", cpu: "3", memory: "16Gi", offerings: ["zone-a:on-demand:0.6"])

  /// Two `big` nodes ($1/h each) with two 1.5-CPU pods each: no pod fits on the other node, so
  /// the only move is replacing one node by a `mid` ($0.6/h). Savings share 0.4 / 2 = 20%,
  /// disruption share (1 + 2) / (3 + 3) = 50%: score 0.4.
  static func cluster(disruption: String) -> [String] {
    [
      scenario(types: [big, mid], duration: "1h"), nodePool(disruption: disruption),
      managedNode("n1", type: "big", cpu: "4"), managedNode("n2", type: "big", cpu: "4"),
      ownedPod("a1", node: "n1", cpu: "1500m"), ownedPod("a2", node: "n1", cpu: "1500m"),
      ownedPod("b1", node: "n2", cpu: "1500m"), ownedPod("b2", node: "n2", cpu: "1500m"),
    ]
  }

  @Test func aMoveScoringBelowHalfIsRejectedAtTheDefaultThreshold() throws {
    let (r, kubernetesEvents) = try simulateWithKubernetesEvents(
      Self.cluster(disruption: "{consolidationPolicy: Balanced}"))
    #expect(r.events("DisruptionDecided").isEmpty)
    #expect(Set(r.nodes.map(\.name)) == ["n1", "n2"])
    let why = kubernetesEvents.filter { $0.reason == "Unconsolidatable" }.map(\.message)
    #expect(
      why.contains(
        "Balanced: score 0.40 < threshold 0.50 (consolidationThreshold: 2.0, savings 20.0%, disruption 50.0%)"
      ))
  }

  @Test func aHigherThresholdTakesTheSameMove() throws {
    let r = try simulate(
      Self.cluster(disruption: "{consolidationPolicy: Balanced, consolidationThreshold: 3}"))
    // Then the second node too: (0.4 / 1.6) / (3 / 6) = 0.5, still above 1/3.
    #expect(r.events("DisruptionDecided").map(\.reason) == ["Underutilized", "Underutilized"])
    #expect(r.nodes.map(\.instanceType) == ["mid", "mid"])
  }

  @Test func whenEmptyOrUnderutilizedTakesAnySavingMove() throws {
    let r = try simulate(Self.cluster(disruption: "{consolidationPolicy: WhenEmptyOrUnderutilized}"))
    #expect(r.events("DisruptionDecided").count >= 1)
    #expect(r.nodes.contains { $0.instanceType == "mid" })
  }

  @Test func expensiveToEvictPodsMakeTheMoveScoreLower() throws {
    // Same savings as an oversized node, but its pod carries the highest deletion cost (10 per pod).
    let nodes = [
      scenario(types: [DisruptionTests.big, DisruptionTests.small], duration: "1h"),
      nodePool(disruption: "{consolidationPolicy: Balanced}"),
      managedNode("n1", type: "big", cpu: "8", memory: "32Gi"),
      managedNode("n2", type: "big", cpu: "8", memory: "32Gi"),
      ownedPod("a", node: "n1", annotations: "{controller.kubernetes.io/pod-deletion-cost: \"2147483647\"}"),
      ownedPod("b1", node: "n2", cpu: "3600m"), ownedPod("b2", node: "n2", cpu: "3600m"),
    ]
    // Nothing fits on the other node; n1's pod fits on a small node. n1: savings
    // (0.8 - 0.2) / 1.6 = 37.5%; disruption (1 + 10) / (11 + 3) = 78.6%: score 0.48.
    let (r, kubernetesEvents) = try simulateWithKubernetesEvents(nodes)
    #expect(r.events("DisruptionDecided", node: "n1").isEmpty)
    let why = kubernetesEvents.filter { $0.reason == "Unconsolidatable" }.map(\.message)
    #expect(why.contains { $0.hasPrefix("Balanced: score 0.48") }, "\(why)")
  }

  @Test(arguments: [
    (
      "{consolidationPolicy: WhenEmptyOrUnderutilized, consolidationThreshold: 2}",
      "may only be set with consolidationPolicy: Balanced"
    ),
    ("{consolidationPolicy: Balanced, consolidationThreshold: 0}", "must be a positive number"),
  ])
  func thresholdIsValidated(disruption: String, message: String) throws {
    let path = try scenarioFile(Self.cluster(disruption: disruption).joined(separator: "\n---\n"))
    let out = SimulateRun.run(paths: [path], output: .json)
    #expect(out.exitCode == 1)
    #expect(out.stderr.contains("spec.disruption.consolidationThreshold"))
    #expect(out.stderr.contains(message))
  }
}
