/// A lease for leader election or node heartbeats (`coordination.k8s.io/v1`, `Lease`).
public struct Lease: KubernetesObject, Hashable {
  public static let apiVersion = "coordination.k8s.io/v1"
  public static let kind = "Lease"

  public var apiVersion: String?
  public var kind: String?
  public var metadata: ObjectMeta
  public var spec: LeaseSpec?

  public init(metadata: ObjectMeta = ObjectMeta(), spec: LeaseSpec? = nil) {
    self.apiVersion = Self.apiVersion
    self.kind = Self.kind
    self.metadata = metadata
    self.spec = spec
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    apiVersion = try c.decodeIfPresent(String.self, forKey: .apiVersion)
    kind = try c.decodeIfPresent(String.self, forKey: .kind)
    metadata = try c.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
    spec = try c.decodeIfPresent(LeaseSpec.self, forKey: .spec)
  }
}

/// A Lease's `spec`. Times are RFC 3339 with microseconds (`MicroTime`), kept as text.
public struct LeaseSpec: Codable, Hashable, Sendable {
  public var holderIdentity: String?
  public var leaseDurationSeconds: Int32?
  public var acquireTime: String?
  public var renewTime: String?
  public var leaseTransitions: Int32?

  public init(
    holderIdentity: String? = nil, leaseDurationSeconds: Int32? = nil,
    acquireTime: String? = nil, renewTime: String? = nil, leaseTransitions: Int32? = nil
  ) {
    self.holderIdentity = holderIdentity
    self.leaseDurationSeconds = leaseDurationSeconds
    self.acquireTime = acquireTime
    self.renewTime = renewTime
    self.leaseTransitions = leaseTransitions
  }
}
