import Controllers
import ControllersTestSupport
import Testing

/// Expiration: a NodeClaim's creation schedules its expiry; at expiry the node is disrupted
/// (DisruptionDecided, the decision's log line) and terminated, whatever the budgets say.
@Suite struct ExpirationTests {
  let now = 1000.0

  @Test func aNodeClaimWakesKarpenterWhenItsNodePoolsExpireAfterHasElapsed() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default", expireAfter: "1h")
      $0.node("n1")
    }
    #expect(
      karpenter.handle(.nodeClaimCreated("n1", launched: false), now: now, store: store) == [
        .wake(at: now + 3600, .expire("n1"))
      ])
  }

  @Test func withoutExpireAfterTheDefaultOf720hCounts() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1")
    }
    #expect(
      karpenter.handle(.nodeClaimCreated("n1", launched: false), now: now, store: store) == [
        .wake(at: now + 720 * 3600, .expire("n1"))
      ])
  }

  @Test func expireAfterNeverSchedulesNothing() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default", expireAfter: "Never")
      $0.node("n1")
    }
    #expect(karpenter.handle(.nodeClaimCreated("n1", launched: false), now: now, store: store) == [])
  }

  @Test func aNodeWithoutANodePoolNeverExpires() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default", expireAfter: "1h")
      $0.node("unmanaged", pool: nil)
      $0.node("orphan", pool: "deleted-pool")
    }
    #expect(karpenter.handle(.nodeClaimCreated("unmanaged", launched: false), now: now, store: store) == [])
    #expect(karpenter.handle(.nodeClaimCreated("orphan", launched: false), now: now, store: store) == [])
  }

  @Test func atExpiryTheDecisionIsRecordedAndLoggedAndTerminationStarts() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default", expireAfter: "1h")
      $0.node("n1")
      $0.pod("default/a", on: "n1")
      $0.pod("default/b", on: "n1")
      $0.pod("kube-system/proxy-n1", on: "n1", owner: .daemonSet("kube-proxy"))
    }
    let message = "n1 reached its NodePool's expireAfter; its 2 pods move to other or new nodes"
    #expect(
      karpenter.handle(.wake(.expire("n1")), now: now, store: store) == [
        .record(
          SimulationEvent(
            time: now, type: .disruptionDecided, node: "n1", reason: "Expired", message: message)),
        .disruptionTerminating("n1", reason: "Expired", message: message, at: now),
        .log(
          LogRecord(
            time: now, level: "INFO", controller: "disruption", message: "disrupting node(s)",
            fields: ["reason": "Expired", "nodes": "n1", "decision": message])),
        .taint(node: "n1", .disrupted),
        .markTerminating(node: "n1", reason: .expired, drainDeadline: nil),
        .releaseNominations(node: "n1"),
        .evict(pod: "default/a", node: "n1", reason: .expired, honouringBudgets: true),
        .evict(pod: "default/b", node: "n1", reason: .expired, honouringBudgets: true),
        .requestProvisioning,
        .requestStaticCapacity,
      ])
  }

  @Test func theTerminationGracePeriodSetsTheDrainDeadlineAndAnEmptyNodeGoesAtOnce() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default", expireAfter: "1h", terminationGracePeriod: "5m")
      $0.node("n1")
    }
    let message = "n1 reached its NodePool's expireAfter; its 0 pods move to other or new nodes"
    #expect(
      karpenter.handle(.wake(.expire("n1")), now: now, store: store) == [
        .record(
          SimulationEvent(
            time: now, type: .disruptionDecided, node: "n1", reason: "Expired", message: message)),
        .disruptionTerminating("n1", reason: "Expired", message: message, at: now),
        .log(
          LogRecord(
            time: now, level: "INFO", controller: "disruption", message: "disrupting node(s)",
            fields: ["reason": "Expired", "nodes": "n1", "decision": message])),
        .taint(node: "n1", .disrupted),
        .markTerminating(node: "n1", reason: .expired, drainDeadline: now + 300),
        .releaseNominations(node: "n1"),
        .removeNode("n1"),
        .requestProvisioning,
        .requestStaticCapacity,
      ])
  }

  @Test(arguments: [NodeRemovalReason.underutilized, .drifted, .expired, .interrupted])
  func aNodeAlreadyBeingDisruptedIsLeftAloneAndLookedAtAgainIn10Seconds(reason: NodeRemovalReason) {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default", expireAfter: "1h")
      $0.node("n1")
      $0.pod("default/a", on: "n1")
      $0.disrupting("n1", reason)
    }
    #expect(
      karpenter.handle(.wake(.expire("n1")), now: now, store: store) == [.wake(at: now + 10, .expire("n1"))])
  }

  // A consolidation command marked the node and waited for a replacement that never
  // initialized; when the command is undone, the node must still expire (it once lost its
  // expiry for good: the wake-up found the node marked and was dropped).
  @Test func aNodeReleasedByADisruptionCommandStillExpires() {
    var karpenter = Karpenter()
    var store = ClusterStore.build {
      $0.nodePool("default", expireAfter: "1h")
      $0.node("n1")
      $0.disrupting("n1", .underutilized)
    }
    #expect(
      karpenter.handle(.wake(.expire("n1")), now: now, store: store) == [.wake(at: now + 10, .expire("n1"))])
    store.update { $0.released("n1") }
    let effects = karpenter.handle(.wake(.expire("n1")), now: now + 10, store: store)
    #expect(
      effects.first
        == .record(
          SimulationEvent(
            time: now + 10, type: .disruptionDecided, node: "n1", reason: "Expired",
            message: "n1 reached its NodePool's expireAfter; its 0 pods move to other or new nodes")))
    #expect(effects.contains(.removeNode("n1")))
  }

  @Test func aNodeThatIsGoneIsLeftAlone() {
    var karpenter = Karpenter()
    let store = ClusterStore.build { $0.nodePool("default", expireAfter: "1h") }
    #expect(karpenter.handle(.wake(.expire("n1")), now: now, store: store) == [])
  }
}
