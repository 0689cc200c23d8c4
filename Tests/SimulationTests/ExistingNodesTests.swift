import Foundation
import Testing

/// Nodes of the input: bound pods stay, pending pods fill existing room before new nodes,
/// managed nodes are priced from the catalog and count against their NodePool's limits.
@Suite struct ExistingNodesTests {
  static let types = scenario(types: [
    instanceType("std", cpu: "4", memory: "16Gi", offerings: ["zone-a:on-demand:0.1", "zone-a:spot:0.05"])
  ])

  static func node(_ name: String, cpu: String = "4", labels: [String: String] = [:]) -> String {
    var all = labels
    all["kubernetes.io/hostname"] = name
    all["topology.kubernetes.io/zone"] = all["topology.kubernetes.io/zone"] ?? "zone-a"
    let map = all.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    return """
      apiVersion: v1
      kind: Node
      metadata: {name: \(name), labels: {\(map)}}
      status: {allocatable: {cpu: "\(cpu)", memory: 16Gi, pods: "110"}}
      """
  }

  @Test func podBoundByNodeNameStaysThere() throws {
    let r = try simulate(
      Self.types, nodePool(), Self.node("old"), pod("pinned", cpu: "1", spec: "nodeName: old"))
    #expect(r.node(of: "pinned")?.name == "old")
    #expect(r.nodes.count == 1)
    #expect(!r.events.contains { $0.type == "NodeClaimCreated" })
  }

  @Test func finishedPodsHoldNothing() throws {
    // A completed Job pod on the node and a failed pending one: neither takes room or capacity.
    let done = pod("done", cpu: "4", spec: "nodeName: old") + "\nstatus: {phase: Succeeded}"
    let failed = pod("failed", cpu: "4") + "\nstatus: {phase: Failed}"
    let r = try simulate(
      Self.types, nodePool(), Self.node("old"), done, failed, pod("new", cpu: "3"))
    #expect(r.node(of: "new")?.name == "old")
    #expect(r.node(of: "done") == nil)
    #expect(r.pending("failed") == nil)
    #expect(!r.events.contains { $0.type == "NodeClaimCreated" })
  }

  @Test func pendingPodsFillExistingRoomBeforeNewNodesLaunch() throws {
    let r = try simulate(
      Self.types, nodePool(), Self.node("old"), pod("pinned", cpu: "1", spec: "nodeName: old"),
      deployment("web", replicas: 3, cpu: "1"))
    #expect(r.pendingPods.isEmpty)
    #expect(r.nodes.map(\.name) == ["old"])
    #expect(r.node(named: "old")?.pods.count == 4)
    #expect(!r.events.contains { $0.type == "NodeClaimCreated" })
  }

  @Test func onlyWhatDoesNotFitGoesToANewNode() throws {
    let r = try simulate(
      Self.types, nodePool(), Self.node("old"), pod("pinned", cpu: "1", spec: "nodeName: old"),
      deployment("web", replicas: 4, cpu: "1"))
    #expect(r.pendingPods.isEmpty)
    #expect(r.nodes.count == 2)
    #expect(r.node(named: "old")?.pods.count == 4)
    #expect(r.managedNodes.count == 1)
    #expect(r.managedNodes.first?.pods.count == 1)
  }

  @Test func podNamingAMissingNodeStaysPending() throws {
    let r = try simulate(Self.types, nodePool(), pod("lost", spec: "nodeName: nowhere"))
    #expect(r.nodes.isEmpty)
    #expect(r.pending("lost")?.reason.contains("nowhere") == true, "\(r.pendingPods)")
  }

  @Test func unmanagedNodeHasNoNodePoolAndNoPrice() throws {
    let r = try simulate(Self.types, nodePool(), Self.node("old"))
    let old = try #require(r.node(named: "old"))
    #expect(old.nodePool == nil)
    #expect(old.pricePerHour == 0)
    #expect(r.cost.perHour == 0)
  }

  @Test func nodeLabelledWithANodePoolIsManagedAndPricedFromTheCatalog() throws {
    let labels = [
      "karpenter.sh/nodepool": "default", "node.kubernetes.io/instance-type": "std",
      "karpenter.sh/capacity-type": "spot",
    ]
    // consolidateAfter Never: an empty managed node would otherwise be deleted as Empty.
    let r = try simulate(
      Self.types, nodePool(disruption: "{consolidateAfter: Never}"), Self.node("managed", labels: labels))
    let managed = try #require(r.node(named: "managed"))
    #expect(managed.nodePool == "default")
    #expect(managed.instanceType == "std")
    #expect(managed.zone == "zone-a")
    #expect(managed.capacityType == "spot")
    #expect(managed.pricePerHour == 0.05)
    #expect(abs(r.cost.perHour - 0.05) < 1e-9)
  }

  @Test func managedNodeMatchingNoOfferingCostsNothing() throws {
    let labels = [
      "karpenter.sh/nodepool": "default", "node.kubernetes.io/instance-type": "std",
      "karpenter.sh/capacity-type": "spot",
      "topology.kubernetes.io/zone": "zone-q",
    ]
    let r = try simulate(
      Self.types, nodePool(disruption: "{consolidateAfter: Never}"), Self.node("odd", labels: labels))
    #expect(r.node(named: "odd")?.pricePerHour == 0)
    #expect(r.node(named: "odd")?.nodePool == "default")
  }

  @Test func managedNodeCountsAgainstItsNodePoolsLimits() throws {
    let labels = ["karpenter.sh/nodepool": "default", "node.kubernetes.io/instance-type": "std"]
    let r = try simulate(
      Self.types, nodePool(limits: "{nodes: \"1\"}"), Self.node("managed", cpu: "1", labels: labels),
      pod("filler", cpu: "900m", spec: "nodeName: managed"), pod("newcomer", cpu: "1"))
    #expect(r.nodes.map(\.name) == ["managed"])
    #expect(r.pending("newcomer")?.reason.contains("limit") == true, "\(r.pendingPods)")
  }

  @Test func existingNodeWhoseLabelsDoNotMatchIsSkipped() throws {
    let r = try simulate(
      Self.types, nodePool(), Self.node("old", labels: ["team": "blue"]),
      pod("red", spec: "nodeSelector: {team: red}"), pod("blue", spec: "nodeSelector: {team: blue}"))
    #expect(r.node(of: "blue")?.name == "old")
    // No NodePool sets team=red: pending.
    #expect(r.pendingNames == ["default/red"])
  }

  @Test func daemonSetPodsRunOnExistingNodes() throws {
    let r = try simulate(Self.types, nodePool(), Self.node("old"), daemonSet("agent"))
    #expect(r.node(named: "old")?.pods == ["default/agent-old"])
  }
}
