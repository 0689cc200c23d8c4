import KubernetesAPI

/// `karpenter.sh/v1` NodeClaim: Karpenter's request for one node, and what it became.
public struct NodeClaim: KubernetesObject, Hashable {
  public static let apiVersion = "karpenter.sh/v1"
  public static let kind = "NodeClaim"

  public var apiVersion: String? = NodeClaim.apiVersion
  public var kind: String? = NodeClaim.kind
  public var metadata: ObjectMeta
  public var spec: NodeClaimSpec?
  public var status: NodeClaimStatus?

  public init(metadata: ObjectMeta, spec: NodeClaimSpec, status: NodeClaimStatus? = nil) {
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }
}

public struct NodeClaimSpec: Codable, Hashable, Sendable {
  public var taints: [Taint]?
  public var startupTaints: [Taint]?
  public var requirements: [NodeSelectorRequirementWithMinValues]?
  public var resources: NodeClaimResources?
  public var nodeClassRef: NodeClassReference?
  public var expireAfter: String?
  public var terminationGracePeriod: String?

  public init(
    taints: [Taint]? = nil, startupTaints: [Taint]? = nil,
    requirements: [NodeSelectorRequirementWithMinValues]? = nil,
    resources: NodeClaimResources? = nil, nodeClassRef: NodeClassReference? = nil,
    expireAfter: String? = nil, terminationGracePeriod: String? = nil
  ) {
    self.taints = taints
    self.startupTaints = startupTaints
    self.requirements = requirements
    self.resources = resources
    self.nodeClassRef = nodeClassRef
    self.expireAfter = expireAfter
    self.terminationGracePeriod = terminationGracePeriod
  }
}

/// The resources the pods scheduled to a NodeClaim request, summed.
public struct NodeClaimResources: Codable, Hashable, Sendable {
  public var requests: ResourceList?

  public init(requests: ResourceList? = nil) { self.requests = requests }
}

public struct NodeClaimStatus: Codable, Hashable, Sendable {
  public var nodeName: String?
  public var providerID: String?
  public var imageID: String?
  public var capacity: ResourceList?
  public var allocatable: ResourceList?
  public var conditions: [Condition]?
  public var lastPodEventTime: String?

  public init(
    nodeName: String? = nil, providerID: String? = nil, imageID: String? = nil,
    capacity: ResourceList? = nil, allocatable: ResourceList? = nil,
    conditions: [Condition]? = nil
  ) {
    self.nodeName = nodeName
    self.providerID = providerID
    self.imageID = imageID
    self.capacity = capacity
    self.allocatable = allocatable
    self.conditions = conditions
  }
}

/// The condition types a NodeClaim moves through.
public enum NodeClaimConditionType {
  public static let launched = "Launched"
  public static let registered = "Registered"
  public static let initialized = "Initialized"
  public static let ready = "Ready"
  public static let drifted = "Drifted"
  public static let empty = "Empty"
  public static let consolidatable = "Consolidatable"
  public static let disruptionReason = "DisruptionReason"
  public static let instanceTerminating = "InstanceTerminating"
}
