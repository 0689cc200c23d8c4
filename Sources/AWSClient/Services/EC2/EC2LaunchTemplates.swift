import Foundation

/// What a launch template holds: the parts Karpenter fills in.
public struct EC2LaunchTemplateData: Sendable, Hashable {
  public struct BlockDeviceMapping: Sendable, Hashable {
    public var deviceName: String
    public var volumeSizeGiB: Int?
    /// `gp3`, `gp2`, `io2`.
    public var volumeType: String?
    public var iops: Int?
    public var throughput: Int?
    public var encrypted: Bool?
    public var kmsKeyID: String?
    public var snapshotID: String?
    public var deleteOnTermination: Bool?

    public init(
      deviceName: String, volumeSizeGiB: Int? = nil, volumeType: String? = nil, iops: Int? = nil,
      throughput: Int? = nil,
      encrypted: Bool? = nil, kmsKeyID: String? = nil, snapshotID: String? = nil,
      deleteOnTermination: Bool? = nil
    ) {
      self.deviceName = deviceName
      self.volumeSizeGiB = volumeSizeGiB
      self.volumeType = volumeType
      self.iops = iops
      self.throughput = throughput
      self.encrypted = encrypted
      self.kmsKeyID = kmsKeyID
      self.snapshotID = snapshotID
      self.deleteOnTermination = deleteOnTermination
    }
  }

  public struct MetadataOptions: Sendable, Hashable {
    /// `enabled` / `disabled`.
    public var httpEndpoint: String?
    /// `required` (IMDSv2 only) or `optional`.
    public var httpTokens: String?
    public var httpPutResponseHopLimit: Int?
    public var httpProtocolIPv6: String?
    public var instanceMetadataTags: String?

    public init(
      httpEndpoint: String? = nil, httpTokens: String? = nil, httpPutResponseHopLimit: Int? = nil,
      httpProtocolIPv6: String? = nil, instanceMetadataTags: String? = nil
    ) {
      self.httpEndpoint = httpEndpoint
      self.httpTokens = httpTokens
      self.httpPutResponseHopLimit = httpPutResponseHopLimit
      self.httpProtocolIPv6 = httpProtocolIPv6
      self.instanceMetadataTags = instanceMetadataTags
    }
  }

  /// A network interface; Karpenter sets one with `associatePublicIPAddress` and the groups.
  public struct NetworkInterface: Sendable, Hashable {
    public var deviceIndex: Int
    public var networkCardIndex: Int?
    public var associatePublicIPAddress: Bool?
    public var securityGroupIDs: [String]
    /// `interface` or `efa`.
    public var interfaceType: String?

    public init(
      deviceIndex: Int = 0, networkCardIndex: Int? = nil, associatePublicIPAddress: Bool? = nil,
      securityGroupIDs: [String] = [], interfaceType: String? = nil
    ) {
      self.deviceIndex = deviceIndex
      self.networkCardIndex = networkCardIndex
      self.associatePublicIPAddress = associatePublicIPAddress
      self.securityGroupIDs = securityGroupIDs
      self.interfaceType = interfaceType
    }
  }

  public var imageID: String?
  /// Base64 user data, as EC2 expects it.
  public var userData: String?
  public var blockDeviceMappings: [BlockDeviceMapping]
  public var metadataOptions: MetadataOptions?
  /// Ignored by EC2 when ``networkInterfaces`` carry the groups.
  public var securityGroupIDs: [String]
  /// The instance profile's name.
  public var iamInstanceProfileName: String?
  public var iamInstanceProfileARN: String?
  public var monitoringEnabled: Bool?
  public var networkInterfaces: [NetworkInterface]
  public var tagSpecifications: [EC2TagSpecification]

  public init(
    imageID: String? = nil, userData: String? = nil, blockDeviceMappings: [BlockDeviceMapping] = [],
    metadataOptions: MetadataOptions? = nil, securityGroupIDs: [String] = [],
    iamInstanceProfileName: String? = nil,
    iamInstanceProfileARN: String? = nil, monitoringEnabled: Bool? = nil,
    networkInterfaces: [NetworkInterface] = [],
    tagSpecifications: [EC2TagSpecification] = []
  ) {
    self.imageID = imageID
    self.userData = userData
    self.blockDeviceMappings = blockDeviceMappings
    self.metadataOptions = metadataOptions
    self.securityGroupIDs = securityGroupIDs
    self.iamInstanceProfileName = iamInstanceProfileName
    self.iamInstanceProfileARN = iamInstanceProfileARN
    self.monitoringEnabled = monitoringEnabled
    self.networkInterfaces = networkInterfaces
    self.tagSpecifications = tagSpecifications
  }

