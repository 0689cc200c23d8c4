/// The EC2 resources the provider reasons about, as plain values. The `AWSClient` module's wire
/// models are mapped to these by the integration, so that everything in this module stays pure
/// and testable without a network.

/// An EC2 subnet (DescribeSubnets).
public struct Subnet: Sendable, Hashable {
  public var id: String
  /// `us-east-1a`.
  public var zone: String
  /// `use1-az1`.
  public var zoneID: String
  public var availableIPAddressCount: Int
  public var tags: [String: String]

  public init(
    id: String, zone: String, zoneID: String, availableIPAddressCount: Int, tags: [String: String] = [:]
  ) {
    self.id = id
    self.zone = zone
    self.zoneID = zoneID
    self.availableIPAddressCount = availableIPAddressCount
    self.tags = tags
  }
}

/// An EC2 security group (DescribeSecurityGroups).
public struct SecurityGroup: Sendable, Hashable {
  public var id: String
  public var name: String
  public var tags: [String: String]

  public init(id: String, name: String, tags: [String: String] = [:]) {
    self.id = id
    self.name = name
    self.tags = tags
  }
}

/// The CPU architecture of an image or instance type, in EC2's and Kubernetes' spellings.
public enum Architecture: String, Sendable, Hashable, CaseIterable {
  case amd64
  case arm64

  /// EC2's name for it (`x86_64`, `arm64`), as DescribeImages and SSM paths spell it.
  public var ec2Name: String {
    switch self {
    case .amd64: "x86_64"
    case .arm64: "arm64"
    }
  }

  /// From EC2's name (`x86_64`, `arm64`) or Kubernetes' (`amd64`); nil for anything else
  /// (`i386`, `x86_64_mac`), which upstream skips.
  public init?(ec2Name: String) {
    switch ec2Name {
    case "x86_64", "amd64": self = .amd64
    case "arm64": self = .arm64
    default: return nil
    }
  }
}

/// An AMI (DescribeImages).
public struct Image: Sendable, Hashable {
  public var id: String
  public var name: String
  /// The owning account id.
  public var ownerID: String
  /// `amazon` for Amazon's images (EC2's `ImageOwnerAlias`), nil otherwise.
  public var ownerAlias: String?
  /// EC2's spelling, `x86_64` or `arm64`.
  public var architecture: String
  /// RFC 3339, e.g. `2024-08-07T12:00:00.000Z`; empty when EC2 gave none.
  public var creationDate: String
  /// RFC 3339 deprecation time, nil when the image is not scheduled for deprecation.
  public var deprecationTime: String?
  public var tags: [String: String]

  public init(
    id: String, name: String, ownerID: String = "", ownerAlias: String? = nil, architecture: String,
    creationDate: String, deprecationTime: String? = nil, tags: [String: String] = [:]
  ) {
    self.id = id
    self.name = name
    self.ownerID = ownerID
    self.ownerAlias = ownerAlias
    self.architecture = architecture
    self.creationDate = creationDate
    self.deprecationTime = deprecationTime
    self.tags = tags
  }
}

/// An EC2 On-Demand Capacity Reservation or Capacity Block (DescribeCapacityReservations).
public struct CapacityReservation: Sendable, Hashable {
  public enum ReservationType: String, Sendable, Hashable {
    case `default`
    case capacityBlock = "capacity-block"
  }

  public enum State: String, Sendable, Hashable {
    case active
    /// A capacity block within its last minutes: upstream offers nothing from it.
    case expiring
  }

  public var id: String
  public var instanceType: String
  public var zone: String
  public var ownerID: String
  public var availableInstanceCount: Int
  /// `open` or `targeted`.
  public var instanceMatchCriteria: String
  public var reservationType: ReservationType
  public var state: State
  public var interruptible: Bool
  public var tags: [String: String]

  public init(
    id: String, instanceType: String, zone: String, ownerID: String = "",
    availableInstanceCount: Int, instanceMatchCriteria: String = "targeted",
    reservationType: ReservationType = .default, state: State = .active, interruptible: Bool = false,
    tags: [String: String] = [:]
  ) {
    self.id = id
    self.instanceType = instanceType
    self.zone = zone
    self.ownerID = ownerID
    self.availableInstanceCount = availableInstanceCount
    self.instanceMatchCriteria = instanceMatchCriteria
    self.reservationType = reservationType
    self.state = state
    self.interruptible = interruptible
    self.tags = tags
  }
}

/// An instance EC2 runs for a NodeClaim (DescribeInstances), with what drift compares.
public struct LaunchedInstance: Sendable, Hashable {
  public var id: String
  public var instanceType: String
  public var zone: String
  public var capacityType: String
  public var imageID: String
  public var subnetID: String
  public var securityGroupIDs: [String]
  /// The reservation it runs in, when it was launched into one.
  public var capacityReservationID: String?
  /// `pending`, `running`, `shutting-down`, ...
  public var state: String
  public var tags: [String: String]

  public init(
    id: String, instanceType: String, zone: String, capacityType: String, imageID: String,
    subnetID: String, securityGroupIDs: [String], capacityReservationID: String? = nil,
    state: String = "running", tags: [String: String] = [:]
  ) {
    self.id = id
    self.instanceType = instanceType
    self.zone = zone
    self.capacityType = capacityType
    self.imageID = imageID
    self.subnetID = subnetID
    self.securityGroupIDs = securityGroupIDs
    self.capacityReservationID = capacityReservationID
    self.state = state
    self.tags = tags
  }
}
