import KarpenterAPI
import KubernetesAPI
import Scheduling

/// Why a pod is still pending.
public enum PendingReason: Equatable, Sendable, CustomStringConvertible {
  /// Its `spec.nodeName` names a node the cluster does not have: no scheduler will place it.
  case namesMissingNode(String)
  /// What Karpenter's scheduler said (no instance type fits, limits, topology, ...).
  case unschedulable(String)
  /// Its NodeClaim found no available offering.
  case noOffering
  /// Its NodeClaim's launch failed; the provisioner tries other offerings.
  case launchFailed

  public var description: String {
    switch self {
    case .namesMissingNode(let node): return "it names node \(node), which does not exist"
    case .unschedulable(let why): return why
    case .noOffering: return "its NodeClaim could not be launched: no available offering"
    case .launchFailed: return "its NodeClaim's launch failed; retrying on other offerings"
    }
  }

  /// Whether a scheduler (kube-scheduler's or Karpenter's) may still place the pod.
  public var isSchedulable: Bool {
    if case .namesMissingNode = self { return false }
    return true
  }
}

/// A pod as Karpenter tracks it: the Pod with its requests as a vector and the node
/// requirements its volumes add.
public struct StatePod: Sendable {
  public var pod: Pod
  public var requests: Resources
  public var volumeRequirements: Requirements
  public var node: String?
  public var nominated: String?
  public var isDaemon: Bool
  /// Set when the pod becomes pending, cleared once the provisioner has looked at it.
  public var awaitingProvisioner = false
  public var pendingReason: PendingReason?
  /// When the pod was created (or recreated).
  public var createdAt: Double = 0

  public init(
    pod: Pod, requests: Resources, volumeRequirements: Requirements, node: String? = nil,
    nominated: String? = nil, isDaemon: Bool
  ) {
    self.pod = pod
    self.requests = requests
    self.volumeRequirements = volumeRequirements
    self.node = node
    self.nominated = nominated
    self.isDaemon = isDaemon
  }

  public var key: String { "\(pod.metadata.namespace ?? "default")/\(pod.metadata.name ?? "")" }
}

