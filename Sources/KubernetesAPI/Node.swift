/// A node (`v1`, `Node`).
public struct Node: KubernetesObject, Hashable {
  public static let apiVersion = "v1"
  public static let kind = "Node"

  public var apiVersion: String?
  public var kind: String?
  public var metadata: ObjectMeta
  public var spec: NodeSpec?
  public var status: NodeStatus?

  public init(
    metadata: ObjectMeta = ObjectMeta(), spec: NodeSpec? = nil, status: NodeStatus? = nil
  ) {
    self.apiVersion = Self.apiVersion
    self.kind = Self.kind
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    apiVersion = try c.decodeIfPresent(String.self, forKey: .apiVersion)
    kind = try c.decodeIfPresent(String.self, forKey: .kind)
    metadata = try c.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
    spec = try c.decodeIfPresent(NodeSpec.self, forKey: .spec)
    status = try c.decodeIfPresent(NodeStatus.self, forKey: .status)
  }

  /// The node's taints, or none.
  public var taints: [Taint] { spec?.taints ?? [] }

  /// True when the `Ready` condition is `True`.
  public var isReady: Bool { status?.condition("Ready")?.status == "True" }
}

/// A node's `spec`.
public struct NodeSpec: Codable, Hashable, Sendable {
  /// The cloud provider's id of the instance, e.g. `aws:///us-west-2a/i-0123456789abcdef0`.
  public var providerID: String?
  public var taints: [Taint]?
  public var unschedulable: Bool?
  public var podCIDR: String?
  public var podCIDRs: [String]?

  public init(
    providerID: String? = nil, taints: [Taint]? = nil, unschedulable: Bool? = nil,
    podCIDR: String? = nil
  ) {
    self.providerID = providerID
    self.taints = taints
    self.unschedulable = unschedulable
    self.podCIDR = podCIDR
  }
}

/// A node's `status`.
public struct NodeStatus: Codable, Hashable, Sendable {
  public var capacity: ResourceList?
  public var allocatable: ResourceList?
  public var conditions: [NodeCondition]?
  public var addresses: [NodeAddress]?
  public var nodeInfo: NodeSystemInfo?
  public var phase: String?

  public init(
    capacity: ResourceList? = nil, allocatable: ResourceList? = nil,
    conditions: [NodeCondition]? = nil, addresses: [NodeAddress]? = nil,
    nodeInfo: NodeSystemInfo? = nil
  ) {
    self.capacity = capacity
    self.allocatable = allocatable
    self.conditions = conditions
    self.addresses = addresses
    self.nodeInfo = nodeInfo
  }

  /// The condition of `type`, if the node reports one.
  public func condition(_ type: String) -> NodeCondition? {
    conditions?.first { $0.type == type }
  }
}

/// One entry of a node's `status.conditions`, e.g. `Ready=True`.
public struct NodeCondition: Codable, Hashable, Sendable {
  public var type: String
  public var status: String
  public var reason: String?
  public var message: String?
  public var lastHeartbeatTime: String?
  public var lastTransitionTime: String?

  public init(
    type: String, status: String, reason: String? = nil, message: String? = nil,
    lastHeartbeatTime: String? = nil, lastTransitionTime: String? = nil
  ) {
    self.type = type
    self.status = status
    self.reason = reason
    self.message = message
    self.lastHeartbeatTime = lastHeartbeatTime
    self.lastTransitionTime = lastTransitionTime
  }
}

/// One of a node's addresses: `type` is `InternalIP`, `ExternalIP`, `Hostname`, ...
public struct NodeAddress: Codable, Hashable, Sendable {
  public var type: String
  public var address: String

  public init(type: String, address: String) {
    self.type = type
    self.address = address
  }
}

/// What the kubelet reports about the machine and its software.
public struct NodeSystemInfo: Codable, Hashable, Sendable {
  public var machineID: String?
  public var systemUUID: String?
  public var bootID: String?
  public var kernelVersion: String?
  public var osImage: String?
  public var containerRuntimeVersion: String?
  public var kubeletVersion: String?
  public var kubeProxyVersion: String?
  public var operatingSystem: String?
  public var architecture: String?

  public init(
    architecture: String? = nil, operatingSystem: String? = nil, kubeletVersion: String? = nil,
    containerRuntimeVersion: String? = nil, kernelVersion: String? = nil,
    osImage: String? = nil
  ) {
    self.architecture = architecture
    self.operatingSystem = operatingSystem
    self.kubeletVersion = kubeletVersion
    self.containerRuntimeVersion = containerRuntimeVersion
    self.kernelVersion = kernelVersion
    self.osImage = osImage
  }
}
