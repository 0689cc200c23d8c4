import Controllers
import ControllersTestSupport
import Testing

/// Garbage collection: once an instance has vanished, at the next two-minute mark Karpenter
/// lists the cloud's instances and removes the NodeClaims (launched, managed) that have none.
@Suite struct GarbageCollectorTests {
  @Test func aLostInstanceSchedulesOneCollectionAtTheNextTwoMinuteMark() {
    var karpenter = Karpenter()
    let store = ClusterStore()
    #expect(
      karpenter.handle(.instanceLost("n1"), now: 130, store: store) == [.wake(at: 240, .garbageCollect)])
    #expect(karpenter.handle(.instanceLost("n2"), now: 200, store: store) == [], "one is already due")
    #expect(karpenter.handle(.wake(.garbageCollect), now: 240, store: store) == [.listInstances])
    // On the mark itself, the next one.
    #expect(
      karpenter.handle(.instanceLost("n3"), now: 240, store: store) == [.wake(at: 360, .garbageCollect)])
  }

  @Test func theListingRemovesLaunchedManagedNodesWithoutAnInstanceAndRequestsProvisioning() {
    var karpenter = Karpenter()
    let now = 240.0
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1")
      $0.node("n2")
      $0.node("n3", launchedAt: 100, registered: false)
      $0.node("pending", launchedAt: nil, registered: false)
      $0.node("unmanaged", pool: nil)
      $0.pod("default/b", on: "n1")
      $0.pod("default/a", on: "n1")
      $0.pod("kube-system/proxy-n1", on: "n1", owner: .daemonSet("kube-proxy"))
      $0.pod("default/c", on: "n2")
      $0.disrupting("n3", .drifted, drainDeadline: 500)
    }
    func collecting(_ name: String) -> Effect {
      .log(
        LogRecord(
          time: now, level: "INFO", controller: "nodeclaim.garbagecollection",
          message: "garbage collecting nodeclaim with no cloudprovider representation",
          fields: ["NodeClaim": name, "Node": name]))
    }
    #expect(
      karpenter.handle(.instancesListed(["n2"]), now: now, store: store) == [
        collecting("n1"),
        .markTerminating(node: "n1", reason: .garbageCollected, drainDeadline: nil),
        .record(
          SimulationEvent(
            time: now, type: .podEvicted, node: "n1", pod: "default/a", reason: "GarbageCollected")),
        .evictedEvent("default/a", reason: "GarbageCollected", at: now),
        .record(
          SimulationEvent(
            time: now, type: .podEvicted, node: "n1", pod: "default/b", reason: "GarbageCollected")),
        .evictedEvent("default/b", reason: "GarbageCollected", at: now),
        .removeNode("n1"),
        collecting("n3"),
        .markTerminating(node: "n3", reason: .garbageCollected, drainDeadline: 500),
        .removeNode("n3"),
        .requestProvisioning,
      ])
  }

  @Test func whenEveryInstanceIsListedOnlyProvisioningIsRequested() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1")
      $0.pod("default/a", on: "n1")
    }
    #expect(karpenter.handle(.instancesListed(["n1"]), now: 240, store: store) == [.requestProvisioning])
  }
}
