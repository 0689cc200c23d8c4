import APIServer
import Foundation
import Testing

@testable import Sandbox

@Suite("Stand-ins: kubelet, pod GC, namespaces, determinism")
struct StandInsKubeletTests {
  /// A Node as Karpenter's kwok provider creates it: labels and taints, no status.
  static func kwokNode(_ name: String, type: String = "c-4x-amd64-linux") -> JSON {
    [
      "apiVersion": "v1", "kind": "Node",
      "metadata": [
        "name": .string(name),
        "labels": [
          "node.kubernetes.io/instance-type": .string(type), "kubernetes.io/arch": "arm64",
          "kubernetes.io/os": "linux",
          "karpenter.sh/nodepool": "default",
        ],
      ],
      "spec": [
        "providerID": .string("kwok://\(name)"),
        "taints": [Fixture.taint("karpenter.sh/unregistered", effect: "NoExecute")],
      ],
    ]
  }

  @Test("a kwok node becomes Ready, with node info, addresses and its instance type's capacity")
  func kwokNodeBecomesReady() throws {
    var c = StandInCluster()
    try c.create("", "nodes", Self.kwokNode("kwok-1"))
    c.settle()
    let node = try #require(c.get("", "nodes", namespace: nil, "kwok-1"))
    #expect(node.condition("Ready")?["status"]?.string == "True")
    #expect(node.condition("Ready")?["reason"]?.string == "KubeletReady")
    for pressure in ["MemoryPressure", "DiskPressure", "PIDPressure"] {
      #expect(node.condition(pressure)?["status"]?.string == "False")
    }
    #expect(node[path: ["status", "nodeInfo", "kubeletVersion"]]?.string == "v1.31.0")
    #expect(node[path: ["status", "nodeInfo", "architecture"]]?.string == "arm64")
    #expect(node[path: ["status", "nodeInfo", "operatingSystem"]]?.string == "linux")
    let addresses = node[path: ["status", "addresses"]]?.array ?? []
    #expect(addresses.contains { $0["type"]?.string == "InternalIP" && $0["address"]?.string == "10.0.0.1" })
    #expect(addresses.contains { $0["type"]?.string == "Hostname" && $0["address"]?.string == "kwok-1" })
    #expect(node[path: ["status", "capacity", "cpu"]]?.string == "4")
    #expect(node[path: ["status", "capacity", "memory"]]?.string == "8Gi")
    #expect(node[path: ["status", "capacity", "pods"]]?.string == "64")
    #expect(node[path: ["status", "allocatable", "cpu"]]?.string == "3900m")
    // Startup and registration taints are not the kubelet's to remove.
    #expect(node[path: ["spec", "taints"]]?.array?.count == 1)
  }

  @Test("a node with its own capacity keeps it")
  func givenCapacityIsKept() throws {
    var c = StandInCluster()
    var node = Self.kwokNode("kwok-1")
    node["status"] = [
      "capacity": ["cpu": "2", "memory": "1Gi", "pods": "10"],
      "allocatable": ["cpu": "1500m", "memory": "1Gi", "pods": "10"],
    ]
    try c.create("", "nodes", node)
    c.settle()
    let stored = try #require(c.get("", "nodes", namespace: nil, "kwok-1"))
    #expect(stored[path: ["status", "allocatable", "cpu"]]?.string == "1500m")
    #expect(stored.condition("Ready")?["status"]?.string == "True")
  }

