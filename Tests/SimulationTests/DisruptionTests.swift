import Foundation
import Testing

/// Consolidation and emptiness over time: delete, replace by one cheaper node, multi-node
/// merges, spot rules, consolidation policies and consolidateAfter.
@Suite struct DisruptionTests {
  static let big = instanceType("big", cpu: "8", memory: "32Gi", offerings: ["zone-a:on-demand:0.8"])
  static let small = instanceType("small", cpu: "2", memory: "8Gi", offerings: ["zone-a:on-demand:0.2"])
  static let std = instanceType("std", cpu: "4", memory: "16Gi", offerings: ["zone-a:on-demand:0.4"])

  /// One big node (8 CPU, $0.8/h) running one 1-CPU pod: a single small node ($0.2/h) would do.
  static func oversized(disruption: String? = nil, extraNodes: [String] = []) -> [String] {
    [
      scenario(types: [big, small], duration: "1h"), nodePool(disruption: disruption),
      managedNode("n1", type: "big", cpu: "8", memory: "32Gi"), ownedPod("a", node: "n1"),
    ] + extraNodes
  }

  // MARK: replace

  @Test func underusedNodeIsReplacedByOneCheaperNode() throws {
    let (r, events) = try simulateDetailed(Self.oversized())
    let decided = r.events("DisruptionDecided")
    #expect(decided.count == 1)
    #expect(decided.first?.node == "n1")
    #expect(decided.first?.reason == "Underutilized")
    #expect(decided.first?.time == 25, "first pass at 10 s, validated 15 s later")
    let created = try #require(r.events("NodeClaimCreated").first)
    #expect(created.time == 25)
    let replacement = try #require(created.node)
    let ready = try #require(r.firstTime("NodeReady", node: replacement))
    let gone = try #require(r.firstTime("NodeTerminated", node: "n1"))
    #expect(gone >= ready, "old node drained only once the replacement is Ready")
    #expect(r.events("PodEvicted", node: "n1").allSatisfy { $0.time >= ready })
    #expect(r.nodes.map(\.name) == [replacement])
    #expect(r.node(of: "a")?.instanceType == "small")
    #expect(r.events("NodeTerminated", node: "n1").first?.reason == "Underutilized")
    // The explanation names the node, the replacement, the pods moved and the saving.
    let message = try #require(events.first { $0.type == "DisruptionDecided" }?.message)
    #expect(message.contains("n1"), "\(message)")
    #expect(message.contains("small"), "\(message)")
    #expect(message.contains("1 pods move") || message.contains("1 pod moves"), "\(message)")
    #expect(message.contains("$0.6/h"), "\(message)")
  }

  @Test func balancedPolicyTakesAnObviouslyGoodReplacement() throws {
    let r = try simulate(Self.oversized(disruption: "{consolidationPolicy: Balanced}"))
    #expect(r.events("DisruptionDecided").map(\.reason) == ["Underutilized"])
    #expect(r.node(of: "a")?.instanceType == "small")
    #expect(r.node(named: "n1") == nil)
  }

  // MARK: delete

  @Test func underusedNodeIsDeletedWhenItsPodsFitElsewhere() throws {
    // n1's pod fits on an unmanaged node with room: delete n1, launch nothing.
    let unmanaged = """
      apiVersion: v1
      kind: Node
      metadata: {name: other, labels: {kubernetes.io/hostname: other, topology.kubernetes.io/zone: zone-a}}
      status: {allocatable: {cpu: "4", memory: 16Gi, pods: "110"}}
      """
    let (r, events) = try simulateDetailed([
      scenario(types: [Self.std], duration: "1h"), nodePool(), managedNode("n1", type: "std", cpu: "4"),
      ownedPod("a", node: "n1"), unmanaged,
    ])
    #expect(r.events("DisruptionDecided").map(\.node) == ["n1"])
    #expect(r.events("DisruptionDecided").first?.reason == "Underutilized")
    #expect(r.events("NodeClaimCreated").isEmpty)
    #expect(r.node(of: "a")?.name == "other")
    #expect(r.nodes.map(\.name) == ["other"])
    let message = try #require(events.first { $0.type == "DisruptionDecided" }?.message)
    #expect(message.contains("$0.4/h"), "\(message)")
  }

