import Foundation
import Testing

/// The Scenario timeline (apply, delete, scale, interrupt, unavailable offerings), the quiet
/// rule and `duration`.
@Suite struct TimelineTests {
  static let std = instanceType("std", cpu: "4", offerings: ["zone-a:on-demand:0.4"])

  // MARK: apply, delete, scale

  @Test func deploymentAppliedAtTenMinutesGetsANodeThen() throws {
    let s = scenario(
      types: [Self.std], timeline: [step("10m", apply: [deployment("web", replicas: 2, cpu: "1")])])
    let r = try simulate(s, nodePool())
    #expect(r.pendingPods.isEmpty)
    let node = try #require(r.node(of: "web-0"))
    #expect(r.node(of: "web-1")?.name == node.name)
    #expect(node.createdAt == 601)  // the batch closes 1 s after the pods arrive
    #expect(r.firstTime("NodeClaimCreated") == 601)
    #expect(r.firstTime("NodeReady") == 631)
    #expect(r.events("PodBound").allSatisfy { $0.time == 631 })
    // Nothing happens before the entry.
    #expect(r.events.allSatisfy { $0.time >= 600 })
  }

  /// `kubectl apply` of a Pod that exists updates it: a bound pod stays bound where it is,
  /// once; it is never bound on a second node.
  @Test func aBoundPodAppliedAgainStaysOnItsNodeOnce() throws {
    let s = scenario(
      types: [Self.std],
      timeline: [step("10m", apply: [pod("solo", cpu: "3", labels: ["tier": "web"])])])
    let r = try simulate(s, nodePool(), pod("solo", cpu: "3"))
    #expect(r.pendingPods.isEmpty)
    #expect(r.nodes.flatMap(\.pods).filter { $0 == "default/solo" }.count == 1)
    #expect(r.events("NodeClaimCreated").count == 1)
    #expect(r.events("PodBound").filter { $0.pod == "default/solo" }.count == 1)
  }

  /// A pending pod applied again is replaced by the new one.
  @Test func aPendingPodAppliedAgainIsReplaced() throws {
    let s = scenario(
      types: [Self.std], timeline: [step("10m", apply: [pod("big", cpu: "1")])])
    let r = try simulate(s, nodePool(), pod("big", cpu: "8"))
    #expect(r.pendingPods.isEmpty)
    #expect(r.nodes.flatMap(\.pods).filter { $0 == "default/big" }.count == 1)
    #expect(r.events("PodBound").filter { $0.pod == "default/big" }.map(\.time) == [631])
  }

