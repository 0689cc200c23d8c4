import Foundation
import KarpenterCLI
import Scheduling
import Testing

/// The SimulationResult document: ordering, nulls, cost, event times, determinism, the
/// first-fit baseline and the embedded catalogs.
@Suite struct OutputContractTests {
  static let types = scenario(
    types: [
      instanceType(
        "small", cpu: "2", memory: "4Gi",
        offerings: ["zone-a:on-demand:0.1", "zone-b:on-demand:0.11", "zone-c:on-demand:0.12"]),
      instanceType(
        "large", cpu: "8", memory: "16Gi",
        offerings: ["zone-a:on-demand:0.4", "zone-b:on-demand:0.41", "zone-c:on-demand:0.42"]),
    ], nodeStartup: "45s")

  static let antiAffinity = """
    affinity:
      podAntiAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
        - {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: web}}}
    """

  static let zoneSpread = """
    topologySpreadConstraints:
    - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: api}}}
    """

  static let unmanaged = """
    apiVersion: v1
    kind: Node
    metadata: {name: aaa-unmanaged, labels: {kubernetes.io/hostname: aaa-unmanaged, topology.kubernetes.io/zone: zone-a}}
    status: {allocatable: {cpu: 100m, memory: 1Gi, pods: "110"}}
    """

  /// A mixed workload exercising several constraints at once.
  static var mixed: [String] {
    [
      types, nodePool(), unmanaged, daemonSet("agent", cpu: "50m"),
      deployment("web", replicas: 4, cpu: "700m", spec: antiAffinity),
      deployment("api", replicas: 6, cpu: "400m", spec: zoneSpread),
      deployment("batch", replicas: 5, cpu: "1200m", memory: "1Gi"),
      pod("zz-huge", cpu: "64"), pod("aa-huge", cpu: "65"),
    ]
  }

  @Test func documentHasTheContractsShape() throws {
    let run = try simulateRun(Self.mixed)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(object["apiVersion"] as? String == "simulation.karpenter.sh/v1alpha1")
    #expect(object["kind"] as? String == "SimulationResult")
    for key in ["endTime", "nodes", "pendingPods", "cost", "events"] {
      #expect(object[key] != nil, "missing \(key)")
    }
    let nodes = try #require(object["nodes"] as? [[String: Any]])
    for node in nodes {
      for key in [
        "name", "nodePool", "instanceType", "zone", "capacityType", "pricePerHour", "labels", "taints",
        "allocatable", "pods", "createdAt",
      ] {
        #expect(node.keys.contains(key), "node lacks \(key)")
      }
    }
    let unmanaged = try #require(nodes.first { $0["name"] as? String == "aaa-unmanaged" })
    #expect(unmanaged["nodePool"] is NSNull)
  }

  @Test func nodesPodsAndPendingPodsAreSorted() throws {
    let r = try simulate(Self.mixed)
    #expect(r.nodes.count > 3)
    #expect(r.nodes.map(\.name) == r.nodes.map(\.name).sorted())
    for node in r.nodes { #expect(node.pods == node.pods.sorted(), "\(node.name)") }
    #expect(r.pendingNames == ["default/aa-huge", "default/zz-huge"])
    #expect(r.nodes.first?.name == "aaa-unmanaged")
    #expect(r.nodes.first?.nodePool == nil)
  }

  @Test func costPerHourIsTheSumOfNodePrices() throws {
    let r = try simulate(Self.mixed)
    let sum = r.nodes.map(\.pricePerHour).reduce(0, +)
    #expect(abs(r.cost.perHour - sum) < 1e-6)
    #expect(r.cost.perHour > 0)
    // Managed nodes ran from createdAt to endTime.
    let total = r.managedNodes.map { $0.pricePerHour * (r.endTime - $0.createdAt) / 3600 }.reduce(0, +)
    #expect(abs(r.cost.total - total) < 1e-5)
  }

  @Test func eventsAreInTimeOrderWithBatchStartupAndBindingTimes() throws {
    let r = try simulate(Self.types, nodePool(), deployment("web", replicas: 2, spec: Self.antiAffinity))
    #expect(r.events.map(\.time) == r.events.map(\.time).sorted())
    let created = r.events.filter { $0.type == "NodeClaimCreated" }
    let ready = r.events.filter { $0.type == "NodeReady" }
    #expect(created.count == 2)
    #expect(created.allSatisfy { $0.time == 1 })
    #expect(ready.count == 2)
    #expect(ready.allSatisfy { $0.time == 46 })
    for node in r.nodes {
      #expect(node.createdAt == 1)
      let readyAt = try #require(ready.first { $0.node == node.name }?.time)
      for bound in r.events where bound.type == "PodBound" && bound.node == node.name {
        #expect(bound.time >= readyAt)
      }
    }
    let bound = Set(r.events.filter { $0.type == "PodBound" }.compactMap(\.pod))
    #expect(bound == ["default/web-0", "default/web-1"])
    #expect(
      r.events.allSatisfy {
        [
          "NodeClaimCreated", "NodeReady", "PodBound", "PodEvicted", "DisruptionDecided", "NodeTerminated",
          "LaunchFailed",
        ].contains($0.type)
      })
  }

