import Controllers
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// Builds the `ClusterStore` a controller test starts from, in a few lines that read as the
/// cluster they describe:
///
/// ```swift
/// let store = ClusterStore.build {
///   $0.nodePool("default", expireAfter: "1h", terminationGracePeriod: "5m")
///   $0.node("n1", pool: "default", capacityType: "spot")
///   $0.pod("default/a", on: "n1", owner: .replicaSet("web"))
///   $0.pod("kube-system/proxy-n1", on: "n1", owner: .daemonSet("kube-proxy"))
/// }
/// ```
///
/// Objects are built as `simulate` builds them from its input (a bound pod is in its node's
/// books, a DaemonSet pod is `isDaemon`, a NodePool's durations are where controllers read
/// them), so a controller sees in a test what it sees in a run. Nodes are managed, registered
/// and initialized input nodes unless told otherwise; pods request 100m CPU and 128Mi.
public struct StoreBuilder {
  public private(set) var store: ClusterStore

  public init(_ store: ClusterStore = ClusterStore()) {
    self.store = store
  }

  /// The controller that owns a pod, which decides whether it is a DaemonSet pod; the pod is
  /// labelled `app: <name>` so that a PodDisruptionBudget can select it.
  public enum Owner: Sendable {
    case replicaSet(String)
    case statefulSet(String)
    case job(String)
    case daemonSet(String)

    var name: String {
      switch self {
      case .replicaSet(let n), .statefulSet(let n), .job(let n), .daemonSet(let n): return n
      }
    }

    var reference: OwnerReference {
      switch self {
      case .replicaSet(let n):
        return OwnerReference(apiVersion: "apps/v1", kind: "ReplicaSet", name: n, controller: true)
      case .statefulSet(let n):
        return OwnerReference(apiVersion: "apps/v1", kind: "StatefulSet", name: n, controller: true)
      case .job(let n): return OwnerReference(apiVersion: "batch/v1", kind: "Job", name: n, controller: true)
      case .daemonSet(let n):
        return OwnerReference(apiVersion: "apps/v1", kind: "DaemonSet", name: n, controller: true)
      }
    }
  }

  // MARK: NodePools

  /// A NodePool; `expireAfter` left out means upstream's default (720h), `"Never"` never. The
  /// disruption settings left out mean upstream's defaults (consolidateAfter 0s,
  /// WhenEmptyOrUnderutilized, a 10% budget); `replicas` makes it a static NodePool.
  public mutating func nodePool(
    _ name: String, expireAfter: String? = nil, terminationGracePeriod: String? = nil,
    requirements: [NodeSelectorRequirementWithMinValues]? = nil, limits: ResourceList? = nil,
    replicas: Int64? = nil, consolidateAfter: String? = nil, consolidationPolicy: String? = nil,
    budgets: [Budget]? = nil
  ) {
    var disruption: Disruption?
    if consolidateAfter != nil || consolidationPolicy != nil || budgets != nil {
      disruption = Disruption(
        consolidateAfter: consolidateAfter, consolidationPolicy: consolidationPolicy, budgets: budgets)
    }
    let pool = NodePool(
      metadata: ObjectMeta(name: name),
      spec: NodePoolSpec(
        template: NodeClaimTemplate(
          spec: NodeClaimTemplateSpec(
            requirements: requirements, expireAfter: expireAfter,
            terminationGracePeriod: terminationGracePeriod)),
        disruption: disruption, limits: limits, replicas: replicas))
    store.nodePools.removeAll { $0.name == name }
    store.nodePools.append(pool)
    store.nodePools.sort { $0.name < $1.name }
  }

  // MARK: Instance types

  /// An instance type Karpenter may launch (every NodePool may), amd64 Linux, all of its
  /// capacity allocatable; by default one on-demand offering in us-east-1a at `price`.
  public mutating func instanceType(
    _ name: String, cpu: Quantity = "2", memory: Quantity = "8Gi", price: Double = 0.096,
    offerings: [Offering]? = nil
  ) {
    var schema = ResourceSchema()
    let capacity = try! schema.vector([
      ResourceName.cpu: cpu, ResourceName.memory: memory, ResourceName.pods: "110",
    ])
    let type = InstanceType(
      name: name, labels: [WellKnown.archLabel: "amd64", WellKnown.osLabel: "linux"],
      offerings: offerings
        ?? [Offering(zone: "us-east-1a", capacityType: WellKnown.capacityTypeOnDemand, price: price)],
      capacity: capacity, overhead: Resources())
    store.instanceTypes.all.removeAll { $0.name == name }
    store.instanceTypes.all.append(type)
  }

  // MARK: Nodes

