/// An Availability Zone, Local Zone or Wavelength Zone.
public struct EC2AvailabilityZone: Sendable, Hashable {
  public var zoneName: String
  public var zoneID: String
  /// `availability-zone`, `local-zone`, `wavelength-zone`.
  public var zoneType: String?
  public var state: String
  public var regionName: String

  public init(
    zoneName: String, zoneID: String, zoneType: String? = nil, state: String, regionName: String
  ) {
    self.zoneName = zoneName
    self.zoneID = zoneID
    self.zoneType = zoneType
    self.state = state
    self.regionName = regionName
  }
}

public struct EC2Subnet: Sendable, Hashable {
  public var subnetID: String
  public var vpcID: String
  public var availabilityZone: String
  public var availabilityZoneID: String?
  public var cidrBlock: String
  public var availableIPAddressCount: Int
  public var mapPublicIPOnLaunch: Bool
  public var tags: [AWSTag]

  public init(
    subnetID: String, vpcID: String, availabilityZone: String, availabilityZoneID: String? = nil,
    cidrBlock: String, availableIPAddressCount: Int, mapPublicIPOnLaunch: Bool, tags: [AWSTag] = []
  ) {
    self.subnetID = subnetID
    self.vpcID = vpcID
    self.availabilityZone = availabilityZone
    self.availabilityZoneID = availabilityZoneID
    self.cidrBlock = cidrBlock
    self.availableIPAddressCount = availableIPAddressCount
    self.mapPublicIPOnLaunch = mapPublicIPOnLaunch
    self.tags = tags
  }
}

public struct EC2SecurityGroup: Sendable, Hashable {
  public var groupID: String
  public var groupName: String
  public var vpcID: String?
  public var description: String
  public var tags: [AWSTag]

  public init(
    groupID: String, groupName: String, vpcID: String? = nil, description: String, tags: [AWSTag] = []
  ) {
    self.groupID = groupID
    self.groupName = groupName
    self.vpcID = vpcID
    self.description = description
    self.tags = tags
  }
}

public struct EC2Image: Sendable, Hashable {
  public var imageID: String
  public var name: String
  public var ownerID: String
  /// `x86_64`, `arm64`.
  public var architecture: String
  /// `available`, `pending`, `failed`.
  public var state: String
  public var creationDate: String?
  public var deprecationTime: String?
  public var rootDeviceName: String?
  public var tags: [AWSTag]

  public init(
    imageID: String, name: String, ownerID: String, architecture: String, state: String,
    creationDate: String? = nil, deprecationTime: String? = nil, rootDeviceName: String? = nil,
    tags: [AWSTag] = []
  ) {
    self.imageID = imageID
    self.name = name
    self.ownerID = ownerID
    self.architecture = architecture
    self.state = state
    self.creationDate = creationDate
    self.deprecationTime = deprecationTime
    self.rootDeviceName = rootDeviceName
    self.tags = tags
  }
}

public struct EC2CapacityReservation: Sendable, Hashable {
  public var capacityReservationID: String
  public var instanceType: String
  public var availabilityZone: String
  public var availableInstanceCount: Int
  public var totalInstanceCount: Int
  public var state: String
  /// `open` or `targeted`.
  public var instanceMatchCriteria: String?
  public var ownerID: String?
  public var endDate: String?
  public var tags: [AWSTag]

  public init(
    capacityReservationID: String, instanceType: String, availabilityZone: String,
    availableInstanceCount: Int, totalInstanceCount: Int, state: String, instanceMatchCriteria: String? = nil,
    ownerID: String? = nil, endDate: String? = nil, tags: [AWSTag] = []
  ) {
    self.capacityReservationID = capacityReservationID
    self.instanceType = instanceType
    self.availabilityZone = availabilityZone
    self.availableInstanceCount = availableInstanceCount
    self.totalInstanceCount = totalInstanceCount
    self.state = state
    self.instanceMatchCriteria = instanceMatchCriteria
    self.ownerID = ownerID
    self.endDate = endDate
    self.tags = tags
  }
}
