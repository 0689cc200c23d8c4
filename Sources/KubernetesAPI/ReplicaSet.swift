/// A set of identical pods kept at a count (`apps/v1`, `ReplicaSet`), usually a Deployment's.
public struct ReplicaSet: KubernetesObject, Hashable {
  public static let apiVersion = "apps/v1"
  public static let kind = "ReplicaSet"

  public var apiVersion: String?
  public var kind: String?
  public var metadata: ObjectMeta
  public var spec: ReplicaSetSpec?
  public var status: ReplicaSetStatus?

  public init(
    metadata: ObjectMeta = ObjectMeta(), spec: ReplicaSetSpec? = nil,
    status: ReplicaSetStatus? = nil
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
    spec = try c.decodeIfPresent(ReplicaSetSpec.self, forKey: .spec)
    status = try c.decodeIfPresent(ReplicaSetStatus.self, forKey: .status)
  }
}

/// A ReplicaSet's `spec`.
public struct ReplicaSetSpec: Codable, Hashable, Sendable {
  /// Defaults to 1.
  public var replicas: Int32?
  public var minReadySeconds: Int32?
  public var selector: LabelSelector
  public var template: PodTemplateSpec?

  public init(replicas: Int32? = nil, selector: LabelSelector, template: PodTemplateSpec? = nil) {
    self.replicas = replicas
    self.selector = selector
    self.template = template
  }
}

/// A ReplicaSet's `status`.
public struct ReplicaSetStatus: Codable, Hashable, Sendable {
  public var replicas: Int32?
  public var fullyLabeledReplicas: Int32?
  public var readyReplicas: Int32?
  public var availableReplicas: Int32?
  public var observedGeneration: Int64?

  public init(replicas: Int32? = nil, readyReplicas: Int32? = nil, availableReplicas: Int32? = nil) {
    self.replicas = replicas
    self.readyReplicas = readyReplicas
    self.availableReplicas = availableReplicas
  }
}
