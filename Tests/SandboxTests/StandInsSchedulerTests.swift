import APIServer
import Foundation
import Testing

@testable import Sandbox

@Suite("Stand-ins: kube-scheduler")
struct StandInsSchedulerTests {
  /// One case: the nodes, the pod, and where it must land (nil: nowhere, with this message).
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var nodes: [JSON]
    var pod: JSON
    var boundTo: String?
    var message: String?
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "fits on the emptier node", nodes: [Fixture.node("a", cpu: "2"), Fixture.node("b", cpu: "4")],
      pod: Fixture.pod("p", spec: Fixture.podSpec(cpu: "1")), boundTo: "b"),
    Case(
      name: "ties go to the name that sorts first", nodes: [Fixture.node("b"), Fixture.node("a")],
      pod: Fixture.pod("p", spec: Fixture.podSpec(cpu: "1")), boundTo: "a"),
    Case(
      name: "too little cpu everywhere",
      nodes: [Fixture.node("a", cpu: "1"), Fixture.node("b", cpu: "1"), Fixture.node("c", cpu: "1")],
      pod: Fixture.pod("p", spec: Fixture.podSpec(cpu: "2")),
      message: "0/3 nodes are available: 3 Insufficient cpu."),
    Case(
      name: "cpu and memory short on one node count both",
      nodes: [Fixture.node("a", cpu: "1", memory: "1Gi")],
      pod: Fixture.pod("p", spec: Fixture.podSpec(cpu: "2", memory: "2Gi")),
      message: "0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory."),
    Case(
      name: "pod count is a resource", nodes: [Fixture.node("a", pods: 0)],
      pod: Fixture.pod("p"), message: "0/1 nodes are available: 1 Too many pods."),
    Case(
      name: "an untolerated taint keeps the pod off",
      nodes: [Fixture.node("a", taints: [Fixture.taint("dedicated", "gpu")]), Fixture.node("b", cpu: "1")],
      pod: Fixture.pod("p", spec: Fixture.podSpec(cpu: "2")),
      message:
        "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {dedicated: gpu}."),
    Case(
      name: "a tolerated taint does not",
      nodes: [
        Fixture.node("a", cpu: "8", taints: [Fixture.taint("dedicated", "gpu")]), Fixture.node("b", cpu: "1"),
      ],
      pod: Fixture.pod(
        "p",
        spec: {
          var s = Fixture.podSpec(cpu: "500m")
          s["tolerations"] = [
            ["key": "dedicated", "operator": "Equal", "value": "gpu", "effect": "NoSchedule"]
          ]
          return s
        }()),
      boundTo: "a"),
    Case(
      name: "PreferNoSchedule never filters",
      nodes: [Fixture.node("a", taints: [Fixture.taint("soft", effect: "PreferNoSchedule")])],
      pod: Fixture.pod("p"), boundTo: "a"),
    Case(
      name: "preferred node affinity outweighs a little more room",
      nodes: [Fixture.node("a", cpu: "8"), Fixture.node("b", labels: ["capacity": "spot"])],
      pod: Fixture.pod(
        "p",
        spec: {
          var s = Fixture.podSpec(cpu: "100m")
          s["affinity"] = [
            "nodeAffinity": [
              "preferredDuringSchedulingIgnoredDuringExecution": [
                [
                  "weight": 50,
                  "preference": [
                    "matchExpressions": [["key": "capacity", "operator": "In", "values": ["spot"]]]
                  ],
                ]
              ]
            ]
          ]
          return s
        }()),
      boundTo: "b"),
    Case(
      name: "a PreferNoSchedule taint steers the pod elsewhere when it can",
      nodes: [
        Fixture.node("a", taints: [Fixture.taint("soft", effect: "PreferNoSchedule")]), Fixture.node("b"),
      ],
      pod: Fixture.pod("p"), boundTo: "b"),
    Case(
      name: "nodeSelector", nodes: [Fixture.node("a", cpu: "8"), Fixture.node("b", labels: ["zone": "z1"])],
      pod: Fixture.pod(
        "p",
        spec: {
          var s = Fixture.podSpec()
          s["nodeSelector"] = ["zone": "z1"]
          return s
        }()), boundTo: "b"),
    Case(
      name: "required node affinity that nothing matches", nodes: [Fixture.node("a", labels: ["zone": "z1"])],
      pod: Fixture.pod(
        "p",
        spec: {
          var s = Fixture.podSpec()
          s["affinity"] = [
            "nodeAffinity": [
              "requiredDuringSchedulingIgnoredDuringExecution": [
                "nodeSelectorTerms": [
                  ["matchExpressions": [["key": "zone", "operator": "In", "values": ["z2", "z3"]]]]
                ]
              ]
            ]
          ]
          return s
        }()),
      message: "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector."),
    Case(
      name: "a cordoned node", nodes: [Fixture.node("a", unschedulable: true)], pod: Fixture.pod("p"),
      message: "0/1 nodes are available: 1 node(s) were unschedulable."),
    Case(
      name: "no nodes at all", nodes: [], pod: Fixture.pod("p"),
      message: "no nodes available to schedule pods"),
  ]

  @Test(
    "a pod binds to a Ready node that fits, or is Unschedulable with the scheduler's message",
    arguments: cases)
  func placement(_ c: Case) throws {
    var cluster = StandInCluster()
    for node in c.nodes { try cluster.create("", "nodes", node) }
    cluster.settle()
    try cluster.create("", "pods", c.pod)
    cluster.settle()
    let pod = try #require(cluster.get("", "pods", namespace: "default", c.pod.metaName))
    #expect(pod.nodeName == c.boundTo)
    if let message = c.message {
      let scheduled = try #require(pod.condition("PodScheduled"))
      #expect(scheduled["status"]?.string == "False")
      #expect(scheduled["reason"]?.string == "Unschedulable")
      #expect(scheduled["message"]?.string == message)
      #expect(pod.phase == "Pending")
    } else {
      #expect(pod.phase == "Running")
      #expect(pod.condition("PodScheduled")?["status"]?.string == "True")
    }
  }

  @Test("a node that is not Ready takes no pods until the kubelet reports it Ready")
  func onlyReadyNodes() throws {
    var c = StandInCluster()
    var node = Fixture.node("a")
    node[path: ["status", "conditions"]] = [
      ["type": "Ready", "status": "False", "reason": "KubeletNotReady"]
    ]
    try c.create("", "nodes", node)
    try c.create("", "pods", Fixture.pod("p"))
    c.settle()
    var pod = try #require(c.get("", "pods", namespace: "default", "p"))
    #expect(pod.nodeName == nil)
    #expect(
      pod.condition("PodScheduled")?["message"]?.string
        == "0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }.")
    try c.edit(
      "", "nodes", namespace: nil, "a", ["status", "conditions"], [["type": "Ready", "status": "True"]])
    c.settle()
    pod = try #require(c.get("", "pods", namespace: "default", "p"))
    #expect(pod.nodeName == "a")
  }

  @Test("a host port taken on a node sends the next pod wanting it elsewhere, then nowhere")
  func hostPorts() throws {
    var c = StandInCluster()
    try c.create("", "nodes", Fixture.node("a"))
    try c.create("", "nodes", Fixture.node("b"))
    for name in ["p1", "p2", "p3"] {
      try c.create("", "pods", Fixture.pod(name, spec: Fixture.podSpec(hostPort: 8080)))
    }
    c.settle()
    let nodes = ["p1", "p2", "p3"].map { c.get("", "pods", namespace: "default", $0)?.nodeName }
    #expect(Set(nodes.prefix(2).compactMap { $0 }) == ["a", "b"])
    #expect(nodes[2] == nil)
    #expect(
      c.get("", "pods", namespace: "default", "p3")?.condition("PodScheduled")?["message"]?.string
        == "0/2 nodes are available: 2 node(s) didn't have free ports for the requested pod ports.")
  }

  @Test("an unschedulable pod's condition is written once, then only when the message changes")
  func unschedulableConditionIsNotRewritten() throws {
    var c = StandInCluster()
    try c.create("", "nodes", Fixture.node("a", cpu: "1"))
    try c.create("", "pods", Fixture.pod("big", spec: Fixture.podSpec(cpu: "2")))
    c.settle()
    let version = try #require(
      c.get("", "pods", namespace: "default", "big")?[path: ["metadata", "resourceVersion"]])
    // An unrelated change: the pod is judged again, and the same message is not written again.
    try c.create("", "pods", Fixture.pod("small", spec: Fixture.podSpec(cpu: "100m")))
    c.settle()
    #expect(
      c.get("", "pods", namespace: "default", "big")?[path: ["metadata", "resourceVersion"]] == version)
    try c.create("", "nodes", Fixture.node("b", cpu: "1"))
    c.settle()
    #expect(
      c.get("", "pods", namespace: "default", "big")?.condition("PodScheduled")?["message"]?.string
        == "0/2 nodes are available: 2 Insufficient cpu.")
  }

  @Test("room freed by a finished pod is used by a pending one")
  func freedRoomIsReused() throws {
    var c = StandInCluster()
    try c.create("", "nodes", Fixture.node("a", cpu: "1"))
    try c.create("", "pods", Fixture.pod("first", spec: Fixture.podSpec(cpu: "1")))
    c.settle()
    try c.create("", "pods", Fixture.pod("second", spec: Fixture.podSpec(cpu: "1")))
    c.settle()
    #expect(c.get("", "pods", namespace: "default", "second")?.nodeName == nil)
    try c.delete("", "pods", namespace: "default", "first")
    c.settle()
    #expect(c.get("", "pods", namespace: "default", "first") == nil)
    #expect(c.get("", "pods", namespace: "default", "second")?.nodeName == "a")
  }

  @Test("pods for another scheduler, with scheduling gates, or being deleted are left alone")
  func notOurPods() throws {
    var c = StandInCluster()
    try c.create("", "nodes", Fixture.node("a"))
    var other = Fixture.pod("other")
    other[path: ["spec", "schedulerName"]] = "my-scheduler"
    var gated = Fixture.pod("gated")
    gated[path: ["spec", "schedulingGates"]] = [["name": "example.com/wait"]]
    try c.create("", "pods", other)
    try c.create("", "pods", gated)
    c.settle()
    #expect(c.get("", "pods", namespace: "default", "other")?.nodeName == nil)
    #expect(c.get("", "pods", namespace: "default", "gated")?.nodeName == nil)
    #expect(c.get("", "pods", namespace: "default", "gated")?.condition("PodScheduled")?["reason"] == nil)
  }

  @Test("queue order: higher priority first, so it gets the last room")
  func priorityFirst() throws {
    var c = StandInCluster()
    try c.create("", "nodes", Fixture.node("a", cpu: "1"))
    let low = Fixture.pod("a-low", spec: Fixture.podSpec(cpu: "1"))
    var high = Fixture.pod("z-high", spec: Fixture.podSpec(cpu: "1"))
    // The store's Priority admission turns the class into `spec.priority`.
    high[path: ["spec", "priorityClassName"]] = "system-cluster-critical"
    try c.create("", "pods", low)
    try c.create("", "pods", high)
    c.settle()
    #expect(c.get("", "pods", namespace: "default", "z-high")?.nodeName == "a")
    #expect(c.get("", "pods", namespace: "default", "a-low")?.nodeName == nil)
  }
}

