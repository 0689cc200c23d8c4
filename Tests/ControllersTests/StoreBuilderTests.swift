import Controllers
import ControllersTestSupport
import KarpenterAPI
import KubernetesAPI
import Scheduling
import Testing

/// The store builders build what `simulate` builds from its input, so that controller tests
/// see the store a run would show them.
@Suite struct StoreBuilderTests {
  static let store = ClusterStore.build {
    $0.nodePool("spot", expireAfter: "Never")
    $0.nodePool("default", expireAfter: "1h", terminationGracePeriod: "5m")
    $0.node("n2", capacityType: "spot", doNotDisrupt: true)
    $0.node("n1", pool: "default")
    $0.node("n3", launchedAt: 50, registered: false)
    $0.pod("default/a", on: "n1", cpu: "500m", memory: "1Gi")
    $0.pod(
      "kube-system/proxy-n1", on: "n1", owner: .daemonSet("kube-proxy"), priorityClass: .systemNodeCritical)
    $0.pod("default/pending")
    $0.pod("default/bare", on: "n2", owner: nil, doNotDisrupt: true, tolerations: [.disrupted])
    $0.podDisruptionBudget("default/web", app: "web", minAvailable: 1)
  }

  @Test func nodePoolsAreInNameOrderWithTheirDurations() {
    #expect(Self.store.nodePools.map(\.name) == ["default", "spot"])
    let pool = Self.store.nodePool(named: "default")!
    #expect(Durations.expireAfter(pool) == 3600)
    #expect(Durations.terminationGracePeriod(pool) == 300)
    #expect(Durations.expireAfter(Self.store.nodePool(named: "spot")!) == nil)
  }

  @Test func nodesAreManagedRegisteredInputNodesUnlessToldOtherwise() {
    #expect(Self.store.nodeNames == ["n1", "n2", "n3"])
    let n1 = Self.store[node: "n1"]!
    #expect(n1.nodePool == "default" && n1.labels[WellKnown.nodePoolLabel] == "default")
    #expect(n1.capacityType == "on-demand" && n1.labels[WellKnown.capacityTypeLabel] == "on-demand")
    #expect(n1.launchedAt == 0 && n1.registeredAt == 0 && n1.initializedAt == 0 && n1.ready)
    #expect(n1.disruption == nil && n1.taints.isEmpty)
    #expect(Self.store[node: "n2"]!.annotations == [WellKnown.doNotDisruptAnnotation: "true"])
    let n3 = Self.store[node: "n3"]!
    #expect(n3.launchedAt == 50 && n3.registeredAt == nil && n3.initializedAt == nil && !n3.ready)
  }

  @Test func boundPodsAreInTheirNodesBooks() {
    let n1 = Self.store[node: "n1"]!
    #expect(n1.pods == ["default/a", "kube-system/proxy-n1"])
    let a = Self.store[pod: "default/a"]!
    #expect(a.node == "n1" && a.pod.spec?.nodeName == "n1")
    #expect(a.requests == Resources(cpuMilli: 500, memory: 1 << 30, pods: 1))
    #expect(n1.requested == a.requests + Self.store[pod: "kube-system/proxy-n1"]!.requests)
    #expect(Self.store.reschedulablePods(on: "n1") == ["default/a"])
    let pending = Self.store[pod: "default/pending"]!
    #expect(pending.node == nil && pending.awaitingProvisioner)
  }

  @Test func ownersPriorityClassesAnnotationsAndTolerationsAreOnThePod() {
    let a = Self.store[pod: "default/a"]!
    #expect(!a.isDaemon && a.pod.controllerOwner?.kind == "ReplicaSet" && a.pod.labels["app"] == "web")
    let proxy = Self.store[pod: "kube-system/proxy-n1"]!
    #expect(proxy.isDaemon && proxy.pod.spec?.priorityClassName == "system-node-critical")
    let bare = Self.store[pod: "default/bare"]!
    #expect(bare.pod.controllerOwner == nil && !bare.isDaemon)
    #expect(bare.pod.annotations[WellKnown.doNotDisruptAnnotation] == "true")
    #expect(bare.pod.spec?.tolerations?.tolerates(.disrupted) == true)
  }