  /// A node and its NodeClaim. `pool: nil` is a node Karpenter does not manage. A node whose
  /// NodeClaim was `launched` at a time but that is not `registered` has not joined the cluster
  /// yet (liveness's case); `launchedAt: nil` is a NodeClaim that has no instance yet.
  /// `doNotDisrupt` annotates the node `karpenter.sh/do-not-disrupt: "true"`.
  public mutating func node(
    _ name: String, pool: String? = "default", capacityType: String = WellKnown.capacityTypeOnDemand,
    instanceType: String = "m5.large", zone: String = "us-east-1a", price: Double = 0.096,
    createdAt: Double = 0, launchedAt: Double? = 0, registered: Bool = true, doNotDisrupt: Bool = false
  ) {
    var labels = [
      WellKnown.instanceTypeLabel: instanceType, WellKnown.zoneLabel: zone,
      WellKnown.capacityTypeLabel: capacityType, WellKnown.hostnameLabel: name,
    ]
    if let pool { labels[WellKnown.nodePoolLabel] = pool }
    var node = StateNode(
      name: name, nodePool: pool, instanceType: instanceType, zone: zone, capacityType: capacityType,
      price: price, labels: labels, taints: [],
      allocatable: Resources(cpuMilli: 2000, memory: 8 << 30, pods: 110), createdAt: createdAt,
      ready: registered, launchedAt: launchedAt, registeredAt: registered ? launchedAt ?? createdAt : nil,
      initializedAt: registered ? launchedAt ?? createdAt : nil)
    if doNotDisrupt { node.annotations[WellKnown.doNotDisruptAnnotation] = "true" }
    store[node: name] = node
  }

  /// The node as Karpenter leaves it once it has marked it for a disruption decision (or, with
  /// `terminatingSince`, started terminating it): the disrupted taint, the reason and the drain
  /// deadline.
  public mutating func disrupting(
    _ name: String, _ reason: NodeRemovalReason, drainDeadline: Double? = nil, terminatingSince: Double? = nil
  ) {
    precondition(store[node: name] != nil, "no node \(name)")
    if !store[node: name]!.taints.contains(where: { $0.matches(.disrupted) }) {
      store[node: name]!.taints.append(.disrupted)
    }
    store[node: name]!.disruption = reason
    store[node: name]!.drainDeadline = drainDeadline
    store[node: name]!.terminatingSince = terminatingSince
  }

  /// The node as a disruption command leaves it when the command is undone: no disrupted taint,
  /// no reason.
  public mutating func released(_ name: String) {
    precondition(store[node: name] != nil, "no node \(name)")
    store[node: name]!.taints.removeAll { $0.matches(.disrupted) }
    store[node: name]!.disruption = nil
  }

  /// The node's instance vanished at `time` without Karpenter (garbage collection's case).
  public mutating func instanceGone(_ name: String, at time: Double) {
    precondition(store[node: name] != nil, "no node \(name)")
    store[node: name]!.instanceGoneAt = time
    store[node: name]!.ready = false
  }

  /// Removes the node (its Node and NodeClaim are gone) and the pods bound to it.
  public mutating func removeNode(_ name: String) {
    guard let node = store.remove(node: name) else { return }
    for key in node.pods { store.remove(pod: key) }
  }

  // MARK: Pods

  /// A pod (`namespace/name`), bound to `node` if given (and then in the node's books). Owned by
  /// a ReplicaSet `web` unless told otherwise (`owner: nil` is a bare pod).
  public mutating func pod(
    _ key: String, on node: String? = nil, owner: Owner? = .replicaSet("web"), priorityClass: String? = nil,
    doNotDisrupt: Bool = false, tolerations: [Toleration] = [], labels: [String: String] = [:],
    cpu: Quantity = "100m", memory: Quantity = "128Mi"
  ) {
    let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
    precondition(parts.count == 2, "a pod key is namespace/name, not \(key)")
    var metadata = ObjectMeta(name: parts[1], namespace: parts[0])
    var podLabels = labels
    if let owner {
      metadata.ownerReferences = [owner.reference]
      if podLabels["app"] == nil { podLabels["app"] = owner.name }
    }
    metadata.labels = podLabels.isEmpty ? nil : podLabels
    if doNotDisrupt { metadata.annotations = [WellKnown.doNotDisruptAnnotation: "true"] }
    let requests: ResourceList = [ResourceName.cpu: cpu, ResourceName.memory: memory]
    let pod = Pod(
      metadata: metadata,
      spec: PodSpec(
        containers: [Container(name: "app", resources: ResourceRequirements(requests: requests))],
        nodeName: node, tolerations: tolerations.isEmpty ? nil : tolerations, priorityClassName: priorityClass
      ),
      status: PodStatus(phase: node == nil ? "Pending" : "Running"))
    var schema = ResourceSchema()
    let vector = try! schema.vector(requests + [ResourceName.pods: Quantity(1)])
    var state = StatePod(
      pod: pod, requests: vector, volumeRequirements: Requirements(), node: nil, isDaemon: pod.isDaemonSetPod)
    if let node {
      precondition(store[node: node] != nil, "pod \(key) on \(node): no such node (declare the node first)")
      state.node = node
      store[node: node]!.bind(key, vector, hostPorts: pod.hostPorts, at: 0)
    } else {
      state.awaitingProvisioner = true
    }
    store[pod: key] = state
  }

