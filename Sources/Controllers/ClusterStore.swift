import KarpenterAPI
import KubernetesAPI
import Scheduling

/// Karpenter's view of the cluster: the nodes (Node and NodeClaim as one record) and pods it
/// tracks, read by the controllers and filled by whatever world they run in (the in-memory API
/// store of `simulate`, informers on a live cluster).
///
/// Every write goes through the two subscripts (or `remove`), which bump `generation`: a
/// controller that remembers the generation it last looked at knows whether anything changed
/// since, without anyone remembering to say so. Node names are kept sorted as nodes come and
/// go, so iteration over them is in name order by construction.
public struct ClusterStore: Sendable {
  /// Bumped by every write.
  public private(set) var generation = 0
  public private(set) var nodes: [String: StateNode] = [:]
  public private(set) var pods: [String: StatePod] = [:]
  /// The names of `nodes`, sorted.
  public private(set) var nodeNames: [String] = []
  /// The keys of the pods bound to no node, kept as pods are written: what the schedulers and
  /// the samples look for, without a walk over every pod of a large cluster.
  public private(set) var unboundPods: Set<String> = []
  /// The keys of the pods with pod affinity, anti-affinity or topology spread (any affinity, to
  /// be safe), kept as pods are written: without any, running pods change no scheduling
  /// decision, and the kube-scheduler stand-in leaves them out of its node views.
  public private(set) var podsWithTopologyRules: Set<String> = []
  /// The keys of the pods with the `karpenter.sh/do-not-disrupt` annotation, whatever its value.
  public private(set) var podsWithDoNotDisrupt: Set<String> = []
  private var storedNodePools: [NodePool] = []
  private var storedNodeClasses: [String: EC2NodeClass] = [:]
  private var storedDaemonSets: [DaemonSet] = []
  private var storedDisruptionBudgets: [PodDisruptionBudget] = []
  private var storedInstanceTypes = InstanceTypes()
  private var storedSchema = ResourceSchema()

  /// The instance types Karpenter may launch, with each offering's availability.
  public var instanceTypes: InstanceTypes {
    get { storedInstanceTypes }
    _modify {
      generation &+= 1
      yield &storedInstanceTypes
    }
  }

  /// Which slot of a resource vector holds which resource (extended resources are added as
  /// pods and instance types name them).
  public var schema: ResourceSchema {
    get { storedSchema }
    _modify {
      generation &+= 1
      yield &storedSchema
    }
  }

  /// The NodePools, in name order.
  public var nodePools: [NodePool] {
    get { storedNodePools }
    _modify {
      generation &+= 1
      yield &storedNodePools
    }
  }

  /// The EC2NodeClasses by name.
  public var nodeClasses: [String: EC2NodeClass] {
    get { storedNodeClasses }
    _modify {
      generation &+= 1
      yield &storedNodeClasses
    }
  }

  public var daemonSets: [DaemonSet] {
    get { storedDaemonSets }
    _modify {
      generation &+= 1
      yield &storedDaemonSets
    }
  }

  public var podDisruptionBudgets: [PodDisruptionBudget] {
    get { storedDisruptionBudgets }
    _modify {
      generation &+= 1
      yield &storedDisruptionBudgets
    }
  }

  public init() {}

  /// The node `name`; writing through it (or setting nil) is a change of the store.
  public subscript(node name: String) -> StateNode? {
    get { nodes[name] }
    _modify {
      generation &+= 1
      let existed = nodes[name] != nil
      yield &nodes[name]
      let exists = nodes[name] != nil
      if existed != exists { reindex(name, present: exists) }
    }
  }

  /// The pod `key` (`namespace/name`); writing through it (or setting nil) is a change.
  public subscript(pod key: String) -> StatePod? {
    get { pods[key] }
    _modify {
      generation &+= 1
      yield &pods[key]
      reindex(pod: key)
    }
  }

