import Foundation
import Testing

/// Pods land on instance types with room for their requests: cpu, memory, the pods count and
/// extended resources, with requests computed as Kubernetes does.
@Suite struct ResourcesTests {
  /// Three sizes in one zone, priced by size.
  static let sizes = scenario(types: [
    instanceType("small", cpu: "2", memory: "4Gi", offerings: ["zone-a:on-demand:0.1"]),
    instanceType("medium", cpu: "4", memory: "8Gi", offerings: ["zone-a:on-demand:0.2"]),
    instanceType("large", cpu: "8", memory: "16Gi", offerings: ["zone-a:on-demand:0.4"]),
  ])

  @Test func cpuRequestPicksTheCheapestTypeWithRoomAndTooBigStaysPending() throws {
    let r = try simulate(Self.sizes, nodePool(), pod("mid", cpu: "3"), pod("huge", cpu: "9"))
    #expect(r.node(of: "mid")?.instanceType == "medium")
    #expect(r.nodes.count == 1)
    #expect(r.pendingNames == ["default/huge"])
    #expect(r.pending("huge")?.reason.contains("cpu") == true, "\(r.pendingPods)")
  }

  @Test func memoryRequestPicksATypeWithEnoughMemory() throws {
    let types = scenario(types: [
      instanceType("small", cpu: "2", memory: "4Gi", offerings: ["zone-a:on-demand:0.1"]),
      instanceType("highmem", cpu: "2", memory: "16Gi", offerings: ["zone-a:on-demand:0.3"]),
      instanceType("large", cpu: "8", memory: "8Gi", offerings: ["zone-a:on-demand:0.4"]),
    ])
    let r = try simulate(
      types, nodePool(), pod("cache", cpu: "100m", memory: "6Gi"), pod("whale", cpu: "100m", memory: "20Gi"))
    #expect(r.node(of: "cache")?.instanceType == "highmem")
    #expect(r.pendingNames == ["default/whale"])
    #expect(r.pending("whale")?.reason.contains("memory") == true, "\(r.pendingPods)")
  }

  @Test func podsCapacityLimitsHowManyPodsANodeHolds() throws {
    let types = scenario(types: [
      instanceType("few-pods", cpu: "8", memory: "16Gi", pods: "3", offerings: ["zone-a:on-demand:0.1"])
    ])
    let r = try simulate(types, nodePool(), deployment("web", replicas: 5))
    #expect(r.pendingPods.isEmpty)
    #expect(r.nodes.count == 2)
    for node in r.nodes {
      #expect(node.pods.count <= 3, "\(node.name) holds \(node.pods)")
      #expect(node.allocatable["pods"] == "3")
    }
  }

  @Test func eachPodCountsExactlyOneAgainstThePodsCapacity() throws {
    let types = scenario(types: [
      instanceType("two-pods", cpu: "8", memory: "16Gi", pods: "2", offerings: ["zone-a:on-demand:0.1"])
    ])
    let r = try simulate(types, nodePool(), deployment("web", replicas: 4))
    #expect(r.pendingPods.isEmpty)
    #expect(r.nodes.count == 2)
    #expect(r.nodes.allSatisfy { $0.pods.count == 2 })
  }

  @Test func extendedResourceGoesToTheTypeThatHasIt() throws {
    let types = scenario(types: [
      instanceType("cpu-only", cpu: "4", offerings: ["zone-a:on-demand:0.1"]),
      instanceType("gpu", cpu: "4", extra: ["nvidia.com/gpu": "1"], offerings: ["zone-a:on-demand:1.0"]),
    ])
    let r = try simulate(
      types, nodePool(), deployment("train", replicas: 2, cpu: "500m", extra: ["nvidia.com/gpu": "1"]),
      pod("greedy", cpu: "500m", extra: ["nvidia.com/gpu": "2"]))
    #expect(r.node(of: "train-0")?.instanceType == "gpu")
    #expect(r.node(of: "train-1")?.instanceType == "gpu")
    // One GPU each: they cannot share a node.
    #expect(r.node(of: "train-0")?.name != r.node(of: "train-1")?.name)
    #expect(r.nodes.count == 2)
    #expect(r.nodes.allSatisfy { $0.allocatable["nvidia.com/gpu"] == "1" })
    #expect(r.pendingNames == ["default/greedy"])
    #expect(r.pending("greedy")?.reason.contains("nvidia.com/gpu") == true, "\(r.pendingPods)")
  }

  @Test func podWithoutExtendedResourceRequestStillFitsOnCheapType() throws {
    let types = scenario(types: [
      instanceType("cpu-only", cpu: "4", offerings: ["zone-a:on-demand:0.1"]),
      instanceType("gpu", cpu: "4", extra: ["nvidia.com/gpu": "1"], offerings: ["zone-a:on-demand:1.0"]),
    ])
    let r = try simulate(types, nodePool(), pod("plain", cpu: "1"))
    #expect(r.node(of: "plain")?.instanceType == "cpu-only")
  }

