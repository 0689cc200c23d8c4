import Controllers
import ControllersTestSupport
import KubernetesAPI
import Testing

/// The termination controller: a deleted node is tainted, marked terminating and drained in
/// upstream's order (a group waits for every answer of the one before), PodDisruptionBudgets
/// and do-not-disrupt hold a voluntary drain back until the drain deadline, and once the last
/// group is out the node goes.
@Suite struct TerminationControllerTests {
  let now = 1000.0

  /// A node with a pod of each drain group, two in the first.
  static let mixed = ClusterStore.build {
    $0.nodePool("default")
    $0.node("n1")
    $0.pod("default/a", on: "n1")
    $0.pod("default/b", on: "n1")
    $0.pod("kube-system/proxy-n1", on: "n1", owner: .daemonSet("kube-proxy"))
    $0.pod(
      "kube-system/coredns", on: "n1", owner: .replicaSet("coredns"), priorityClass: .systemClusterCritical)
    $0.pod("kube-system/csi-n1", on: "n1", owner: .daemonSet("csi-node"), priorityClass: .systemNodeCritical)
  }

  static func failedDraining(_ node: String, _ pods: Int, at time: Double = 1000) -> Effect {
    .post(
      KubernetesEventRecord(
        time: time, type: "Warning", reason: "FailedDraining", involvedObject: .init(kind: "Node", name: node),
        message:
          "Failed to drain node, \(pods) pods are waiting to be evicted (PodDisruptionBudget or do-not-disrupt)"))
  }

  // MARK: Starting