  /// The `LaunchTemplateData.*` form fields.
  func write(into p: inout QueryParameters, prefix: String = "LaunchTemplateData") {
    p.set("\(prefix).ImageId", imageID)
    p.set("\(prefix).UserData", userData)
    for (i, device) in blockDeviceMappings.enumerated() {
      let base = "\(prefix).BlockDeviceMapping.\(i + 1)"
      p.set("\(base).DeviceName", device.deviceName)
      p.set("\(base).Ebs.VolumeSize", device.volumeSizeGiB)
      p.set("\(base).Ebs.VolumeType", device.volumeType)
      p.set("\(base).Ebs.Iops", device.iops)
      p.set("\(base).Ebs.Throughput", device.throughput)
      p.set("\(base).Ebs.Encrypted", device.encrypted)
      p.set("\(base).Ebs.KmsKeyId", device.kmsKeyID)
      p.set("\(base).Ebs.SnapshotId", device.snapshotID)
      p.set("\(base).Ebs.DeleteOnTermination", device.deleteOnTermination)
    }
    if let m = metadataOptions {
      p.set("\(prefix).MetadataOptions.HttpEndpoint", m.httpEndpoint)
      p.set("\(prefix).MetadataOptions.HttpTokens", m.httpTokens)
      p.set("\(prefix).MetadataOptions.HttpPutResponseHopLimit", m.httpPutResponseHopLimit)
      p.set("\(prefix).MetadataOptions.HttpProtocolIpv6", m.httpProtocolIPv6)
      p.set("\(prefix).MetadataOptions.InstanceMetadataTags", m.instanceMetadataTags)
    }
    p.set(list: "\(prefix).SecurityGroupId", securityGroupIDs)
    p.set("\(prefix).IamInstanceProfile.Name", iamInstanceProfileName)
    p.set("\(prefix).IamInstanceProfile.Arn", iamInstanceProfileARN)
    p.set("\(prefix).Monitoring.Enabled", monitoringEnabled)
    for (i, nic) in networkInterfaces.enumerated() {
      let base = "\(prefix).NetworkInterface.\(i + 1)"
      p.set("\(base).DeviceIndex", nic.deviceIndex)
      p.set("\(base).NetworkCardIndex", nic.networkCardIndex)
      p.set("\(base).AssociatePublicIpAddress", nic.associatePublicIPAddress)
      p.set(list: "\(base).SecurityGroupId", nic.securityGroupIDs)
      p.set("\(base).InterfaceType", nic.interfaceType)
    }
    p.set(tagSpecifications: tagSpecifications, prefix: "\(prefix).TagSpecification")
  }
}

/// A launch template as DescribeLaunchTemplates lists it.
public struct EC2LaunchTemplate: Sendable, Hashable {
  public var launchTemplateID: String
  public var launchTemplateName: String
  public var defaultVersionNumber: Int?
  public var latestVersionNumber: Int?
  public var createTime: String?
  public var tags: [AWSTag]

  public init(
    launchTemplateID: String, launchTemplateName: String, defaultVersionNumber: Int? = nil,
    latestVersionNumber: Int? = nil, createTime: String? = nil, tags: [AWSTag] = []
  ) {
    self.launchTemplateID = launchTemplateID
    self.launchTemplateName = launchTemplateName
    self.defaultVersionNumber = defaultVersionNumber
    self.latestVersionNumber = latestVersionNumber
    self.createTime = createTime
    self.tags = tags
  }

  static func parse(_ n: XMLNode) -> EC2LaunchTemplate {
    EC2LaunchTemplate(
      launchTemplateID: n.string("launchTemplateId") ?? "",
      launchTemplateName: n.string("launchTemplateName") ?? "",
      defaultVersionNumber: n.int("defaultVersionNumber"), latestVersionNumber: n.int("latestVersionNumber"),
      createTime: n.string("createTime"), tags: EC2Parse.tags(n, path: "tagSet"))
  }
}

extension EC2Client {
  /// Creates a template; `tags` go on the template itself.
  public func createLaunchTemplate(name: String, data: EC2LaunchTemplateData, tags: [AWSTag] = [])
    async throws -> EC2LaunchTemplate
  {
    var p = QueryParameters()
    p.set("LaunchTemplateName", name)
    p.set("ClientToken", UUID().uuidString)
    data.write(into: &p)
    if !tags.isEmpty {
      p.set(tagSpecifications: [EC2TagSpecification(resourceType: "launch-template", tags: tags)])
    }
    let root = try await query.call("CreateLaunchTemplate", p)
    guard let template = root.child("launchTemplate") else {
      throw AWSError(
        kind: .malformedResponse, service: "EC2", operation: "CreateLaunchTemplate",
        message: "the answer has no launchTemplate")
    }
    return EC2LaunchTemplate.parse(template)
  }

  /// Templates by name or filter (`tag:karpenter.k8s.aws/cluster`), every page followed.
  public func describeLaunchTemplates(names: [String] = [], ids: [String] = [], filters: [EC2Filter] = [])
    async throws -> [EC2LaunchTemplate]
  {
    try await collectPages { token in
      var p = QueryParameters()
      p.set(list: "LaunchTemplateName", names)
      p.set(list: "LaunchTemplateId", ids)
      p.set(filters: filters)
      p.set("NextToken", token)
      let root = try await query.call("DescribeLaunchTemplates", p)
      return (root.list("launchTemplates").map(EC2LaunchTemplate.parse), root.string("nextToken"))
    }
  }

  /// Deletes by name (or by id when `id` is given).
  public func deleteLaunchTemplate(name: String? = nil, id: String? = nil) async throws {
    var p = QueryParameters()
    p.set("LaunchTemplateName", name)
    p.set("LaunchTemplateId", id)
    _ = try await query.call("DeleteLaunchTemplate", p)
  }
}