  @Test func largestInitContainerCountsWhenLargerThanTheContainersSum() throws {
    // Containers sum to 1 cpu, the init container needs 2500m: the pod needs 2500m.
    let initPod = """
      apiVersion: v1
      kind: Pod
      metadata: {name: init-heavy, namespace: default}
      spec:
        initContainers:
        - {name: migrate, image: registry.example/migrate, resources: {requests: {cpu: 2500m, memory: 64Mi}}}
        - {name: warm, image: registry.example/warm, resources: {requests: {cpu: 1500m, memory: 64Mi}}}
        containers:
        - {name: a, image: registry.example/a, resources: {requests: {cpu: 500m, memory: 64Mi}}}
        - {name: b, image: registry.example/b, resources: {requests: {cpu: 500m, memory: 64Mi}}}
      """
    let r = try simulate(Self.sizes, nodePool(), initPod)
    #expect(r.node(of: "init-heavy")?.instanceType == "medium")
  }

  @Test func containersSumCountsWhenLargerThanTheInitContainer() throws {
    // Containers sum to 3 cpu, more than small's 2: medium. Init 1 cpu does not add to it.
    let p = """
      apiVersion: v1
      kind: Pod
      metadata: {name: sum, namespace: default}
      spec:
        initContainers:
        - {name: init, image: registry.example/init, resources: {requests: {cpu: "1", memory: 64Mi}}}
        containers:
        - {name: a, image: registry.example/a, resources: {requests: {cpu: 1500m, memory: 64Mi}}}
        - {name: b, image: registry.example/b, resources: {requests: {cpu: 1500m, memory: 64Mi}}}
      """
    let p2 = """
      apiVersion: v1
      kind: Pod
      metadata: {name: sum-small, namespace: default}
      spec:
        initContainers:
        - {name: init, image: registry.example/init, resources: {requests: {cpu: 1900m, memory: 64Mi}}}
        containers:
        - {name: a, image: registry.example/a, resources: {requests: {cpu: 900m, memory: 64Mi}}}
        - {name: b, image: registry.example/b, resources: {requests: {cpu: 900m, memory: 64Mi}}}
        affinity:
          podAntiAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
            - {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {role: sum}}}
      """
    let r = try simulate(Self.sizes, nodePool(), p, p2)
    #expect(r.node(of: "sum")?.instanceType == "medium")
    // max(1.8, 1.9) = 1.9 fits small (init and containers never run together).
    #expect(r.node(of: "sum-small")?.instanceType == "small")
  }

  @Test func podOverheadAddsToTheRequests() throws {
    // 1800m of containers fits small (2 cpu); with 300m of overhead it needs medium.
    let p = """
      apiVersion: v1
      kind: Pod
      metadata: {name: sandboxed, namespace: default}
      spec:
        overhead: {cpu: 300m, memory: 64Mi}
        containers:
        - {name: a, image: registry.example/a, resources: {requests: {cpu: 1800m, memory: 64Mi}}}
      """
    let r = try simulate(Self.sizes, nodePool(), p)
    #expect(r.node(of: "sandboxed")?.instanceType == "medium")
  }

  @Test func instanceTypeOverheadReducesAllocatable() throws {
    let types = scenario(types: [
      instanceType(
        "small", cpu: "2", memory: "4Gi", overhead: "cpu: 500m, memory: 512Mi",
        offerings: ["zone-a:on-demand:0.1"]),
      instanceType(
        "medium", cpu: "4", memory: "8Gi", overhead: "cpu: 500m, memory: 512Mi",
        offerings: ["zone-a:on-demand:0.2"]),
    ])
    let r = try simulate(types, nodePool(), pod("p", cpu: "1800m"))
    let node = try #require(r.node(of: "p"))
    #expect(node.instanceType == "medium")
    #expect(quantityValue(node.allocatable["cpu"] ?? "") == 3.5)
    #expect(quantityValue(node.allocatable["memory"] ?? "") == quantityValue("7680Mi"))
  }

  @Test func podsThatFitTogetherShareANode() throws {
    let r = try simulate(Self.sizes, nodePool(), deployment("web", replicas: 4, cpu: "900m"))
    #expect(r.pendingPods.isEmpty)
    // 3.6 cpu: one medium node (0.2/h) is cheaper than two smalls (0.2/h) or a large;
    // whatever the split, no node holds more than it can.
    let perNode = r.count(prefix: "web-")
    for node in r.nodes {
      let cpu = Double(perNode[node.name] ?? 0) * 0.9
      #expect(cpu <= quantityValue(node.allocatable["cpu"]!), "\(node.name)")
    }
    #expect(r.cost.perHour <= 0.2 + 1e-9)
  }
}
