import KarpenterAPI
import KubernetesAPI
import Scheduling

/// A node of the simulated cluster.
struct SimNode {
  var name: String
  var nodePool: String?
  var instanceType: String?
  var zone: String?
  var capacityType: String?
  var price: Double
  var labels: [String: String]
  var taints: [Taint]
  var startupTaints: [Taint] = []
  var allocatable: Resources
  var createdAt: Double
  var ready: Bool
  /// Pods bound to the node.
  var pods: Set<String> = []
  /// Pods Karpenter nominated for it that are not bound yet.
  var nominated: Set<String> = []
  /// Requests of bound and nominated pods.
  var requested = Resources()
  var hostPorts: [HostPort] = []
  /// The NodePool template hash the node was created from (drift when it changes).
  var templateHash: String?
  /// The EC2NodeClass it was launched from (name and spec hash): provider drift when it changes.
  var nodeClassHash: String?
  /// When a pod was last bound to or removed from the node (consolidateAfter counts from it).
  var lastPodEvent: Double = 0
  /// Set once the node is being disrupted or terminated: no new pods, no second decision.
  var disruption: NodeRemovalReason?
  /// When draining must stop waiting for PodDisruptionBudgets (terminationGracePeriod).
  var drainDeadline: Double?
  var annotations: [String: String] = [:]
  /// NodeClaim lifecycle: the instance exists (Launched), its Node joined (Registered), it is
  /// Ready with startup taints gone (Initialized). Input nodes are all three at 0.
  var launchedAt: Double?
  var registeredAt: Double?
  var initializedAt: Double?
  /// When the instance disappeared without Karpenter (garbage collection removes the node).
  var instanceGoneAt: Double?
  /// Why the node was already drifted when the run began (its NodeClaim's Drifted condition in
  /// a cluster dump).
  var driftedBefore: String?

  /// When the instance stops costing money, if it has by `time`.
  func instanceEnd(_ time: Double) -> Double { min(time, instanceGoneAt ?? time) }

  /// What the instance cost from its creation until `time` (or until it vanished), in USD.
  func cost(until time: Double) -> Double { price * max(0, instanceEnd(time) - createdAt) / 3600 }

  /// The price now: nothing once the instance is gone.
  var pricePerHourNow: Double { instanceGoneAt == nil ? price : 0 }

  // The only ways pods come and go, so that `requested` always equals the requests of the
  // bound and nominated pods, and `hostPorts` the ports of the bound ones.

  /// A pod Karpenter expects to land here: its room is held.
  mutating func hold(_ key: String, _ requests: Resources) {
    guard nominated.insert(key).inserted else { return }
    requested += requests
  }

  /// A held pod that will not come: its room is given back.
  mutating func unhold(_ key: String, _ requests: Resources) {
    guard nominated.remove(key) != nil else { return }
    requested -= requests
  }

  /// A pod bound here (its room moves over from a hold, if it had one).
  mutating func bind(_ key: String, _ requests: Resources, hostPorts ports: [HostPort], at time: Double) {
    unhold(key, requests)
    guard pods.insert(key).inserted else { return }
    requested += requests
    hostPorts += ports
    lastPodEvent = time
  }

  /// A bound pod that left.
  mutating func unbind(_ key: String, _ requests: Resources, hostPorts ports: [HostPort], at time: Double) {
    guard pods.remove(key) != nil else { return }
    requested -= requests
    for port in ports {
      if let i = hostPorts.firstIndex(of: port) { hostPorts.remove(at: i) }
    }
    lastPodEvent = time
  }
}

/// Why a pod is still pending.
enum PendingReason: Equatable, CustomStringConvertible {
  /// Its `spec.nodeName` names a node the cluster does not have: no scheduler will place it.
  case namesMissingNode(String)
  /// What Karpenter's scheduler said (no instance type fits, limits, topology, ...).
  case unschedulable(String)
  /// Its NodeClaim found no available offering.
  case noOffering
  /// Its NodeClaim's launch failed; the provisioner tries other offerings.
  case launchFailed

