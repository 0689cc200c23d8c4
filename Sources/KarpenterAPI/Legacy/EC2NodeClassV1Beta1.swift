import KubernetesAPI

/// `karpenter.k8s.aws/v1beta1` EC2NodeClass (Karpenter v0.32 to v0.37). Read only to convert it
/// to the v1 ``EC2NodeClass`` with ``LegacyConversion``.
public struct EC2NodeClassV1Beta1: KubernetesObject, Hashable {
  public static let apiVersion = "karpenter.k8s.aws/v1beta1"
  public static let kind = "EC2NodeClass"

  public var apiVersion: String? = EC2NodeClassV1Beta1.apiVersion
  public var kind: String? = EC2NodeClassV1Beta1.kind
  public var metadata: ObjectMeta
  public var spec: EC2NodeClassV1Beta1Spec?
  public var status: EC2NodeClassStatus?

  public init(metadata: ObjectMeta, spec: EC2NodeClassV1Beta1Spec? = nil) {
    self.metadata = metadata
    self.spec = spec
  }
}

public struct EC2NodeClassV1Beta1Spec: Codable, Hashable, Sendable {
  public var subnetSelectorTerms: [SubnetSelectorTerm]?
  public var securityGroupSelectorTerms: [SecurityGroupSelectorTerm]?
  public var associatePublicIPAddress: Bool?
  public var amiSelectorTerms: [AMISelectorTermV1Beta1]?
  /// AL2, AL2023, Bottlerocket, Ubuntu, Custom, Windows2019, Windows2022.
  public var amiFamily: String?
  public var userData: String?
  public var role: String?
  public var instanceProfile: String?
  public var tags: [String: String]?
  public var blockDeviceMappings: [BlockDeviceMapping]?
  public var instanceStorePolicy: String?
  public var detailedMonitoring: Bool?
  public var metadataOptions: MetadataOptions?
  public var context: String?

  public init(
    subnetSelectorTerms: [SubnetSelectorTerm]? = nil,
    securityGroupSelectorTerms: [SecurityGroupSelectorTerm]? = nil,
    amiSelectorTerms: [AMISelectorTermV1Beta1]? = nil, amiFamily: String? = nil,
    role: String? = nil, instanceProfile: String? = nil
  ) {
    self.subnetSelectorTerms = subnetSelectorTerms
    self.securityGroupSelectorTerms = securityGroupSelectorTerms
    self.amiSelectorTerms = amiSelectorTerms
    self.amiFamily = amiFamily
    self.role = role
    self.instanceProfile = instanceProfile
  }
}

/// A v1beta1 AMI selector term: no `alias` and no `ssmParameter` yet.
public struct AMISelectorTermV1Beta1: Codable, Hashable, Sendable {
  public var tags: [String: String]?
  public var id: String?
  public var name: String?
  public var owner: String?

  public init(
    tags: [String: String]? = nil, id: String? = nil, name: String? = nil, owner: String? = nil
  ) {
    self.tags = tags
    self.id = id
    self.name = name
    self.owner = owner
  }
}
