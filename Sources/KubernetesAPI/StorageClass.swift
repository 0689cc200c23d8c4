/// How volumes of a class are provisioned (`storage.k8s.io/v1`, `StorageClass`). Its fields
/// are top-level; it has no `spec`.
public struct StorageClass: KubernetesObject, Hashable {
  public static let apiVersion = "storage.k8s.io/v1"
  public static let kind = "StorageClass"

  public var apiVersion: String?
  public var kind: String?
  public var metadata: ObjectMeta
  public var provisioner: String
  public var parameters: [String: String]?
  /// `Delete` (the default) or `Retain`.
  public var reclaimPolicy: String?
  public var mountOptions: [String]?
  public var allowVolumeExpansion: Bool?
  /// `Immediate` (the default) or `WaitForFirstConsumer`.
  public var volumeBindingMode: String?
  /// Where volumes can be provisioned; empty means anywhere.
  public var allowedTopologies: [TopologySelectorTerm]?

  public init(
    metadata: ObjectMeta = ObjectMeta(), provisioner: String,
    parameters: [String: String]? = nil, reclaimPolicy: String? = nil,
    allowVolumeExpansion: Bool? = nil, volumeBindingMode: String? = nil,
    allowedTopologies: [TopologySelectorTerm]? = nil
  ) {
    self.apiVersion = Self.apiVersion
    self.kind = Self.kind
    self.metadata = metadata
    self.provisioner = provisioner
    self.parameters = parameters
    self.reclaimPolicy = reclaimPolicy
    self.allowVolumeExpansion = allowVolumeExpansion
    self.volumeBindingMode = volumeBindingMode
    self.allowedTopologies = allowedTopologies
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    apiVersion = try c.decodeIfPresent(String.self, forKey: .apiVersion)
    kind = try c.decodeIfPresent(String.self, forKey: .kind)
    metadata = try c.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
    provisioner = try c.decode(String.self, forKey: .provisioner)
    parameters = try c.decodeIfPresent([String: String].self, forKey: .parameters)
    reclaimPolicy = try c.decodeIfPresent(String.self, forKey: .reclaimPolicy)
    mountOptions = try c.decodeIfPresent([String].self, forKey: .mountOptions)
    allowVolumeExpansion = try c.decodeIfPresent(Bool.self, forKey: .allowVolumeExpansion)
    volumeBindingMode = try c.decodeIfPresent(String.self, forKey: .volumeBindingMode)
    allowedTopologies = try c.decodeIfPresent(
      [TopologySelectorTerm].self, forKey: .allowedTopologies)
  }

  public static let waitForFirstConsumer = "WaitForFirstConsumer"
}

/// One term of `allowedTopologies`; its requirements are ANDed, terms are ORed.
public struct TopologySelectorTerm: Codable, Hashable, Sendable {
  public var matchLabelExpressions: [TopologySelectorLabelRequirement]?

  public init(matchLabelExpressions: [TopologySelectorLabelRequirement]? = nil) {
    self.matchLabelExpressions = matchLabelExpressions
  }
}

/// A node label `key` that must have one of `values`.
public struct TopologySelectorLabelRequirement: Codable, Hashable, Sendable {
  public var key: String
  public var values: [String]

  public init(key: String, values: [String]) {
    self.key = key
    self.values = values
  }
}
