import Foundation
import Testing

/// NodePool taints and tolerations, PreferNoSchedule, startupTaints, tainted existing nodes.
@Suite struct TaintsTests {
  static let types = scenario(types: [instanceType("std", cpu: "4", offerings: ["zone-a:on-demand:0.1"])])
  static let toleration = "tolerations: [{key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}]"
  /// Placement tests: consolidation would move the tolerant pod onto the general node.
  static let emptyOnly = "{consolidationPolicy: WhenEmpty}"

  @Test func noScheduleTaintKeepsUntoleratingPodsToAnotherPool() throws {
    let r = try simulate(
      Self.types,
      nodePool(
        "dedicated", weight: 100, taints: "[{key: dedicated, value: gpu, effect: NoSchedule}]",
        disruption: Self.emptyOnly),
      nodePool("general", disruption: Self.emptyOnly),
      pod("plain"), pod("tolerant", cpu: "200m", spec: Self.toleration))
    #expect(r.node(of: "plain")?.nodePool == "general")
    #expect(r.node(of: "tolerant")?.nodePool == "dedicated")
    let dedicated = try #require(r.node(of: "tolerant"))
    #expect(dedicated.taints == [SimResult.Taint(key: "dedicated", value: "gpu", effect: "NoSchedule")])
    #expect(r.node(of: "plain")?.taints.isEmpty == true)
  }

  @Test func noScheduleTaintLeavesAnUntoleratingPodPendingWhenNoOtherPoolExists() throws {
    let r = try simulate(
      Self.types, nodePool("dedicated", taints: "[{key: dedicated, value: gpu, effect: NoSchedule}]"),
      pod("plain"))
    #expect(r.nodes.isEmpty)
    #expect(r.pending("plain")?.reason.contains("dedicated") == true, "\(r.pendingPods)")
  }

  @Test func existsTolerationToleratesAnyValue() throws {
    let r = try simulate(
      Self.types, nodePool("dedicated", taints: "[{key: dedicated, value: gpu, effect: NoSchedule}]"),
      pod("p", spec: "tolerations: [{key: dedicated, operator: Exists}]"))
    #expect(r.node(of: "p")?.nodePool == "dedicated")
  }

  @Test func tolerationWithAnotherValueDoesNotTolerate() throws {
    let r = try simulate(
      Self.types, nodePool("dedicated", taints: "[{key: dedicated, value: gpu, effect: NoSchedule}]"),
      pod("p", spec: "tolerations: [{key: dedicated, operator: Equal, value: batch, effect: NoSchedule}]"))
    #expect(r.pendingNames == ["default/p"])
  }

  @Test func preferNoScheduleTaintIsAvoidedWhenAnotherPoolWorks() throws {
    let r = try simulate(
      Self.types,
      nodePool("soft", weight: 100, taints: "[{key: spare, value: \"true\", effect: PreferNoSchedule}]"),
      nodePool("plain"), pod("p"))
    #expect(r.node(of: "p")?.nodePool == "plain")
  }

  @Test func preferNoScheduleTaintIsUsedWhenNothingElseWorks() throws {
    let r = try simulate(
      Self.types, nodePool("soft", taints: "[{key: spare, value: \"true\", effect: PreferNoSchedule}]"),
      pod("p"))
    #expect(r.pendingPods.isEmpty)
    #expect(r.node(of: "p")?.nodePool == "soft")
    #expect(
      r.node(of: "p")?.taints == [SimResult.Taint(key: "spare", value: "true", effect: "PreferNoSchedule")])
  }

  @Test func startupTaintsDoNotBlockPodsAndAreGoneOnceTheNodeIsReady() throws {
    let r = try simulate(
      Self.types,
      nodePool(
        taints: "[{key: team, value: a, effect: NoSchedule}]",
        startupTaints: "[{key: example.com/agent-not-ready, effect: NoSchedule}]"),
      pod("p", spec: "tolerations: [{key: team, operator: Exists}]"))
    #expect(r.pendingPods.isEmpty, "\(r.pendingPods)")
    let node = try #require(r.node(of: "p"))
    #expect(node.taints == [SimResult.Taint(key: "team", value: "a", effect: "NoSchedule")])
    #expect(!node.taints.contains { $0.key == "example.com/agent-not-ready" })
  }

  @Test func taintedExistingNodeIsSkippedByUntoleratingPods() throws {
    let existing = """
      apiVersion: v1
      kind: Node
      metadata: {name: tainted, labels: {kubernetes.io/hostname: tainted, topology.kubernetes.io/zone: zone-a}}
      spec:
        taints: [{key: maintenance, value: "true", effect: NoSchedule}]
      status:
        allocatable: {cpu: "8", memory: 32Gi, pods: "110"}
      """
    let r = try simulate(
      Self.types, nodePool(), existing, pod("plain"),
      pod("tolerant", spec: "tolerations: [{key: maintenance, operator: Exists}]"))
    #expect(r.node(of: "tolerant")?.name == "tainted")
    #expect(r.node(of: "plain")?.nodePool == "default")
    #expect(r.nodes.count == 2)
  }

  @Test func daemonSetPodsSkipNodesWhoseTaintsTheyDoNotTolerate() throws {
    let r = try simulate(
      Self.types,
      nodePool(
        "dedicated", weight: 100, taints: "[{key: dedicated, value: gpu, effect: NoSchedule}]",
        disruption: Self.emptyOnly),
      nodePool("general", disruption: Self.emptyOnly),
      daemonSet("agent", cpu: "100m"),
      daemonSet("tolerant-agent", cpu: "100m", spec: "tolerations: [{operator: Exists}]"),
      pod("plain"), pod("tolerant", cpu: "200m", spec: Self.toleration))
    let dedicated = try #require(r.node(of: "tolerant"))
    let general = try #require(r.node(of: "plain"))
    #expect(dedicated.pods.contains("default/tolerant-agent-\(dedicated.name)"))
    #expect(!dedicated.pods.contains("default/agent-\(dedicated.name)"))
    #expect(general.pods.contains("default/agent-\(general.name)"))
    #expect(general.pods.contains("default/tolerant-agent-\(general.name)"))
  }
}
