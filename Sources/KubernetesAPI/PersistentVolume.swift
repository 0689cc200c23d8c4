/// A piece of storage (`v1`, `PersistentVolume`).
public struct PersistentVolume: KubernetesObject, Hashable {
  public static let apiVersion = "v1"
  public static let kind = "PersistentVolume"

  public var apiVersion: String?
  public var kind: String?
  public var metadata: ObjectMeta
  public var spec: PersistentVolumeSpec?
  public var status: PersistentVolumeStatus?

  public init(
    metadata: ObjectMeta = ObjectMeta(), spec: PersistentVolumeSpec? = nil,
    status: PersistentVolumeStatus? = nil
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
    spec = try c.decodeIfPresent(PersistentVolumeSpec.self, forKey: .spec)
    status = try c.decodeIfPresent(PersistentVolumeStatus.self, forKey: .status)
  }
}

/// A PersistentVolume's `spec`. Of the volume sources, CSI and the ones whose topology or
/// attach limits matter (AWS EBS, local, hostPath) are modelled.
public struct PersistentVolumeSpec: Codable, Hashable, Sendable {
  public var capacity: ResourceList?
  public var accessModes: [String]?
  public var storageClassName: String?
  /// The nodes that can reach the volume.
  public var nodeAffinity: VolumeNodeAffinity?
  /// The claim bound to the volume.
  public var claimRef: ObjectReference?
  /// `Retain`, `Delete` or `Recycle`.
  public var persistentVolumeReclaimPolicy: String?
  public var volumeMode: String?
  public var mountOptions: [String]?
  public var csi: CSIPersistentVolumeSource?
  public var awsElasticBlockStore: AWSElasticBlockStoreVolumeSource?
  public var local: LocalVolumeSource?
  public var hostPath: HostPathVolumeSource?

  public init(
    capacity: ResourceList? = nil, accessModes: [String]? = nil,
    storageClassName: String? = nil, nodeAffinity: VolumeNodeAffinity? = nil,
    claimRef: ObjectReference? = nil, persistentVolumeReclaimPolicy: String? = nil,
    csi: CSIPersistentVolumeSource? = nil
  ) {
    self.capacity = capacity
    self.accessModes = accessModes
    self.storageClassName = storageClassName
    self.nodeAffinity = nodeAffinity
    self.claimRef = claimRef
    self.persistentVolumeReclaimPolicy = persistentVolumeReclaimPolicy
    self.csi = csi
  }
}

/// The nodes a PersistentVolume can be used from.
public struct VolumeNodeAffinity: Codable, Hashable, Sendable {
  public var required: NodeSelector?

  public init(required: NodeSelector? = nil) { self.required = required }
}

/// A volume provided by a CSI driver, e.g. `ebs.csi.aws.com`.
public struct CSIPersistentVolumeSource: Codable, Hashable, Sendable {
  public var driver: String
  public var volumeHandle: String
  public var readOnly: Bool?
  public var fsType: String?
  public var volumeAttributes: [String: String]?

  public init(driver: String, volumeHandle: String, fsType: String? = nil) {
    self.driver = driver
    self.volumeHandle = volumeHandle
    self.fsType = fsType
  }
}

/// The in-tree AWS EBS source (migrated to the EBS CSI driver).
public struct AWSElasticBlockStoreVolumeSource: Codable, Hashable, Sendable {
  public var volumeID: String
  public var fsType: String?
  public var partition: Int32?
  public var readOnly: Bool?

  public init(volumeID: String, fsType: String? = nil) {
    self.volumeID = volumeID
    self.fsType = fsType
  }
}

/// A local disk of one node.
public struct LocalVolumeSource: Codable, Hashable, Sendable {
  public var path: String
  public var fsType: String?

  public init(path: String, fsType: String? = nil) {
    self.path = path
    self.fsType = fsType
  }
}

/// A PersistentVolume's `status`.
public struct PersistentVolumeStatus: Codable, Hashable, Sendable {
  /// `Pending`, `Available`, `Bound`, `Released` or `Failed`.
  public var phase: String?
  public var message: String?
  public var reason: String?

  public init(phase: String? = nil) { self.phase = phase }
}
