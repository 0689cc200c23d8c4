import KubernetesAPI

/// `karpenter.k8s.aws/v1alpha1` AWSNodeTemplate, the predecessor of the EC2NodeClass
/// (Karpenter v0.31 and earlier). Read only to convert it with ``LegacyConversion``.
public struct AWSNodeTemplate: KubernetesObject, Hashable {
  public static let apiVersion = "karpenter.k8s.aws/v1alpha1"
  public static let kind = "AWSNodeTemplate"

  public var apiVersion: String? = AWSNodeTemplate.apiVersion
  public var kind: String? = AWSNodeTemplate.kind
  public var metadata: ObjectMeta
  public var spec: AWSNodeTemplateSpec?

  public init(metadata: ObjectMeta, spec: AWSNodeTemplateSpec? = nil) {
    self.metadata = metadata
    self.spec = spec
  }
}

/// The AWSNodeTemplate spec: the fields of the inline ``AWSProvider`` plus `userData`,
/// `amiSelector` and `detailedMonitoring`.
public struct AWSNodeTemplateSpec: Codable, Hashable, Sendable {
  public var userData: String?
  /// Tag selectors, with the special keys `aws-ids`/`aws::ids`, `aws::name`, `aws::owners`.
  public var amiSelector: [String: String]?
  public var detailedMonitoring: Bool?
  // The embedded v1alpha1.AWS fields.
  public var amiFamily: String?
  public var context: String?
  public var instanceProfile: String?
  /// Tag selectors, with the special keys `aws-ids`/`aws::ids`.
  public var subnetSelector: [String: String]?
  /// Tag selectors, with the special keys `aws-ids`/`aws::ids`.
  public var securityGroupSelector: [String: String]?
  public var tags: [String: String]?
  /// The name of an EC2 launch template (Go field `LaunchTemplateName`).
  public var launchTemplate: String?
  public var metadataOptions: MetadataOptions?
  public var blockDeviceMappings: [BlockDeviceMapping]?

  public init(
    userData: String? = nil, amiSelector: [String: String]? = nil,
    detailedMonitoring: Bool? = nil, amiFamily: String? = nil, context: String? = nil,
    instanceProfile: String? = nil, subnetSelector: [String: String]? = nil,
    securityGroupSelector: [String: String]? = nil, tags: [String: String]? = nil,
    launchTemplate: String? = nil, metadataOptions: MetadataOptions? = nil,
    blockDeviceMappings: [BlockDeviceMapping]? = nil
  ) {
    self.userData = userData
    self.amiSelector = amiSelector
    self.detailedMonitoring = detailedMonitoring
    self.amiFamily = amiFamily
    self.context = context
    self.instanceProfile = instanceProfile
    self.subnetSelector = subnetSelector
    self.securityGroupSelector = securityGroupSelector
    self.tags = tags
    self.launchTemplate = launchTemplate
    self.metadataOptions = metadataOptions
    self.blockDeviceMappings = blockDeviceMappings
  }

  /// The spec of the node template upstream synthesises from an inline provider.
  public init(provider: AWSProvider) {
    self.init(
      amiFamily: provider.amiFamily, context: provider.context,
      instanceProfile: provider.instanceProfile, subnetSelector: provider.subnetSelector,
      securityGroupSelector: provider.securityGroupSelector, tags: provider.tags,
      launchTemplate: provider.launchTemplate, metadataOptions: provider.metadataOptions,
      blockDeviceMappings: provider.blockDeviceMappings)
  }
}

/// The inline `spec.provider` of a Provisioner (Go `v1alpha1.AWS`).
public struct AWSProvider: Codable, Hashable, Sendable {
  public var amiFamily: String?
  public var context: String?
  public var instanceProfile: String?
  public var subnetSelector: [String: String]?
  public var securityGroupSelector: [String: String]?
  public var tags: [String: String]?
  /// The name of an EC2 launch template (Go field `LaunchTemplateName`).
  public var launchTemplate: String?
  public var metadataOptions: MetadataOptions?
  public var blockDeviceMappings: [BlockDeviceMapping]?

  public init(
    amiFamily: String? = nil, context: String? = nil, instanceProfile: String? = nil,
    subnetSelector: [String: String]? = nil, securityGroupSelector: [String: String]? = nil,
    tags: [String: String]? = nil, launchTemplate: String? = nil,
    metadataOptions: MetadataOptions? = nil, blockDeviceMappings: [BlockDeviceMapping]? = nil
  ) {
    self.amiFamily = amiFamily
    self.context = context
    self.instanceProfile = instanceProfile
    self.subnetSelector = subnetSelector
    self.securityGroupSelector = securityGroupSelector
    self.tags = tags
    self.launchTemplate = launchTemplate
    self.metadataOptions = metadataOptions
    self.blockDeviceMappings = blockDeviceMappings
  }
}