  var description: String {
    switch self {
    case .namesMissingNode(let node): return "it names node \(node), which does not exist"
    case .unschedulable(let why): return why
    case .noOffering: return "its NodeClaim could not be launched: no available offering"
    case .launchFailed: return "its NodeClaim's launch failed; retrying on other offerings"
    }
  }

  /// Whether a scheduler (kube-scheduler's or Karpenter's) may still place the pod.
  var isSchedulable: Bool {
    if case .namesMissingNode = self { return false }
    return true
  }
}

/// A pod of the simulated cluster.
struct SimPod {
  var pod: Pod
  var requests: Resources
  var volumeRequirements: Requirements
  var node: String?
  var nominated: String?
  var isDaemon: Bool
  /// Set when the pod becomes pending, cleared once the provisioner has looked at it.
  var awaitingProvisioner = false
  var pendingReason: PendingReason?
  /// When the pod was created (or recreated).
  var createdAt: Double = 0

  var key: String { "\(pod.metadata.namespace ?? "default")/\(pod.metadata.name ?? "")" }
}

/// What happened, as the contract's `events[].type` names it.
public enum SimulationEventType: String, Codable, Hashable, Sendable, CaseIterable {
  case nodeClaimCreated = "NodeClaimCreated"
  case nodeReady = "NodeReady"
  case podBound = "PodBound"
  case podEvicted = "PodEvicted"
  case disruptionDecided = "DisruptionDecided"
  case nodeTerminated = "NodeTerminated"
  case launchFailed = "LaunchFailed"
}

/// An event of the run, as reported in the output.
public struct SimulationEvent: Codable, Hashable, Sendable {
  public var time: Double
  public var type: SimulationEventType
  public var node: String?
  public var pod: String?
  public var reason: String?
  /// For DisruptionDecided: the explanation (nodes, pods moved, dollars per hour saved).
  public var message: String?

  public init(
    time: Double, type: SimulationEventType, node: String? = nil, pod: String? = nil, reason: String? = nil,
    message: String? = nil
  ) {
    self.time = time
    self.type = type
    self.node = node
    self.pod = pod
    self.reason = reason
    self.message = message
  }
}

/// The virtual clock's queue: actions ordered by time, then by insertion, so every run of the
/// same input takes the same steps.
struct EventQueue<Action: Sendable>: Sendable {
  private var heap: [(time: Double, seq: Int, action: Action)] = []
  private var nextSeq = 0

  var isEmpty: Bool { heap.isEmpty }
  var nextTime: Double? { heap.first?.time }

  mutating func schedule(_ action: Action, at time: Double) {
    heap.append((time, nextSeq, action))
    nextSeq += 1
    var i = heap.count - 1
    while i > 0 {
      let parent = (i - 1) / 2
      guard less(i, parent) else { break }
      heap.swapAt(i, parent)
      i = parent
    }
  }

  mutating func pop() -> (time: Double, action: Action)? {
    guard !heap.isEmpty else { return nil }
    heap.swapAt(0, heap.count - 1)
    let top = heap.removeLast()
    var i = 0
    while true {
      let l = 2 * i + 1, r = l + 1
      var m = i
      if l < heap.count && less(l, m) { m = l }
      if r < heap.count && less(r, m) { m = r }
      if m == i { break }
      heap.swapAt(i, m)
      i = m
    }
    return (top.time, top.action)
  }

  private func less(_ a: Int, _ b: Int) -> Bool {
    (heap[a].time, heap[a].seq) < (heap[b].time, heap[b].seq)
  }
}

/// Deterministic node names in the style of Kubernetes' generateName: `<pool>-<5 chars>`.
struct NodeNamer {
  private var used = Set<String>()
  private var counter: UInt64 = 0

  static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")

  mutating func name(prefix: String) -> String {
    while true {
      counter += 1
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in "\(prefix)/\(counter)".utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
      }
      var suffix = ""
      for _ in 0..<5 {
        suffix.append(Self.alphabet[Int(hash % UInt64(Self.alphabet.count))])
        hash /= UInt64(Self.alphabet.count)
      }
      let name = "\(prefix)-\(suffix)"
      if used.insert(name).inserted { return name }
    }
  }
}
