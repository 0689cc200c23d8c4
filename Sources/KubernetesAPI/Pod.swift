/// A pod (`v1`, `Pod`).
public struct Pod: KubernetesObject, Hashable {
  public static let apiVersion = "v1"
  public static let kind = "Pod"

  public var apiVersion: String?
  public var kind: String?
  public var metadata: ObjectMeta
  public var spec: PodSpec?
  public var status: PodStatus?

  public init(
    metadata: ObjectMeta = ObjectMeta(), spec: PodSpec? = nil, status: PodStatus? = nil
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
    spec = try c.decodeIfPresent(PodSpec.self, forKey: .spec)
    status = try c.decodeIfPresent(PodStatus.self, forKey: .status)
  }
}

/// A pod's `status`.
public struct PodStatus: Codable, Hashable, Sendable {
  /// `Pending`, `Running`, `Succeeded`, `Failed` or `Unknown`.
  public var phase: String?
  public var conditions: [PodCondition]?
  public var message: String?
  public var reason: String?
  public var nominatedNodeName: String?
  public var hostIP: String?
  public var podIP: String?
  public var startTime: String?
  /// `Guaranteed`, `Burstable` or `BestEffort`.
  public var qosClass: String?

  public init(
    phase: String? = nil, conditions: [PodCondition]? = nil, nominatedNodeName: String? = nil,
    startTime: String? = nil, podIP: String? = nil, qosClass: String? = nil
  ) {
    self.phase = phase
    self.conditions = conditions
    self.nominatedNodeName = nominatedNodeName
    self.startTime = startTime
    self.podIP = podIP
    self.qosClass = qosClass
  }

  /// The condition of `type`, if the pod has one.
  public func condition(_ type: String) -> PodCondition? {
    conditions?.first { $0.type == type }
  }
}

/// One entry of a pod's `status.conditions`, e.g. `PodScheduled=False` with reason
/// `Unschedulable`.
public struct PodCondition: Codable, Hashable, Sendable {
  public var type: String
  /// `True`, `False` or `Unknown`.
  public var status: String
  public var reason: String?
  public var message: String?
  public var lastProbeTime: String?
  public var lastTransitionTime: String?

  public init(
    type: String, status: String, reason: String? = nil, message: String? = nil,
    lastTransitionTime: String? = nil
  ) {
    self.type = type
    self.status = status
    self.reason = reason
    self.message = message
    self.lastTransitionTime = lastTransitionTime
  }
}
