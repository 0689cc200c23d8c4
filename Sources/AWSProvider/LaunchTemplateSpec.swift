import KarpenterAPI

/// What one launch template holds (upstream's `amifamily.LaunchTemplate` as
/// `CreateLaunchTemplate` receives it). Its content hash names it, so a template is created once
/// per distinct content and reused by every launch that needs the same.
public struct LaunchTemplateSpec: Sendable, Hashable {
  public static let namePrefix = "karpenter.k8s.aws/"

  public var imageID: String
  /// Base64, as EC2 takes it.
  public var userData: String
  public var blockDeviceMappings: [BlockDeviceMapping]
  public var metadataOptions: MetadataOptions
  public var securityGroupIDs: [String]
  public var instanceProfile: String
  public var detailedMonitoring: Bool
  public var associatePublicIPAddress: Bool?
  /// Applied to the template itself and, through its tag specifications, to the instance.
  public var tags: [String: String]

  public init(
    imageID: String, userData: String, blockDeviceMappings: [BlockDeviceMapping] = [],
    metadataOptions: MetadataOptions? = nil, securityGroupIDs: [String], instanceProfile: String,
    detailedMonitoring: Bool = false, associatePublicIPAddress: Bool? = nil, tags: [String: String] = [:]
  ) {
    self.imageID = imageID
    self.userData = userData
    self.blockDeviceMappings = blockDeviceMappings
    self.metadataOptions = Self.withDefaults(metadataOptions)
    self.securityGroupIDs = securityGroupIDs
    self.instanceProfile = instanceProfile
    self.detailedMonitoring = detailedMonitoring
    self.associatePublicIPAddress = associatePublicIPAddress
    self.tags = tags
  }

  /// Fills each unset metadata option with upstream's default (endpoint enabled, IPv6 disabled,
  /// hop limit 1, tokens required).
  public static func withDefaults(_ options: MetadataOptions?) -> MetadataOptions {
    let d = MetadataOptions.defaults
    return MetadataOptions(
      httpEndpoint: options?.httpEndpoint ?? d.httpEndpoint,
      httpProtocolIPv6: options?.httpProtocolIPv6 ?? d.httpProtocolIPv6,
      httpPutResponseHopLimit: options?.httpPutResponseHopLimit ?? d.httpPutResponseHopLimit,
      httpTokens: options?.httpTokens ?? d.httpTokens)
  }

  /// SHA-256 over every field, security groups taken as a set and tags as a map, so that the
  /// same content always gives the same hash whatever order it was assembled in.
  public var contentHash: String {
    var e = CanonicalEncoder()
    e.field("imageID"); e.write(imageID)
    e.field("userData"); e.write(userData)
    e.field("blockDeviceMappings")
    e.write(list: blockDeviceMappings.map(Self.describe))
    e.field("metadataOptions")
    e.write(metadataOptions.httpEndpoint)
    e.write(metadataOptions.httpProtocolIPv6)
    e.write(metadataOptions.httpPutResponseHopLimit)
    e.write(metadataOptions.httpTokens)
    e.field("securityGroupIDs"); e.write(set: securityGroupIDs)
    e.field("instanceProfile"); e.write(instanceProfile)
    e.field("detailedMonitoring"); e.write(detailedMonitoring)
    e.field("associatePublicIPAddress"); e.write(associatePublicIPAddress)
    e.field("tags"); e.write(tags)
    return e.sha256Hex
  }

  /// `karpenter.k8s.aws/<hash>`, as upstream's `LaunchTemplateName` (there the hash is a
  /// decimal FNV; here it is the SHA-256 hex).
  public var name: String { Self.namePrefix + contentHash }

  static func describe(_ m: BlockDeviceMapping) -> String {
    var e = CanonicalEncoder()
    e.write(m.deviceName)
    e.write(m.rootVolume)
    let ebs = m.ebs
    e.write(ebs?.deleteOnTermination)
    e.write(ebs?.encrypted)
    e.write(ebs?.iops)
    e.write(ebs?.kmsKeyID)
    e.write(ebs?.snapshotID)
    e.write(ebs?.throughput)
    e.write(ebs?.volumeInitializationRate.map(Int64.init))
    e.write(ebs?.volumeSize)
    e.write(ebs?.volumeType)
    return e.sha256Hex
  }
}

/// Which launch templates to create, reuse and delete, given those that exist (by name) and
/// those the current launches need: a value the caller performs, as upstream's launch template
/// provider does with its cache and its garbage collection of templates no NodeClass needs.
public struct LaunchTemplatePlan: Sendable, Hashable {
  /// Needed and missing, in name order.
  public var create: [LaunchTemplateSpec]
  /// Needed and present, by name.
  public var reuse: [String]
  /// Karpenter's (prefix `karpenter.k8s.aws/`) but no longer needed; others are never touched.
  public var delete: [String]

  public init(existing: Set<String>, needed: [LaunchTemplateSpec]) {
    var byName: [String: LaunchTemplateSpec] = [:]
    for spec in needed { byName[spec.name] = spec }
    create = byName.keys.filter { !existing.contains($0) }.sorted().compactMap { byName[$0] }
    reuse = byName.keys.filter { existing.contains($0) }.sorted()
    delete = existing.filter { $0.hasPrefix(LaunchTemplateSpec.namePrefix) && byName[$0] == nil }.sorted()
  }
}
