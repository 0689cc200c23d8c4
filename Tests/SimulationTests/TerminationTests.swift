import Foundation
import Testing

/// What holds disruption back or forces it: do-not-disrupt, PodDisruptionBudgets, pods without
/// a controller, drift, expiration and terminationGracePeriod.
@Suite struct TerminationTests {
  static let big = instanceType("big", cpu: "8", memory: "32Gi", offerings: ["zone-a:on-demand:0.8"])
  static let small = instanceType("small", cpu: "2", memory: "8Gi", offerings: ["zone-a:on-demand:0.2"])
  static let std = instanceType("std", cpu: "4", memory: "16Gi", offerings: ["zone-a:on-demand:0.4"])
  static let dnd = "{karpenter.sh/do-not-disrupt: \"true\"}"

  /// n1 (big, $0.8/h) with one 1-CPU pod: consolidation would replace it by a small node.
  static func oversized(pod: String, duration: String = "1h", nodeAnnotations: String? = nil) -> [String] {
    [
      scenario(types: [big, small], duration: duration), nodePool(),
      managedNode("n1", type: "big", cpu: "8", memory: "32Gi", annotations: nodeAnnotations), pod,
    ]
  }

  // MARK: do-not-disrupt and uncontrolled pods

  @Test func doNotDisruptPodBlocksConsolidation() throws {
    let r = try simulate(Self.oversized(pod: ownedPod("a", node: "n1", annotations: Self.dnd)))
    #expect(r.events("DisruptionDecided").isEmpty)
    #expect(r.node(of: "a")?.name == "n1")
  }

  @Test func doNotDisruptDurationExpires() throws {
    let r = try simulate(
      Self.oversized(pod: ownedPod("a", node: "n1", annotations: "{karpenter.sh/do-not-disrupt: 30m}")))
    let decided = try #require(r.events("DisruptionDecided").first)
    #expect(decided.time >= 1800 && decided.time <= 1800 + 10 + 15, "\(decided.time)")
    #expect(r.node(of: "a")?.instanceType == "small")
  }

  @Test func doNotDisruptNodeAnnotationBlocksConsolidation() throws {
    let r = try simulate(Self.oversized(pod: ownedPod("a", node: "n1"), nodeAnnotations: Self.dnd))
    #expect(r.events("DisruptionDecided").isEmpty, "\(r.events("DisruptionDecided"))")
    #expect(r.node(of: "a")?.name == "n1")
  }

