import Foundation
import Testing

/// Topology spread constraints over zone, hostname, capacity type and a custom key, with
/// minDomains, nodeAffinityPolicy, ScheduleAnyway and matchLabelKeys.
@Suite struct TopologyTests {
  /// One 4-cpu type in three zones at the same price.
  static let threeZones = scenario(types: [
    instanceType(
      "std", cpu: "4", offerings: ["zone-a:on-demand:0.1", "zone-b:on-demand:0.1", "zone-c:on-demand:0.1"])
  ])

  static func spread(
    _ key: String, maxSkew: Int = 1, app: String = "web", when: String = "DoNotSchedule", extra: String = ""
  ) -> String {
    """
    topologySpreadConstraints:
    - {maxSkew: \(maxSkew), topologyKey: \(key), whenUnsatisfiable: \(when), labelSelector: {matchLabels: {app: \(app)}}\(extra)}
    """
  }

  /// Pods of `prefix` per value of the node label `key`.
  func perDomain(_ r: SimResult, key: String, prefix: String = "web-") -> [String: Int] {
    var out: [String: Int] = [:]
    for node in r.nodes {
      let n = node.pods.filter { $0.hasPrefix("default/\(prefix)") }.count
      if n > 0 { out[node.labels[key] ?? "<none>", default: 0] += n }
    }
    return out
  }

  @Test func zoneSpreadWithMaxSkewOnePutsTwoOfSixInEachOfThreeZones() throws {
    let r = try simulate(
      Self.threeZones, nodePool(),
      deployment("web", replicas: 6, spec: Self.spread("topology.kubernetes.io/zone")))
    #expect(r.pendingPods.isEmpty)
    #expect(perDomain(r, key: "topology.kubernetes.io/zone") == ["zone-a": 2, "zone-b": 2, "zone-c": 2])
  }

  @Test func zoneSpreadCountsPodsAlreadyRunning() throws {
    // A full node in zone-a already runs two matching pods: the new ones go to zone-b and zone-c.
    let node = """
      apiVersion: v1
      kind: Node
      metadata: {name: old, labels: {kubernetes.io/hostname: old, topology.kubernetes.io/zone: zone-a}}
      status: {allocatable: {cpu: 200m, memory: 8Gi, pods: "110"}}
      """
    let running = (0..<2).map { pod("web-old-\($0)", labels: ["app": "web"], spec: "nodeName: old") }
    let r = try simulate(
      [Self.threeZones, nodePool(), node] + running + [
        deployment("web", replicas: 4, spec: Self.spread("topology.kubernetes.io/zone"))
      ])
    #expect(r.pendingPods.isEmpty, "\(r.pendingPods)")
    #expect(perDomain(r, key: "topology.kubernetes.io/zone") == ["zone-a": 2, "zone-b": 2, "zone-c": 2])
    #expect(r.node(named: "old")?.pods.count == 2)
  }

  @Test func hostnameSpreadWithMaxSkewOnePutsOneMatchingPodPerNode() throws {
    let r = try simulate(
      Self.threeZones, nodePool(), deployment("web", replicas: 3, spec: Self.spread("kubernetes.io/hostname"))
    )
    #expect(r.pendingPods.isEmpty)
    #expect(r.nodes.count == 3)
    #expect(r.count(prefix: "web-").values.allSatisfy { $0 == 1 })
  }

  @Test func hostnameSpreadWithMaxSkewTwoPutsAtMostTwoPerNode() throws {
    let r = try simulate(
      Self.threeZones, nodePool(),
      deployment("web", replicas: 4, spec: Self.spread("kubernetes.io/hostname", maxSkew: 2)))
    #expect(r.pendingPods.isEmpty)
    #expect(r.count(prefix: "web-").values.allSatisfy { $0 <= 2 })
    #expect(r.nodes.count == 2)
  }

  @Test func capacityTypeSpreadSplitsBetweenSpotAndOnDemand() throws {
    let types = scenario(types: [
      instanceType("std", cpu: "4", offerings: ["zone-a:on-demand:0.1", "zone-a:spot:0.04"])
    ])
    let r = try simulate(
      types,
      nodePool(requirements: "[{key: karpenter.sh/capacity-type, operator: In, values: [spot, on-demand]}]"),
      deployment("web", replicas: 4, spec: Self.spread("karpenter.sh/capacity-type")))
    #expect(r.pendingPods.isEmpty)
    #expect(perDomain(r, key: "karpenter.sh/capacity-type") == ["spot": 2, "on-demand": 2])
    #expect(Set(r.nodes.compactMap(\.capacityType)) == ["spot", "on-demand"])
  }

