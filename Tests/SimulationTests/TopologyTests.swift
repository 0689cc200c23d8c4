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
    let r = try simulate(
      Self.threeZones, nodePool(limits: "{nodes: \"1\"}"),
      deployment("web", replicas: 3, spec: Self.spread("kubernetes.io/hostname")))
    #expect(r.nodes.count == 1)
    #expect(r.pendingPods.count == 2)
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
