import Foundation
import Scheduling
import Testing

/// NodePool requirements on instance labels (every operator, minValues), node selectors and
/// node affinity (required OR terms, preferred terms).
@Suite struct RequirementsTests {
  static let family = "karpenter.k8s.aws/instance-family"
  static let generation = "karpenter.k8s.aws/instance-generation"

  /// Four 2-cpu types, pricier by generation; every one carries family and generation.
  static let generations = scenario(types: [
    instanceType(
      "type-1", cpu: "2", labels: [family: "alpha", generation: "1"], offerings: ["zone-a:on-demand:0.1"]),
    instanceType(
      "type-2", cpu: "2", labels: [family: "beta", generation: "2"], offerings: ["zone-a:on-demand:0.2"]),
    instanceType(
      "type-3", cpu: "2", labels: [family: "alpha", generation: "3"], offerings: ["zone-a:on-demand:0.3"]),
    instanceType(
      "type-4", cpu: "2", labels: [family: "gamma", generation: "4"], offerings: ["zone-a:on-demand:0.4"]),
  ])

  func launched(_ requirements: String) throws -> SimResult.SimNode? {
    let r = try simulate(Self.generations, nodePool(requirements: requirements), pod("p", cpu: "1"))
    #expect(r.pendingPods.isEmpty, "\(r.pendingPods)")
    return r.node(of: "p")
  }

  @Test func inKeepsOnlyListedValues() throws {
    let node = try launched("[{key: \(Self.family), operator: In, values: [beta, gamma]}]")
    #expect(node?.instanceType == "type-2")
    #expect(node?.labels[Self.family] == "beta")
  }