  /// The pod as the provisioner leaves it once it nominated it for the node (existing or in
  /// flight): looked at, its room held there.
  public mutating func nominate(_ key: String, to node: String) {
    precondition(store[pod: key] != nil && store[node: node] != nil, "no pod \(key) or no node \(node)")
    store[pod: key]!.nominated = node
    store[pod: key]!.awaitingProvisioner = false
    store[node: node]!.hold(key, store[pod: key]!.requests)
  }

  /// The pending pod as the provisioner leaves it when it could not place it: looked at, with
  /// the reason it reported.
  public mutating func seenByProvisioner(_ key: String, pendingReason: PendingReason? = nil) {
    precondition(store[pod: key] != nil, "no pod \(key)")
    store[pod: key]!.awaitingProvisioner = false
    store[pod: key]!.pendingReason = pendingReason
  }

  /// Removes the pod, from its node's books too (what an eviction leaves behind).
  public mutating func removePod(_ key: String) {
    guard let pod = store.remove(pod: key) else { return }
    if let node = pod.node, store[node: node] != nil {
      store[node: node]!.unbind(key, pod.requests, hostPorts: pod.pod.hostPorts, at: 0)
    }
  }

  // MARK: PodDisruptionBudgets

  /// A PodDisruptionBudget (`namespace/name`) over the pods labelled `app: <app>` in its
  /// namespace.
  public mutating func podDisruptionBudget(
    _ key: String, app: String, minAvailable: Int? = nil, maxUnavailable: Int? = nil
  ) {
    let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
    precondition(parts.count == 2, "a PodDisruptionBudget key is namespace/name, not \(key)")
    store.podDisruptionBudgets.append(
      PodDisruptionBudget(
        metadata: ObjectMeta(name: parts[1], namespace: parts[0]),
        spec: PodDisruptionBudgetSpec(
          minAvailable: minAvailable.map(IntOrString.int),
          maxUnavailable: maxUnavailable.map(IntOrString.int),
          selector: LabelSelector(matchLabels: ["app": app]))))
  }
}

extension ClusterStore {
  /// A store built by `body`; see `StoreBuilder`.
  public static func build(_ body: (inout StoreBuilder) -> Void) -> ClusterStore {
    var builder = StoreBuilder()
    body(&builder)
    return builder.store
  }

  /// Changes the store with a `StoreBuilder`'s words (what an executor would have written
  /// between two inputs).
  public mutating func update(_ body: (inout StoreBuilder) -> Void) {
    var builder = StoreBuilder(self)
    body(&builder)
    self = builder.store
  }
}

extension ClusterStore {
  /// A NodeClaim of `nodePool` that may launch the store's instance types named `types`, in
  /// that order: what a `LaunchRequest` is compared by (its NodePool and its types' names).
  public func plannedNodeClaim(_ nodePool: String, types: [String]) -> PlannedNodeClaim {
    var claim = PlannedNodeClaim(
      staticFrom: NodePoolTemplate(name: nodePool, requirements: Requirements()), instanceTypes: [])
    claim.instanceTypes = types.map { name in
      guard let type = instanceTypes.all.first(where: { $0.name == name }) else {
        preconditionFailure("no instance type \(name) (declare it first)")
      }
      return type
    }
    return claim
  }
}

extension Taint {
  /// `karpenter.sh/disrupted:NoSchedule`, which Karpenter puts on a node it is taking away.
  public static let disrupted = Taint(key: WellKnown.disruptedTaintKey, effect: "NoSchedule")
}

extension Toleration {
  /// Tolerates `karpenter.sh/disrupted:NoSchedule`: such a pod is never drained.
  public static let disrupted = Toleration(
    key: WellKnown.disruptedTaintKey, operator: "Exists", effect: "NoSchedule")
}

extension String {
  /// The priority classes the drain puts last.
  public static let systemNodeCritical = "system-node-critical"
  public static let systemClusterCritical = "system-cluster-critical"
}
