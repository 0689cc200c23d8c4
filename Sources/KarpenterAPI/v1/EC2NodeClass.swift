import KubernetesAPI

/// `karpenter.k8s.aws/v1` EC2NodeClass: the AWS side of a node (AMI, subnets, security groups,
/// IAM role, disks, kubelet settings, tags).
public struct EC2NodeClass: KubernetesObject, Hashable {
  public static let apiVersion = "karpenter.k8s.aws/v1"
  public static let kind = "EC2NodeClass"

  public var apiVersion: String? = EC2NodeClass.apiVersion
  public var kind: String? = EC2NodeClass.kind
  public var metadata: ObjectMeta
  public var spec: EC2NodeClassSpec?
  public var status: EC2NodeClassStatus?

  public init(metadata: ObjectMeta, spec: EC2NodeClassSpec) {
    self.metadata = metadata
    self.spec = spec
  }
}

public struct EC2NodeClassSpec: Codable, Hashable, Sendable {
  public var subnetSelectorTerms: [SubnetSelectorTerm]?
  public var securityGroupSelectorTerms: [SecurityGroupSelectorTerm]?
  public var capacityReservationSelectorTerms: [CapacityReservationSelectorTerm]?
  public var associatePublicIPAddress: Bool?
  public var amiSelectorTerms: [AMISelectorTerm]?
  /// AL2, AL2023, Bottlerocket, Custom, Windows2019, Windows2022, Windows2025.
  public var amiFamily: String?
  public var userData: String?
  /// The IAM role; exactly one of `role` and `instanceProfile`.
  public var role: String?
  public var instanceProfile: String?
  public var tags: [String: String]?
  public var kubelet: KubeletConfiguration?
  public var blockDeviceMappings: [BlockDeviceMapping]?
  public var instanceStorePolicy: String?
  public var detailedMonitoring: Bool?
  public var metadataOptions: MetadataOptions?
  public var context: String?
  public var ipPrefixCount: Int32?
  /// The placement group (by name or id) instances launch into.
  public var placementGroupSelector: PlacementGroupSelector?
  /// The network interfaces attached at launch (EFA-only interfaces beside the primary one).
  public var networkInterfaces: [NetworkInterface]?
  /// Idle connection-tracking timeouts for the instances' ENIs.
  public var connectionTracking: ConnectionTracking?
  public var cpuOptions: CPUOptions?

  public init(
    subnetSelectorTerms: [SubnetSelectorTerm]? = nil,
    securityGroupSelectorTerms: [SecurityGroupSelectorTerm]? = nil,
    amiSelectorTerms: [AMISelectorTerm]? = nil, amiFamily: String? = nil, role: String? = nil,
    instanceProfile: String? = nil
  ) {
    self.subnetSelectorTerms = subnetSelectorTerms
    self.securityGroupSelectorTerms = securityGroupSelectorTerms
    self.amiSelectorTerms = amiSelectorTerms
    self.amiFamily = amiFamily
    self.role = role
    self.instanceProfile = instanceProfile
  }

  public static let amiFamilies = [
    "AL2", "AL2023", "Bottlerocket", "Custom", "Windows2019", "Windows2022", "Windows2025",
  ]
}

/// Upstream's `placementGroupSelector`: exactly one of `name` and `id`.
public struct PlacementGroupSelector: Codable, Hashable, Sendable {
  public var name: String?
  /// `pg-` followed by lower-case letters and digits.
  public var id: String?

  public init(name: String? = nil, id: String? = nil) {
    self.name = name
    self.id = id
  }
}

/// One network interface of the launch template; the list must hold the primary interface
/// (network card 0, device 0, type `interface`).
public struct NetworkInterface: Codable, Hashable, Sendable {
  public var networkCardIndex: Int32?
  public var deviceIndex: Int32?
  /// `interface` or `efa-only`.
  public var interfaceType: String?

  public init(networkCardIndex: Int32? = nil, deviceIndex: Int32? = nil, interfaceType: String? = nil) {
    self.networkCardIndex = networkCardIndex
    self.deviceIndex = deviceIndex
    self.interfaceType = interfaceType
  }

  public static let interfaceTypes = ["interface", "efa-only"]
}

/// Idle connection-tracking timeouts in seconds; at least one must be set.
public struct ConnectionTracking: Codable, Hashable, Sendable {
  /// 60...432000.
  public var tcpEstablishedTimeout: Int32?
  /// 60...180.
  public var udpStreamTimeout: Int32?
  /// 30...60.
  public var udpTimeout: Int32?