  @Test func notInExcludesListedValues() throws {
    #expect(
      try launched("[{key: \(Self.family), operator: NotIn, values: [alpha]}]")?.instanceType == "type-2")
  }

  @Test func gtIsStrictlyGreater() throws {
    #expect(
      try launched("[{key: \(Self.generation), operator: Gt, values: [\"2\"]}]")?.instanceType == "type-3")
  }

  @Test func ltIsStrictlyLess() throws {
    // Lt 3 allows generations 1 and 2; NotIn 1 leaves 2.
    let node = try launched(
      "[{key: \(Self.generation), operator: Lt, values: [\"3\"]}, {key: \(Self.generation), operator: NotIn, values: [\"1\"]}]"
    )
    #expect(node?.instanceType == "type-2")
  }

  @Test func gteIncludesTheBound() throws {
    #expect(
      try launched("[{key: \(Self.generation), operator: Gte, values: [\"4\"]}]")?.instanceType == "type-4")
  }

  @Test func lteIncludesTheBound() throws {
    // Lte 3 with Gt 2 leaves exactly generation 3.
    let node = try launched(
      "[{key: \(Self.generation), operator: Lte, values: [\"3\"]}, {key: \(Self.generation), operator: Gt, values: [\"2\"]}]"
    )
    #expect(node?.instanceType == "type-3")
  }

  @Test func gtBeyondEveryTypeLeavesThePodPending() throws {
    let r = try simulate(
      Self.generations, nodePool(requirements: "[{key: \(Self.generation), operator: Gt, values: [\"4\"]}]"),
      pod("p", cpu: "1"))
    #expect(r.nodes.isEmpty)
    #expect(r.pendingNames == ["default/p"])
    #expect(r.pending("p")?.reason.contains("NodePool \"default\"") == true, "\(r.pendingPods)")
  }

  @Test func existsKeepsOnlyTypesThatHaveTheLabel() throws {
    // The labelled type is pricier; Exists must still pick it, so the node carries the label
    // its NodePool requires.
    let gpuName = "karpenter.k8s.aws/instance-gpu-name"
    let types = scenario(types: [
      instanceType("plain", cpu: "2", offerings: ["zone-a:on-demand:0.1"]),
      instanceType("accelerated", cpu: "2", labels: [gpuName: "t4"], offerings: ["zone-a:on-demand:0.5"]),
    ])
    let r = try simulate(
      types, nodePool(requirements: "[{key: \(gpuName), operator: Exists}]"), pod("p", cpu: "1"))
    #expect(r.node(of: "p")?.instanceType == "accelerated")
    #expect(r.node(of: "p")?.labels[gpuName] == "t4")
  }

  @Test func doesNotExistExcludesTypesThatHaveTheLabel() throws {
    let gpuName = "karpenter.k8s.aws/instance-gpu-name"
    let types = scenario(types: [
      instanceType("plain", cpu: "2", offerings: ["zone-a:on-demand:0.5"]),
      instanceType("accelerated", cpu: "2", labels: [gpuName: "t4"], offerings: ["zone-a:on-demand:0.1"]),
    ])
    let r = try simulate(
      types, nodePool(requirements: "[{key: \(gpuName), operator: DoesNotExist}]"), pod("p", cpu: "1"))
    #expect(r.node(of: "p")?.instanceType == "plain")
    #expect(r.node(of: "p")?.labels[gpuName] == nil)
  }

  @Test func minValuesKeepsAtLeastThatManyInstanceTypesPerNode() throws {
    // 1.5 cpu pods. A node of 3 would need 4.5 cpu: only large fits, one type < minValues 2.
    let types = scenario(types: [
      instanceType("small", cpu: "2", offerings: ["zone-a:on-demand:0.1"]),
      instanceType("medium", cpu: "4", offerings: ["zone-a:on-demand:0.2"]),
      instanceType("large", cpu: "8", offerings: ["zone-a:on-demand:0.25"]),
    ])
    let pool = nodePool(
      requirements: "[{key: node.kubernetes.io/instance-type, operator: Exists, minValues: 2}]")
    for packing in [PackingChoiceForTests.costAware, .firstFit] {
      let r = try simulate(
        types, pool, deployment("web", replicas: 3, cpu: "1500m"), packing: packing.strategy)
      #expect(r.pendingPods.isEmpty, "\(r.pendingPods)")
      let perNode = r.count(prefix: "web-")
      #expect(perNode.values.allSatisfy { $0 <= 2 }, "\(packing): \(perNode)")
      #expect(r.nodes.count == 2)
    }
  }

  @Test func unsatisfiableMinValuesLeavesThePodPending() throws {
    // A 3 cpu pod fits only medium and large: two families, minValues 3.
    let types = scenario(types: [
      instanceType("small", cpu: "2", labels: [Self.family: "s"], offerings: ["zone-a:on-demand:0.1"]),
      instanceType("medium", cpu: "4", labels: [Self.family: "m"], offerings: ["zone-a:on-demand:0.2"]),
      instanceType("large", cpu: "8", labels: [Self.family: "l"], offerings: ["zone-a:on-demand:0.4"]),
    ])
    let pool = nodePool(requirements: "[{key: \(Self.family), operator: Exists, minValues: 3}]")
    let r = try simulate(types, pool, pod("big", cpu: "3"), pod("tiny", cpu: "1"))
    #expect(r.pendingNames == ["default/big"])
    #expect(r.pending("big")?.reason.contains("minValues") == true, "\(r.pendingPods)")
    #expect(r.node(of: "tiny")?.instanceType == "small")
  }

  // MARK: Node selectors and node affinity

  /// One type in three zones, zone-a cheapest.
  static let zones = scenario(types: [
    instanceType(
      "std", cpu: "4", offerings: ["zone-a:on-demand:0.1", "zone-b:on-demand:0.2", "zone-c:on-demand:0.3"])
  ])

  @Test func nodeSelectorPinsTheZone() throws {
    let r = try simulate(
      Self.zones, nodePool(), pod("p", spec: "nodeSelector: {topology.kubernetes.io/zone: zone-b}"))
    #expect(r.node(of: "p")?.zone == "zone-b")
  }

  @Test func nodeSelectorOnAnUnknownLabelLeavesThePodPending() throws {
    let r = try simulate(Self.zones, nodePool(), pod("p", spec: "nodeSelector: {example.com/team: blue}"))
    #expect(r.nodes.isEmpty)
    #expect(r.pending("p")?.reason.contains("example.com/team") == true, "\(r.pendingPods)")
  }

  @Test func nodeSelectorOnANodePoolLabelIsSatisfied() throws {
    let r = try simulate(
      Self.zones, nodePool(labels: "{example.com/team: blue}"),
      pod("p", spec: "nodeSelector: {example.com/team: blue}"))
    #expect(r.node(of: "p")?.labels["example.com/team"] == "blue")
  }

  @Test func requiredNodeAffinityFallsBackToTheSecondTermWhenTheFirstIsImpossible() throws {
    let spec = """
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [zone-z]}]
            - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [zone-c]}]
      """
    let r = try simulate(Self.zones, nodePool(), pod("p", spec: spec))
    #expect(r.node(of: "p")?.zone == "zone-c")
  }

  @Test func requiredNodeAffinityUsesTheFirstTermWhenPossible() throws {
    let spec = """
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [zone-b]}]
            - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [zone-c]}]
      """
    let r = try simulate(Self.zones, nodePool(), pod("p", spec: spec))
    #expect(r.node(of: "p")?.zone == "zone-b")
  }

  @Test func requiredNodeAffinityWithNoPossibleTermLeavesThePodPending() throws {
    let spec = """
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [zone-y]}]
            - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [zone-z]}]
      """
    let r = try simulate(Self.zones, nodePool(), pod("p", spec: spec))
    #expect(r.nodes.isEmpty)
    #expect(r.pending("p")?.reason.contains("topology.kubernetes.io/zone") == true, "\(r.pendingPods)")
  }

  @Test func preferredNodeAffinityIsHonouredWhenPossible() throws {
    let spec = """
      affinity:
        nodeAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 10
            preference: {matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [zone-b]}]}
          - weight: 50
            preference: {matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [zone-c]}]}
      """
    let r = try simulate(Self.zones, nodePool(), pod("p", spec: spec))
    // The heaviest preference first, even though zone-c is the priciest.
    #expect(r.node(of: "p")?.zone == "zone-c")
  }

  @Test func preferredNodeAffinityIsRelaxedWhenImpossible() throws {
    let spec = """
      affinity:
        nodeAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 50
            preference: {matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [zone-z]}]}
      """
    let r = try simulate(Self.zones, nodePool(), pod("p", spec: spec))
    #expect(r.pendingPods.isEmpty)
    #expect(r.node(of: "p")?.zone == "zone-a")
  }

  @Test func nodePoolZoneRequirementRestrictsTheZones() throws {
    let r = try simulate(
      Self.zones,
      nodePool(requirements: "[{key: topology.kubernetes.io/zone, operator: NotIn, values: [zone-a]}]"),
      pod("p"))
    #expect(r.node(of: "p")?.zone == "zone-b")
  }

  @Test func podAndNodePoolRequirementsThatDoNotIntersectLeaveThePodPending() throws {
    let r = try simulate(
      Self.zones,
      nodePool(requirements: "[{key: topology.kubernetes.io/zone, operator: In, values: [zone-a]}]"),
      pod("p", spec: "nodeSelector: {topology.kubernetes.io/zone: zone-b}"))
    #expect(r.nodes.isEmpty)
    #expect(r.pending("p")?.reason.contains("topology.kubernetes.io/zone") == true, "\(r.pendingPods)")
  }
}

/// `--packing` choices as tests name them.
enum PackingChoiceForTests: CustomStringConvertible {
  case costAware, firstFit
  var strategy: PackingStrategy { self == .firstFit ? .firstFit : .costAware }
  var description: String { self == .firstFit ? "first-fit" : "cost-aware" }
}