  @Test("a pod bound to a Ready node runs: conditions, IPs, start time and container statuses")
  func boundPodRuns() throws {
    var c = StandInCluster()
    try c.create("", "nodes", Fixture.node("a"))
    var spec = Fixture.podSpec(cpu: "100m")
    spec["initContainers"] = [["name": "setup", "image": "busybox"]]
    try c.create("", "pods", Fixture.pod("web", spec: spec))
    c.settle()
    let pod = try #require(c.get("", "pods", namespace: "default", "web"))
    #expect(pod.nodeName == "a")
    #expect(pod.phase == "Running")
    for type in ["PodScheduled", "Initialized", "ContainersReady", "Ready"] {
      #expect(pod.condition(type)?["status"]?.string == "True", "\(type)")
    }
    #expect(pod[path: ["status", "podIP"]]?.string == "10.244.0.1")
    #expect(pod[path: ["status", "hostIP"]]?.string == "10.0.0.1")
    #expect(pod[path: ["status", "startTime"]]?.string != nil)
    let container = try #require(pod[path: ["status", "containerStatuses"]]?.array?.first)
    #expect(container["name"]?.string == "app")
    #expect(container["ready"]?.bool == true)
    #expect(container["started"]?.bool == true)
    #expect(container["restartCount"]?.int == 0)
    #expect(container[path: ["state", "running"]] != nil)
    let initStatus = try #require(pod[path: ["status", "initContainerStatuses"]]?.array?.first)
    #expect(initStatus[path: ["state", "terminated", "reason"]]?.string == "Completed")
  }

  @Test("a pod being deleted on a node is finished by the kubelet; its namespace can then go")
  func terminatingPodIsFinished() throws {
    var c = StandInCluster()
    try c.create("", "namespaces", ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "team"]])
    try c.create("", "nodes", Fixture.node("a"))
    try c.create("", "pods", Fixture.pod("web", namespace: "team"))
    c.settle()
    #expect(c.get("", "pods", namespace: "team", "web")?.phase == "Running")
    try c.delete("", "namespaces", namespace: nil, "team")
    c.settle()
    #expect(c.get("", "pods", namespace: "team", "web") == nil)
    #expect(c.get("", "namespaces", namespace: nil, "team") == nil)
  }

  @Test("pods bound to a node that was deleted are removed, and their workload replaces them")
  func podsOfDeletedNodeAreRemoved() throws {
    var c = StandInCluster()
    try c.create("", "nodes", Fixture.node("a"))
    try c.create("", "nodes", Fixture.node("b"))
    try c.create("apps", "deployments", Fixture.deployment("web", replicas: 4))
    c.settle()
    let onA = c.pods.filter { $0.nodeName == "a" }.map(\.metaName)
    try #require(!onA.isEmpty)
    try c.delete("", "nodes", namespace: nil, "a")
    c.settle()
    let names = Set(c.pods.map(\.metaName))
    #expect(onA.allSatisfy { !names.contains($0) })
    #expect(c.pods.count == 4)
    #expect(c.pods.allSatisfy { $0.nodeName == "b" && $0.phase == "Running" })
  }

  @Test("a pod annotated with run-seconds and restartPolicy Never succeeds after that long")
  func runSecondsCompletesPod() throws {
    var c = StandInCluster()
    try c.create("", "nodes", Fixture.node("a"))
    var pod = Fixture.pod("task")
    pod[path: ["spec", "restartPolicy"]] = "Never"
    pod[path: ["metadata", "annotations", "sandbox.karpenter.sh/run-seconds"]] = "5"
    try c.create("", "pods", pod)
    c.settle()
    #expect(c.get("", "pods", namespace: "default", "task")?.phase == "Running")
    c.now += 4
    #expect(!c.standIns.reconcile(&c.store, now: c.now))
    c.now += 1
    c.settle()
    let done = try #require(c.get("", "pods", namespace: "default", "task"))
    #expect(done.phase == "Succeeded")
    #expect(done.condition("Ready")?["status"]?.string == "False")
  }

  @Test("a quiet cluster costs nothing: no write and no change without a new resource version")
  func quietClusterWritesNothing() throws {
    var c = StandInCluster()
    try c.create("", "nodes", Fixture.node("a"))
    try c.create("apps", "deployments", Fixture.deployment("web", replicas: 2))
    c.settle()
    let version = c.store.resourceVersion
    #expect(!c.standIns.reconcile(&c.store, now: c.now + 60))
    #expect(c.store.resourceVersion == version)
  }

  @Test("two runs of the same writes end in the same objects")
  func deterministic() throws {
    func run() throws -> [JSON] {
      var c = StandInCluster()
      for name in ["n1", "n2", "n3"] { try c.create("", "nodes", Self.kwokNode(name)) }
      for name in ["n1", "n2", "n3"] {
        try c.edit("", "nodes", namespace: nil, name, ["spec", "taints"], [])
      }
      try c.create("apps", "deployments", Fixture.deployment("web", replicas: 5))
      try c.create(
        "apps", "deployments", Fixture.deployment("api", replicas: 3, spec: Fixture.podSpec(cpu: "3")))
      c.settle()
      return c.store.snapshot()
    }
    let first = try run()
    let second = try run()
    #expect(first == second)
    #expect(first.count > 10)
  }
}