  @Test func aDeletionTaintsMarksReleasesNominationsAndEvictsTheFirstGroup() {
    var karpenter = Karpenter()
    #expect(
      karpenter.handle(.delete(Deletion(node: "n1", reason: .deleted)), now: now, store: Self.mixed) == [
        .taint(node: "n1", .disrupted),
        .markTerminating(node: "n1", reason: .deleted, drainDeadline: nil),
        .releaseNominations(node: "n1"),
        .evict(pod: "default/a", node: "n1", reason: .deleted, honouringBudgets: true),
        .evict(pod: "default/b", node: "n1", reason: .deleted, honouringBudgets: true),
        .requestProvisioning,
        .requestStaticCapacity,
      ])
  }

  @Test func anEmptyNodeGoesAtOnce() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1")
    }
    #expect(
      karpenter.handle(
        .delete(Deletion(node: "n1", reason: .underutilized, supersedes: true)), now: now, store: store)
        == [
          .taint(node: "n1", .disrupted),
          .markTerminating(node: "n1", reason: .underutilized, drainDeadline: nil),
          .releaseNominations(node: "n1"),
          .removeNode("n1"),
          .requestProvisioning,
          .requestStaticCapacity,
        ])
  }

  @Test func aNodeKarpenterDoesNotManageAsksNoStaticCapacity() {
    var karpenter = Karpenter()
    let store = ClusterStore.build { $0.node("n1", pool: nil) }
    #expect(
      karpenter.handle(.delete(Deletion(node: "n1", reason: .deleted)), now: now, store: store) == [
        .taint(node: "n1", .disrupted),
        .markTerminating(node: "n1", reason: .deleted, drainDeadline: nil),
        .releaseNominations(node: "n1"),
        .removeNode("n1"),
        .requestProvisioning,
      ])
  }

  @Test func aNodeThatIsGoneIsLeftAlone() {
    var karpenter = Karpenter()
    #expect(
      karpenter.handle(.delete(Deletion(node: "n9", reason: .deleted)), now: now, store: Self.mixed) == [])
    #expect(karpenter.handle(.wake(.drain("n9")), now: now, store: Self.mixed) == [])
    #expect(
      karpenter.handle(.evicted(pod: "default/a", node: "n9", .evicted), now: now, store: Self.mixed) == [])
  }

  // MARK: Drain order

  @Test func groupsGoInUpstreamsOrderEachAfterEveryAnswerOfTheOneBefore() {
    var karpenter = Karpenter()
    var store = Self.mixed
    _ = karpenter.handle(.delete(Deletion(node: "n1", reason: .drifted)), now: now, store: store)
    func evicted(_ pod: String) -> Effect { .evictedEvent(pod, reason: "Drifted", at: now) }
    func answer(_ pod: String) -> [Effect] {
      store.update { $0.removePod(pod) }
      return karpenter.handle(.evicted(pod: pod, node: "n1", .evicted), now: now, store: store)
    }
    // Non-critical pods, then non-critical DaemonSet pods, critical pods, critical DaemonSet pods.
    #expect(answer("default/b") == [evicted("default/b")], "default/a is not answered yet")
    #expect(
      answer("default/a") == [
        evicted("default/a"),
        .evict(pod: "kube-system/proxy-n1", node: "n1", reason: .drifted, honouringBudgets: true)
      ])
    #expect(
      answer("kube-system/proxy-n1") == [
        evicted("kube-system/proxy-n1"),
        .evict(pod: "kube-system/coredns", node: "n1", reason: .drifted, honouringBudgets: true)
      ])
    #expect(
      answer("kube-system/coredns") == [
        evicted("kube-system/coredns"),
        .evict(pod: "kube-system/csi-n1", node: "n1", reason: .drifted, honouringBudgets: true)
      ])
    #expect(answer("kube-system/csi-n1") == [evicted("kube-system/csi-n1"), .removeNode("n1")])
  }

  @Test func emptyGroupsAreSkipped() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1")
      $0.pod("default/a", on: "n1")
      $0.pod(
        "kube-system/csi-n1", on: "n1", owner: .daemonSet("csi-node"), priorityClass: .systemNodeCritical)
    }
    _ = karpenter.handle(.delete(Deletion(node: "n1", reason: .deleted)), now: now, store: store)
    #expect(
      karpenter.handle(.evicted(pod: "default/a", node: "n1", .evicted), now: now, store: store) == [
        .evictedEvent("default/a", reason: "Deleted", at: now),
        .evict(pod: "kube-system/csi-n1", node: "n1", reason: .deleted, honouringBudgets: true)
      ])
  }

  @Test func aPodAlreadyGoneCountsAsAnAnswer() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1")
      $0.pod("default/a", on: "n1")
    }
    _ = karpenter.handle(.delete(Deletion(node: "n1", reason: .deleted)), now: now, store: store)
    #expect(
      karpenter.handle(.evicted(pod: "default/a", node: "n1", .gone), now: now, store: store) == [
        .removeNode("n1")
      ])
  }

  @Test func anAnswerNobodyWaitsForChangesNothing() {
    var karpenter = Karpenter()
    _ = karpenter.handle(.delete(Deletion(node: "n1", reason: .deleted)), now: now, store: Self.mixed)
    // A pod of a later group, and one answered twice.
    #expect(
      karpenter.handle(
        .evicted(pod: "kube-system/coredns", node: "n1", .evicted), now: now, store: Self.mixed) == [])
    #expect(
      karpenter.handle(.evicted(pod: "default/a", node: "n1", .evicted), now: now, store: Self.mixed) == [.evictedEvent("default/a", reason: "Deleted", at: now)])
    #expect(
      karpenter.handle(.evicted(pod: "default/a", node: "n1", .evicted), now: now, store: Self.mixed) == [])
  }

  @Test func aPodThatToleratesTheDisruptedTaintIsNotEvicted() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1")
      $0.pod("default/a", on: "n1")
      $0.pod("default/stays", on: "n1", tolerations: [.disrupted])
      $0.pod("default/stays-too", on: "n1", tolerations: [Toleration(operator: "Exists")])
    }
    #expect(
      karpenter.handle(.delete(Deletion(node: "n1", reason: .deleted)), now: now, store: store) == [
        .taint(node: "n1", .disrupted),
        .markTerminating(node: "n1", reason: .deleted, drainDeadline: nil),
        .releaseNominations(node: "n1"),
        .evict(pod: "default/a", node: "n1", reason: .deleted, honouringBudgets: true),
        .requestProvisioning,
        .requestStaticCapacity,
      ])
    #expect(
      karpenter.handle(.evicted(pod: "default/a", node: "n1", .evicted), now: now, store: store) == [
        .evictedEvent("default/a", reason: "Deleted", at: now),
        .removeNode("n1")
      ])
  }

  @Test func aPodThatToleratesAnotherTaintIsEvicted() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1")
      $0.pod(
        "default/a", on: "n1", tolerations: [Toleration(key: "gpu", operator: "Exists", effect: "NoSchedule")]
      )
    }
    #expect(
      karpenter.handle(.delete(Deletion(node: "n1", reason: .deleted)), now: now, store: store).contains(
        .evict(pod: "default/a", node: "n1", reason: .deleted, honouringBudgets: true)))
  }

  // MARK: What holds a drain back

  @Test func doNotDisruptHoldsBackAVoluntaryDrain() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1")
      $0.pod("default/a", on: "n1", doNotDisrupt: true)
      $0.pod("default/b", on: "n1")
      $0.pod("kube-system/proxy-n1", on: "n1", owner: .daemonSet("kube-proxy"))
    }
    #expect(
      karpenter.handle(
        .delete(Deletion(node: "n1", reason: .drifted, supersedes: true)), now: now, store: store) == [
          .taint(node: "n1", .disrupted),
          .markTerminating(node: "n1", reason: .drifted, drainDeadline: nil),
          .releaseNominations(node: "n1"),
          .evict(pod: "default/b", node: "n1", reason: .drifted, honouringBudgets: true),
          .requestProvisioning,
          .requestStaticCapacity,
        ])
    // b is out, a stays: the next group waits, and the drain is tried again in 10 s.
    #expect(
      karpenter.handle(.evicted(pod: "default/b", node: "n1", .evicted), now: now, store: store) == [
        .evictedEvent("default/b", reason: "Drifted", at: now),
        Self.failedDraining("n1", 1),
        .wake(at: now + 10, .drain("n1")),
      ])
  }

  @Test func aGroupHeldBackEntirelyByDoNotDisruptRetriesAtOnce() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1")
      $0.pod("default/a", on: "n1", doNotDisrupt: true)
    }
    #expect(
      karpenter.handle(.delete(Deletion(node: "n1", reason: .expired)), now: now, store: store) == [
        .taint(node: "n1", .disrupted),
        .markTerminating(node: "n1", reason: .expired, drainDeadline: nil),
        .releaseNominations(node: "n1"),
        Self.failedDraining("n1", 1),
        .wake(at: now + 10, .drain("n1")),
        .requestProvisioning,
        .requestStaticCapacity,
      ])
  }

  @Test func doNotDisruptDoesNotHoldBackAnInterruption() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1")
      $0.pod("default/a", on: "n1", doNotDisrupt: true)
    }
    #expect(
      karpenter.handle(
        .delete(Deletion(node: "n1", reason: .interrupted, supersedes: true)), now: now, store: store)
        == [
          .taint(node: "n1", .disrupted),
          .markTerminating(node: "n1", reason: .interrupted, drainDeadline: nil),
          .releaseNominations(node: "n1"),
          .evict(pod: "default/a", node: "n1", reason: .interrupted, honouringBudgets: true),
          .requestProvisioning,
          .requestStaticCapacity,
        ])
  }

  @Test func aBudgetRefusalGivesFailedDrainingAndARetryIn10Seconds() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1")
      $0.pod("default/a", on: "n1")
      $0.pod("default/b", on: "n1")
      $0.pod("kube-system/proxy-n1", on: "n1", owner: .daemonSet("kube-proxy"))
      $0.podDisruptionBudget("default/web", app: "web", minAvailable: 2)
    }
    _ = karpenter.handle(.delete(Deletion(node: "n1", reason: .drifted)), now: now, store: store)
    #expect(
      karpenter.handle(.evicted(pod: "default/a", node: "n1", .refusedByBudget), now: now, store: store) == []
    )
    #expect(
      karpenter.handle(.evicted(pod: "default/b", node: "n1", .refusedByBudget), now: now, store: store) == [
        Self.failedDraining("n1", 2),
        .wake(at: now + 10, .drain("n1")),
      ])
  }

  @Test func doNotDisruptAndBudgetRefusalsAddUp() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1")
      $0.pod("default/a", on: "n1", doNotDisrupt: true)
      $0.pod("default/b", on: "n1")
    }
    _ = karpenter.handle(.delete(Deletion(node: "n1", reason: .drifted)), now: now, store: store)
    #expect(
      karpenter.handle(.evicted(pod: "default/b", node: "n1", .refusedByBudget), now: now, store: store) == [
        Self.failedDraining("n1", 2),
        .wake(at: now + 10, .drain("n1")),
      ])
  }

  @Test func withATerminationGracePeriodTheDrainIsAlsoRetriedAtItsDeadline() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default", terminationGracePeriod: "5m")
      $0.node("n1")
      $0.pod("default/a", on: "n1")
    }
    #expect(
      karpenter.handle(.delete(Deletion(node: "n1", reason: .expired)), now: now, store: store) == [
        .taint(node: "n1", .disrupted),
        .markTerminating(node: "n1", reason: .expired, drainDeadline: now + 300),
        .releaseNominations(node: "n1"),
        .evict(pod: "default/a", node: "n1", reason: .expired, honouringBudgets: true),
        .requestProvisioning,
        .requestStaticCapacity,
      ])
    #expect(
      karpenter.handle(.evicted(pod: "default/a", node: "n1", .refusedByBudget), now: now, store: store) == [
        Self.failedDraining("n1", 1),
        .wake(at: now + 10, .drain("n1")),
        .wake(at: now + 300, .drain("n1")),
      ])
  }

  @Test func aRetryDrainsWithTheReasonAndDeadlineTheNodeWasMarkedWith() {
    var karpenter = Karpenter()
    var store = ClusterStore.build {
      $0.nodePool("default", terminationGracePeriod: "5m")
      $0.node("n1")
      $0.pod("default/a", on: "n1", doNotDisrupt: true)
      $0.pod("default/b", on: "n1")
    }
    _ = karpenter.handle(.delete(Deletion(node: "n1", reason: .expired)), now: now, store: store)
    _ = karpenter.handle(.evicted(pod: "default/b", node: "n1", .refusedByBudget), now: now, store: store)
    // What the executor wrote for `markDisrupted`.
    store.update { $0.disrupting("n1", .expired, drainDeadline: now + 300) }
    // Before the deadline: budgets and do-not-disrupt still hold; no taint or mark again.
    #expect(
      karpenter.handle(.wake(.drain("n1")), now: now + 10, store: store) == [
        .evict(pod: "default/b", node: "n1", reason: .expired, honouringBudgets: true)
      ])
    store.update { $0.removePod("default/b") }
    #expect(
      karpenter.handle(.evicted(pod: "default/b", node: "n1", .evicted), now: now + 10, store: store) == [
        .evictedEvent("default/b", reason: "Expired", at: now + 10),
        Self.failedDraining("n1", 1, at: now + 10),
        .wake(at: now + 20, .drain("n1")),
        .wake(at: now + 300, .drain("n1")),
      ])
    // At the deadline neither holds: the do-not-disrupt pod is deleted regardless of budgets.
    #expect(
      karpenter.handle(.wake(.drain("n1")), now: now + 300, store: store) == [
        .evict(pod: "default/a", node: "n1", reason: .expired, honouringBudgets: false)
      ])
    #expect(
      karpenter.handle(.evicted(pod: "default/a", node: "n1", .evicted), now: now + 300, store: store) == [
        .evictedEvent("default/a", reason: "Expired", at: now + 300),
        .removeNode("n1")
      ])
  }

  @Test func aForcefulDeletionEvictsEverythingWithoutHonouringBudgets() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default", terminationGracePeriod: "5m")
      $0.node("n1")
      $0.pod("default/a", on: "n1", doNotDisrupt: true)
      $0.pod("default/b", on: "n1")
      $0.pod("kube-system/proxy-n1", on: "n1", owner: .daemonSet("kube-proxy"))
    }
    #expect(
      karpenter.handle(
        .delete(Deletion(node: "n1", reason: .deleted, forceful: true)), now: now, store: store) == [
          .taint(node: "n1", .disrupted),
          .markTerminating(node: "n1", reason: .deleted, drainDeadline: now),
          .releaseNominations(node: "n1"),
          .evict(pod: "default/a", node: "n1", reason: .deleted, honouringBudgets: false),
          .evict(pod: "default/b", node: "n1", reason: .deleted, honouringBudgets: false),
          .requestProvisioning,
          .requestStaticCapacity,
        ])
    _ = karpenter.handle(.evicted(pod: "default/a", node: "n1", .evicted), now: now, store: store)
    #expect(
      karpenter.handle(.evicted(pod: "default/b", node: "n1", .evicted), now: now, store: store) == [
        .evictedEvent("default/b", reason: "Deleted", at: now),
        .evict(pod: "kube-system/proxy-n1", node: "n1", reason: .deleted, honouringBudgets: false)
      ])
    #expect(
      karpenter.handle(.evicted(pod: "kube-system/proxy-n1", node: "n1", .evicted), now: now, store: store)
        == [
        .evictedEvent("kube-system/proxy-n1", reason: "Deleted", at: now),
          .removeNode("n1")
        ])
  }

  @Test func aTerminationGracePeriodOfZeroDrainsWithoutHonouringBudgetsAtOnce() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default", terminationGracePeriod: "0s")
      $0.node("n1")
      $0.pod("default/a", on: "n1", doNotDisrupt: true)
    }
    #expect(
      karpenter.handle(.delete(Deletion(node: "n1", reason: .expired)), now: now, store: store) == [
        .taint(node: "n1", .disrupted),
        .markTerminating(node: "n1", reason: .expired, drainDeadline: now),
        .releaseNominations(node: "n1"),
        .evict(pod: "default/a", node: "n1", reason: .expired, honouringBudgets: false),
        .requestProvisioning,
        .requestStaticCapacity,
      ])
  }

  // MARK: A node already being disrupted

  @Test func aNodeAlreadyBeingDisruptedIsLeftAlone() {
    var karpenter = Karpenter()
    var store = Self.mixed
    store.update { $0.disrupting("n1", .underutilized) }
    #expect(
      karpenter.handle(.delete(Deletion(node: "n1", reason: .overprovisioned)), now: now, store: store) == [])
  }

  @Test func aDeletionThatSupersedesTheDisruptionStartsTerminationKeepingTheDeadline() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default", terminationGracePeriod: "5m")
      $0.node("n1")
      $0.pod("default/a", on: "n1")
      $0.disrupting("n1", .expired, drainDeadline: 700)
    }
    #expect(
      karpenter.handle(
        .delete(Deletion(node: "n1", reason: .interrupted, supersedes: true)), now: now, store: store)
        == [
          .taint(node: "n1", .disrupted),
          .markTerminating(node: "n1", reason: .interrupted, drainDeadline: 700),
          .releaseNominations(node: "n1"),
          .evict(pod: "default/a", node: "n1", reason: .interrupted, honouringBudgets: false),
          .requestProvisioning,
          .requestStaticCapacity,
        ])
  }

  @Test func aForcefulDeletionOverridesADisruptionUnderWay() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1")
      $0.pod("default/a", on: "n1")
      $0.disrupting("n1", .drifted)
    }
    #expect(
      karpenter.handle(
        .delete(Deletion(node: "n1", reason: .deleted, forceful: true)), now: now, store: store) == [
          .taint(node: "n1", .disrupted),
          .markTerminating(node: "n1", reason: .deleted, drainDeadline: now),
          .releaseNominations(node: "n1"),
          .evict(pod: "default/a", node: "n1", reason: .deleted, honouringBudgets: false),
          .requestProvisioning,
          .requestStaticCapacity,
        ])
  }
}
