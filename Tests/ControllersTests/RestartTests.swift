import Controllers
import ControllersTestSupport
import Testing

/// A restarted Karpenter rebuilds what it kept in memory from the store alone.
@Suite struct RestartTests {
  let now = 1000.0

  @Test func aRestartResumesDrainsAndTracksExpiryRegistrationAndPendingPodsAgain() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default", expireAfter: "1h")
      $0.node("deleting")
      $0.disrupting("deleting", .expired, terminatingSince: 990)
      $0.node("old", createdAt: -3000)
      $0.node("young", createdAt: 800, launchedAt: 800)
      $0.node("joining", createdAt: 950, launchedAt: 950, registered: false)
      $0.pod("default/pending")
    }
    let effects = karpenter.handle(.restarted, now: now, store: store)
    let started = LogRecord(
      time: now, level: "INFO", controller: "controller", message: "starting controllers",
      fields: ["reason": "restarted; rebuilding state from the cluster"])
    let expected: [Effect] = [
      .log(started),
      .wake(at: now + 10, .disruption),
      .wake(at: now, .drain("deleting")),
      .wake(at: 950 + 3600, .expire("joining")),
      .wake(at: 950 + 900, .registrationTimeout("joining")),
      .wake(at: now, .expire("old")),  // expired while no controller ran: at once
      .wake(at: 800 + 3600, .expire("young")),
      .wake(at: now + 1, .provision),
    ]
    #expect(effects == expected)
  }

  @Test func aNodeMarkedForADecisionTheControllerNoLongerHasIsReleasedAtTheFirstPass() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("marked")
      $0.disrupting("marked", .underutilized)
      $0.node("deleting")
      $0.disrupting("deleting", .underutilized, terminatingSince: 990)
    }
    _ = karpenter.handle(.restarted, now: now, store: store)
    let pass = karpenter.handle(.wake(.disruption), now: now + 10, store: store)
    #expect(pass.first == .unmarkDisrupted(node: "marked"))
    #expect(!pass.contains(.unmarkDisrupted(node: "deleting")))
  }

  @Test func nominationsAreMadeAnew() {
    var karpenter = Karpenter()
    var store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("inflight", launchedAt: 995, registered: false)
      $0.pod("default/a")
    }
    store[node: "inflight"]!.hold("default/a", store.pods["default/a"]!.requests)
    store[pod: "default/a"]!.nominated = "inflight"
    let effects = karpenter.handle(.restarted, now: now, store: store)
    #expect(effects.contains(.releaseNominations(node: "inflight")))
    #expect(effects.last == .wake(at: now + 1, .provision))
  }
}