  @Test func aPodDisruptionBudgetSelectsItsAppsPods() {
    let budget = Self.store.podDisruptionBudgets.first!
    #expect(budget.namespace == "default" && budget.name == "web")
    #expect(budget.spec?.minAvailable == .int(1))
    #expect(budget.spec?.selector?.matches(Self.store[pod: "default/a"]!.pod.labels) == true)
  }

  @Test func updatesLeaveTheBooksBalanced() {
    var store = Self.store
    let generation = store.generation
    store.update {
      $0.disrupting("n1", .expired, drainDeadline: 300)
      $0.removePod("default/a")
    }
    #expect(store.generation > generation)
    let n1 = store[node: "n1"]!
    #expect(n1.disruption == .expired && n1.drainDeadline == 300 && n1.taints == [.disrupted])
    #expect(n1.pods == ["kube-system/proxy-n1"] && store[pod: "default/a"] == nil)
    #expect(n1.requested == store[pod: "kube-system/proxy-n1"]!.requests)
    store.update {
      $0.released("n1")
      $0.instanceGone("n1", at: 400)
      $0.removeNode("n2")
    }
    #expect(store[node: "n1"]!.disruption == nil && store[node: "n1"]!.taints.isEmpty)
    #expect(store[node: "n1"]!.instanceGoneAt == 400)
    #expect(store.nodeNames == ["n1", "n3"] && store[pod: "default/bare"] == nil)
  }

  @Test func nodePoolsCarryTheirLimitsReplicasAndDisruptionSettings() {
    let store = ClusterStore.build {
      $0.nodePool("plain")
      $0.nodePool(
        "tuned", requirements: [.init(key: WellKnown.capacityTypeLabel, operator: "In", values: ["spot"])],
        limits: ["cpu": "8"], replicas: 2, consolidateAfter: "30s", budgets: [Budget(nodes: "0")])
    }
    #expect(store.nodePool(named: "plain")!.spec?.disruption == nil)
    let tuned = store.nodePool(named: "tuned")!
    #expect(tuned.isStatic && tuned.spec?.limits == ["cpu": "8"])
    #expect(tuned.spec?.template?.spec?.requirements?.first?.values == ["spot"])
    #expect(tuned.spec?.disruption?.consolidateAfter == "30s")
    #expect(tuned.spec?.disruption?.consolidationPolicy == nil)
    #expect(tuned.spec?.disruption?.budgets == [Budget(nodes: "0")])
  }

  @Test func instanceTypesAreAllAllocatableWithOneOnDemandOfferingByDefault() {
    let store = ClusterStore.build {
      $0.instanceType("m5.large", price: 0.096)
      $0.instanceType(
        "c5.large", cpu: "2", memory: "4Gi",
        offerings: [Offering(zone: "us-east-1b", capacityType: WellKnown.capacityTypeSpot, price: 0.03)])
    }
    #expect(store.instanceTypes.all.map(\.name) == ["m5.large", "c5.large"])
    let large = store.instanceTypes.all[0]
    #expect(large.allocatable == Resources(cpuMilli: 2000, memory: 8 << 30, pods: 110))
    #expect(large.offerings == [Offering(zone: "us-east-1a", capacityType: "on-demand", price: 0.096)])
    #expect(
      store.plannedNodeClaim("default", types: ["c5.large", "m5.large"]).instanceTypes.map(\.name) == [
        "c5.large", "m5.large",
      ])
  }

  @Test func aNominatedPodHoldsItsRoomOnTheNodeAndASeenPodHasItsReason() {
    var store = Self.store
    store.update { $0.nominate("default/pending", to: "n2") }
    let pending = store[pod: "default/pending"]!
    #expect(pending.nominated == "n2" && !pending.awaitingProvisioner)
    #expect(store[node: "n2"]!.nominated == ["default/pending"])
    #expect(store[node: "n2"]!.requested == store[pod: "default/bare"]!.requests + pending.requests)
    store.update {
      $0.pod("default/big", cpu: "64")
      $0.seenByProvisioner("default/big", pendingReason: .noOffering)
    }
    let big = store[pod: "default/big"]!
    #expect(big.pendingReason == .noOffering && !big.awaitingProvisioner && big.nominated == nil)
  }
}