  public init(tcpEstablishedTimeout: Int32? = nil, udpStreamTimeout: Int32? = nil, udpTimeout: Int32? = nil) {
    self.tcpEstablishedTimeout = tcpEstablishedTimeout
    self.udpStreamTimeout = udpStreamTimeout
    self.udpTimeout = udpTimeout
  }
}

public struct CPUOptions: Codable, Hashable, Sendable {
  /// `enabled` or `disabled`; when enabled only instance types that support nested
  /// virtualization are offered.
  public var nestedVirtualization: String?

  public init(nestedVirtualization: String? = nil) { self.nestedVirtualization = nestedVirtualization }

  public static let nestedVirtualizationValues = ["enabled", "disabled"]
}

public struct SubnetSelectorTerm: Codable, Hashable, Sendable {
  public var tags: [String: String]?
  public var id: String?

  public init(tags: [String: String]? = nil, id: String? = nil) {
    self.tags = tags
    self.id = id
  }
}

public struct SecurityGroupSelectorTerm: Codable, Hashable, Sendable {
  public var tags: [String: String]?
  public var id: String?
  public var name: String?

  public init(tags: [String: String]? = nil, id: String? = nil, name: String? = nil) {
    self.tags = tags
    self.id = id
    self.name = name
  }
}

public struct CapacityReservationSelectorTerm: Codable, Hashable, Sendable {
  public var tags: [String: String]?
  public var id: String?
  public var ownerID: String?
  public var instanceMatchCriteria: String?
}

public struct AMISelectorTerm: Codable, Hashable, Sendable {
  /// `family@version`, e.g. `al2023@latest`; must then be the only term.
  public var alias: String?
  public var tags: [String: String]?
  public var id: String?
  public var name: String?
  public var owner: String?
  public var ssmParameter: String?

  public init(
    alias: String? = nil, tags: [String: String]? = nil, id: String? = nil, name: String? = nil,
    owner: String? = nil, ssmParameter: String? = nil
  ) {
    self.alias = alias
    self.tags = tags
    self.id = id
    self.name = name
    self.owner = owner
    self.ssmParameter = ssmParameter
  }

  public static let aliasFamilies = [
    "al2", "al2023", "bottlerocket", "windows2019", "windows2022", "windows2025",
  ]
}

/// The kubelet settings Karpenter passes to nodes; several shape a node's allocatable.
public struct KubeletConfiguration: Codable, Hashable, Sendable {
  public var clusterDNS: [String]?
  public var maxPods: Int32?
  public var podsPerCore: Int32?
  public var systemReserved: [String: String]?
  public var kubeReserved: [String: String]?
  public var evictionHard: [String: String]?
  public var evictionSoft: [String: String]?
  public var evictionSoftGracePeriod: [String: String]?
  public var evictionMaxPodGracePeriod: Int32?
  public var imageGCHighThresholdPercent: Int32?
  public var imageGCLowThresholdPercent: Int32?
  public var cpuCFSQuota: Bool?

  public init(
    maxPods: Int32? = nil, podsPerCore: Int32? = nil, systemReserved: [String: String]? = nil,
    kubeReserved: [String: String]? = nil, evictionHard: [String: String]? = nil
  ) {
    self.maxPods = maxPods
    self.podsPerCore = podsPerCore
    self.systemReserved = systemReserved
    self.kubeReserved = kubeReserved
    self.evictionHard = evictionHard
  }

  public static let reservedResources = ["cpu", "memory", "ephemeral-storage", "pid"]
  public static let evictionSignals = [
    "memory.available", "nodefs.available", "nodefs.inodesFree", "imagefs.available",
    "imagefs.inodesFree", "pid.available",
  ]
}

public struct BlockDeviceMapping: Codable, Hashable, Sendable {
  public var deviceName: String?
  public var ebs: BlockDevice?
  public var rootVolume: Bool?

  public init(deviceName: String? = nil, ebs: BlockDevice? = nil, rootVolume: Bool? = nil) {
    self.deviceName = deviceName
    self.ebs = ebs
    self.rootVolume = rootVolume
  }
}

