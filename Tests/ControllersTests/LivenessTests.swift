import Controllers
import ControllersTestSupport
import Testing

/// Liveness: a NodeClaim Karpenter launched must register within 15 minutes; if its node has
/// not joined by then the NodeClaim is deleted (its instance terminated) at once.
@Suite struct LivenessTests {
  let now = 1000.0

  @Test func aLaunchedNodeClaimIsCheckedAfterTheRegistrationTTL() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default", expireAfter: "1h")
      $0.node("n1", launchedAt: now, registered: false)
    }
    #expect(
      karpenter.handle(.nodeClaimCreated("n1", launched: true), now: now, store: store) == [
        .wake(at: now + 3600, .expire("n1")),
        .wake(at: now + 900, .registrationTimeout("n1")),
      ])
  }

  @Test func aNodeClaimThatExistedAtStartIsNotChecked() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default", expireAfter: "Never")
      $0.node("n1")
    }
    #expect(karpenter.handle(.nodeClaimCreated("n1", launched: false), now: 0, store: store) == [])
  }

  @Test func aLaunchedNodeClaimWhoseNodePoolIsGoneIsStillChecked() {
    var karpenter = Karpenter()
    let store = ClusterStore.build { $0.node("n1", launchedAt: now, registered: false) }
    #expect(
      karpenter.handle(.nodeClaimCreated("n1", launched: true), now: now, store: store) == [
        .wake(at: now + 900, .registrationTimeout("n1"))
      ])
  }

  @Test func aNodeThatNeverRegisteredIsDeletedForcefully() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default", terminationGracePeriod: "1h")
      $0.node(
        "n1", capacityType: "spot", instanceType: "c6i.xlarge", zone: "us-east-1b", launchedAt: 100,
        registered: false)
    }
    let message = "NodeClaim n1 (c6i.xlarge spot in us-east-1b) did not register within 15m; deleting it"
    #expect(
      karpenter.handle(.wake(.registrationTimeout("n1")), now: now, store: store) == [
        .record(SimulationEvent(time: now, type: .launchFailed, node: "n1", reason: message)),
        .log(
          LogRecord(
            time: now, level: "INFO", controller: "nodeclaim.lifecycle",
            message: "terminating due to registration ttl",
            fields: ["NodeClaim": "n1", "ttl": "15m"])),
        .post(
          KubernetesEventRecord(
            time: now, type: "Warning", reason: "RegistrationTimeout",
            involvedObject: .init(kind: "NodeClaim", name: "n1"),
            message: message)),
        .taint(node: "n1", .disrupted),
        .markTerminating(node: "n1", reason: .registrationTimeout, drainDeadline: now),
        .releaseNominations(node: "n1"),
        .removeNode("n1"),
        .requestProvisioning,
        .requestStaticCapacity,
      ])
  }

  @Test func aNodeBeingDisruptedThatNeverRegisteredIsStillDeleted() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1", launchedAt: 100, registered: false)
      $0.disrupting("n1", .drifted)
    }
    #expect(
      karpenter.handle(.wake(.registrationTimeout("n1")), now: now, store: store).contains(
        .markTerminating(node: "n1", reason: .registrationTimeout, drainDeadline: now)))
  }

  @Test func aNodeThatRegisteredIsLeftAlone() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1", launchedAt: 100)
    }
    #expect(karpenter.handle(.wake(.registrationTimeout("n1")), now: now, store: store) == [])
  }

  @Test func aNodeWhoseInstanceVanishedIsLeftToGarbageCollection() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1", launchedAt: 100, registered: false)
      $0.instanceGone("n1", at: 500)
    }
    #expect(karpenter.handle(.wake(.registrationTimeout("n1")), now: now, store: store) == [])
  }

  @Test func aNodeThatIsGoneIsLeftAlone() {
    var karpenter = Karpenter()
    let store = ClusterStore.build { $0.nodePool("default") }
    #expect(karpenter.handle(.wake(.registrationTimeout("n1")), now: now, store: store) == [])
  }
}
