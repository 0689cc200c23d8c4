import Controllers
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// The gauges read off the cluster as Karpenter sees it (upstream's metrics.node, metrics.pod,
/// metrics.nodepool and cluster-state controllers, and this project's cost gauges): a pure
/// function of the store, recomputed every few seconds. Each call replaces every series, so a
/// node, pod or NodePool that went takes its series with it.
public enum StateMetrics {
  /// One gauge's series.
  public typealias Samples = [(labels: [String: String], value: Double)]

  /// The state gauges with few series for `store` at controllers' time `now` (the per-node and
  /// per-pod ones are `largeGauges`).
  public static func gauges(store: ClusterStore, now: Double, synced: Bool) -> [String: Samples] {
    var out: [String: Samples] = [:]
    let schema = store.schema
    let nodes = Array(store.sortedNodes)
    out["karpenter_cluster_state_node_count"] = [([:], Double(nodes.count))]
    out["karpenter_cluster_state_synced"] = [([:], synced ? 1 : 0)]
    out["karpenter_nodepools_nodes_consuming_budgets"] = consumingBudgets(nodes)
    out["karpenter_cluster_utilization_percent"] = utilization(nodes, schema)
    out["karpenter_scheduler_ignored_pods_count"] = [
      ([:], Double(store.pods.values.count { $0.node == nil && !($0.pendingReason?.isSchedulable ?? true) }))
    ]
    let pools = nodePoolGauges(store, nodes, schema)
    out["karpenter_nodepools_usage"] = pools.usage
    out["karpenter_nodepools_limit"] = pools.limit
    let cost = fleetCost(nodes)
    out["karpenter_fleet_cost_dollars_per_hour"] = cost
    var byPool: [String: Double] = [:]
    for sample in cost { byPool[sample.labels["nodepool"] ?? "", default: 0] += sample.value }
    out["karpenter_nodepools_cost_total"] = byPool.map { (["nodepool": $0.key], $0.value) }
    out["karpenter_fleet_cost_lower_bound_dollars_per_hour"] = [([:], FleetCostLowerBound.dollarsPerHour(store))]
    out["karpenter_pods_pending"] = pending(store)
    return out
  }

  /// The cloud provider's instance-type gauges, which change only when the instance types do.
  public static func instanceTypeGauges(_ types: InstanceTypes) -> [String: Samples] {
    var out: [String: Samples] = [:]
    var seen = Set<String>()
    for type in types.all where seen.insert(type.name).inserted {
      let named = ["instance_type": type.name]
      out["karpenter_cloudprovider_instance_type_cpu_cores", default: []].append(
        (named, Double(type.capacity.cpuMilli) / 1000))
      out["karpenter_cloudprovider_instance_type_memory_bytes", default: []].append(
        (named, Double(type.capacity.memory)))
      for offering in type.offerings {
        let labels = [
          "instance_type": type.name, "capacity_type": offering.capacityType, "zone": offering.zone,
        ]
        out["karpenter_cloudprovider_instance_type_offering_available", default: []].append(
          (labels, offering.available ? 1 : 0))
        out["karpenter_cloudprovider_instance_type_offering_price_estimate", default: []].append(
          (labels, offering.price))
      }
    }
    return out
  }

  /// Upstream's resource_type values: the resource's name in snake case (`ephemeral_storage`).
  static func resourceTypeName(_ name: String) -> String {
    name.replacingOccurrences(of: "-", with: "_")
  }

  /// A resource's amount as upstream reports it: CPU in cores, the rest as counted (bytes, pods).
  static func value(_ raw: Int64, slot: Int) -> Double {
    slot == ResourceSchema.cpu ? Double(raw) / 1000 : Double(raw)
  }

  private static func utilization(_ nodes: [StateNode], _ schema: ResourceSchema) -> Samples {
    var allocatable = Resources()
    var requested = Resources()
    for node in nodes {
      allocatable += node.allocatable
      requested += node.requested
    }
    return [ResourceSchema.cpu, ResourceSchema.memory].map { slot in
      let total = Double(allocatable[slot])
      return (["resource_type": resourceTypeName(schema.names[slot])], total > 0 ? 100 * Double(requested[slot]) / total : 0)
    }
  }

  /// Nodes being disrupted, by NodePool and reason: what holds their budgets.
  private static func consumingBudgets(_ nodes: [StateNode]) -> Samples {
    var counts: [[String]: Int] = [:]
    for node in nodes {
      guard let pool = node.nodePool, let reason = node.disruption else { continue }
      counts[[pool, reason.rawValue.lowercased()], default: 0] += 1
    }
    return counts.map { (["nodepool": $0.key[0], "reason": $0.key[1]], Double($0.value)) }
  }

  /// Pending pods by why they wait (this project's own gauge; the reasons are a closed set).
  private static func pending(_ store: ClusterStore) -> Samples {
    var counts: [PendingCause: Int] = Dictionary(uniqueKeysWithValues: PendingCause.allCases.map { ($0, 0) })
    for pod in store.pods.values where pod.node == nil && !pod.isDaemon {
      counts[PendingCause(pod), default: 0] += 1
    }
    return PendingCause.allCases.map { (["reason": $0.rawValue], Double(counts[$0] ?? 0)) }
  }

  // MARK: NodePools and cost

  private static func nodePoolGauges(
    _ store: ClusterStore, _ nodes: [StateNode], _ schema: ResourceSchema
  ) -> (usage: Samples, limit: Samples) {
    var usage: Samples = []
    var limit: Samples = []
    var used: [String: Resources] = [:]
    for node in nodes {
      if let pool = node.nodePool { used[pool, default: Resources()] += node.allocatable }
    }
    for pool in store.nodePools {
      let name = pool.metadata.name ?? ""
      let total = used[name] ?? Resources()
      for slot in [ResourceSchema.cpu, ResourceSchema.memory, ResourceSchema.pods, ResourceSchema.ephemeralStorage] {
        usage.append((["nodepool": name, "resource_type": resourceTypeName(schema.names[slot])], value(total[slot], slot: slot)))
      }
      for (resource, quantity) in (pool.spec?.limits ?? [:]).sorted(by: { $0.key < $1.key }) {
        let amount = resource == "cpu" ? Double(quantity.milliValue) / 1000 : Double(quantity.value)
        limit.append((["nodepool": name, "resource_type": resourceTypeName(resource)], amount))
      }
    }
    return (usage, limit)
  }

  private static func fleetCost(_ nodes: [StateNode]) -> Samples {
    var cost: [[String]: Double] = [:]
    for node in nodes {
      guard let pool = node.nodePool else { continue }
      cost[[pool, node.capacityType ?? ""], default: 0] += node.price
    }
    return cost.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map {
      (["nodepool": $0.key[0], "capacity_type": $0.key[1]], $0.value)
    }
  }
}

/// Why a pod waits, as `karpenter_pods_pending` labels it.
public enum PendingCause: String, CaseIterable, Sendable {
  case awaitingProvisioner = "awaiting_provisioner"
  case nominated
  case unschedulable
  case noOffering = "no_offering"
  case launchFailed = "launch_failed"
  case namesMissingNode = "names_missing_node"

  init(_ pod: StatePod) {
    switch pod.pendingReason {
    case .namesMissingNode: self = .namesMissingNode
    case .unschedulable: self = .unschedulable
    case .noOffering: self = .noOffering
    case .launchFailed: self = .launchFailed
    case nil: self = pod.nominated != nil ? .nominated : .awaitingProvisioner
    }
  }
}
