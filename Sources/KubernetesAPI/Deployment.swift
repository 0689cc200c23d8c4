/// A replicated, rolling-updated workload (`apps/v1`, `Deployment`).
public struct Deployment: KubernetesObject, Hashable {
  public static let apiVersion = "apps/v1"
  public static let kind = "Deployment"

  public var apiVersion: String?
  public var kind: String?
  public var metadata: ObjectMeta
  public var spec: DeploymentSpec?
  public var status: DeploymentStatus?

  public init(
    metadata: ObjectMeta = ObjectMeta(), spec: DeploymentSpec? = nil,
    status: DeploymentStatus? = nil
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
    spec = try c.decodeIfPresent(DeploymentSpec.self, forKey: .spec)
    status = try c.decodeIfPresent(DeploymentStatus.self, forKey: .status)
  }
}

/// A Deployment's `spec`.
public struct DeploymentSpec: Codable, Hashable, Sendable {
  /// Defaults to 1.
  public var replicas: Int32?
  public var selector: LabelSelector
  public var template: PodTemplateSpec
  public var strategy: DeploymentStrategy?
  public var minReadySeconds: Int32?
  public var revisionHistoryLimit: Int32?
  public var progressDeadlineSeconds: Int32?
  public var paused: Bool?

  public init(
    replicas: Int32? = nil, selector: LabelSelector, template: PodTemplateSpec,
    strategy: DeploymentStrategy? = nil
  ) {
    self.replicas = replicas
    self.selector = selector
    self.template = template
    self.strategy = strategy
  }
}

/// How a Deployment replaces its pods: `RollingUpdate` (the default) or `Recreate`.
public struct DeploymentStrategy: Codable, Hashable, Sendable {
  public var type: String?
  public var rollingUpdate: RollingUpdateDeployment?

  public init(type: String? = nil, rollingUpdate: RollingUpdateDeployment? = nil) {
    self.type = type
    self.rollingUpdate = rollingUpdate
  }
}

/// The pace of a rolling update; both default to 25%.
public struct RollingUpdateDeployment: Codable, Hashable, Sendable {
  public var maxUnavailable: IntOrString?
  public var maxSurge: IntOrString?

  public init(maxUnavailable: IntOrString? = nil, maxSurge: IntOrString? = nil) {
    self.maxUnavailable = maxUnavailable
    self.maxSurge = maxSurge
  }
}

/// A Deployment's `status`.
public struct DeploymentStatus: Codable, Hashable, Sendable {
  public var observedGeneration: Int64?
  public var replicas: Int32?
  public var updatedReplicas: Int32?
  public var readyReplicas: Int32?
  public var availableReplicas: Int32?
  public var unavailableReplicas: Int32?

  public init(
    replicas: Int32? = nil, updatedReplicas: Int32? = nil, readyReplicas: Int32? = nil,
    availableReplicas: Int32? = nil
  ) {
    self.replicas = replicas
    self.updatedReplicas = updatedReplicas
    self.readyReplicas = readyReplicas
    self.availableReplicas = availableReplicas
  }
}
