import Controllers
import ControllersTestSupport
import Testing

/// Static NodePools (`spec.replicas`, behind the StaticCapacity feature gate): a pass launches
/// the missing NodeClaims one after the other (each launch's answer before the next is asked),
/// within `limits.nodes`, and deletes the surplus, empty nodes first; without the gate nothing
/// happens.
@Suite struct StaticCapacityControllerTests {
  let now = 100.0
  let gated = KarpenterSettings(staticCapacity: true)

  static let twoReplicas = ClusterStore.build {
    $0.nodePool("static", replicas: 2)
    $0.instanceType("m5.large", cpu: "2", memory: "8Gi", price: 0.096)
  }

  static func launch(_ of: Int, _ replicas: Int, in store: ClusterStore = twoReplicas) -> LaunchRequest {
    LaunchRequest(
      claim: store.plannedNodeClaim("static", types: ["m5.large"]), pods: [],
      reason: "static NodePool static (\(of) of \(replicas) replicas)", origin: .staticPool("static"))
  }

  static func instance(_ name: String) -> LaunchedInstance {
    LaunchedInstance(
      name: name, instanceType: "m5.large", zone: "us-east-1a", capacityType: "on-demand", price: 0.096)
  }

  static func launched(_ name: String) -> LaunchOutcome { .launched(instance(name)) }

  /// What Karpenter reports of the static NodeClaim `name`, launched as the `of`th of `replicas`.
  func reported(_ name: String, _ of: Int, _ replicas: Int) -> [Effect] {
    let reason =
      "static NodePool static (\(of) of \(replicas) replicas), m5.large on-demand in us-east-1a at $0.096/h (cheapest of 1 fitting types)"
    return Effect.nodeClaimCreated(name, reason: reason, at: now) + [
      .launchedNodeClaim(Self.instance(name), at: now)
    ]
  }

  func provisioning(current: Int, desired: Int, count: Int) -> Effect {
    .log(
      LogRecord(
        time: now, level: "INFO", controller: "static.provisioning",
        message: "provisioning nodeclaims to satisfy replica count",
        fields: [
          "NodePool": "static", "current": String(current), "desired": String(desired),
          "provision-count": String(count),
        ]))
  }