  @Test func twoIdenticalHalfEmptyNodesLoseOneRatherThanBeingReplacedByAThirdOfTheSameType() throws {
    // Upstream's multi-node consolidation drops replacement types that are not cheaper than a
    // candidate of the same type (filterOutSameInstanceType): deleting one node saves as much
    // and moves fewer pods. So: one node deleted, its pod moved to the other, nothing launched.
    // Budget 100%, so that multi-node consolidation may take both.
    let r = try simulate(
      scenario(types: [Self.std], duration: "1h"), nodePool(disruption: "{budgets: [{nodes: \"100%\"}]}"),
      managedNode("n1", type: "std", cpu: "4"), managedNode("n2", type: "std", cpu: "4"),
      ownedPod("a", node: "n1"), ownedPod("b", node: "n2"))
    #expect(r.events("NodeClaimCreated").isEmpty, "\(r.events("NodeClaimCreated").map { $0.reason ?? "" })")
    #expect(r.events("DisruptionDecided").count == 1)
    #expect(r.nodes.count == 1)
    #expect(r.nodes.first?.pods == ["default/a", "default/b"])
  }

  // MARK: multi-node

  @Test func severalUnderusedNodesMergeIntoOneCheaperNode() throws {
    let old = instanceType("old", cpu: "4", memory: "16Gi", offerings: ["zone-a:on-demand:0.5"])
    let new4 = instanceType("new4", cpu: "4", memory: "16Gi", offerings: ["zone-a:on-demand:0.3"])
    // Budget 100%: the default 10% of 3 nodes would allow only one node per decision.
    let (r, events) = try simulateDetailed([
      scenario(types: [old, new4], duration: "1h"), nodePool(disruption: "{budgets: [{nodes: \"100%\"}]}"),
      managedNode("n1", type: "old", cpu: "4"), managedNode("n2", type: "old", cpu: "4"),
      managedNode("n3", type: "old", cpu: "4"),
      ownedPod("a", node: "n1"), ownedPod("b", node: "n2"), ownedPod("c", node: "n3"),
    ])
    let decided = r.events("DisruptionDecided")
    #expect(Set(decided.compactMap(\.node)) == ["n1", "n2", "n3"])
    #expect(
      decided.allSatisfy { $0.reason == "Underutilized" && $0.time == decided.first!.time }, "one decision")
    let created = r.events("NodeClaimCreated")
    #expect(created.count == 1)
    #expect(r.nodes.count == 1)
    #expect(r.nodes.first?.instanceType == "new4")
    #expect(r.nodes.first?.pods == ["default/a", "default/b", "default/c"])
    let readyAt = try #require(r.firstTime("NodeReady", node: created.first?.node))
    #expect(r.events("NodeTerminated").allSatisfy { $0.time >= readyAt })
    let message = try #require(events.first { $0.type == "DisruptionDecided" }?.message)
    #expect(message.contains("3 node"), "\(message)")
    #expect(message.contains("3 pods move"), "\(message)")
    #expect(message.contains("$1.2/h"), "saves 1.5 - 0.3: \(message)")
  }

  // MARK: spot

  static let spotTypes = [
    instanceType("bigspot", cpu: "8", memory: "32Gi", offerings: ["zone-a:spot:0.3"]),
    instanceType("smallspot", cpu: "2", memory: "8Gi", offerings: ["zone-a:spot:0.1"]),
  ]

  @Test func spotNodeIsNotReplacedBySpot() throws {
    let r = try simulate(
      scenario(types: Self.spotTypes, duration: "1h"), nodePool(),
      managedNode("s1", type: "bigspot", capacityType: "spot", cpu: "8", memory: "32Gi"),
      ownedPod("a", node: "s1"))
    #expect(r.events("DisruptionDecided").isEmpty)
    #expect(r.events("NodeClaimCreated").isEmpty)
    #expect(r.node(of: "a")?.name == "s1")
  }

  @Test func spotNodeIsStillDeletedWhenItsPodsFitElsewhere() throws {
    let r = try simulate(
      scenario(types: Self.spotTypes, duration: "1h"), nodePool(),
      managedNode("s1", type: "bigspot", capacityType: "spot", cpu: "8", memory: "32Gi"),
      managedNode("s2", type: "bigspot", capacityType: "spot", cpu: "8", memory: "32Gi"),
      ownedPod("a", node: "s1"), ownedPod("b", node: "s2"))
    #expect(r.events("NodeClaimCreated").isEmpty)
    #expect(r.events("DisruptionDecided").count == 1)
    #expect(r.events("DisruptionDecided").first?.reason == "Underutilized")
    #expect(r.nodes.count == 1)
    #expect(r.nodes.first?.pods == ["default/a", "default/b"])
  }

  // MARK: consolidateAfter and policies

  @Test func consolidateAfterNeverDisablesConsolidationAndEmptiness() throws {
    let r = try simulate(
      Self.oversized(
        disruption: "{consolidateAfter: Never}",
        extraNodes: [managedNode("n2", type: "big", cpu: "8", memory: "32Gi")]))
    #expect(r.events("DisruptionDecided").isEmpty)
    #expect(Set(r.nodes.map(\.name)) == ["n1", "n2"])
  }

  @Test func consolidateAfterDelaysTheDecision() throws {
    let r = try simulate(Self.oversized(disruption: "{consolidateAfter: 10m}"))
    let decided = try #require(r.events("DisruptionDecided").first)
    #expect(decided.reason == "Underutilized")
    #expect(decided.time >= 600 && decided.time <= 630, "\(decided.time)")
    #expect(r.node(of: "a")?.instanceType == "small")
  }

  @Test func consolidateAfterCountsFromTheLastPodChangeOnTheNode() throws {
    // A second pod lands on n1 at 5m: its 10 minutes start again then.
    let s = scenario(
      types: [Self.big, Self.small], duration: "1h",
      timeline: [step("5m", apply: [ownedPod("late", node: nil, app: "late")])])
    let r = try simulate(
      s, nodePool(disruption: "{consolidateAfter: 10m}"),
      managedNode("n1", type: "big", cpu: "8", memory: "32Gi"),
      ownedPod("a", node: "n1"))
    #expect(r.node(named: "n1") == nil)
    let bound = try #require(r.events("PodBound").first { $0.pod == "default/late" })
    #expect(bound.node == "n1" && bound.time == 300)
    let decided = try #require(r.events("DisruptionDecided").first)
    #expect(decided.time >= 900 && decided.time <= 930, "\(decided.time)")
  }

  @Test func whenEmptyRemovesOnlyEmptyNodes() throws {
    let r = try simulate(
      Self.oversized(
        disruption: "{consolidationPolicy: WhenEmpty}",
        extraNodes: [managedNode("n2", type: "big", cpu: "8", memory: "32Gi")]))
    #expect(r.events("DisruptionDecided").map(\.node) == ["n2"])
    #expect(r.events("DisruptionDecided").first?.reason == "Empty")
    #expect(r.events("NodeTerminated").first?.reason == "Empty")
    #expect(r.nodes.map(\.name) == ["n1"])
    #expect(r.node(of: "a")?.name == "n1")
  }

  @Test func emptyNodeIsRemovedAndTheBusyOneStays() throws {
    let zoned = { (zone: String) in "nodeSelector: {topology.kubernetes.io/zone: \(zone)}" }
    let types = [instanceType("std", cpu: "4", offerings: ["zone-a:on-demand:0.4", "zone-b:on-demand:0.4"])]
    let s = scenario(types: types, timeline: [step("10m", delete: [ref("Deployment", "b")])])
    let (r, events) = try simulateDetailed([
      s, nodePool(), deployment("a", replicas: 1, cpu: "1", spec: zoned("zone-a")),
      deployment("b", replicas: 1, cpu: "1", spec: zoned("zone-b")),
    ])
    let decided = r.events("DisruptionDecided")
    #expect(decided.count == 1)
    #expect(decided.first?.reason == "Empty")
    #expect(r.nodes.count == 1)
    #expect(r.nodes.first?.zone == "zone-a")
    let gone = try #require(decided.first?.node)
    #expect(r.events("NodeTerminated", node: gone).first?.reason == "Empty")
    let message = try #require(events.first { $0.type == "DisruptionDecided" }?.message)
    #expect(message.contains("empty"), "\(message)")
    #expect(message.contains("$0.4/h"), "\(message)")
  }
}
