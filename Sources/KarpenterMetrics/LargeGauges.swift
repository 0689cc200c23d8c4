import Controllers
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// The state gauges with a series per node (and resource) or per pod: at 20,000 pods on 4,000
/// nodes more than 100,000 series every few seconds, so they are built as label values in the
/// definitions' order, each node's labels once, with no label names to look up.
extension StateMetrics {
  /// One gauge's series as label values in its definition's order.
  public typealias Series = [(values: [String], value: Double)]

  /// The node and pod gauges for `store` at controllers' time `now`.
  public static func largeGauges(store: ClusterStore, now: Double) -> [String: Series] {
    var out: [String: Series] = [:]
    let schema = store.schema
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
    let resourceTypes = schema.names.map(resourceTypeName)
    for node in store.sortedNodes {
      let base = nodeLabelValues(node)
      let slots = slots(of: node, schema)
      func add(_ name: String, _ r: Resources) {
        for slot in slots {
          out[name, default: []].append((base + [resourceTypes[slot]], value(r[slot], slot: slot)))
        }
      }
      let daemons = daemonRequests[node.name] ?? Resources()
      add("karpenter_nodes_allocatable", node.allocatable)
      add("karpenter_nodes_total_pod_requests", node.requested - daemons)
      add("karpenter_nodes_total_daemon_requests", daemons)
      add("karpenter_nodes_total_pod_limits", podLimits[node.name] ?? Resources())
      add("karpenter_nodes_total_daemon_limits", daemonLimits[node.name] ?? Resources())
      if let type = node.instanceType.flatMap({ store.instanceTypes.instanceType(named: $0, nodePool: node.nodePool) }) {
        add("karpenter_nodes_system_overhead", type.overhead)
      }
      out["karpenter_nodes_current_lifetime_seconds", default: []].append((base, max(0, now - node.createdAt)))
    }
    podSeries(store, now: now, into: &out)
    return out
  }

  // MARK: Nodes

  /// The node gauges' labels without `resource_type`, in their definition's order: every
  /// well-known label (its key's last part in snake case: `instance_type`, `zone`,
  /// `capacity_type`, `nodepool`, ...) then the node's name, phase and whether Karpenter
  /// manages it. The resource gauges carry the same, then `resource_type`.
  static let nodeLabelNames: [String] =
    MetricDefinition.named("karpenter_nodes_current_lifetime_seconds")?.labels ?? []

  /// Where each node label name takes its value from.
  private enum NodeLabel {
    case label(String)
    case name, phase, managed, nodePool, instanceType, zone, capacityType
  }

  private static let nodeLabelSources: [NodeLabel] = {
    var keys: [String: String] = [:]
    for key in WellKnown.wellKnownLabels.sorted() {
      let parts = key.split(separator: "/", maxSplits: 1)
      guard parts.count == 2 else { continue }
      let name = parts[1].lowercased().replacingOccurrences(of: "-", with: "_")
      if keys[name] == nil { keys[name] = key }
    }
    return nodeLabelNames.map { name in
      switch name {
      case "node_name": .name
      case "phase": .phase
      case "managed": .managed
      case "nodepool": .nodePool
      case "instance_type": .instanceType
      case "zone": .zone
      case "capacity_type": .capacityType
      default: .label(keys[name] ?? name)
      }
    }
  }()

  static func nodeLabelValues(_ node: StateNode) -> [String] {
    nodeLabelSources.map { source in
      switch source {
      case .label(let key): node.labels[key] ?? ""
      case .name: node.name
      case .phase: ""
      case .managed: node.nodePool == nil ? "false" : "true"
      case .nodePool: node.nodePool ?? ""
      case .instanceType: node.instanceType ?? node.labels[WellKnown.instanceTypeLabel] ?? ""
      case .zone: node.zone ?? node.labels[WellKnown.zoneLabel] ?? ""
      case .capacityType: node.capacityType ?? node.labels[WellKnown.capacityTypeLabel] ?? ""
      }
    }
  }

  /// The resource slots a node's gauges report: the four standard ones, and any other the node
  /// has some of, as upstream lists the node's allocatable.
  static func slots(of node: StateNode, _ schema: ResourceSchema) -> [Int] {
    let standard = [ResourceSchema.cpu, ResourceSchema.memory, ResourceSchema.pods, ResourceSchema.ephemeralStorage]
    let extended = (0..<min(schema.names.count, ResourceSchema.slotCount)).filter {
      !standard.contains($0) && node.allocatable[$0] > 0
    }
    return standard.filter { $0 < schema.names.count } + extended
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

  // MARK: Pods

  /// `karpenter_pods_state` (name, namespace, owner, node, scheduled, nodepool, zone, arch,
  /// capacity_type, instance_type, phase, ready, managed) and how long pods have waited to be
  /// bound and to run.
  private static func podSeries(_ store: ClusterStore, now: Double, into out: inout [String: Series]) {
    let stateOrder = MetricDefinition.named("karpenter_pods_state")?.labels ?? []
    var states: Series = []
    var unbound: Series = []
    var unstarted: Series = []
    states.reserveCapacity(store.pods.count)
    for pod in store.pods.values {
      let meta = pod.pod.metadata
      let namespace = meta.namespace ?? "default"
      let node = pod.node.flatMap { store[node: $0] }
      var owner = ""
      if let ref = meta.ownerReferences?.first {
        owner = "/apis/\(ref.apiVersion)/namespaces/\(namespace)/\(ref.kind.lowercased())s/\(ref.name)"
      }
      let ready = pod.pod.status?.conditions?.contains { $0.type == "Ready" && $0.status == "True" } ?? false
      let values = stateOrder.map { label -> String in
        switch label {
        case "name": meta.name ?? ""
        case "namespace": namespace
        case "owner": owner
        case "node": pod.node ?? ""
        case "scheduled": pod.node == nil ? "false" : "true"
        case "nodepool": node?.nodePool ?? ""
        case "zone": node?.zone ?? ""
        case "arch": node?.labels[WellKnown.archLabel] ?? ""
        case "capacity_type": node?.capacityType ?? ""
        case "instance_type": node?.instanceType ?? ""
        case "phase": pod.pod.status?.phase ?? (pod.node == nil ? "Pending" : "Running")
        case "ready": ready ? "true" : "false"
        case "managed": node?.nodePool == nil ? "false" : "true"
        default: ""
        }
      }
      states.append((values, 1))
      guard !pod.isDaemon else { continue }
      let waited = max(0, now - pod.createdAt)
      let named = [meta.name ?? "", namespace]
      if pod.node == nil { unbound.append((named, waited)) }
      if pod.node == nil || (pod.pod.status?.phase.map { $0 != "Running" } ?? false) { unstarted.append((named, waited)) }
    }
    out["karpenter_pods_state"] = states
    out["karpenter_pods_unbound_time_seconds"] = unbound
    out["karpenter_pods_unstarted_time_seconds"] = unstarted
  }
}