  @Test func requestsWithinOnePassScheduleOneWakeNow() {
    var karpenter = Karpenter(settings: gated)
    #expect(
      karpenter.handle(.staticCapacityRequested, now: now, store: Self.twoReplicas) == [
        .wake(at: now, .staticCapacity)
      ])
    #expect(karpenter.handle(.staticCapacityRequested, now: now, store: Self.twoReplicas) == [])
  }

  @Test func aScaleUpLaunchesOneNodeClaimAfterTheOther() {
    var karpenter = Karpenter(settings: gated)
    let store = Self.twoReplicas
    _ = karpenter.handle(.staticCapacityRequested, now: now, store: store)
    #expect(
      karpenter.handle(.wake(.staticCapacity), now: now, store: store) == [
        provisioning(current: 0, desired: 2, count: 2),
        .launch(Self.launch(0, 2)),
      ])
    #expect(
      karpenter.handle(.launched(Self.launch(0, 2), Self.launched("static-1")), now: now, store: store)
        == reported("static-1", 0, 2) + [.launch(Self.launch(1, 2))])
    // The pass is under way until its last launch has answered: a request waits for it.
    #expect(karpenter.handle(.staticCapacityRequested, now: now, store: store) == [])
    #expect(
      karpenter.handle(.launched(Self.launch(1, 2), Self.launched("static-2")), now: now, store: store)
        == reported("static-2", 1, 2))
    #expect(
      karpenter.handle(.staticCapacityRequested, now: now + 1, store: store) == [
        .wake(at: now + 1, .staticCapacity)
      ])
  }

  @Test func aFailedLaunchIsTriedAgainOnTheOfferingsThereAre() {
    var karpenter = Karpenter(settings: gated)
    let store = Self.twoReplicas
    _ = karpenter.handle(.wake(.staticCapacity), now: now, store: store)
    let offering = OfferingKey(instanceType: "m5.large", zone: "us-east-1a", capacityType: "on-demand")
    let failed = LaunchOutcome.failed(
      name: "static-1", .insufficientCapacity(offering, nodeClaim: "static-1"))
    #expect(
      karpenter.handle(.launched(Self.launch(0, 2), failed), now: now, store: store).last
        == .launch(Self.launch(0, 2)))
  }

  @Test func aScaleUpStaysWithinTheNodeLimit() {
    var karpenter = Karpenter(settings: gated)
    let store = ClusterStore.build {
      $0.nodePool("static", limits: ["nodes": "2"], replicas: 3)
      $0.instanceType("m5.large", cpu: "2", memory: "8Gi", price: 0.096)
      $0.node("static-1", pool: "static")
    }
    #expect(
      karpenter.handle(.wake(.staticCapacity), now: now, store: store) == [
        provisioning(current: 1, desired: 3, count: 1),
        .launch(Self.launch(1, 3, in: store)),
      ])
  }

  @Test func aPoolAtItsNodeLimitSaysSo() {
    var karpenter = Karpenter(settings: gated)
    let store = ClusterStore.build {
      $0.nodePool("static", limits: ["nodes": "1"], replicas: 3)
      $0.instanceType("m5.large", cpu: "2", memory: "8Gi", price: 0.096)
      $0.node("static-1", pool: "static")
    }
    #expect(
      karpenter.handle(.wake(.staticCapacity), now: now, store: store) == [
        .log(
          LogRecord(
            time: now, level: "INFO", controller: "static.provisioning",
            message: "nodepool node limit reached",
            fields: ["NodePool": "static", "current": "1", "desired": "3"]))
      ])
  }

  @Test func aScaleDownDeletesEmptyNodesFirstThenTheCheapestToDisrupt() {
    var karpenter = Karpenter(settings: gated)
    let store = ClusterStore.build {
      $0.nodePool("static", replicas: 1)
      $0.node("s1", pool: "static")
      $0.node("s2", pool: "static")
      $0.node("s3", pool: "static")
      $0.pod("default/a", on: "s1")
      $0.pod("default/b", on: "s1")
      $0.pod("default/c", on: "s3")
      $0.pod("kube-system/proxy-s2", on: "s2", owner: .daemonSet("kube-proxy"))
    }
    #expect(
      karpenter.handle(.wake(.staticCapacity), now: now, store: store) == [
        .log(
          LogRecord(
            time: now, level: "INFO", controller: "static.deprovisioning",
            message: "deprovisioning nodeclaims to satisfy replica count",
            fields: [
              "NodePool": "static", "current": "3", "desired": "1", "deprovision-count": "2",
              "NodeClaims": "s2,s3",
            ])),
        .deleteNodeClaim(Deletion(node: "s2", reason: .overprovisioned)),
        .deleteNodeClaim(Deletion(node: "s3", reason: .overprovisioned)),
      ])
  }

  @Test func aPoolWithItsReplicasIsLeftAlone() {
    var karpenter = Karpenter(settings: gated)
    let store = ClusterStore.build {
      $0.nodePool("static", replicas: 1)
      $0.node("s1", pool: "static")
    }
    #expect(karpenter.handle(.wake(.staticCapacity), now: now, store: store) == [])
  }

  @Test func withoutTheFeatureGateNothingHappens() {
    var karpenter = Karpenter()
    #expect(karpenter.handle(.staticCapacityRequested, now: now, store: Self.twoReplicas) == [])
    #expect(karpenter.handle(.wake(.staticCapacity), now: now, store: Self.twoReplicas) == [])
  }

  @Test func withoutAStaticPoolNothingIsScheduled() {
    var karpenter = Karpenter(settings: gated)
    let store = ClusterStore.build { $0.nodePool("default") }
    #expect(karpenter.handle(.staticCapacityRequested, now: now, store: store) == [])
  }
}
