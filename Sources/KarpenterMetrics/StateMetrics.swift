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

  /// Every state gauge's series for `store` at controllers' time `now`.
  public static func gauges(store: ClusterStore, now: Double, synced: Bool) -> [String: Samples] {
    var out: [String: Samples] = [:]
    let schema = store.schema
    let nodes = Array(store.sortedNodes)
    var daemonRequests: [String: Resources] = [:]
    var podLimits: [String: Resources] = [:]
    var daemonLimits: [String: Resources] = [:]
    var limitSchema = schema
    for pod in store.pods.values {
      guard let node = pod.node else { continue }
      let limits = Self.limits(of: pod, &limitSchema)
      if pod.isDaemon {
        daemonRequests[node, default: Resources()] += pod.requests
        daemonLimits[node, default: Resources()] += limits
      } else {
        podLimits[node, default: Resources()] += limits
      }
    }
    for node in nodes {
      let labels = nodeLabels(node)
      let daemons = daemonRequests[node.name] ?? Resources()
      append(&out["karpenter_nodes_allocatable", default: []], labels, node.allocatable, schema)
      append(&out["karpenter_nodes_total_pod_requests", default: []], labels, node.requested - daemons, schema)
      append(&out["karpenter_nodes_total_daemon_requests", default: []], labels, daemons, schema)
      append(&out["karpenter_nodes_total_pod_limits", default: []], labels, podLimits[node.name] ?? Resources(), schema)
      append(
        &out["karpenter_nodes_total_daemon_limits", default: []], labels, daemonLimits[node.name] ?? Resources(), schema)
      if let type = node.instanceType.flatMap({ store.instanceTypes.instanceType(named: $0, nodePool: node.nodePool) }) {
        append(&out["karpenter_nodes_system_overhead", default: []], labels, type.overhead, schema)
      }
      var lifetimeLabels = labels
      lifetimeLabels["resource_type"] = nil
      out["karpenter_nodes_current_lifetime_seconds", default: []].append((lifetimeLabels, max(0, now - node.createdAt)))
    }
    out["karpenter_cluster_state_node_count"] = [([:], Double(nodes.count))]
    out["karpenter_cluster_state_synced"] = [([:], synced ? 1 : 0)]
    out["karpenter_nodepools_nodes_consuming_budgets"] = consumingBudgets(nodes)
    out["karpenter_cluster_utilization_percent"] = utilization(nodes, schema)
    out["karpenter_pods_state"] = podStates(store)
    let waiting = podWaits(store, now: now)
    out["karpenter_pods_unbound_time_seconds"] = waiting.unbound
    out["karpenter_pods_unstarted_time_seconds"] = waiting.unstarted
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

  // MARK: Nodes

  /// Upstream labels node gauges with every well-known label (its key's last part in snake
  /// case: `instance_type`, `zone`, `capacity_type`, `nodepool`, ...) plus the node's name,
  /// phase and whether Karpenter manages it.
  static func nodeLabels(_ node: StateNode) -> [String: String] {
    var labels: [String: String] = [
      "node_name": node.name, "phase": "", "managed": node.nodePool == nil ? "false" : "true",
    ]
    for (key, name) in wellKnownLabelNames where nodeLabelNames.contains(name) { labels[name] = node.labels[key] ?? "" }
    if let pool = node.nodePool { labels["nodepool"] = pool }
    if let type = node.instanceType { labels["instance_type"] = type }
    if let zone = node.zone { labels["zone"] = zone }
    if let capacity = node.capacityType { labels["capacity_type"] = capacity }
    return labels
  }

  /// The label names upstream's node gauges carry.
  static let nodeLabelNames = Set(MetricDefinition.named("karpenter_nodes_current_lifetime_seconds")?.labels ?? [])

  /// Well-known label keys and their metric label names, first key wins a name.
  static let wellKnownLabelNames: [(String, String)] = {
    var names = Set<String>()
    var out: [(String, String)] = []
    for key in WellKnown.wellKnownLabels.sorted() {
      let parts = key.split(separator: "/", maxSplits: 1)
      guard parts.count == 2 else { continue }
      let name = parts[1].lowercased().replacingOccurrences(of: "-", with: "_")
      if names.insert(name).inserted { out.append((key, name)) }
    }
    return out
  }()

  private static func append(_ samples: inout Samples, _ labels: [String: String], _ r: Resources, _ schema: ResourceSchema) {
    for (slot, name) in schema.names.enumerated() where slot < ResourceSchema.slotCount {
      var withType = labels
      withType["resource_type"] = resourceTypeName(name)
      samples.append((withType, value(r[slot], slot: slot)))
    }
  }

  /// Upstream's resource_type values: `cpu` in cores, `memory` in bytes, the rest as counted.
  static func resourceTypeName(_ name: String) -> String {
    name.replacingOccurrences(of: "-", with: "_")
  }

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
      return (["resource_type": schema.names[slot]], total > 0 ? 100 * Double(requested[slot]) / total : 0)
    }
  }

  /// The pod's containers' limits (an init container's where larger, as for requests).
  static func limits(of pod: StatePod, _ schema: inout ResourceSchema) -> Resources {
    guard let spec = pod.pod.spec else { return Resources() }
    var total = Resources()
    for container in spec.containers {
      if let limits = container.resources?.limits, let v = try? schema.vector(limits) { total += v }
    }
    for container in spec.initContainers ?? [] {
      if let limits = container.resources?.limits, let v = try? schema.vector(limits) {
        total = Resources(total.values.replacing(with: v.values, where: v.values .> total.values))
      }
    }
    return total
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

  // MARK: Pods

  /// How long pods have waited to be bound and to run.
  private static func podWaits(_ store: ClusterStore, now: Double) -> (unbound: Samples, unstarted: Samples) {
    var unbound: Samples = []
    var unstarted: Samples = []
    for pod in store.pods.values where !pod.isDaemon {
      let labels = ["name": pod.pod.metadata.name ?? "", "namespace": pod.pod.metadata.namespace ?? "default"]
      let waited = max(0, now - pod.createdAt)
      if pod.node == nil { unbound.append((labels, waited)) }
      if pod.node == nil || (pod.pod.status?.phase.map { $0 != "Running" } ?? false) {
        unstarted.append((labels, waited))
      }
    }
    return (unbound, unstarted)
  }

  private static func podStates(_ store: ClusterStore) -> Samples {
    store.pods.values.map { pod in
      let meta = pod.pod.metadata
      let node = pod.node.flatMap { store[node: $0] }
      var owner = ""
      if let ref = meta.ownerReferences?.first {
        owner = "/apis/\(ref.apiVersion)/namespaces/\(meta.namespace ?? "default")/\(ref.kind.lowercased())s/\(ref.name)"
      }
      let ready = pod.pod.status?.conditions?.contains { $0.type == "Ready" && $0.status == "True" } ?? false
      let labels: [String: String] = [
        "name": meta.name ?? "", "namespace": meta.namespace ?? "default", "owner": owner,
        "node": pod.node ?? "", "zone": node?.zone ?? "", "arch": node?.labels[WellKnown.archLabel] ?? "",
        "capacity_type": node?.capacityType ?? "", "instance_type": node?.instanceType ?? "",
        "nodepool": node?.nodePool ?? "", "phase": pod.pod.status?.phase ?? (pod.node == nil ? "Pending" : "Running"),
        "scheduled": pod.node == nil ? "false" : "true", "ready": ready ? "true" : "false",
        "managed": node?.nodePool == nil ? "false" : "true",
      ]
      return (labels, 1)
    }
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
        usage.append((["nodepool": name, "resource_type": schema.names[slot]], value(total[slot], slot: slot)))
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
