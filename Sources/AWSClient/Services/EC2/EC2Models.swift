/// An Availability Zone, Local Zone or Wavelength Zone.
public struct EC2AvailabilityZone: Sendable, Hashable {
  public var zoneName: String
  public var zoneID: String
  /// `availability-zone`, `local-zone`, `wavelength-zone`.
  public var zoneType: String?
  public var state: String
  public var regionName: String
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
}

public struct EC2SecurityGroup: Sendable, Hashable {
  public var groupID: String
  public var groupName: String
  public var vpcID: String?
  public var description: String
  public var tags: [AWSTag]
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
}
