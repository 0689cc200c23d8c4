import Controllers
import ControllersTestSupport
import KarpenterAPI
import KubernetesAPI
import Scheduling
import Testing

@testable import KarpenterMetrics

/// The gauges read off the store.
@Suite struct StateMetricsTests {
  /// The node and pod gauges with their labels named, as the small gauges carry them.
  func large(_ store: ClusterStore, now: Double) -> [String: StateMetrics.Samples] {
    StateMetrics.largeGauges(store: store, now: now).reduce(into: [:]) { out, family in
      let names = MetricDefinition.named(family.key)!.labels
      out[family.key] = family.value.map { (Dictionary(uniqueKeysWithValues: zip(names, $0.values)), $0.value) }
    }
  }

  func samples(_ gauges: [String: StateMetrics.Samples], _ name: String) -> [[String: String]: Double] {
    Dictionary((gauges[name] ?? []).map { ($0.labels, $0.value) }, uniquingKeysWith: { a, _ in a })
  }

  @Test func theFleetCostsWhatItsNodesCostByNodePoolAndCapacityType() {
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1", pool: "default", capacityType: "spot", price: 0.04)
      $0.node("n2", pool: "default", capacityType: "spot", price: 0.05)
      $0.node("n3", pool: "default", capacityType: "on-demand", price: 0.096)
      $0.node("static", pool: nil, price: 1.0)
    }
    let cost = samples(StateMetrics.gauges(store: store, now: 0, synced: true), "karpenter_fleet_cost_dollars_per_hour")
    #expect(cost.count == 2)
    #expect(abs(cost[["nodepool": "default", "capacity_type": "spot"]]! - 0.09) < 1e-9)
    #expect(cost[["nodepool": "default", "capacity_type": "on-demand"]] == 0.096)
  }

  @Test func theLowerBoundPricesEachResourceAtItsCheapestUnit() {
    // Pods need 3 CPUs and 3 GiB in all. The cheapest CPU is c (0.1 $/h for 2 CPUs: 0.05 per
    // CPU); the cheapest memory is r (0.1 $/h for 16 GiB). CPU binds: 3 x 0.05 = 0.15 $/h.
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.instanceType("c", cpu: "2", memory: "4Gi", price: 0.1)
      $0.instanceType("r", cpu: "1", memory: "16Gi", price: 0.1)
      for i in 0..<3 { $0.pod("default/p\(i)", cpu: "1", memory: "1Gi") }
    }
    #expect(abs(FleetCostLowerBound.dollarsPerHour(store) - 0.15) < 1e-9)
  }

  @Test func theLowerBoundLeavesOutDaemonsPodsOnOtherNodesAndUnavailableOfferings() {
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.instanceType("c", cpu: "2", memory: "4Gi", price: 0.1)
      $0.instanceType(
        "cheap-but-gone", cpu: "64", memory: "256Gi",
        offerings: [Offering(zone: "us-east-1a", capacityType: "spot", price: 0.01, available: false)])
      $0.node("unmanaged", pool: nil)
      $0.pod("default/elsewhere", on: "unmanaged", cpu: "8")
      $0.pod("kube-system/proxy", owner: .daemonSet("proxy"), cpu: "8")
      $0.pod("default/p", cpu: "1", memory: "1Gi")
    }
    #expect(abs(FleetCostLowerBound.dollarsPerHour(store) - 0.05) < 1e-9)
  }

  @Test func pendingPodsAreCountedByWhyTheyWait() {
    var store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1")
      $0.pod("default/a")
      $0.pod("default/b")
      $0.pod("default/c")
      $0.pod("default/bound", on: "n1")
    }
    store[pod: "default/a"]!.pendingReason = .unschedulable("no instance type fits")
    store[pod: "default/b"]!.nominated = "n1"
    let pending = samples(StateMetrics.gauges(store: store, now: 0, synced: true), "karpenter_pods_pending")
    #expect(pending[["reason": "unschedulable"]] == 1)
    #expect(pending[["reason": "nominated"]] == 1)
    #expect(pending[["reason": "awaiting_provisioner"]] == 1)
    #expect(pending[["reason": "no_offering"]] == 0)
    #expect(pending.count == PendingCause.allCases.count)
  }

  @Test func nodeGaugesCarryUpstreamsLabelsAndEveryResource() throws {
    let store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1", pool: "default", capacityType: "spot", instanceType: "m5.large", zone: "us-east-1b", createdAt: 40)
      $0.pod("default/a", on: "n1", cpu: "500m")
    }
    let gauges = large(store, now: 100)
    let requests = try #require(
      gauges["karpenter_nodes_total_pod_requests"]?.first { $0.labels["resource_type"] == "cpu" })
    #expect(requests.value == 0.5)
    #expect(requests.labels["node_name"] == "n1")
    #expect(requests.labels["nodepool"] == "default")
    #expect(requests.labels["instance_type"] == "m5.large")
    #expect(requests.labels["capacity_type"] == "spot")
    #expect(requests.labels["managed"] == "true")
    let labels = Set(MetricDefinition.named("karpenter_nodes_total_pod_requests")!.labels)
    #expect(Set(requests.labels.keys) == labels)
    #expect(gauges["karpenter_nodes_current_lifetime_seconds"]?.first?.value == 60)
    let resources = (gauges["karpenter_nodes_allocatable"] ?? []).compactMap { $0.labels["resource_type"] }
    #expect(resources.sorted() == ["cpu", "ephemeral_storage", "memory", "pods"])
    let registry = MetricsRegistry()
    for (name, series) in StateMetrics.largeGauges(store: store, now: 100) { registry.replaceGauge(name, ordered: series) }
    for (name, series) in StateMetrics.gauges(store: store, now: 100, synced: true) { registry.replaceGauge(name, with: series) }
    #expect(registry.rejected == 0)
  }

  @Test func nodePoolUsageAndLimitsAreReported() {
    let store = ClusterStore.build {
      $0.nodePool("default", limits: ["cpu": "100", "memory": "1000Gi"])
      $0.node("n1")
      $0.node("n2")
    }
    let gauges = StateMetrics.gauges(store: store, now: 0, synced: true)
    #expect(samples(gauges, "karpenter_nodepools_usage")[["nodepool": "default", "resource_type": "cpu"]] == 4)
    #expect(samples(gauges, "karpenter_nodepools_limit")[["nodepool": "default", "resource_type": "cpu"]] == 100)
    let memoryLimit = samples(gauges, "karpenter_nodepools_limit")[["nodepool": "default", "resource_type": "memory"]]
    #expect(memoryLimit == Double(Int64(1000) << 30))
  }

  @Test func instanceTypeGaugesCoverEveryOffering() {
    let store = ClusterStore.build {
      $0.instanceType(
        "m5.large", cpu: "2", memory: "8Gi",
        offerings: [
          Offering(zone: "us-east-1a", capacityType: "spot", price: 0.03),
          Offering(zone: "us-east-1b", capacityType: "on-demand", price: 0.096, available: false),
        ])
    }
    let gauges = StateMetrics.instanceTypeGauges(store.instanceTypes)
    #expect(samples(gauges, "karpenter_cloudprovider_instance_type_cpu_cores")[["instance_type": "m5.large"]] == 2)
    let available = samples(gauges, "karpenter_cloudprovider_instance_type_offering_available")
    #expect(available[["instance_type": "m5.large", "capacity_type": "spot", "zone": "us-east-1a"]] == 1)
    #expect(available[["instance_type": "m5.large", "capacity_type": "on-demand", "zone": "us-east-1b"]] == 0)
  }

  @Test func podsWaitingAndNodesBeingDisruptedAreReported() {
    var store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1")
      $0.node("n2")
      $0.disrupting("n2", .drifted)
      $0.pod("default/waiting")
      $0.pod("default/bound", on: "n1")
    }
    store[pod: "default/waiting"]!.createdAt = 30
    let gauges = StateMetrics.gauges(store: store, now: 100, synced: true)
    #expect(samples(large(store, now: 100), "karpenter_pods_unbound_time_seconds") == [["name": "waiting", "namespace": "default"]: 70])
    #expect(samples(gauges, "karpenter_nodepools_nodes_consuming_budgets") == [["nodepool": "default", "reason": "drifted"]: 1])
    #expect(samples(gauges, "karpenter_scheduler_ignored_pods_count") == [[:]: 0])
  }

  @Test func limitsAreSummedPerNodeApartFromDaemons() throws {
    var store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1")
      $0.pod("default/a", on: "n1")
      $0.pod("kube-system/proxy", on: "n1", owner: .daemonSet("proxy"))
    }
    store[pod: "default/a"]!.pod.spec!.containers[0].resources = ResourceRequirements(limits: ["cpu": "2", "memory": "1Gi"])
    store[pod: "kube-system/proxy"]!.pod.spec!.containers[0].resources = ResourceRequirements(limits: ["cpu": "250m"])
    let gauges = large(store, now: 0)
    let pods = try #require(gauges["karpenter_nodes_total_pod_limits"]?.first { $0.labels["resource_type"] == "cpu" })
    let daemons = try #require(gauges["karpenter_nodes_total_daemon_limits"]?.first { $0.labels["resource_type"] == "cpu" })
    #expect(pods.value == 2)
    #expect(daemons.value == 0.25)
  }
}
