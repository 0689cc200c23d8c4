import Foundation
import Testing

/// Provider drift: a node launched from an EC2NodeClass that has since changed is replaced. And
/// a NodePool (or EC2NodeClass) applied by the timeline gets the instance types its kubelet
/// settings shape on the aws catalog.
@Suite struct ProviderDriftTests {
  static let std = instanceType("std", cpu: "4", memory: "16Gi", offerings: ["zone-a:on-demand:0.4"])

  static func nodeClass(alias: String = "al2023@latest", maxPods: Int? = nil) -> String {
    """
    apiVersion: karpenter.k8s.aws/v1
    kind: EC2NodeClass
    metadata: {name: default}
    spec:
      role: KarpenterNodeRole
      amiSelectorTerms: [{alias: "\(alias)"}]
      subnetSelectorTerms: [{tags: {karpenter.sh/discovery: test}}]
      securityGroupSelectorTerms: [{tags: {karpenter.sh/discovery: test}}]
    \(maxPods.map { "  kubelet: {maxPods: \($0)}" } ?? "")
    """
  }

  @Test func aChangedEC2NodeClassDriftsItsNodes() throws {
    let s = scenario(
      types: [Self.std], duration: "1h",
      timeline: [step("10m", apply: [Self.nodeClass(alias: "al2023@v20240807")])])
    let (r, events) = try simulateDetailed([
      s, nodePool(), Self.nodeClass(), managedNode("n1", type: "std", cpu: "4"),
      ownedPod("a", node: "n1", cpu: "3"),
    ])
    let decided = try #require(r.events("DisruptionDecided").first)
    #expect(decided.reason == "Drifted")
    #expect(decided.node == "n1")
    #expect(decided.time >= 600)
    #expect(r.node(named: "n1") == nil)
    #expect(r.node(of: "a") != nil)
    let message = try #require(events.first { $0.type == "DisruptionDecided" }?.message)
    #expect(message.contains("EC2NodeClass default changed"), "\(message)")
    // The replacement carries the new class: nothing drifts a second time.
    #expect(r.events("DisruptionDecided").count == 1)
  }

  @Test func anUnchangedEC2NodeClassReappliedDoesNotDrift() throws {
    let s = scenario(types: [Self.std], duration: "1h", timeline: [step("10m", apply: [Self.nodeClass()])])
    let r = try simulate(
      s, nodePool(), Self.nodeClass(), managedNode("n1", type: "std", cpu: "4"),
      ownedPod("a", node: "n1", cpu: "3"))
    #expect(r.events("DisruptionDecided").isEmpty)
  }

  @Test func aNodePoolAppliedLaterUsesItsOwnKubeletSettings() throws {
    // aws catalog; a second NodePool arrives at 10m with an EC2NodeClass capping pods at 8.
    let scenarioDoc = """
      apiVersion: simulation.karpenter.sh/v1alpha1
      kind: Scenario
      metadata: {name: later}
      spec:
        cloud: {instanceTypes: {catalog: aws}}
        duration: 30m
        timeline:
      \(indent(step("10m", apply: [
        nodePool("capped", labels: "{pool: capped}").replacingOccurrences(of: "name: default}", with: "name: capped}"),
        Self.nodeClass(maxPods: 8).replacingOccurrences(of: "name: default}", with: "name: capped}"),
        pod("late", spec: "nodeSelector: {pool: capped}"),
      ]), 2))
      """
    let r = try simulate(scenarioDoc, nodePool(), Self.nodeClass(), pod("early"))
    let late = try #require(r.node(of: "late"))
    #expect(late.nodePool == "capped")
    #expect(late.allocatable["pods"] == "8")
    let early = try #require(r.node(of: "early"))
    #expect(early.allocatable["pods"] != "8")
  }
}