  // upstream consolidation_test.go: "can delete nodes, evicts pods without an ownerRef".
  @Test func consolidationEvictsAPodWithoutAControllerAndSaysItWillNotComeBack() throws {
    let (r, events) = try simulateDetailed(Self.oversized(pod: pod("bare", cpu: "1", spec: "nodeName: n1")))
    let decided = try #require(events.first { $0.type == "DisruptionDecided" })
    #expect(decided.node == "n1")
    #expect(
      decided.message?.hasSuffix(
        "1 pod(s) without a controller will be evicted and not come back (default/bare)") == true,
      "\(decided.message ?? "")")
    #expect(r.node(of: "bare") == nil, "nothing recreates it")
    #expect(r.events("PodEvicted").map(\.pod) == ["default/bare"])
  }

  @Test func podDisruptionBudgetThatAllowsNothingBlocksDrift() throws {
    let s = scenario(
      types: [Self.std], duration: "1h", timeline: [step("10m", apply: [nodePool(labels: "{team: blue}")])])
    let r = try simulate(
      s, nodePool(), managedNode("n1", type: "std", cpu: "4"), ownedPod("a", node: "n1"),
      podDisruptionBudget("web", app: "web", minAvailable: "1"))
    #expect(r.events("DisruptionDecided").isEmpty, "the node is not drained into a PDB that allows nothing")
    #expect(r.node(of: "a")?.name == "n1")
  }

  @Test func aDriftedNodeThatAPodDisruptionBudgetKeepsSaysWhy() throws {
    let s = scenario(
      types: [Self.std], duration: "1h", timeline: [step("10m", apply: [nodePool(labels: "{team: blue}")])])
    let (_, events) = try simulateWithKubernetesEvents([
      s, nodePool(), managedNode("n1", type: "std", cpu: "4"), ownedPod("a", node: "n1"),
      podDisruptionBudget("web", app: "web", minAvailable: "1"),
    ])
    let blocked = events.filter { $0.reason == "DisruptionBlocked" }.map(\.message)
    #expect(
      blocked.contains(
        "Drifted (its NodePool's template changed), but A PodDisruptionBudget prevents evicting pod default/a"),
      "\(blocked)")
  }

  // upstream disruption suite_test.go: "should consider candidates that have PDB-blocked pods
  // scheduled with a terminationGracePeriod set for eventual disruption".
  @Test func aTerminationGracePeriodMakesPDBBlockedAndDoNotDisruptNodesDriftCandidates() throws {
    let withGrace = withTemplateSpec(nodePool(), ["terminationGracePeriod: 30m"])
    let drifted = withTemplateSpec(nodePool(labels: "{team: blue}"), ["terminationGracePeriod: 30m"])
    let s = scenario(types: [Self.std], duration: "2h", timeline: [step("10m", apply: [drifted])])
    let r = try simulate(
      s, withGrace, managedNode("n1", type: "std", cpu: "4"), managedNode("n2", type: "std", cpu: "4"),
      ownedPod("a", node: "n1"), ownedPod("b", node: "n2", app: "db", annotations: "{karpenter.sh/do-not-disrupt: \"true\"}"),
      podDisruptionBudget("web", app: "web", minAvailable: "1"))
    let decided = r.events("DisruptionDecided").filter { $0.reason == "Drifted" }
    #expect(Set(decided.compactMap(\.node)) == ["n1", "n2"])
    // The drain waits for the PDB and the annotation until the grace period ends, then evicts.
    for name in ["n1", "n2"] {
      let start = try #require(decided.first { $0.node == name }).time
      let gone = try #require(r.firstTime("NodeTerminated", node: name))
      #expect(gone >= start + 1800, "\(name) decided at \(start), gone at \(gone)")
    }
    #expect(r.node(named: "n1") == nil && r.node(named: "n2") == nil)
    #expect(r.node(of: "a") != nil && r.node(of: "b") != nil)
  }

  @Test func driftEvictsAPodWithoutAController() throws {
    let s = scenario(
      types: [Self.std], duration: "1h", timeline: [step("10m", apply: [nodePool(labels: "{team: blue}")])])
    let (r, events) = try simulateDetailed([
      s, nodePool(), managedNode("n1", type: "std", cpu: "4"), pod("bare", spec: "nodeName: n1"),
    ])
    let drift = try #require(events.first { $0.type == "DisruptionDecided" })
    #expect(drift.reason == "Drifted")
    #expect(drift.message?.contains("without a controller will be evicted and not come back (default/bare)") == true)
    #expect(r.node(of: "bare") == nil)
  }

  @Test func doNotDisruptPodBlocksDrift() throws {
    let s = scenario(
      types: [Self.std], duration: "1h", timeline: [step("10m", apply: [nodePool(labels: "{team: blue}")])])
    let r = try simulate(
      s, nodePool(), managedNode("n1", type: "std", cpu: "4"),
      ownedPod("a", node: "n1", annotations: Self.dnd))
    #expect(r.events("DisruptionDecided").isEmpty)
    #expect(r.node(of: "a")?.name == "n1")
  }

  // MARK: drift

  @Test func driftReplacesTheNodeAndDrainsItOnceTheReplacementIsReady() throws {
    let s = scenario(
      types: [Self.std], duration: "1h", timeline: [step("10m", apply: [nodePool(labels: "{team: blue}")])])
    let (r, events) = try simulateDetailed([
      s, nodePool(), managedNode("n1", type: "std", cpu: "4"),
      ownedPod("a", node: "n1", cpu: "3"),
    ])
    let decided = try #require(r.events("DisruptionDecided").first)
    #expect(decided.reason == "Drifted")
    #expect(decided.node == "n1")
    #expect(decided.time >= 600 && decided.time <= 625)
    let created = try #require(r.events("NodeClaimCreated").first)
    #expect(created.time == decided.time, "replacement launched with the decision")
    let ready = try #require(r.firstTime("NodeReady", node: created.node))
    #expect(r.events("PodEvicted", node: "n1").allSatisfy { $0.time >= ready })
    let gone = try #require(r.firstTime("NodeTerminated", node: "n1"))
    #expect(gone >= ready)
    #expect(r.events("NodeTerminated", node: "n1").first?.reason == "Drifted")
    #expect(r.node(of: "a")?.name == created.node)
    #expect(r.node(of: "a")?.labels["team"] == "blue")
    let message = try #require(events.first { $0.type == "DisruptionDecided" }?.message)
    #expect(message.contains("n1") && message.contains("drifted"), "\(message)")
    #expect(message.contains("1 pods move") || message.contains("1 pod moves"), "\(message)")
  }

  @Test func driftWhenRequirementsNoLongerMatch() throws {
    // The input node is on-demand; its NodePool only allows spot: drifted from the start
    // (same template hash), replaced by a spot node.
    let spotOnly = nodePool(requirements: "[{key: karpenter.sh/capacity-type, operator: In, values: [spot]}]")
    let types = [
      instanceType("std", cpu: "4", memory: "16Gi", offerings: ["zone-a:on-demand:0.4", "zone-a:spot:0.2"])
    ]
    let (r, events) = try simulateDetailed([
      scenario(types: types, duration: "1h"), spotOnly, managedNode("n1", type: "std", cpu: "4"),
      ownedPod("a", node: "n1", cpu: "3"),
    ])
    #expect(r.events("DisruptionDecided").map(\.reason) == ["Drifted"])
    #expect(r.node(of: "a")?.capacityType == "spot")
    #expect(r.node(named: "n1") == nil)
    let message = try #require(events.first { $0.type == "DisruptionDecided" }?.message)
    #expect(message.contains("requirements"), "\(message)")
  }

  @Test func driftAfterAChangedRequirementReplacesTheNode() throws {
    let onDemand = nodePool(
      requirements: "[{key: karpenter.sh/capacity-type, operator: In, values: [on-demand]}]")
    let spotOnly = nodePool(requirements: "[{key: karpenter.sh/capacity-type, operator: In, values: [spot]}]")
    let types = [
      instanceType("std", cpu: "4", memory: "16Gi", offerings: ["zone-a:on-demand:0.4", "zone-a:spot:0.2"])
    ]
    let s = scenario(types: types, duration: "1h", timeline: [step("10m", apply: [spotOnly])])
    let r = try simulate(
      s, onDemand, managedNode("n1", type: "std", cpu: "4"), ownedPod("a", node: "n1", cpu: "3"))
    #expect(r.events("DisruptionDecided").map(\.reason) == ["Drifted"])
    #expect(try #require(r.firstTime("DisruptionDecided")) >= 600)
    #expect(r.node(of: "a")?.capacityType == "spot")
  }

  // MARK: PodDisruptionBudgets

  @Test func podDisruptionBudgetSpreadsEvictionsUntilReplacementPodsAreUp() throws {
    // Three web pods, at most one unavailable. Drift moves them one at a time.
    let s = scenario(
      types: [Self.std], duration: "1h", timeline: [step("10m", apply: [nodePool(labels: "{team: blue}")])])
    let r = try simulate(
      s, nodePool(), managedNode("n1", type: "std", cpu: "4"),
      ownedPod("w0", node: "n1"), ownedPod("w1", node: "n1"), ownedPod("w2", node: "n1"),
      podDisruptionBudget("web", app: "web", minAvailable: "2"))
    let evictions = r.events("PodEvicted")
    #expect(evictions.count == 3)
    #expect(Set(evictions.map(\.time)).count == 3, "one eviction at a time: \(evictions.map(\.time))")
    // Replay: before each eviction, at least minAvailable + 1 web pods are running.
    var running: Set<String> = ["default/w0", "default/w1", "default/w2"]
    for e in r.events {
      if e.type == "PodBound", let p = e.pod { running.insert(p) }
      if e.type == "PodEvicted", let p = e.pod {
        #expect(running.count >= 3, "evicting \(p) at \(e.time) with \(running.count) running")
        running.remove(p)
      }
    }
    #expect(r.pendingPods.isEmpty)
    #expect(r.node(named: "n1") == nil)
  }

  @Test func podDisruptionBudgetThatAllowsNothingBlocksConsolidation() throws {
    let r = try simulate(
      Self.oversized(pod: ownedPod("a", node: "n1")) + [
        podDisruptionBudget("web", app: "web", minAvailable: "1")
      ])
    #expect(r.events("DisruptionDecided").isEmpty)
    #expect(r.events("PodEvicted").isEmpty)
    #expect(r.node(of: "a")?.name == "n1")
  }

  @Test func maxUnavailableZeroBlocksConsolidation() throws {
    let r = try simulate(
      Self.oversized(pod: ownedPod("a", node: "n1")) + [
        podDisruptionBudget("web", app: "web", maxUnavailable: "0")
      ])
    #expect(r.events("DisruptionDecided").isEmpty)
  }

  // MARK: expiration and terminationGracePeriod

  @Test func expireAfterReplacesTheNodeAfterAnHour() throws {
    let pool = withTemplateSpec(nodePool(), ["expireAfter: 1h"])
    let (r, events) = try simulateDetailed([
      scenario(types: [Self.std], duration: "2h"), pool, deployment("web", replicas: 2, cpu: "1"),
    ])
    let first = try #require(r.events("NodeClaimCreated").first)
    #expect(first.time == 1)
    let expired = r.events("DisruptionDecided").filter { $0.reason == "Expired" }
    #expect(expired.map(\.node) == [first.node])
    #expect(expired.first?.time == 3601)
    #expect(r.events("NodeTerminated", node: first.node).first?.reason == "Expired")
    #expect(r.node(named: first.node!) == nil)
    #expect(r.events("NodeClaimCreated").count == 2)
    #expect(r.pendingPods.isEmpty)
    #expect(r.nodes.count == 1)
    #expect(r.nodes.first.map { r.pods(on: $0, prefix: "web-") }?.count == 2)
    let message = try #require(events.first { $0.type == "DisruptionDecided" }?.message)
    #expect(message.contains("expireAfter"), "\(message)")
  }

  @Test func expirationIgnoresBudgets() throws {
    let pool = withTemplateSpec(nodePool(disruption: "{budgets: [{nodes: \"0\"}]}"), ["expireAfter: 1h"])
    let r = try simulate(
      scenario(types: [Self.std], duration: "2h"), pool, deployment("web", replicas: 1, cpu: "1"))
    #expect(r.events("DisruptionDecided").map(\.reason) == ["Expired"])
    #expect(r.events("NodeClaimCreated").count == 2)
  }

  @Test func terminationGracePeriodForcesADrainBlockedByAPodDisruptionBudget() throws {
    let pool = withTemplateSpec(nodePool(), ["expireAfter: 1h", "terminationGracePeriod: 5m"])
    let r = try simulate(
      scenario(types: [Self.std], duration: "2h"), pool, deployment("web", replicas: 1, cpu: "1"),
      podDisruptionBudget("web", app: "web", minAvailable: "1"))
    let first = try #require(r.events("NodeClaimCreated").first?.node)
    #expect(r.firstTime("DisruptionDecided", node: first) == 3601)
    // The PDB holds the pod for the grace period, then the drain is forced.
    let evicted = try #require(r.events("PodEvicted", node: first).first)
    #expect(evicted.time >= 3601 + 300 && evicted.time <= 3601 + 300 + 10, "\(evicted.time)")
    let gone = try #require(r.firstTime("NodeTerminated", node: first))
    #expect(gone >= 3901 && gone <= 3911)
    #expect(r.pendingPods.isEmpty)
  }

  @Test func withoutTerminationGracePeriodAPodDisruptionBudgetHoldsTheExpiredNode() throws {
    let pool = withTemplateSpec(nodePool(), ["expireAfter: 1h"])
    let r = try simulate(
      scenario(types: [Self.std], duration: "3h"), pool, deployment("web", replicas: 1, cpu: "1"),
      podDisruptionBudget("web", app: "web", minAvailable: "1"))
    let first = try #require(r.events("NodeClaimCreated").first?.node)
    #expect(r.firstTime("DisruptionDecided", node: first) == 3601)
    #expect(r.events("PodEvicted").isEmpty)
    #expect(r.node(named: first) != nil)
  }
}