@Suite("Stand-ins: kube-scheduler search size and budgets")
struct StandInsSearchTests {
  @Test(
    "a large cluster is searched as upstream's percentageOfNodesToScore allows",
    arguments: [
      (nodes: 0, find: 0), (nodes: 50, find: 50), (nodes: 100, find: 100), (nodes: 300, find: 144),
      (nodes: 1000, find: 420), (nodes: 5000, find: 500), (nodes: 20000, find: 1000),
    ])
  func feasibleNodes(nodes: Int, find: Int) {
    #expect(KubeSchedulerStandIn.feasibleNodesToFind(of: nodes) == find)
  }

  @Test("PodDisruptionBudgets report what their pods allow, as the disruption controller does")
  func budgetsFollowPods() throws {
    var c = StandInCluster()
    try c.create("", "nodes", Fixture.node("a"))
    try c.create("apps", "deployments", Fixture.deployment("web", replicas: 3))
    let pdb: JSON = [
      "apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
      "metadata": ["name": "web", "namespace": "default"],
      "spec": ["minAvailable": 2, "selector": ["matchLabels": ["app": "web"]]],
    ]
    try c.create("policy", "poddisruptionbudgets", pdb)
    c.settle()
    let status = c.get("policy", "poddisruptionbudgets", namespace: "default", "web")?["status"]
    #expect(status?["currentHealthy"]?.int == 3)
    #expect(status?["disruptionsAllowed"]?.int == 1)
  }
}

