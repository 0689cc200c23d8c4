import APIServer
import Foundation
import Testing

@testable import Sandbox

@Suite("Stand-ins: kube-scheduler, inter-pod affinity and topology spread")
struct StandInsPodTopologyTests {
  static func term(app: String, key: String = "kubernetes.io/hostname") -> JSON {
    ["labelSelector": ["matchLabels": ["app": .string(app)]], "topologyKey": .string(key)]
  }

  func nodes(_ c: inout StandInCluster, _ zones: [String: String]) throws {
    for (name, zone) in zones.sorted(by: { $0.key < $1.key }) {
      try c.create("", "nodes", Fixture.node(name, labels: ["topology.kubernetes.io/zone": zone]))
    }
    c.settle()
  }

  @Test("required hostname anti-affinity puts one replica per node; the rest are Unschedulable")
  func antiAffinityOnePerNode() throws {
    var c = StandInCluster()
    try nodes(&c, ["a": "z1", "b": "z2"])
    var spec = Fixture.podSpec(cpu: "100m")
    spec["affinity"] = [
      "podAntiAffinity": ["requiredDuringSchedulingIgnoredDuringExecution": [Self.term(app: "web")]]
    ]
    try c.create("apps", "deployments", Fixture.deployment("web", replicas: 3, spec: spec))
    c.settle()
    let bound = c.pods.compactMap(\.nodeName).sorted()
    #expect(bound == ["a", "b"])
    let pending = try #require(c.pods.first { $0.nodeName == nil })
    #expect(
      pending.condition("PodScheduled")?["message"]?.string
        == "0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules.")
  }

  @Test("a pod that placed pods' anti-affinity rejects stays off their nodes")
  func existingPodsAntiAffinity() throws {
    var c = StandInCluster()
    try nodes(&c, ["a": "z1", "b": "z2"])
    var loner = Fixture.pod("loner")
    loner[path: ["metadata", "labels", "app"]] = "loner"
    loner[path: ["spec", "affinity"]] = [
      "podAntiAffinity": ["requiredDuringSchedulingIgnoredDuringExecution": [Self.term(app: "noisy")]]
    ]
    try c.create("", "pods", loner)
    c.settle()
    #expect(c.get("", "pods", namespace: "default", "loner")?.nodeName == "a")
    var noisy = Fixture.pod("noisy")
    noisy[path: ["metadata", "labels", "app"]] = "noisy"
    try c.create("", "pods", noisy)
    c.settle()
    #expect(c.get("", "pods", namespace: "default", "noisy")?.nodeName == "b")
  }

  @Test("required pod affinity follows the pods it names; the first of a group may go anywhere")
  func affinityFollowsItsGroup() throws {
    var c = StandInCluster()
    try nodes(&c, ["a": "z1", "b": "z2", "c": "z2"])
    var cache = Fixture.pod("cache")
    cache[path: ["spec", "affinity"]] = [
      "podAffinity": [
        "requiredDuringSchedulingIgnoredDuringExecution": [
          Self.term(app: "db", key: "topology.kubernetes.io/zone")
        ]
      ]
    ]
    try c.create("", "pods", cache)
    c.settle()
    #expect(c.get("", "pods", namespace: "default", "cache")?.nodeName == nil)
    #expect(
      c.get("", "pods", namespace: "default", "cache")?.condition("PodScheduled")?["message"]?.string
        == "0/3 nodes are available: 3 node(s) didn't match pod affinity rules.")
    var db = Fixture.pod(
      "db",
      spec: {
        var s = Fixture.podSpec(cpu: "100m")
        s["nodeSelector"] = ["kubernetes.io/hostname": "c"]
        return s
      }())
    db[path: ["metadata", "labels", "app"]] = "db"
    try c.create("", "pods", db)
    c.settle()
    // The db pod is in zone z2: the cache pod goes to z2, the emptier node there being b.
    #expect(c.get("", "pods", namespace: "default", "cache")?.nodeName == "b")
    var first = Fixture.pod("first")
    first[path: ["metadata", "labels", "app"]] = "solo"
    first[path: ["spec", "affinity"]] = [
      "podAffinity": ["requiredDuringSchedulingIgnoredDuringExecution": [Self.term(app: "solo")]]
    ]
    try c.create("", "pods", first)
    c.settle()
    #expect(c.get("", "pods", namespace: "default", "first")?.nodeName != nil)
  }

  @Test("a zone spread with maxSkew 1 balances replicas over zones, not nodes")
  func zoneSpread() throws {
    var c = StandInCluster()
    try nodes(&c, ["a1": "z1", "a2": "z1", "b1": "z2"])
    var spec = Fixture.podSpec(cpu: "100m")
    spec["topologySpreadConstraints"] = [
      [
        "maxSkew": 1, "topologyKey": "topology.kubernetes.io/zone", "whenUnsatisfiable": "DoNotSchedule",
        "labelSelector": ["matchLabels": ["app": "web"]],
      ]
    ]
    try c.create("apps", "deployments", Fixture.deployment("web", replicas: 4, spec: spec))
    c.settle()
    let nodes = c.pods.compactMap(\.nodeName)
    #expect(nodes.count == 4)
    #expect(nodes.filter { $0 == "b1" }.count == 2)
    #expect(nodes.filter { $0.hasPrefix("a") }.count == 2)
  }

  @Test("a spread over a key no node has leaves the pod Unschedulable, naming the missing label")
  func spreadMissingLabel() throws {
    var c = StandInCluster()
    try nodes(&c, ["a": "z1"])
    var spec = Fixture.podSpec()
    spec["topologySpreadConstraints"] = [
      [
        "maxSkew": 1, "topologyKey": "example.com/rack", "whenUnsatisfiable": "DoNotSchedule",
        "labelSelector": ["matchLabels": ["app": "x"]],
      ]
    ]
    try c.create("", "pods", Fixture.pod("p", spec: spec))
    c.settle()
    #expect(
      c.get("", "pods", namespace: "default", "p")?.condition("PodScheduled")?["message"]?.string
        == "0/1 nodes are available: 1 node(s) didn't match pod topology spread constraints (missing required label)."
    )
  }
}
