import Foundation
import Testing

/// NodePool weights, limits (resources and nodes), DaemonSet overhead, host ports and the
/// legacy Provisioner.
@Suite struct NodePoolTests {
  static let types = scenario(types: [
    instanceType("small", cpu: "2", memory: "4Gi", offerings: ["zone-a:on-demand:0.1"]),
    instanceType("medium", cpu: "4", memory: "8Gi", offerings: ["zone-a:on-demand:0.2"]),
    instanceType("large", cpu: "8", memory: "16Gi", offerings: ["zone-a:on-demand:0.4"]),
  ])

  @Test func higherWeightPoolIsChosenFirstEvenWhenPricier() throws {
    let r = try simulate(
      Self.types,
      nodePool(
        "pricey", requirements: "[{key: node.kubernetes.io/instance-type, operator: In, values: [large]}]",
        weight: 50),
      nodePool(
        "cheap", requirements: "[{key: node.kubernetes.io/instance-type, operator: In, values: [small]}]",
        weight: 10),
      pod("p"))
    #expect(r.node(of: "p")?.nodePool == "pricey")
    #expect(r.node(of: "p")?.instanceType == "large")
  }

  @Test func lowerWeightPoolTakesPodsTheHeavierPoolCannot() throws {
    let r = try simulate(
      Self.types,
      nodePool(
        "heavy", requirements: "[{key: node.kubernetes.io/instance-type, operator: In, values: [small]}]",
        weight: 50),
      nodePool("light", weight: 10),
      pod("big", cpu: "3"))
    #expect(r.node(of: "big")?.nodePool == "light")
    #expect(r.node(of: "big")?.instanceType == "medium")
    let alone = try simulate(
      Self.types,
      nodePool(
        "heavy", requirements: "[{key: node.kubernetes.io/instance-type, operator: In, values: [small]}]",
        weight: 50),
      nodePool("light", weight: 10),
      pod("fits", cpu: "1"))
    #expect(alone.node(of: "fits")?.nodePool == "heavy")
  }

  @Test func cpuLimitCapsTheFleetAndLeavesTheRestPendingMentioningLimits() throws {
    // Each 1500m pod needs its own small (2 cpu) node; a 4 cpu limit allows two.
    let types = scenario(types: [
      instanceType("small", cpu: "2", memory: "4Gi", offerings: ["zone-a:on-demand:0.1"])
    ])
    let r = try simulate(
      types, nodePool(limits: "{cpu: \"4\"}"), deployment("web", replicas: 3, cpu: "1500m"))
    #expect(r.nodes.count == 2)
    let cpu = r.nodes.map { quantityValue($0.allocatable["cpu"]!) }.reduce(0, +)
    #expect(cpu <= 4)
    #expect(r.pendingPods.count == 1)
    #expect(r.pendingPods.first?.reason.contains("limit") == true, "\(r.pendingPods)")
  }

  @Test func cpuLimitCountsTheLaunchedTypesCapacity() throws {
    // A 3 cpu limit: one medium (4 cpu) would exceed it; smalls only, one.
    let r = try simulate(
      Self.types, nodePool(limits: "{cpu: \"3\"}"), pod("a", cpu: "1500m"), pod("b", cpu: "1500m"),
      pod("c", cpu: "3"))
    #expect(r.nodes.count == 1)
    #expect(r.nodes.allSatisfy { $0.instanceType == "small" })
    #expect(r.pendingPods.count == 2)
    #expect(r.pending("c")?.reason.contains("limit") == true, "\(r.pendingPods)")
  }

  @Test func nodesLimitCapsTheNodeCount() throws {
    let antiAffinity = """
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: web}}}
      """
    let r = try simulate(
      Self.types, nodePool(limits: "{nodes: \"2\"}"), deployment("web", replicas: 5, spec: antiAffinity))
    #expect(r.nodes.count == 2)
    #expect(r.pendingPods.count == 3)
    #expect(r.pendingPods.allSatisfy { $0.reason.contains("limit") }, "\(r.pendingPods)")
  }

  @Test func limitsHoldAcrossBatches() throws {
    // Pods spread one per node over many batches: the fleet never passes 3 nodes.
    let spread = """
      topologySpreadConstraints:
      - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}
      """
    let r = try simulate(
      Self.types, nodePool(limits: "{cpu: \"6\"}"), deployment("web", replicas: 6, cpu: "1500m", spec: spread)
    )
    let cpu = r.nodes.map { quantityValue($0.allocatable["cpu"]!) }.reduce(0, +)
    #expect(cpu <= 6)
    #expect(r.nodes.count == 3)
    #expect(r.pendingPods.count == 3)
    #expect(r.events.filter { $0.type == "NodeClaimCreated" }.count == 3)
  }

  // MARK: DaemonSets

  @Test func daemonSetOverheadDecidesTheInstanceType() throws {
    // 1800m fits small alone; with a 500m daemon it needs medium.
    let r = try simulate(Self.types, nodePool(), daemonSet("agent", cpu: "500m"), pod("p", cpu: "1800m"))
    let node = try #require(r.node(of: "p"))
    #expect(node.instanceType == "medium")
    #expect(node.pods == ["default/agent-\(node.name)", "default/p"])
  }

