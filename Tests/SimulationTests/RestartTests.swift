import Foundation
import Testing

/// A restarted Karpenter (the timeline's `restartKarpenter`) forgets what it kept in memory and
/// rebuilds from the cluster: drains resume, decisions it no longer has are undone at its first
/// disruption pass, in-flight NodeClaims keep their pods, expiry is tracked again.
@Suite struct RestartTests {
  @Test func aDrainHeldByABudgetResumesAfterARestart() throws {
    // Three web pods, at most one unavailable: drift moves them one at a time; Karpenter
    // restarts in the middle of the drain.
    let s = scenario(
      types: [TerminationTests.std], duration: "1h",
      timeline: [
        step("10m", apply: [nodePool(labels: "{team: blue}")]),
        "- at: 10m50s\n  restartKarpenter: true",
      ])
    let r = try simulate(
      s, nodePool(), managedNode("n1", type: "std", cpu: "4"),
      ownedPod("w0", node: "n1"), ownedPod("w1", node: "n1"), ownedPod("w2", node: "n1"),
      podDisruptionBudget("web", app: "web", minAvailable: "2"))
    let evictions = r.events("PodEvicted")
    #expect(evictions.count == 3)
    // One eviction before the restart at 650 s, the others after it.
    #expect(evictions.filter { $0.time < 650 }.count == 1, "\(evictions.map(\.time))")
    #expect(r.pendingPods.isEmpty)
    #expect(r.node(named: "n1") == nil)
  }

  @Test func aDecisionTheRestartedControllerNoLongerHasIsUndoneAtItsFirstPass() throws {
    // The consolidation decided at 405 s waits for a replacement that never initializes; the
    // controller that restarts at 500 s no longer has the decision, so its first pass (510 s)
    // releases the node instead of the old command's timeout at 1005 s.
    let yaml = LifecycleTests.scenario(
      duration: "1000s",
      timeline: """
        [{at: 0s, unavailable: [{instanceType: cheap, for: 5m}]},
         {at: 5m, unavailable: [{instanceType: cheap, failure: registration}]},
         {at: 500s, restartKarpenter: true}]
        """)
    let (json, log) = try LifecycleTests.run(yaml)
    #expect(log.contains { $0["message"] as? String == "starting controllers" && $0["time"] as? String != nil })
    #expect(LifecycleTests.kubernetesEvents(json, "DisruptionBlocked").isEmpty)
    #expect(!log.contains { $0["message"] as? String == "failed to disrupt nodes, replacements did not initialize" })
    let decided = LifecycleTests.events(json, "DisruptionDecided").compactMap { $0["time"] as? Double }
    #expect(decided.first == 405)
    #expect(decided.count == 2, "decided again after the restart: \(decided)")
    #expect(decided.dropFirst().allSatisfy { $0 > 510 })
    #expect(LifecycleTests.events(json, "PodEvicted").isEmpty)
  }

  @Test func podsNominatedToAnInFlightNodeClaimDoNotLaunchASecondOne() throws {
    // The NodeClaim launched at 1 s registers at 31 s; Karpenter restarts at 10 s in between.
    let s = scenario(types: [TerminationTests.std], timeline: ["- at: 10s\n  restartKarpenter: true"])
    let r = try simulate(s, nodePool(), pod("a", cpu: "1"), pod("b", cpu: "1"))
    #expect(r.events("NodeClaimCreated").count == 1)
    #expect(r.events("PodBound").map(\.time) == [31, 31])
    #expect(Set(r.events("PodBound").compactMap(\.node)).count == 1)
  }

  @Test func expiryIsTrackedAgainAfterARestart() throws {
    let s = scenario(types: [TerminationTests.std], duration: "2h", timeline: ["- at: 10m\n  restartKarpenter: true"])
    let pool = nodePool().replacingOccurrences(
      of: "      requirements: []", with: "      requirements: []\n      expireAfter: 1h")
    #expect(pool.contains("expireAfter: 1h"))
    let r = try simulate(s, pool, pod("a", cpu: "1"))
    let expired = r.events("DisruptionDecided").filter { $0.reason == "Expired" }
    #expect(expired.first?.time == 3601)
  }
}
