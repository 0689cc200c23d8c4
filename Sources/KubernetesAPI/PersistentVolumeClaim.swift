/// A claim on storage (`v1`, `PersistentVolumeClaim`).
public struct PersistentVolumeClaim: KubernetesObject, Hashable {
  public static let apiVersion = "v1"
  public static let kind = "PersistentVolumeClaim"

  public var apiVersion: String?
  public var kind: String?
  public var metadata: ObjectMeta
  public var spec: PersistentVolumeClaimSpec?
  public var status: PersistentVolumeClaimStatus?

  public init(
    metadata: ObjectMeta = ObjectMeta(), spec: PersistentVolumeClaimSpec? = nil,
    status: PersistentVolumeClaimStatus? = nil
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
    spec = try c.decodeIfPresent(PersistentVolumeClaimSpec.self, forKey: .spec)
    status = try c.decodeIfPresent(PersistentVolumeClaimStatus.self, forKey: .status)
  }
}

/// A claim's `spec`; also the spec of StatefulSet `volumeClaimTemplates` and ephemeral volumes.
public struct PersistentVolumeClaimSpec: Codable, Hashable, Sendable {
  /// `ReadWriteOnce`, `ReadOnlyMany`, `ReadWriteMany`, `ReadWriteOncePod`.
  public var accessModes: [String]?
  public var resources: VolumeResourceRequirements?
  public var storageClassName: String?
  /// The bound PersistentVolume, once bound (or to pre-bind).
  public var volumeName: String?
  /// `Filesystem` (the default) or `Block`.
  public var volumeMode: String?
  public var selector: LabelSelector?

  public init(
    accessModes: [String]? = nil, resources: VolumeResourceRequirements? = nil,
    storageClassName: String? = nil, volumeName: String? = nil, volumeMode: String? = nil
  ) {
    self.accessModes = accessModes
    self.resources = resources
    self.storageClassName = storageClassName
    self.volumeName = volumeName
    self.volumeMode = volumeMode
  }
}

/// The storage a claim asks for.
public struct VolumeResourceRequirements: Codable, Hashable, Sendable {
  public var requests: ResourceList?
  public var limits: ResourceList?

  public init(requests: ResourceList? = nil, limits: ResourceList? = nil) {
    self.requests = requests
    self.limits = limits
  }
}

/// A claim's `status`.
public struct PersistentVolumeClaimStatus: Codable, Hashable, Sendable {
  /// `Pending`, `Bound` or `Lost`.
  public var phase: String?
  public var accessModes: [String]?
  public var capacity: ResourceList?

  public init(phase: String? = nil, accessModes: [String]? = nil, capacity: ResourceList? = nil) {
    self.phase = phase
    self.accessModes = accessModes
    self.capacity = capacity
  }
}