  @Test func spreadOverACustomNodePoolKey() throws {
    let r = try simulate(
      Self.threeZones, nodePool(requirements: "[{key: example.com/rack, operator: In, values: [r1, r2]}]"),
      deployment("web", replicas: 4, spec: Self.spread("example.com/rack")))
    #expect(r.pendingPods.isEmpty, "\(r.pendingPods)")
    #expect(perDomain(r, key: "example.com/rack") == ["r1": 2, "r2": 2])
  }

  @Test func minDomainsAboveTheDomainsAvailableCapsEachDomainAtMaxSkew() throws {
    // Two zones allowed, minDomains 3: the global minimum counts as 0, so one pod per zone.
    let r = try simulate(
      Self.threeZones,
      nodePool(requirements: "[{key: topology.kubernetes.io/zone, operator: In, values: [zone-a, zone-b]}]"),
      deployment(
        "web", replicas: 4, spec: Self.spread("topology.kubernetes.io/zone", extra: ", minDomains: 3")))
    #expect(perDomain(r, key: "topology.kubernetes.io/zone") == ["zone-a": 1, "zone-b": 1])
    #expect(r.pendingPods.count == 2)
  }

  @Test func minDomainsMetBehavesLikePlainSpread() throws {
    let r = try simulate(
      Self.threeZones, nodePool(),
      deployment(
        "web", replicas: 6, spec: Self.spread("topology.kubernetes.io/zone", extra: ", minDomains: 3")))
    #expect(r.pendingPods.isEmpty)
    #expect(perDomain(r, key: "topology.kubernetes.io/zone") == ["zone-a": 2, "zone-b": 2, "zone-c": 2])
  }

  static let zonesAB = """
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [zone-a, zone-b]}]
    """

  @Test func nodeAffinityPolicyHonorLimitsTheDomainsToThePodsNodeAffinity() throws {
    let r = try simulate(
      Self.threeZones, nodePool(),
      deployment(
        "web", replicas: 4,
        spec: Self.spread("topology.kubernetes.io/zone", extra: ", nodeAffinityPolicy: Honor") + "\n"
          + Self.zonesAB))
    #expect(r.pendingPods.isEmpty, "\(r.pendingPods)")
    #expect(perDomain(r, key: "topology.kubernetes.io/zone") == ["zone-a": 2, "zone-b": 2])
  }

  @Test func nodeAffinityPolicyDefaultsToHonor() throws {
    let r = try simulate(
      Self.threeZones, nodePool(),
      deployment("web", replicas: 4, spec: Self.spread("topology.kubernetes.io/zone") + "\n" + Self.zonesAB))
    #expect(r.pendingPods.isEmpty, "\(r.pendingPods)")
    #expect(perDomain(r, key: "topology.kubernetes.io/zone") == ["zone-a": 2, "zone-b": 2])
  }

  @Test func scheduleAnywayIsHonouredWhenPossible() throws {
    let r = try simulate(
      Self.threeZones, nodePool(),
      deployment("web", replicas: 3, spec: Self.spread("kubernetes.io/hostname", when: "ScheduleAnyway")))
    #expect(r.nodes.count == 3)
  }

  @Test func scheduleAnywayIsRelaxedWhenImpossible() throws {
    // One node allowed: the spread cannot hold, the pods share it.
    let r = try simulate(
      Self.threeZones, nodePool(limits: "{nodes: \"1\"}"),
      deployment("web", replicas: 3, spec: Self.spread("kubernetes.io/hostname", when: "ScheduleAnyway")))
    #expect(r.pendingPods.isEmpty, "\(r.pendingPods)")
    #expect(r.nodes.count == 1)
  }

  @Test func doNotScheduleIsNeverRelaxed() throws {
    // Karpenter launches one node for one pod and cannot launch more; the kube-scheduler, which
    // only sees that one node (every eligible node at the minimum), then binds the other two
    // beside the first, as a real cluster does.
    let (r, events) = try simulateDetailed([
      Self.threeZones, nodePool(limits: "{nodes: \"1\"}"),
      deployment("web", replicas: 3, spec: Self.spread("kubernetes.io/hostname")),
    ])
    #expect(r.nodes.count == 1)
    #expect(r.events("NodeClaimCreated").count == 1)
    let launch = try #require(events.first { $0.type == "NodeClaimCreated" })
    #expect(launch.reason?.hasPrefix("1 pending pod") == true, "Karpenter's rule: one pod per new node")
    #expect(r.nodes.first?.pods.count == 3)
  }