@Suite("Stand-ins: the scheduler's Events")
struct StandInsSchedulingEventTests {
  func events(_ c: StandInCluster, pod: String) -> [(reason: String, message: String)] {
    c.list("", "events").filter { $0[path: ["involvedObject", "name"]]?.string == pod }.map {
      ($0["reason"]?.string ?? "", $0["message"]?.string ?? "")
    }
  }

  @Test(
    "FailedScheduling when a pod fits nowhere (once per message), Scheduled when it is bound; an hour later they are gone"
  )
  func eventsTellWhatHappened() throws {
    var c = StandInCluster()
    try c.create("", "pods", Fixture.pod("p", spec: Fixture.podSpec(cpu: "2")))
    c.settle()
    try c.create("", "pods", Fixture.pod("other"))
    c.settle()
    #expect(events(c, pod: "p").map(\.reason) == ["FailedScheduling"])
    try c.create("", "nodes", Fixture.node("a", cpu: "1"))
    c.settle()
    try c.create("", "nodes", Fixture.node("b", cpu: "4"))
    c.settle()
    let posted = events(c, pod: "p")
    #expect(posted.map(\.reason) == ["FailedScheduling", "FailedScheduling", "Scheduled"])
    #expect(posted[1].message == "0/1 nodes are available: 1 Insufficient cpu.")
    #expect(posted[2].message == "Successfully assigned default/p to b")
    let event = try #require(c.list("", "events").first)
    #expect(event[path: ["source", "component"]]?.string == "default-scheduler")
    #expect(event.metaName.hasPrefix("p.") || event.metaName.hasPrefix("other."))
    c.now += 3600
    c.settle()
    #expect(c.list("", "events").isEmpty)
    #expect(c.standIns.nextDeadline == nil)
  }
}