  @Test func deletedDeploymentTakesItsPodsAndItsNowEmptyNodeGoes() throws {
    let s = scenario(types: [Self.std], timeline: [step("10m", delete: [ref("Deployment", "web")])])
    let r = try simulate(
      s, nodePool(), deployment("web", replicas: 2, cpu: "1"), deployment("keep", replicas: 1, cpu: "3"))
    #expect(r.pendingPods.isEmpty)
    #expect(r.pendingNames.allSatisfy { !$0.contains("web") })
    #expect(r.nodes.flatMap(\.pods).allSatisfy { !$0.contains("web-") })
    // Two nodes first (1 + 3 CPU on 4-CPU nodes, pods larger first: keep, then web), then the
    // node that held only web is empty and is removed as Empty.
    #expect(r.events("NodeClaimCreated").count >= 1)
    #expect(r.node(of: "keep-0") != nil)
    for removed in r.events("NodeTerminated") {
      #expect(removed.time >= 600)
    }
    #expect(r.nodes.count == 1)
    #expect(
      !r.events("PodEvicted").contains { $0.pod?.contains("web") == true }, "deleted pods are not evictions")
  }

  @Test func deleteOfTheOnlyWorkloadEmptiesTheClusterAsEmpty() throws {
    let s = scenario(types: [Self.std], timeline: [step("10m", delete: [ref("Deployment", "web")])])
    let r = try simulate(s, nodePool(), deployment("web", replicas: 2, cpu: "1"))
    #expect(r.nodes.isEmpty)
    #expect(r.pendingPods.isEmpty)
    let decided = r.events("DisruptionDecided")
    #expect(decided.count == 1)
    #expect(decided.first?.reason == "Empty")
    let t = try #require(decided.first?.time)
    #expect(t >= 600 + 15 && t <= 600 + 10 + 15, "validated 15 s after the next pass")
    #expect(r.events("NodeTerminated").first?.reason == "Empty")
    #expect(r.endTime == r.events.last!.time + 900)
  }

  @Test func scaleUpAddsPodsAndCapacityScaleDownShrinksTheCluster() throws {
    let s = scenario(
      types: [Self.std],
      timeline: [
        step("10m", scale: [scaleTo("web", 6)]),
        step("30m", scale: [scaleTo("web", 1)]),
      ])
    let r = try simulate(s, nodePool(), deployment("web", replicas: 2, cpu: "1"))
    #expect(r.pendingPods.isEmpty)
    // Up: 6 CPU needs a second 4-CPU node at 10m.
    let created = r.events("NodeClaimCreated")
    #expect(created.count >= 2)
    #expect(created.filter { $0.time < 600 }.count == 1)
    #expect(created.contains { $0.time >= 600 && $0.time < 1800 })
    let bound = Set(r.events("PodBound").compactMap(\.pod))
    #expect(bound.isSuperset(of: (0..<6).map { "default/web-\($0)" }))
    // Down: only web-0 is left, on one node.
    #expect(r.nodes.count == 1)
    #expect(r.nodes.first?.pods == ["default/web-0"])
  }

  // MARK: interruption

  static let spot = instanceType("sp", cpu: "4", offerings: ["zone-a:spot:0.1", "zone-a:on-demand:0.4"])

  @Test func interruptedSpotNodeIsDrainedAtOnceAndItsPodsGetANewNode() throws {
    let s = scenario(types: [Self.spot], timeline: [step("10m", interrupt: ["{node: s1}"])])
    let r = try simulate(
      s, nodePool(), managedNode("s1", type: "sp", capacityType: "spot", cpu: "4"),
      ownedPod("a", node: "s1"), ownedPod("b", node: "s1"))
    let decided = r.events("DisruptionDecided", node: "s1")
    #expect(decided.count == 1)
    #expect(decided.first?.reason == "Interrupted")
    #expect(decided.first?.time == 600)
    // Drained at once.
    let evicted = r.events("PodEvicted", node: "s1")
    #expect(Set(evicted.compactMap(\.pod)) == ["default/a", "default/b"])
    #expect(evicted.allSatisfy { $0.time == 600 })
    // Gone within the two-minute notice.
    let gone = try #require(r.firstTime("NodeTerminated", node: "s1"))
    #expect(gone >= 600 && gone <= 720)
    #expect(r.node(named: "s1") == nil)
    // New capacity for the pods.
    #expect(r.events("NodeClaimCreated").contains { $0.time >= 600 && $0.time <= 611 })
    #expect(r.pendingPods.isEmpty)
    #expect(r.node(of: "a") != nil && r.node(of: "b") != nil)
  }

  @Test func interruptStarHitsEverySpotNodeAndNoOnDemandNode() throws {
    let s = scenario(types: [Self.spot], timeline: [step("10m", interrupt: ["{node: \"*\"}"])])
    let r = try simulate(
      s, nodePool(),
      managedNode("s1", type: "sp", capacityType: "spot", cpu: "4"),
      managedNode("s2", type: "sp", capacityType: "spot", cpu: "4"),
      managedNode("od", type: "sp", capacityType: "on-demand", cpu: "4"),
      ownedPod("a", node: "s1", cpu: "3"), ownedPod("b", node: "s2", cpu: "3"),
      ownedPod("c", node: "od", cpu: "3", annotations: "{karpenter.sh/do-not-disrupt: \"true\"}"))
    let interrupted = r.events("DisruptionDecided").filter { $0.reason == "Interrupted" }
    #expect(Set(interrupted.compactMap(\.node)) == ["s1", "s2"])
    #expect(interrupted.allSatisfy { $0.time == 600 })
    #expect(r.node(named: "od") != nil)
    #expect(r.node(of: "c")?.name == "od")
    #expect(r.node(named: "s1") == nil && r.node(named: "s2") == nil)
    #expect(r.pendingPods.isEmpty)
  }

  // MARK: the quiet rule and duration

  @Test func withoutDurationTheRunEndsFifteenMinutesAfterTheLastActivity() throws {
    let r = try simulate(scenario(types: [Self.std]), nodePool(), pod("p", cpu: "1"))
    #expect(r.firstTime("PodBound") == 31)
    #expect(r.endTime == 31 + 900)
  }

  @Test func withoutDurationALateTimelineEntryExtendsTheRun() throws {
    // The entry at 1h changes nothing (same replica count), but the run lasts until 15 min after it.
    let s = scenario(types: [Self.std], timeline: [step("1h", scale: [scaleTo("web", 1)])])
    let r = try simulate(s, nodePool(), deployment("web", replicas: 1, cpu: "1"))
    #expect(r.endTime == 3600 + 900)
    #expect(r.nodes.count == 1)
  }

  @Test func quietRuleCountsFromTheLastActivityAfterTheLastEntry() throws {
    let s = scenario(
      types: [Self.std], timeline: [step("10m", apply: [deployment("web", replicas: 1, cpu: "1")])])
    let r = try simulate(s, nodePool())
    #expect(r.endTime == 631 + 900)
  }

  @Test func durationFixesTheEndTime() throws {
    let r = try simulate(scenario(types: [Self.std], duration: "2h"), nodePool(), pod("p", cpu: "1"))
    #expect(r.endTime == 7200)
    #expect(r.nodes.count == 1)
    #expect(abs(r.cost.total - 0.4 * (7200 - 1) / 3600) < 1e-6, "\(r.cost.total)")
  }

  @Test func durationCutsTheTimelineShort() throws {
    let s = scenario(
      types: [Self.std], duration: "5m", timeline: [step("10m", apply: [deployment("late", replicas: 1)])])
    let r = try simulate(s, nodePool())
    #expect(r.endTime == 300)
    #expect(r.events.isEmpty)
    #expect(r.nodes.isEmpty)
  }

  // MARK: launch failures

  @Test func unavailableInstanceTypeFailsThenAnotherTypeLaunches() throws {
    let types = [
      instanceType("cheap", cpu: "4", offerings: ["zone-a:on-demand:0.1"]),
      instanceType("pricey", cpu: "4", offerings: ["zone-a:on-demand:0.2"]),
    ]
    let s = scenario(
      types: types,
      timeline: [
        step("10m", apply: [deployment("web", replicas: 1, cpu: "1")], unavailable: ["{instanceType: cheap}"])
      ])
    let r = try simulate(s, nodePool())
    let failed = r.events("LaunchFailed")
    #expect(failed.count >= 1)
    let firstFailure = try #require(failed.first)
    #expect(firstFailure.time == 601)
    #expect(firstFailure.reason?.contains("cheap") == true, "\(firstFailure.reason ?? "")")
    let created = r.events("NodeClaimCreated")
    #expect(created.count == 1)
    #expect(try #require(created.first).time > firstFailure.time)
    #expect(try #require(created.first).time <= firstFailure.time + 11)
    #expect(r.node(of: "web-0")?.instanceType == "pricey")
    #expect(r.pendingPods.isEmpty)
    #expect(r.endTime < 86_400, "no endless retries")
  }

  @Test func unavailableZoneFailsThenTheSameTypeLaunchesInAnotherZone() throws {
    let types = [instanceType("std", cpu: "4", offerings: ["zone-a:on-demand:0.1", "zone-b:on-demand:0.15"])]
    let s = scenario(
      types: types,
      timeline: [
        step(
          "10m", apply: [deployment("web", replicas: 1, cpu: "1")], unavailable: ["{zone: zone-a, for: 1h}"])
      ])
    // consolidateAfter Never: once zone-a is back, consolidation would move the pod to the
    // cheaper zone-a offering, which is right but not what this test looks at.
    let r = try simulate(s, nodePool(disruption: "{consolidateAfter: Never}"))
    #expect(r.firstTime("LaunchFailed") == 601)
    #expect(r.node(of: "web-0")?.zone == "zone-b")
    #expect(r.node(of: "web-0")?.instanceType == "std")
    #expect(r.pendingPods.isEmpty)
  }

  @Test func unavailableSpotFallsBackToOnDemand() throws {
    let types = [instanceType("std", cpu: "4", offerings: ["zone-a:spot:0.05", "zone-a:on-demand:0.2"])]
    let s = scenario(
      types: types,
      timeline: [
        step("10m", apply: [deployment("web", replicas: 1, cpu: "1")], unavailable: ["{capacityType: spot}"])
      ])
    let r = try simulate(s, nodePool())
    #expect(r.firstTime("LaunchFailed") == 601)
    #expect(r.node(of: "web-0")?.capacityType == "on-demand")
  }
}
