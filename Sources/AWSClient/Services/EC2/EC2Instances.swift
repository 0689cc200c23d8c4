import Foundation

/// An instance as DescribeInstances reports it.
public struct EC2Instance: Sendable, Hashable {
  public var instanceID: String
  public var instanceType: String
  /// `pending`, `running`, `shutting-down`, `terminated`, `stopping`, `stopped`.
  public var state: String
  public var availabilityZone: String
  public var subnetID: String?
  public var vpcID: String?
  public var privateDNSName: String?
  public var privateIPAddress: String?
  public var imageID: String?
  public var securityGroupIDs: [String]
  public var tags: [AWSTag]
  public var launchTime: Date?
  /// `spot` for spot instances; nil for on-demand.
  public var instanceLifecycle: String?
  public var spotInstanceRequestID: String?
  public var capacityReservationID: String?
  public var architecture: String?

  public init(
    instanceID: String, instanceType: String, state: String, availabilityZone: String,
    subnetID: String? = nil, vpcID: String? = nil, privateDNSName: String? = nil,
    privateIPAddress: String? = nil, imageID: String? = nil, securityGroupIDs: [String] = [],
    tags: [AWSTag] = [], launchTime: Date? = nil, instanceLifecycle: String? = nil,
    spotInstanceRequestID: String? = nil, capacityReservationID: String? = nil, architecture: String? = nil
  ) {
    self.instanceID = instanceID
    self.instanceType = instanceType
    self.state = state
    self.availabilityZone = availabilityZone
    self.subnetID = subnetID
    self.vpcID = vpcID
    self.privateDNSName = privateDNSName
    self.privateIPAddress = privateIPAddress
    self.imageID = imageID
    self.securityGroupIDs = securityGroupIDs
    self.tags = tags
    self.launchTime = launchTime
    self.instanceLifecycle = instanceLifecycle
    self.spotInstanceRequestID = spotInstanceRequestID
    self.capacityReservationID = capacityReservationID
    self.architecture = architecture
  }

  static func parse(_ n: XMLNode) -> EC2Instance {
    EC2Instance(
      instanceID: n.string("instanceId") ?? "", instanceType: n.string("instanceType") ?? "",
      state: n.string("instanceState", "name") ?? "",
      availabilityZone: n.string("placement", "availabilityZone") ?? "",
      subnetID: n.string("subnetId"), vpcID: n.string("vpcId"), privateDNSName: n.string("privateDnsName"),
      privateIPAddress: n.string("privateIpAddress"), imageID: n.string("imageId"),
      securityGroupIDs: n.list("groupSet").compactMap { $0.string("groupId") }, tags: EC2Parse.tags(n),
      launchTime: n.string("launchTime").flatMap(ISO8601.parse),
      instanceLifecycle: n.string("instanceLifecycle"),
      spotInstanceRequestID: n.string("spotInstanceRequestId"),
      capacityReservationID: n.string("capacityReservationId"),
      architecture: n.string("architecture"))
  }
}

/// A state change reported by TerminateInstances.
public struct EC2InstanceStateChange: Sendable, Hashable {
  public var instanceID: String
  public var previousState: String
  public var currentState: String

  public init(
    instanceID: String, previousState: String, currentState: String
  ) {
    self.instanceID = instanceID
    self.previousState = previousState
    self.currentState = currentState
  }
}

extension EC2Client {
  /// Instances by id and filters, every page followed.
  public func describeInstances(ids: [String] = [], filters: [EC2Filter] = []) async throws -> [EC2Instance] {
    try await collectPages { token in
      let page = try await describeInstancesPage(
        ids: ids, filters: filters, maxResults: ids.isEmpty ? 1000 : nil, nextToken: token)
      return (page.items, page.nextToken)
    }
  }

  /// One page of DescribeInstances (`maxResults` 5…1000; not allowed together with ids).
  public func describeInstancesPage(
    ids: [String] = [], filters: [EC2Filter] = [], maxResults: Int? = nil, nextToken: String? = nil
  ) async throws -> EC2Page<EC2Instance> {
    var p = QueryParameters()
    p.set(list: "InstanceId", ids)
    p.set(filters: filters)
    p.set("MaxResults", maxResults)
    p.set("NextToken", nextToken)
    let root = try await query.call("DescribeInstances", p)
    let instances = root.list("reservationSet").flatMap { $0.list("instancesSet").map(EC2Instance.parse) }
    return EC2Page(items: instances, nextToken: root.string("nextToken").flatMap { $0.isEmpty ? nil : $0 })
  }

  /// Terminates instances; terminating an already terminated one is not an error in EC2.
  @discardableResult
  public func terminateInstances(ids: [String]) async throws -> [EC2InstanceStateChange] {
    var p = QueryParameters()
    p.set(list: "InstanceId", ids)
    let root = try await query.call("TerminateInstances", p)
    return root.list("instancesSet").map {
      EC2InstanceStateChange(
        instanceID: $0.string("instanceId") ?? "", previousState: $0.string("previousState", "name") ?? "",
        currentState: $0.string("currentState", "name") ?? "")
    }
  }
}
