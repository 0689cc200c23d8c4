/// One pod per eligible node (`apps/v1`, `DaemonSet`).
public struct DaemonSet: KubernetesObject, Hashable {
  public static let apiVersion = "apps/v1"
  public static let kind = "DaemonSet"

  public var apiVersion: String?
  public var kind: String?
  public var metadata: ObjectMeta
  public var spec: DaemonSetSpec?
  public var status: DaemonSetStatus?

  public init(
    metadata: ObjectMeta = ObjectMeta(), spec: DaemonSetSpec? = nil,
    status: DaemonSetStatus? = nil
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
    spec = try c.decodeIfPresent(DaemonSetSpec.self, forKey: .spec)
    status = try c.decodeIfPresent(DaemonSetStatus.self, forKey: .status)
  }
}

/// A DaemonSet's `spec`.
public struct DaemonSetSpec: Codable, Hashable, Sendable {
  public var selector: LabelSelector
  public var template: PodTemplateSpec
  public var updateStrategy: DaemonSetUpdateStrategy?
  public var minReadySeconds: Int32?
  public var revisionHistoryLimit: Int32?

  public init(
    selector: LabelSelector, template: PodTemplateSpec,
    updateStrategy: DaemonSetUpdateStrategy? = nil
  ) {
    self.selector = selector
    self.template = template
    self.updateStrategy = updateStrategy
  }
}

/// `RollingUpdate` (the default) or `OnDelete`.
public struct DaemonSetUpdateStrategy: Codable, Hashable, Sendable {
  public var type: String?
  public var rollingUpdate: RollingUpdateDaemonSet?

  public init(type: String? = nil, rollingUpdate: RollingUpdateDaemonSet? = nil) {
    self.type = type
    self.rollingUpdate = rollingUpdate
  }
}

public struct RollingUpdateDaemonSet: Codable, Hashable, Sendable {
  public var maxUnavailable: IntOrString?
  public var maxSurge: IntOrString?

  public init(maxUnavailable: IntOrString? = nil, maxSurge: IntOrString? = nil) {
    self.maxUnavailable = maxUnavailable
    self.maxSurge = maxSurge
  }
}

/// A DaemonSet's `status`.
public struct DaemonSetStatus: Codable, Hashable, Sendable {
  public var currentNumberScheduled: Int32?
  public var numberMisscheduled: Int32?
  public var desiredNumberScheduled: Int32?
  public var numberReady: Int32?
  public var updatedNumberScheduled: Int32?
  public var numberAvailable: Int32?
  public var numberUnavailable: Int32?
  public var observedGeneration: Int64?

  public init(
    currentNumberScheduled: Int32? = nil, desiredNumberScheduled: Int32? = nil,
    numberReady: Int32? = nil
  ) {
    self.currentNumberScheduled = currentNumberScheduled
    self.desiredNumberScheduled = desiredNumberScheduled
    self.numberReady = numberReady
  }
}
