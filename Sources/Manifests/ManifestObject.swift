import KarpenterAPI
import KubernetesAPI

/// A document decoded into the type its apiVersion and kind name.
public enum ManifestObject: Sendable {
  case nodePool(NodePool)
  case nodeClaim(NodeClaim)
  case ec2NodeClass(EC2NodeClass)
  case nodeOverlay(NodeOverlay)
  case provisioner(Provisioner)
  case awsNodeTemplate(AWSNodeTemplate)
  case nodePoolV1Beta1(NodePoolV1Beta1)
  case ec2NodeClassV1Beta1(EC2NodeClassV1Beta1)
  case pod(Pod)
  case node(Node)
  case deployment(Deployment)
  case replicaSet(ReplicaSet)
  case statefulSet(StatefulSet)
  case job(Job)
  case daemonSet(DaemonSet)
  case podDisruptionBudget(PodDisruptionBudget)
  case priorityClass(PriorityClass)
  case persistentVolume(PersistentVolume)
  case persistentVolumeClaim(PersistentVolumeClaim)
  case storageClass(StorageClass)
  case lease(Lease)
  case event(Event)
  /// A kind registered by a module above this one (the simulation's Scenario).
  case extensionKind(kind: String, value: any Sendable)

  /// True for the kinds that `convert` turns into v1.
  public var isLegacy: Bool {
    switch self {
    case .provisioner, .awsNodeTemplate, .nodePoolV1Beta1, .ec2NodeClassV1Beta1: return true
    default: return false
    }
  }
}

/// One decoded document and where it came from.
public struct LoadedDocument: Sendable {
  public var location: DocumentLocation
  public var apiVersion: String
  public var kind: String
  public var name: String
  public var namespace: String?
  public var object: ManifestObject

  /// `NodePool "default"` or `Pod "default/web-0"`.
  public var displayName: String { Self.displayName(kind: kind, name: name, namespace: namespace) }

  static func displayName(kind: String, name: String, namespace: String?) -> String {
    if let namespace { return "\(kind) \"\(namespace)/\(name)\"" }
    return "\(kind) \"\(name)\""
  }
}

/// Everything read from a set of files: the documents that decoded and every diagnostic.
public struct ManifestSet: Sendable {
  public var documents: [LoadedDocument] = []
  public var diagnostics: [Diagnostic] = []

  public init() {}

  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
  public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  public mutating func merge(_ other: ManifestSet) {
    documents += other.documents
    diagnostics += other.diagnostics
  }
}