  /// Brings the pod indexes up to date after a write, with one lookup of the pod; a set that
  /// is empty and stays so is not touched.
  private mutating func reindex(pod key: String) {
    let flags = pods[key].map { pod in
      (
        unbound: pod.node == nil,
        rules: pod.pod.spec.map { $0.affinity != nil || !($0.topologySpreadConstraints ?? []).isEmpty }
          ?? false,
        doNotDisrupt: pod.pod.metadata.annotations?[WellKnown.doNotDisruptAnnotation] != nil
      )
    }
    Self.mark(key, flags?.unbound ?? false, in: &unboundPods)
    Self.mark(key, flags?.rules ?? false, in: &podsWithTopologyRules)
    Self.mark(key, flags?.doNotDisrupt ?? false, in: &podsWithDoNotDisrupt)
  }

  private static func mark(_ key: String, _ member: Bool, in set: inout Set<String>) {
    if member {
      set.insert(key)
    } else if !set.isEmpty {
      set.remove(key)
    }
  }

  /// Removes and returns the node.
  @discardableResult
  public mutating func remove(node name: String) -> StateNode? {
    guard let node = nodes.removeValue(forKey: name) else { return nil }
    generation &+= 1
    reindex(name, present: false)
    return node
  }

  /// Removes and returns the pod.
  @discardableResult
  public mutating func remove(pod key: String) -> StatePod? {
    guard let pod = pods.removeValue(forKey: key) else { return nil }
    generation &+= 1
    unboundPods.remove(key)
    podsWithTopologyRules.remove(key)
    podsWithDoNotDisrupt.remove(key)
    return pod
  }

  /// The nodes in name order.
  public var sortedNodes: some Sequence<StateNode> {
    nodeNames.lazy.map { self.nodes[$0]! }
  }

  private mutating func reindex(_ name: String, present: Bool) {
    var low = 0
    var high = nodeNames.count
    while low < high {
      let mid = (low + high) / 2
      if nodeNames[mid] < name { low = mid + 1 } else { high = mid }
    }
    if present {
      nodeNames.insert(name, at: low)
    } else if low < nodeNames.count, nodeNames[low] == name {
      nodeNames.remove(at: low)
    }
  }
}

extension ClusterStore {
  /// The NodePool named `name`.
  public func nodePool(named name: String?) -> NodePool? {
    guard let name else { return nil }
    return nodePools.first { $0.name == name }
  }

  /// The nodes by capacity type and what they cost per hour now, summed in name order (so the
  /// floating-point sum is the same in every process). Read in place: a node is not copied.
  public func fleet() -> (spot: Int, onDemand: Int, other: Int, costPerHour: Double) {
    var fleet = (spot: 0, onDemand: 0, other: 0, costPerHour: 0.0)
    for name in nodeNames {
      guard let index = nodes.index(forKey: name) else { continue }
      switch nodes.values[index].capacityType {
      case WellKnown.capacityTypeSpot: fleet.spot += 1
      case WellKnown.capacityTypeOnDemand: fleet.onDemand += 1
      default: fleet.other += 1
      }
      fleet.costPerHour += nodes.values[index].pricePerHourNow
    }
    return fleet
  }

  /// The pods on the node that would need a new home if it went (all but DaemonSet pods), in
  /// name order.
  public func reschedulablePods(on name: String) -> [String] {
    var keys: [String] = []
    forEachReschedulablePod(on: name) { key, _ in keys.append(key) }
    return keys
  }

  /// Visits ``reschedulablePods(on:)`` with each pod, looked up once (no array of pods is
  /// built: disruption weighs every node's pods at every pass).
  public func forEachReschedulablePod(on name: String, _ body: (String, StatePod) -> Void) {
    for key in (nodes[name]?.pods ?? []).sorted() {
      guard let pod = pods[key], !pod.isDaemon else { continue }
      body(key, pod)
    }
  }
}