@Suite("Stand-ins: cost follows the changes")
struct StandInsCostTests {
  @Test("after a large cluster settles, one pod deletion costs a handful of decodes, not a relist")
  func incremental() throws {
    var c = StandInCluster()
    for i in 0..<40 { try c.create("", "nodes", Fixture.node("node-\(i)", cpu: "16", memory: "64Gi")) }
    try c.create("apps", "deployments", Fixture.deployment("web", replicas: 400))
    c.settle(rounds: 80)
    #expect(c.pods.filter { $0.phase == "Running" }.count == 400)
    let before = c.standIns.decodedObjects
    let victim = try #require(c.pods.first)
    try c.delete("", "pods", namespace: "default", victim.metaName)
    c.settle()
    // The deleted pod, its replacement's few versions, the ReplicaSet and the Deployment.
    #expect(c.standIns.decodedObjects - before < 20)
    #expect(c.pods.count == 400)
  }

  @Test("an object the stand-ins cannot read is reported and left alone")
  func undecodableObjectIsReported() throws {
    var c = StandInCluster()
    try c.create("", "nodes", Fixture.node("a"))
    var broken = Fixture.deployment("broken", replicas: 1)
    broken[path: ["spec", "replicas"]] = "three"
    try c.create("apps", "deployments", broken)
    c.settle()
    #expect(c.standIns.undecodableObjects["deployments default/broken"] != nil)
    #expect(c.list("apps", "replicasets").isEmpty)
  }
}

@Suite("Stand-ins: refusals and limits")
struct StandInsRefusalTests {
  @Test("a write the store refuses is reported as a sentence naming the write and the answer")
  func refusedWriteIsReported() throws {
    var c = StandInCluster()
    c.store.admission = { type, object, _ in
      type.plural == "pods" ? [FieldCause(message: "pods are not allowed here", field: "metadata.name")] : []
    }
    try c.create(
      "apps", "replicasets",
      [
        "apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": ["name": "web", "namespace": "default"],
        "spec": [
          "replicas": 1, "selector": ["matchLabels": ["app": "web"]],
          "template": Fixture.template(app: "web"),
        ],
      ])
    c.settle()
    #expect(c.pods.isEmpty)
    let problem = try #require(c.standIns.problems.first)
    #expect(problem.write == "create pods default/web-")
    #expect(problem.description.hasPrefix("the sandbox's stand-ins could not create pods default/web-: "))
    #expect(problem.description.contains("pods are not allowed here"))
  }

  @Test("a workload asking for more pods than the sandbox holds gets what fits and a problem")
  func podLimit() throws {
    var c = StandInCluster()
    c.standIns = StandIns(podLimit: 5)
    try c.create("", "nodes", Fixture.node("a"))
    try c.create("apps", "deployments", Fixture.deployment("web", replicas: 2_000_000_000))
    c.settle()
    #expect(c.pods.count == 5)
    #expect(c.standIns.problems.contains { $0.reason == "the sandbox holds at most 5 pods" })
  }
}

extension StandInsRefusalTests {
  @Test("handed a fresh store, the stand-ins start over instead of trusting what they saw")
  func freshStore() throws {
    var c = StandInCluster()
    for i in 0..<5 { try c.create("", "nodes", Fixture.node("old-\(i)")) }
    c.settle()
    c.store = APIStore(seed: 7)
    try c.create("", "nodes", Fixture.node("a", cpu: "1"))
    try c.create("", "pods", Fixture.pod("p", spec: Fixture.podSpec(cpu: "2")))
    c.settle()
    #expect(
      c.get("", "pods", namespace: "default", "p")?.condition("PodScheduled")?["message"]?.string
        == "0/1 nodes are available: 1 Insufficient cpu.")
  }
}
