import Controllers
import ControllersTestSupport
import Testing

/// The provisioner: pending pods are batched (the batch ends 1 s after the last pod arrived, at
/// most 10 s after the first), then scheduled against the nodes there are (nominations) and the
/// NodePools (NodeClaims to launch); what fits nowhere is reported, and a batch that launched
/// and still left pods behind tries them again.
@Suite struct ProvisionerTests {
  let now = 100.0

  /// Two instance types, nothing running, one pod pending.
  static let empty = ClusterStore.build {
    $0.nodePool("default")
    $0.instanceType("m5.large", cpu: "2", memory: "8Gi", price: 0.096)
    $0.instanceType("m5.xlarge", cpu: "4", memory: "16Gi", price: 0.192)
    $0.pod("default/a")
  }

  // MARK: Batching

  @Test func aRequestStartsABatchThatEndsASecondLater() {
    var karpenter = Karpenter()
    #expect(
      karpenter.handle(.provisioningRequested, now: now, store: Self.empty) == [
        .wake(at: now + 1, .provision)
      ])
  }

  @Test func podsThatKeepArrivingExtendTheBatch() {
    var karpenter = Karpenter()
    #expect(
      karpenter.handle(.provisioningRequested, now: now, store: Self.empty) == [
        .wake(at: now + 1, .provision)
      ])
    #expect(
      karpenter.handle(.provisioningRequested, now: now + 0.5, store: Self.empty) == [
        .wake(at: now + 1.5, .provision)
      ])
    #expect(
      karpenter.handle(.provisioningRequested, now: now + 1.2, store: Self.empty) == [
        .wake(at: now + 2.2, .provision)
      ])
  }

  @Test func aRequestThatDoesNotMoveTheEndAsksForNoSecondWake() {
    var karpenter = Karpenter()
    _ = karpenter.handle(.provisioningRequested, now: now, store: Self.empty)
    #expect(karpenter.handle(.provisioningRequested, now: now, store: Self.empty) == [])
  }

  @Test func aBatchEndsAtMostTenSecondsAfterItsFirstPod() {
    var karpenter = Karpenter()
    // A pod every 0.95 s: each moves the end 1 s after it, until the tenth second caps it.
    let arrivals = (0..<11).map { now + 0.95 * Double($0) }
    var wakes: [Effect] = []
    for t in arrivals { wakes += karpenter.handle(.provisioningRequested, now: t, store: Self.empty) }
    let expected: [Effect] =
      arrivals.prefix(10).map { .wake(at: $0 + 1, .provision) } + [.wake(at: now + 10, .provision)]
    #expect(wakes == expected)
    #expect(karpenter.handle(.provisioningRequested, now: now + 9.8, store: Self.empty) == [])
  }

  @Test func theWakeOfABatchThatWasExtendedDoesNothing() {
    var karpenter = Karpenter()
    _ = karpenter.handle(.provisioningRequested, now: now, store: Self.empty)
    _ = karpenter.handle(.provisioningRequested, now: now + 0.5, store: Self.empty)
    // The batch now ends at now + 1.5: the wake asked for at first is stale.
    #expect(karpenter.handle(.wake(.provision), now: now + 1, store: Self.empty) == [])
    #expect(
      karpenter.handle(.wake(.provision), now: now + 1.5, store: Self.empty).first
        == .seenByProvisioner(["default/a"]))
  }

  @Test func aNewBatchStartsOnceTheLastOneIsOver() {
    var karpenter = Karpenter()
    _ = karpenter.handle(.provisioningRequested, now: now, store: Self.empty)
    _ = karpenter.handle(.wake(.provision), now: now + 1, store: Self.empty)
    #expect(
      karpenter.handle(.provisioningRequested, now: now + 20, store: Self.empty) == [
        .wake(at: now + 21, .provision)
      ])
  }

  // MARK: Scheduling

  @Test func aPodGoesToAnExistingNodeWithRoom() {
    var karpenter = Karpenter()
    var store = Self.empty
    store.update { $0.node("n1") }
    #expect(
      karpenter.handle(.wake(.provision), now: now, store: store) == [
        .seenByProvisioner(["default/a"]),
        .nominate(pod: "default/a", node: "n1"),
      ])
  }

  @Test func podsWithoutRoomGetANewNodeClaimOfEveryTypeThatFitsCheapestFirst() {
    var karpenter = Karpenter()
    var store = Self.empty
    store.update { $0.pod("default/b") }
    #expect(
      karpenter.handle(.wake(.provision), now: now, store: store) == [
        .seenByProvisioner(["default/a", "default/b"]),
        .launch(
          LaunchRequest(
            claim: store.plannedNodeClaim("default", types: ["m5.large", "m5.xlarge"]),
            pods: ["default/a", "default/b"], reason: nil, origin: .provisioner)),
      ])
  }

  @Test func onlyTheTypesThatFitThePodsAreOptions() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.instanceType("m5.large", cpu: "2", memory: "8Gi", price: 0.096)
      $0.instanceType("m5.xlarge", cpu: "4", memory: "16Gi", price: 0.192)
      $0.pod("default/a", cpu: "3")
    }
    #expect(
      karpenter.handle(.wake(.provision), now: now, store: store) == [
        .seenByProvisioner(["default/a"]),
        .launch(
          LaunchRequest(
            claim: store.plannedNodeClaim("default", types: ["m5.xlarge"]), pods: ["default/a"], reason: nil,
            origin: .provisioner)),
      ])
  }

  @Test func aPodBiggerThanEveryTypeIsUnschedulable() {
    var karpenter = Karpenter()
    var store = Self.empty
    store.update {
      $0.removePod("default/a")
      $0.pod("default/big", cpu: "64")
    }
    #expect(
      karpenter.handle(.wake(.provision), now: now, store: store) == [
        .seenByProvisioner(["default/big"]),
        .setPendingReason(pod: "default/big", .unschedulable(Self.tooBig)),
      ])
  }

  static let tooBig = "NodePool \"default\": no instance type has room for its requests (cpu)"

  @Test func nominatedPodsAndPodsNoSchedulerWillPlaceAreLeftAlone() {
    var karpenter = Karpenter()
    var store = Self.empty
    store.update {
      $0.node("n1")
      $0.nominate("default/a", to: "n1")
      $0.pod("default/pinned")
      $0.seenByProvisioner("default/pinned", pendingReason: .namesMissingNode("n9"))
    }
    #expect(karpenter.handle(.wake(.provision), now: now, store: store) == [])
  }

  @Test func aPodTheProvisionerAlreadyLookedAtIsScheduledAgain() {
    var karpenter = Karpenter()
    var store = Self.empty
    store.update {
      $0.seenByProvisioner("default/a", pendingReason: .launchFailed)
      $0.node("n1")
    }
    #expect(
      karpenter.handle(.wake(.provision), now: now, store: store) == [
        .seenByProvisioner(["default/a"]),
        .nominate(pod: "default/a", node: "n1"),
      ])
  }

  @Test func aBatchThatLaunchedAndLeftPodsBehindTriesThemInTheNextBatch() {
    var karpenter = Karpenter()
    // Room for one node of two CPUs: the second pod waits for the limits to be counted again.
    let store = ClusterStore.build {
      $0.nodePool("default", limits: ["cpu": "2"])
      $0.instanceType("m5.large", cpu: "2", memory: "8Gi", price: 0.096)
      $0.pod("default/a", cpu: "1500m")
      $0.pod("default/b", cpu: "1500m")
    }
    #expect(
      karpenter.handle(.wake(.provision), now: now, store: store) == [
        .seenByProvisioner(["default/a", "default/b"]),
        .launch(
          LaunchRequest(
            claim: store.plannedNodeClaim("default", types: ["m5.large"]), pods: ["default/a"], reason: nil,
            origin: .provisioner)),
        .setPendingReason(pod: "default/b", .unschedulable(Self.overLimits)),
        .returnToProvisioner(["default/b"]),
        .wake(at: now + 1, .provision),
      ])
  }

  static let overLimits = "NodePool \"default\": every instance type would exceed its limits"

  @Test func aBatchThatLaunchedNothingEndsTheRetries() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default", limits: ["cpu": "2"])
      $0.instanceType("m5.large", cpu: "2", memory: "8Gi", price: 0.096)
      $0.node("n1", instanceType: "m5.large")
      $0.pod("default/a", on: "n1", cpu: "1500m")
      $0.pod("default/b", cpu: "1500m")
    }
    #expect(
      karpenter.handle(.wake(.provision), now: now, store: store) == [
        .seenByProvisioner(["default/b"]),
        .setPendingReason(
          pod: "default/b", .unschedulable(Self.overLimits + "; no existing node can host it")),
      ])
  }
}
