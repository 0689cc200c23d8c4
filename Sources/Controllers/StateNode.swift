import KarpenterAPI
import KubernetesAPI
import Scheduling

/// A node as Karpenter tracks it: the Node and its NodeClaim in one record (upstream's
/// `state.StateNode`), with the room its bound and nominated pods take.
///
/// Everything a restarted controller needs is here, where upstream keeps it in the objects:
/// | here | upstream |
/// |---|---|
/// | `launchedAt`, `registeredAt`, `initializedAt` | NodeClaim conditions Launched, Registered, Initialized |
/// | `disruption` | NodeClaim condition DisruptionReason |
/// | `terminatingSince` | NodeClaim `metadata.deletionTimestamp` (with the termination finalizer) |
/// | `drainDeadline` | annotation `karpenter.sh/nodeclaim-termination-timestamp` |
/// | `templateHash`, `nodeClassHash` | annotations `karpenter.sh/nodepool-hash`, `karpenter.k8s.aws/ec2nodeclass-hash` |
/// | `taints` with `karpenter.sh/disrupted` | the Node's taint |
/// | `driftedBefore` | NodeClaim condition Drifted found at start |
/// Drifted and Consolidatable are judged afresh at every disruption pass (from the hashes, the
/// requirements, `lastPodEvent` and consolidateAfter); nominations are Karpenter's memory, as
/// upstream's, and are made anew after a restart.
public struct StateNode: Sendable {
  public var name: String
  public var nodePool: String?
  public var instanceType: String?
  public var zone: String?
  public var capacityType: String?
  public var price: Double
  public var labels: [String: String] {
    didSet { labelRequirements = Requirements(labels: labels) }
  }
  /// The labels as requirements, made when they change rather than for every scheduling run
  /// that looks at the node (consolidation's probes and the kube-scheduler stand-in).
  public private(set) var labelRequirements: Requirements
  public var taints: [Taint]
  public var startupTaints: [Taint] = []
  public var allocatable: Resources
  public var createdAt: Double
  public var ready: Bool
  /// Pods bound to the node.
  public var pods: Set<String> = []
  /// Pods Karpenter nominated for it that are not bound yet.
  public var nominated: Set<String> = []
  /// Requests of bound and nominated pods.
  public var requested = Resources()
  public var hostPorts: [HostPort] = []
  /// The NodePool template hash the node was created from (drift when it changes).
  public var templateHash: String?
  /// The EC2NodeClass it was launched from (name and spec hash): provider drift when it changes.
  public var nodeClassHash: String?
  /// When a pod was last bound to or removed from the node (consolidateAfter counts from it).
  public var lastPodEvent: Double = 0
  /// Set once the node is being disrupted or terminated: no new pods, no second decision.
  public var disruption: NodeRemovalReason?
  /// When draining must stop waiting for PodDisruptionBudgets (terminationGracePeriod).
  public var drainDeadline: Double?
  /// When its NodeClaim was deleted (its deletionTimestamp): the termination controller drains
  /// it until it goes. Nil while it is only marked by a disruption decision.
  public var terminatingSince: Double?
  public var annotations: [String: String] = [:]
  /// NodeClaim lifecycle: the instance exists (Launched), its Node joined (Registered), it is
  /// Ready with startup taints gone (Initialized). Input nodes are all three at 0.
  public var launchedAt: Double?
  public var registeredAt: Double?
  public var initializedAt: Double?
  /// When the instance disappeared without Karpenter (garbage collection removes the node).
  public var instanceGoneAt: Double?
  /// Why the node was already drifted when the run began (its NodeClaim's Drifted condition in
  /// a cluster dump).
  public var driftedBefore: String?

  public init(
    name: String, nodePool: String?, instanceType: String?, zone: String?, capacityType: String?,
    price: Double, labels: [String: String], taints: [Taint], startupTaints: [Taint] = [],
    allocatable: Resources, createdAt: Double, ready: Bool, launchedAt: Double? = nil,
    registeredAt: Double? = nil, initializedAt: Double? = nil
  ) {
    self.name = name
    self.nodePool = nodePool
    self.instanceType = instanceType
    self.zone = zone
    self.capacityType = capacityType
    self.price = price
    self.labels = labels
    labelRequirements = Requirements(labels: labels)
    self.taints = taints
    self.startupTaints = startupTaints
    self.allocatable = allocatable
    self.createdAt = createdAt
    self.ready = ready
    self.launchedAt = launchedAt
    self.registeredAt = registeredAt
    self.initializedAt = initializedAt
  }

  /// When the instance stops costing money, if it has by `time`.
  public func instanceEnd(_ time: Double) -> Double { min(time, instanceGoneAt ?? time) }

  /// What the instance cost from its creation until `time` (or until it vanished), in USD.
  public func cost(until time: Double) -> Double { price * max(0, instanceEnd(time) - createdAt) / 3600 }

  /// The price now: nothing once the instance is gone.
  public var pricePerHourNow: Double { instanceGoneAt == nil ? price : 0 }

  // The only ways pods come and go, so that `requested` always equals the requests of the
  // bound and nominated pods, and `hostPorts` the ports of the bound ones.

  /// A pod Karpenter expects to land here: its room is held.
  public mutating func hold(_ key: String, _ requests: Resources) {
    guard nominated.insert(key).inserted else { return }
    requested += requests
  }

  /// A held pod that will not come: its room is given back.
  public mutating func unhold(_ key: String, _ requests: Resources) {
    guard nominated.remove(key) != nil else { return }
    requested -= requests
  }

  /// A pod bound here (its room moves over from a hold, if it had one).
  public mutating func bind(_ key: String, _ requests: Resources, hostPorts ports: [HostPort], at time: Double) {
    unhold(key, requests)
    guard pods.insert(key).inserted else { return }
    requested += requests
    hostPorts += ports
    lastPodEvent = time
  }

  /// A bound pod that left.
  public mutating func unbind(_ key: String, _ requests: Resources, hostPorts ports: [HostPort], at time: Double) {
    guard pods.remove(key) != nil else { return }
    requested -= requests
    for port in ports {
      if let i = hostPorts.firstIndex(of: port) { hostPorts.remove(at: i) }
    }
    lastPodEvent = time
  }
}