  @Test func daemonSetPodRunsOnEveryNode() throws {
    let antiAffinity = """
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: web}}}
      """
    let r = try simulate(
      Self.types, nodePool(), daemonSet("agent"), deployment("web", replicas: 3, spec: antiAffinity))
    #expect(r.nodes.count == 3)
    for node in r.nodes { #expect(node.pods.contains("default/agent-\(node.name)"), "\(node.pods)") }
    #expect(r.pendingPods.isEmpty)
  }

  @Test func daemonSetWithANodeSelectorRunsOnlyWhereItMatches() throws {
    let r = try simulate(
      Self.types,
      nodePool("batch", labels: "{role: batch}"), nodePool("web", labels: "{role: web}"),
      daemonSet("batch-agent", spec: "nodeSelector: {role: batch}"),
      pod("job", spec: "nodeSelector: {role: batch}"), pod("site", spec: "nodeSelector: {role: web}"))
    let batch = try #require(r.node(of: "job"))
    let web = try #require(r.node(of: "site"))
    #expect(batch.nodePool == "batch")
    #expect(batch.pods.contains("default/batch-agent-\(batch.name)"))
    #expect(web.nodePool == "web")
    #expect(!web.pods.contains { $0.contains("batch-agent") })
  }

  // MARK: Host ports

  @Test func podsWithTheSameHostPortNeverShareANode() throws {
    let ports = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: ingress, namespace: default}
      spec:
        replicas: 3
        selector: {matchLabels: {app: ingress}}
        template:
          metadata: {labels: {app: ingress}}
          spec:
            containers:
            - name: proxy
              image: registry.example/proxy
              ports: [{containerPort: 8080, hostPort: 8080, protocol: TCP}]
              resources: {requests: {cpu: 100m, memory: 64Mi}}
      """
    let other = """
      apiVersion: v1
      kind: Pod
      metadata: {name: metrics, namespace: default}
      spec:
        containers:
        - name: m
          image: registry.example/m
          ports: [{containerPort: 9100, hostPort: 9100}]
          resources: {requests: {cpu: 100m, memory: 64Mi}}
      """
    let r = try simulate(Self.types, nodePool(), ports, other)
    #expect(r.pendingPods.isEmpty)
    let nodes = Set((0..<3).compactMap { r.node(of: "ingress-\($0)")?.name })
    #expect(nodes.count == 3)
    // A different host port does not conflict: no fourth node for it.
    #expect(r.nodes.count == 3)
  }

  // MARK: Legacy input

  @Test func v1alpha5ProvisionerSimulatesLikeItsV1NodePool() throws {
    let types = scenario(types: [
      instanceType(
        "small", cpu: "2", memory: "4Gi",
        offerings: ["zone-a:on-demand:0.1", "zone-a:spot:0.05", "zone-b:spot:0.04"]),
      instanceType(
        "medium", cpu: "4", memory: "8Gi", offerings: ["zone-a:on-demand:0.2", "zone-b:spot:0.08"]),
    ])
    let provisioner = """
      apiVersion: karpenter.sh/v1alpha5
      kind: Provisioner
      metadata: {name: default}
      spec:
        labels: {team: platform}
        taints: [{key: dedicated, value: batch, effect: NoSchedule}]
        requirements:
        - {key: karpenter.sh/capacity-type, operator: In, values: [spot, on-demand]}
        - {key: node.kubernetes.io/instance-type, operator: In, values: [small, medium]}
        - {key: kubernetes.io/arch, operator: In, values: [amd64]}
        - {key: kubernetes.io/os, operator: In, values: [linux]}
        limits: {resources: {cpu: "4"}}
        providerRef: {name: default}
      """
    let pool = nodePool(
      requirements: """
        [{key: karpenter.sh/capacity-type, operator: In, values: [spot, on-demand]}, \
        {key: node.kubernetes.io/instance-type, operator: In, values: [small, medium]}, \
        {key: kubernetes.io/arch, operator: In, values: [amd64]}, {key: kubernetes.io/os, operator: In, values: [linux]}]
        """,
      limits: "{cpu: \"4\"}", taints: "[{key: dedicated, value: batch, effect: NoSchedule}]",
      labels: "{team: platform}")
    let workload = deployment(
      "web", replicas: 4, cpu: "900m", spec: "tolerations: [{key: dedicated, operator: Exists}]")
    let legacy = try simulate(types, provisioner, workload)
    let v1 = try simulate(types, pool, workload)
    #expect(!legacy.nodes.isEmpty)
    #expect(legacy.nodes.map(\.instanceType) == v1.nodes.map(\.instanceType))
    #expect(legacy.nodes.map(\.zone) == v1.nodes.map(\.zone))
    #expect(legacy.nodes.map(\.capacityType) == v1.nodes.map(\.capacityType))
    #expect(legacy.nodes.map(\.pods) == v1.nodes.map(\.pods))
    #expect(legacy.nodes.map(\.taints) == v1.nodes.map(\.taints))
    #expect(legacy.pendingNames == v1.pendingNames)
    #expect(legacy.nodes.allSatisfy { $0.nodePool == "default" && $0.labels["team"] == "platform" })
  }

  @Test func provisionerWithoutACapacityTypeRequirementIsOnDemandAsUpstreamDefaulted() throws {
    let types = scenario(types: [
      instanceType("small", cpu: "2", offerings: ["zone-a:on-demand:0.1", "zone-a:spot:0.03"])
    ])
    let provisioner = """
      apiVersion: karpenter.sh/v1alpha5
      kind: Provisioner
      metadata: {name: default}
      spec:
        requirements: [{key: node.kubernetes.io/instance-type, operator: In, values: [small]}]
        providerRef: {name: default}
      """
    let r = try simulate(types, provisioner, pod("p"))
    #expect(r.node(of: "p")?.capacityType == "on-demand")
  }
}