public struct BlockDevice: Codable, Hashable, Sendable {
  public var deleteOnTermination: Bool?
  public var encrypted: Bool?
  public var iops: Int64?
  public var kmsKeyID: String?
  public var snapshotID: String?
  public var throughput: Int64?
  public var volumeInitializationRate: Int32?
  /// A size such as `100Gi`; at most 64T.
  public var volumeSize: String?
  public var volumeType: String?

  public init(volumeSize: String? = nil, volumeType: String? = nil, encrypted: Bool? = nil) {
    self.volumeSize = volumeSize
    self.volumeType = volumeType
    self.encrypted = encrypted
  }

  public static let volumeTypes = ["standard", "io1", "io2", "gp2", "sc1", "st1", "gp3"]
}

/// Instance metadata service settings; upstream defaults to IMDSv2 with a hop limit of 1.
public struct MetadataOptions: Codable, Hashable, Sendable {
  public var httpEndpoint: String?
  public var httpProtocolIPv6: String?
  public var httpPutResponseHopLimit: Int64?
  public var httpTokens: String?

  public init(
    httpEndpoint: String? = nil, httpProtocolIPv6: String? = nil,
    httpPutResponseHopLimit: Int64? = nil, httpTokens: String? = nil
  ) {
    self.httpEndpoint = httpEndpoint
    self.httpProtocolIPv6 = httpProtocolIPv6
    self.httpPutResponseHopLimit = httpPutResponseHopLimit
    self.httpTokens = httpTokens
  }

  public static let defaults = MetadataOptions(
    httpEndpoint: "enabled", httpProtocolIPv6: "disabled", httpPutResponseHopLimit: 1,
    httpTokens: "required")
}

public struct EC2NodeClassStatus: Codable, Hashable, Sendable {
  public var subnets: [SubnetStatus]?
  public var securityGroups: [SecurityGroupStatus]?
  public var capacityReservations: [CapacityReservationStatus]?
  public var amis: [AMIStatus]?
  public var instanceProfile: String?
  public var conditions: [Condition]?

  public init(
    subnets: [SubnetStatus]? = nil, securityGroups: [SecurityGroupStatus]? = nil,
    capacityReservations: [CapacityReservationStatus]? = nil, amis: [AMIStatus]? = nil,
    instanceProfile: String? = nil, conditions: [Condition]? = nil
  ) {
    self.subnets = subnets
    self.securityGroups = securityGroups
    self.capacityReservations = capacityReservations
    self.amis = amis
    self.instanceProfile = instanceProfile
    self.conditions = conditions
  }
}

public struct SubnetStatus: Codable, Hashable, Sendable {
  public var id: String
  public var zone: String
  public var zoneID: String?

  public init(id: String, zone: String, zoneID: String? = nil) {
    self.id = id
    self.zone = zone
    self.zoneID = zoneID
  }
}

public struct SecurityGroupStatus: Codable, Hashable, Sendable {
  public var id: String
  public var name: String?

  public init(id: String, name: String? = nil) {
    self.id = id
    self.name = name
  }
}

/// A capacity reservation the class's `capacityReservationSelectorTerms` selected (upstream's
/// `status.capacityReservations[]`).
public struct CapacityReservationStatus: Codable, Hashable, Sendable {
  public var availabilityZone: String
  public var endTime: String?
  public var id: String
  public var instanceMatchCriteria: String?
  public var instanceType: String
  public var ownerID: String
  /// `default` or `capacity-block`.
  public var reservationType: String?
  /// `active` or `expiring`.
  public var state: String?
  public var interruptible: Bool?

  public init(
    availabilityZone: String, endTime: String? = nil, id: String, instanceMatchCriteria: String? = nil,
    instanceType: String, ownerID: String, reservationType: String? = nil, state: String? = nil,
    interruptible: Bool? = nil
  ) {
    self.availabilityZone = availabilityZone
    self.endTime = endTime
    self.id = id
    self.instanceMatchCriteria = instanceMatchCriteria
    self.instanceType = instanceType
    self.ownerID = ownerID
    self.reservationType = reservationType
    self.state = state
    self.interruptible = interruptible
  }
}

public struct AMIStatus: Codable, Hashable, Sendable {
  public var id: String
  public var name: String?
  public var deprecated: Bool?
  public var requirements: [NodeSelectorRequirement]?

  public init(
    id: String, name: String? = nil, deprecated: Bool? = nil, requirements: [NodeSelectorRequirement]? = nil
  ) {
    self.id = id
    self.name = name
    self.deprecated = deprecated
    self.requirements = requirements
  }
}
