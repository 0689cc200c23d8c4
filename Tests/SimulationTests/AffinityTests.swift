import Foundation
import Testing

/// Pod affinity and anti-affinity, required and preferred, on zone and hostname.
@Suite struct AffinityTests {
  static let threeZones = scenario(types: [
    instanceType(
      "std", cpu: "4", offerings: ["zone-a:on-demand:0.1", "zone-b:on-demand:0.1", "zone-c:on-demand:0.1"])
  ])

  static func term(_ kind: String, _ key: String, app: String, preferred: Bool = false) -> String {
    if preferred {
      return """
        affinity:
          \(kind):
            preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm: {topologyKey: \(key), labelSelector: {matchLabels: {app: \(app)}}}
        """
    }
    return """
      affinity:
        \(kind):
          requiredDuringSchedulingIgnoredDuringExecution:
          - {topologyKey: \(key), labelSelector: {matchLabels: {app: \(app)}}}
      """
  }

  @Test func zonalSelfAffinityKeepsEveryReplicaInOneZone() throws {
    // 3 cpu each: one node per replica, all in the same zone.
    let r = try simulate(
      Self.threeZones, nodePool(),
      deployment(
        "web", replicas: 3, cpu: "3",
        spec: Self.term("podAffinity", "topology.kubernetes.io/zone", app: "web")))
    #expect(r.pendingPods.isEmpty, "\(r.pendingPods)")
    #expect(r.nodes.count == 3)
    #expect(Set(r.nodes.compactMap(\.zone)).count == 1)
  }

  @Test func zonalAffinityFollowsThePodItSelects() throws {
    let r = try simulate(
      Self.threeZones, nodePool(),
      pod("db", cpu: "3", labels: ["app": "db"], spec: "nodeSelector: {topology.kubernetes.io/zone: zone-c}"),
      deployment(
        "web", replicas: 2, cpu: "2", spec: Self.term("podAffinity", "topology.kubernetes.io/zone", app: "db")
      ))
    #expect(r.pendingPods.isEmpty, "\(r.pendingPods)")
    #expect(r.node(of: "web-0")?.zone == "zone-c")
    #expect(r.node(of: "web-1")?.zone == "zone-c")
  }

  @Test func hostnameSelfAffinityColocatesTheReplicas() throws {
    let r = try simulate(
      Self.threeZones, nodePool(),
      deployment(
        "web", replicas: 3, cpu: "1", spec: Self.term("podAffinity", "kubernetes.io/hostname", app: "web")))
    #expect(r.pendingPods.isEmpty)
    #expect(r.nodes.count == 1)
    #expect(r.count(prefix: "web-").values.first == 3)
  }

  @Test func hostnameAffinityColocatesWithTheSelectedPod() throws {
    let r = try simulate(
      Self.threeZones, nodePool(),
      pod("cache", cpu: "1", labels: ["app": "cache"]),
      deployment(
        "web", replicas: 2, cpu: "500m",
        spec: Self.term("podAffinity", "kubernetes.io/hostname", app: "cache")))
    #expect(r.pendingPods.isEmpty)
    let cacheNode = r.node(of: "cache")?.name
    #expect(cacheNode != nil)
    #expect(r.node(of: "web-0")?.name == cacheNode)
    #expect(r.node(of: "web-1")?.name == cacheNode)
  }

  @Test func requiredAffinityToAPodThatDoesNotExistLeavesThePodPending() throws {
    let r = try simulate(
      Self.threeZones, nodePool(),
      pod("lonely", spec: Self.term("podAffinity", "kubernetes.io/hostname", app: "nobody")))
    #expect(r.nodes.isEmpty)
    #expect(r.pending("lonely")?.reason.contains("affinity") == true, "\(r.pendingPods)")
  }

  @Test func hostnameAntiAffinityPutsEachReplicaOnItsOwnNode() throws {
    let r = try simulate(
      Self.threeZones, nodePool(),
      deployment("web", replicas: 3, spec: Self.term("podAntiAffinity", "kubernetes.io/hostname", app: "web"))
    )
    #expect(r.pendingPods.isEmpty)
    #expect(r.nodes.count == 3)
  }

  @Test func antiAffinityOfARunningPodKeepsSelectedPodsAway() throws {
    // Only noisy carries the term; quiet must still avoid noisy's node.
    let r = try simulate(
      Self.threeZones, nodePool(),
      pod(
        "noisy", cpu: "1", labels: ["app": "noisy"],
        spec: Self.term("podAntiAffinity", "kubernetes.io/hostname", app: "quiet")),
      pod("quiet", cpu: "500m", labels: ["app": "quiet"]))
    #expect(r.pendingPods.isEmpty)
    #expect(r.node(of: "noisy")?.name != r.node(of: "quiet")?.name)
    #expect(r.nodes.count == 2)
  }

  @Test func zonalAntiAffinityWithFourReplicasAndThreeZonesLeavesOnePending() throws {
    let r = try simulate(
      Self.threeZones, nodePool(),
      deployment(
        "web", replicas: 4, spec: Self.term("podAntiAffinity", "topology.kubernetes.io/zone", app: "web")))
    #expect(r.nodes.count == 3)
    #expect(Set(r.nodes.compactMap(\.zone)) == ["zone-a", "zone-b", "zone-c"])
    #expect(r.count(prefix: "web-").values.allSatisfy { $0 == 1 })
    #expect(r.pendingPods.count == 1)
    #expect(r.pendingPods.first?.reason.contains("topology.kubernetes.io/zone") == true, "\(r.pendingPods)")
  }

  @Test func preferredAntiAffinityIsHonouredWhenPossible() throws {
    let r = try simulate(
      Self.threeZones, nodePool(),
      deployment(
        "web", replicas: 2,
        spec: Self.term("podAntiAffinity", "kubernetes.io/hostname", app: "web", preferred: true)))
    #expect(r.nodes.count == 2)
  }

  @Test func preferredAntiAffinityIsRelaxedWhenImpossible() throws {
    let r = try simulate(
      Self.threeZones, nodePool(limits: "{nodes: \"1\"}"),
      deployment(
        "web", replicas: 2,
        spec: Self.term("podAntiAffinity", "kubernetes.io/hostname", app: "web", preferred: true)))
    #expect(r.pendingPods.isEmpty, "\(r.pendingPods)")
    #expect(r.nodes.count == 1)
  }

  @Test func preferredAffinityIsHonouredWhenPossible() throws {
    let r = try simulate(
      Self.threeZones, nodePool(),
      pod("db", cpu: "3", labels: ["app": "db"], spec: "nodeSelector: {topology.kubernetes.io/zone: zone-b}"),
      pod(
        "web", cpu: "2", labels: ["app": "web"],
        spec: Self.term("podAffinity", "topology.kubernetes.io/zone", app: "db", preferred: true)))
    #expect(r.node(of: "web")?.zone == "zone-b")
  }

  @Test func preferredAffinityToNothingIsRelaxed() throws {
    let r = try simulate(
      Self.threeZones, nodePool(),
      pod("web", spec: Self.term("podAffinity", "kubernetes.io/hostname", app: "nobody", preferred: true)))
    #expect(r.pendingPods.isEmpty, "\(r.pendingPods)")
    #expect(r.nodes.count == 1)
  }
}
