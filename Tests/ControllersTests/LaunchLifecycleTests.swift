import Controllers
import ControllersTestSupport
import Testing

/// The NodeClaim lifecycle's side of a launch: once the cloud provider answered, a launched
/// NodeClaim is reported and the pods it was made for are nominated to it; a launch without
/// capacity sends its pods back to the provisioner (the offering is unavailable now); a launch
/// with no offering at all leaves them pending.
@Suite struct LaunchLifecycleTests {
  let now = 100.0

  static let store = ClusterStore.build {
    $0.nodePool("default")
    $0.instanceType("m5.large", cpu: "2", memory: "8Gi", price: 0.096)
    $0.instanceType("m5.xlarge", cpu: "4", memory: "16Gi", price: 0.192)
    $0.pod("default/a")
    $0.pod("default/b")
  }

  static func request(pods: [String], reason: String? = nil, origin: LaunchOrigin = .provisioner)
    -> LaunchRequest
  {
    LaunchRequest(
      claim: store.plannedNodeClaim("default", types: ["m5.large", "m5.xlarge"]), pods: pods, reason: reason,
      origin: origin)
  }

  static let instance = LaunchedInstance(
    name: "default-1", instanceType: "m5.large", zone: "us-east-1a", capacityType: "on-demand", price: 0.096)

  func created(_ reason: String) -> [Effect] { Effect.nodeClaimCreated("default-1", reason: reason, at: now) }

  func launchFailed(_ reason: String) -> [Effect] { Effect.launchFailed("default-1", reason: reason, at: now) }

  var launchedLog: Effect { .launchedNodeClaim(Self.instance, at: now) }

  @Test func aLaunchedNodeClaimIsReportedAndItsPodsNominatedToIt() {
    var karpenter = Karpenter()
    let request = Self.request(pods: ["default/a", "default/b"])
    let effects = karpenter.handle(.launched(request, .launched(Self.instance)), now: now, store: Self.store)
    #expect(
      effects
        == created(
          "2 pending pods, m5.large on-demand in us-east-1a at $0.096/h (cheapest of 2 fitting types)") + [
          launchedLog,
          .nominate(pod: "default/a", node: "default-1"),
          .nominate(pod: "default/b", node: "default-1"),
        ])
  }

  @Test func onePodIsOnePod() {
    var karpenter = Karpenter()
    let request = Self.request(pods: ["default/a"])
    let effects = karpenter.handle(.launched(request, .launched(Self.instance)), now: now, store: Self.store)
    #expect(
      effects
        == created(
          "1 pending pod, m5.large on-demand in us-east-1a at $0.096/h (cheapest of 2 fitting types)") + [
          launchedLog,
          .nominate(pod: "default/a", node: "default-1"),
        ])
  }

  @Test func aLaunchForAnotherReasonSaysSo() {
    var karpenter = Karpenter()
    // A replacement for a disruption command Karpenter no longer has: reported, nothing more.
    let request = Self.request(
      pods: [], reason: "replacement for n1 (Drifted) for 3 pods", origin: .disruption(7))
    let effects = karpenter.handle(.launched(request, .launched(Self.instance)), now: now, store: Self.store)
    let reason =
      "replacement for n1 (Drifted) for 3 pods, m5.large on-demand in us-east-1a at $0.096/h (cheapest of 2 fitting types)"
    #expect(effects == created(reason) + [launchedLog])
  }

  static let offering = OfferingKey(instanceType: "m5.large", zone: "us-east-1a", capacityType: "on-demand")

  @Test func insufficientCapacitySendsThePodsBackToTheProvisioner() {
    var karpenter = Karpenter()
    let request = Self.request(pods: ["default/a", "default/b"])
    let error = CloudProviderError.insufficientCapacity(Self.offering, nodeClaim: "default-1")
    let effects = karpenter.handle(
      .launched(request, .failed(name: "default-1", error)), now: now, store: Self.store)
    #expect(
      effects
        == launchFailed(
          "insufficient capacity for m5.large on-demand in us-east-1a; offering marked unavailable for 3m")
        + [
          .setPendingReason(pod: "default/a", .launchFailed),
          .setPendingReason(pod: "default/b", .launchFailed),
          .returnToProvisioner(["default/a", "default/b"]),
          .wake(at: now + 1, .provision),
        ])
  }

  /// An API server or cloud failure that is not about capacity (upstream's lifecycle controller
  /// requeues it): nothing is marked unavailable, the pods go back to the next batch.
  @Test func aFailedLaunchSendsThePodsBackWithoutMarkingAnOffering() {
    var karpenter = Karpenter()
    let request = Self.request(pods: ["default/a"])
    struct Refused: Error, CustomStringConvertible { var description: String { "POST nodeclaims answered 500" } }
    let error = CloudProviderError.failed(nodeClaim: "default-1", cause: Refused())
    let effects = karpenter.handle(.launched(request, .failed(name: "default-1", error)), now: now, store: Self.store)
    #expect(
      effects
        == launchFailed("Launch failed: NodeClaim default-1 could not be launched (POST nodeclaims answered 500)")
        + [
          .setPendingReason(pod: "default/a", .launchFailed),
          .returnToProvisioner(["default/a"]),
          .wake(at: now + 1, .provision),
        ])
  }

  @Test func insufficientCapacityExtendsABatchUnderWay() {
    var karpenter = Karpenter()
    #expect(
      karpenter.handle(.provisioningRequested, now: now - 0.5, store: Self.store) == [
        .wake(at: now + 0.5, .provision)
      ])
    let request = Self.request(pods: ["default/a"])
    let error = CloudProviderError.insufficientCapacity(Self.offering, nodeClaim: "default-1")
    let effects = karpenter.handle(
      .launched(request, .failed(name: "default-1", error)), now: now, store: Self.store)
    #expect(effects.last == .wake(at: now + 1, .provision))
  }

  @Test func noOfferingLeavesThePodsPending() {
    var karpenter = Karpenter()
    let request = Self.request(pods: ["default/a"])
    let error = CloudProviderError.noOfferingAvailable(instanceTypes: 2, nodeClaim: "default-1")
    let effects = karpenter.handle(
      .launched(request, .failed(name: "default-1", error)), now: now, store: Self.store)
    #expect(
      effects == launchFailed("no available offering among 2 instance types") + [
        .setPendingReason(pod: "default/a", .noOffering)
      ])
  }

  @Test func anyOtherFailureIsReportedAsTheProviderSaidIt() {
    var karpenter = Karpenter()
    let request = Self.request(pods: ["default/a"])
    let error = CloudProviderError.nodeClaimNotFound("default-1")
    let effects = karpenter.handle(
      .launched(request, .failed(name: "default-1", error)), now: now, store: Self.store)
    #expect(effects == launchFailed("NodeClaim not found: NodeClaim default-1 has no instance in the cloud"))
  }
}
