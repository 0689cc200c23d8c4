/// One volume of a pod. Only the sources that matter for scheduling are modelled; other
/// sources decode to a volume with just its name.
public struct Volume: Codable, Hashable, Sendable {
  public var name: String
  public var persistentVolumeClaim: PersistentVolumeClaimVolumeSource?
  public var ephemeral: EphemeralVolumeSource?
  public var emptyDir: EmptyDirVolumeSource?
  public var hostPath: HostPathVolumeSource?
  public var configMap: ConfigMapVolumeSource?
  public var secret: SecretVolumeSource?

  public init(
    name: String, persistentVolumeClaim: PersistentVolumeClaimVolumeSource? = nil,
    ephemeral: EphemeralVolumeSource? = nil, emptyDir: EmptyDirVolumeSource? = nil,
    hostPath: HostPathVolumeSource? = nil, configMap: ConfigMapVolumeSource? = nil,
    secret: SecretVolumeSource? = nil
  ) {
    self.name = name
    self.persistentVolumeClaim = persistentVolumeClaim
    self.ephemeral = ephemeral
    self.emptyDir = emptyDir
    self.hostPath = hostPath
    self.configMap = configMap
    self.secret = secret
  }
}

/// A reference to a PersistentVolumeClaim in the pod's namespace.
public struct PersistentVolumeClaimVolumeSource: Codable, Hashable, Sendable {
  public var claimName: String
  public var readOnly: Bool?

  public init(claimName: String, readOnly: Bool? = nil) {
    self.claimName = claimName
    self.readOnly = readOnly
  }
}

/// A generic ephemeral volume: a claim created from `volumeClaimTemplate` for the pod, named
/// `<pod name>-<volume name>`.
public struct EphemeralVolumeSource: Codable, Hashable, Sendable {
  public var volumeClaimTemplate: PersistentVolumeClaimTemplate?

  public init(volumeClaimTemplate: PersistentVolumeClaimTemplate? = nil) {
    self.volumeClaimTemplate = volumeClaimTemplate
  }
}

/// The template of an ephemeral volume's claim.
public struct PersistentVolumeClaimTemplate: Codable, Hashable, Sendable {
  public var metadata: ObjectMeta?
  public var spec: PersistentVolumeClaimSpec

  public init(metadata: ObjectMeta? = nil, spec: PersistentVolumeClaimSpec) {
    self.metadata = metadata
    self.spec = spec
  }
}

public struct EmptyDirVolumeSource: Codable, Hashable, Sendable {
  /// "" (node disk) or `Memory`.
  public var medium: String?
  public var sizeLimit: Quantity?

  public init(medium: String? = nil, sizeLimit: Quantity? = nil) {
    self.medium = medium
    self.sizeLimit = sizeLimit
  }
}

public struct HostPathVolumeSource: Codable, Hashable, Sendable {
  public var path: String
  public var type: String?

  public init(path: String, type: String? = nil) {
    self.path = path
    self.type = type
  }
}

public struct ConfigMapVolumeSource: Codable, Hashable, Sendable {
  public var name: String?
  public var optional: Bool?

  public init(name: String? = nil, optional: Bool? = nil) {
    self.name = name
    self.optional = optional
  }
}

public struct SecretVolumeSource: Codable, Hashable, Sendable {
  public var secretName: String?
  public var optional: Bool?

  public init(secretName: String? = nil, optional: Bool? = nil) {
    self.secretName = secretName
    self.optional = optional
  }
}