  @Test func defaultNodeStartupIsThirtySeconds() throws {
    let types = scenario(types: [instanceType("std", cpu: "4", offerings: ["zone-a:on-demand:0.1"])])
    let r = try simulate(types, nodePool(), pod("p"))
    #expect(r.events.first { $0.type == "NodeClaimCreated" }?.time == 1)
    #expect(r.events.first { $0.type == "NodeReady" }?.time == 31)
    #expect(r.events.first { $0.type == "PodBound" }?.time == 31)
  }

  @Test func sameInputTwiceGivesByteIdenticalJSON() throws {
    let path = try scenarioFile(Self.mixed.joined(separator: "\n---\n"))
    let first = SimulateRun.run(paths: [path], output: .json)
    let second = SimulateRun.run(paths: [path], output: .json)
    #expect(first.exitCode == 0)
    #expect(!first.stdout.isEmpty)
    #expect(first.stdout == second.stdout)
    let firstFit = SimulateRun.run(paths: [path], output: .json, packing: .firstFit)
    #expect(firstFit.stdout == SimulateRun.run(paths: [path], output: .json, packing: .firstFit).stdout)
  }

  @Test func firstFitPackingAlsoPlacesEverythingValidly() throws {
    let r = try simulate(Self.mixed, packing: .firstFit)
    #expect(r.pendingNames == ["default/aa-huge", "default/zz-huge"])
    let cpu: [String: Double] = ["web-": 0.7, "api-": 0.4, "batch-": 1.2, "agent-": 0.05]
    var placed = 0
    for node in r.managedNodes {
      var used = 0.0
      for p in node.pods {
        let name = String(p.dropFirst("default/".count))
        let request = try #require(cpu.first { name.hasPrefix($0.key) }?.value, "unexpected pod \(p)")
        used += request
        if !name.hasPrefix("agent-") { placed += 1 }
      }
      #expect(
        used <= quantityValue(node.allocatable["cpu"]!) + 1e-9, "\(node.name) over-committed: \(node.pods)")
      #expect(node.pods.filter { $0.hasPrefix("default/web-") }.count <= 1)
      #expect(node.pods.contains("default/agent-\(node.name)"))
    }
    #expect(placed == 15)
    var zones: [String: Int] = [:]
    for node in r.nodes {
      zones[node.zone ?? "", default: 0] += node.pods.filter { $0.hasPrefix("default/api-") }.count
    }
    let counts = ["zone-a", "zone-b", "zone-c"].map { zones[$0] ?? 0 }
    #expect(counts.max()! - counts.min()! <= 1, "\(zones)")
  }

  @Test func invalidInputExitsOneNamingTheField() throws {
    let path = try scenarioFile(
      nodePool(requirements: "[{key: kubernetes.io/arch, operator: Near, values: [amd64]}]"))
    let output = SimulateRun.run(paths: [path], output: .json)
    #expect(output.exitCode == 1)
    #expect(output.stdout.isEmpty)
    #expect(output.stderr.contains("operator"))
  }

  // MARK: Embedded catalogs

  @Test func kwokCatalogLaunchesInItsTestZones() throws {
    let kwok = """
      apiVersion: simulation.karpenter.sh/v1alpha1
      kind: Scenario
      metadata: {name: kwok}
      spec:
        cloud: {instanceTypes: {catalog: kwok}}
      """
    let r = try simulate(kwok, nodePool(), deployment("web", replicas: 3, cpu: "1"))
    #expect(r.pendingPods.isEmpty)
    #expect(!r.nodes.isEmpty)
    for node in r.nodes {
      #expect(
        ["test-zone-a", "test-zone-b", "test-zone-c", "test-zone-d"].contains(node.zone ?? ""),
        "\(node.zone ?? "nil")")
      #expect(node.instanceType != nil)
      #expect(node.pricePerHour > 0)
    }
  }

  @Test func awsCatalogGivesUpstreamAllocatable() throws {
    let r = try simulate(
      nodePool(
        requirements:
          "[{key: node.kubernetes.io/instance-type, operator: In, values: [m5.large]}, {key: karpenter.sh/capacity-type, operator: In, values: [on-demand]}]"
      ),
      pod("p", cpu: "1"))
    let node = try #require(r.node(of: "p"))
    #expect(node.instanceType == "m5.large")
    #expect(["us-east-1a", "us-east-1b", "us-east-1c"].contains(node.zone ?? ""))
    #expect(node.allocatable["cpu"] == "1930m")
    #expect(node.allocatable["pods"] == "29")
    #expect(node.pricePerHour == 0.096)
    #expect(node.labels["karpenter.k8s.aws/instance-family"] == "m5")
  }
}