  @Test func matchLabelKeysSpreadsEachRevisionSeparately() throws {
    let spec = Self.spread("kubernetes.io/hostname", extra: ", matchLabelKeys: [version]")
    let r = try simulate(
      Self.threeZones, nodePool(),
      deployment("web-v1", replicas: 2, labels: ["app": "web", "version": "v1"], spec: spec),
      deployment("web-v2", replicas: 2, labels: ["app": "web", "version": "v2"], spec: spec))
    #expect(r.pendingPods.isEmpty)
    // Without matchLabelKeys all four would need their own node.
    #expect(r.nodes.count == 2)
    for node in r.nodes {
      #expect(node.pods.filter { $0.hasPrefix("default/web-v1-") }.count == 1, "\(node.pods)")
      #expect(node.pods.filter { $0.hasPrefix("default/web-v2-") }.count == 1, "\(node.pods)")
    }
  }

  @Test func spreadOnlyCountsPodsItsSelectorMatches() throws {
    let r = try simulate(
      Self.threeZones, nodePool(),
      deployment("web", replicas: 3, spec: Self.spread("kubernetes.io/hostname")),
      deployment("other", replicas: 3))
    #expect(r.pendingPods.isEmpty)
    #expect(r.count(prefix: "web-").values.allSatisfy { $0 == 1 })
    #expect(r.nodes.count == 3)
  }
}

/// Where upstream's tests and the kube-scheduler pin down how spreads count domains.
@Suite struct SpreadDomainTests {
  // upstream topology_test.go: "should not limit spread options by preferred node affinity".
  @Test func aPreferredNodeAffinityDoesNotNarrowTheDomainsASpreadCounts() throws {
    let prefersZoneA = TopologyTests.spread("topology.kubernetes.io/zone") + """

      affinity:
        nodeAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 1
            preference: {matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [zone-a]}]}
      """
    let r = try simulate(
      TopologyTests.threeZones, nodePool(), deployment("web", replicas: 6, spec: prefersZoneA))
    #expect(r.pendingPods.isEmpty)
    #expect(
      TopologyTests().perDomain(r, key: "topology.kubernetes.io/zone") == ["zone-a": 2, "zone-b": 2, "zone-c": 2])
  }

  @Test func theKubeSchedulerStandInUsesRoomOnAnExistingNodeOnceEveryNodeHoldsOne() throws {
    // Two nodes each run one matching pod: the kube-scheduler's minimum is 1, so a third pod may
    // go beside one of them (skew 2 - 1 = 1); Karpenter's own rule would launch a node for it.
    let nodes = ["n1", "n2"].map { name in
      """
      apiVersion: v1
      kind: Node
      metadata: {name: \(name), labels: {kubernetes.io/hostname: \(name), topology.kubernetes.io/zone: zone-a}}
      status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
      """
    }
    let spread = TopologyTests.spread("kubernetes.io/hostname")
    let running = [("web-a", "n1"), ("web-b", "n2")].map { name, node in
      pod(name, labels: ["app": "web"], spec: spread + "\nnodeName: \(node)")
    }
    let r = try simulate(
      [TopologyTests.threeZones, nodePool()] + nodes + running + [pod("web-c", labels: ["app": "web"], spec: spread)])
    #expect(r.pendingPods.isEmpty)
    #expect(["n1", "n2"].contains(r.node(of: "web-c")?.name ?? ""))
    #expect(r.events("NodeClaimCreated").isEmpty)
  }

  @Test func karpentersOwnRuleStillPutsOneMatchingPodOnEachNewNode() throws {
    let r = try simulate(
      TopologyTests.threeZones, nodePool(),
      deployment("web", replicas: 4, spec: TopologyTests.spread("kubernetes.io/hostname")))
    #expect(r.pendingPods.isEmpty)
    #expect(r.managedNodes.count == 4)
    #expect(r.managedNodes.allSatisfy { $0.pods.filter { $0.hasPrefix("default/web-") }.count == 1 })
  }
}
