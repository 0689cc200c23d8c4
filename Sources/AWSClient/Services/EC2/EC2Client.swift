import Foundation

/// EC2 over its Query dialect (API version 2016-11-15): the calls Karpenter's AWS provider makes.
///
/// Lists come back whole: the `describe…` methods follow `NextToken` themselves; the `…Page`
/// variants expose one page for callers that want to stream.
public struct EC2Client: Sendable {
  public let query: QueryProtocol

  public init(requester: AWSRequester) {
    self.query = QueryProtocol(requester: requester, version: "2016-11-15")
  }

  /// Zones (and, with `allAvailabilityZones`, Local and Wavelength Zones) of the region.
  public func describeAvailabilityZones(filters: [EC2Filter] = [], allAvailabilityZones: Bool = false)
    async throws -> [EC2AvailabilityZone]
  {
    var p = QueryParameters()
    p.set(filters: filters)
    if allAvailabilityZones { p.set("AllAvailabilityZones", true) }
    let root = try await query.call("DescribeAvailabilityZones", p)
    return root.list("availabilityZoneInfo").map {
      EC2AvailabilityZone(
        zoneName: $0.string("zoneName") ?? "", zoneID: $0.string("zoneId") ?? "",
        zoneType: $0.string("zoneType"),
        state: $0.string("zoneState") ?? $0.string("state") ?? "", regionName: $0.string("regionName") ?? "")
    }
  }

  public func describeSubnets(ids: [String] = [], filters: [EC2Filter] = []) async throws -> [EC2Subnet] {
    try await collectPages { token in
      var p = QueryParameters()
      p.set(list: "SubnetId", ids)
      p.set(filters: filters)
      p.set("NextToken", token)
      let root = try await query.call("DescribeSubnets", p)
      let subnets = root.list("subnetSet").map {
        EC2Subnet(
          subnetID: $0.string("subnetId") ?? "", vpcID: $0.string("vpcId") ?? "",
          availabilityZone: $0.string("availabilityZone") ?? "",
          availabilityZoneID: $0.string("availabilityZoneId"),
          cidrBlock: $0.string("cidrBlock") ?? "",
          availableIPAddressCount: $0.int("availableIpAddressCount") ?? 0,
          mapPublicIPOnLaunch: $0.bool("mapPublicIpOnLaunch") ?? false, tags: EC2Parse.tags($0))
      }
      return (subnets, root.string("nextToken"))
    }
  }

  public func describeSecurityGroups(ids: [String] = [], filters: [EC2Filter] = []) async throws
    -> [EC2SecurityGroup]
  {
    try await collectPages { token in
      let page = try await describeSecurityGroupsPage(
        ids: ids, filters: filters, maxResults: ids.isEmpty ? 1000 : nil, nextToken: token)
      return (page.items, page.nextToken)
    }
  }

  /// One page of DescribeSecurityGroups (`maxResults` 5…1000; not allowed together with ids).
  public func describeSecurityGroupsPage(
    ids: [String] = [], filters: [EC2Filter] = [], maxResults: Int? = nil, nextToken: String? = nil
  ) async throws -> EC2Page<EC2SecurityGroup> {
    var p = QueryParameters()
    p.set(list: "GroupId", ids)
    p.set(filters: filters)
    p.set("MaxResults", maxResults)
    p.set("NextToken", nextToken)
    let root = try await query.call("DescribeSecurityGroups", p)
    let groups = root.list("securityGroupInfo").map {
      EC2SecurityGroup(
        groupID: $0.string("groupId") ?? "", groupName: $0.string("groupName") ?? "",
        vpcID: $0.string("vpcId"), description: $0.string("groupDescription") ?? "", tags: EC2Parse.tags($0))
    }
    return EC2Page(items: groups, nextToken: root.string("nextToken").flatMap { $0.isEmpty ? nil : $0 })
  }

  /// Creates a security group (tests use it to make more than a page of them).
  public func createSecurityGroup(
    name: String, description: String, vpcID: String? = nil, tags: [AWSTag] = []
  ) async throws -> String {
    var p = QueryParameters()
    p.set("GroupName", name)
    p.set("GroupDescription", description)
    p.set("VpcId", vpcID)
    if !tags.isEmpty {
      p.set(tagSpecifications: [EC2TagSpecification(resourceType: "security-group", tags: tags)])
    }
    let root = try await query.call("CreateSecurityGroup", p)
    return try query.require(root.string("groupId"), "groupId", operation: "CreateSecurityGroup")
  }

  /// Images by id, owner (`amazon`, `self`, an account id) and filters.
  public func describeImages(ids: [String] = [], owners: [String] = [], filters: [EC2Filter] = [])
    async throws -> [EC2Image]
  {
    try await collectPages { token in
      var p = QueryParameters()
      p.set(list: "ImageId", ids)
      p.set(list: "Owner", owners)
      p.set(filters: filters)
      p.set("NextToken", token)
      let root = try await query.call("DescribeImages", p)
      let images = root.list("imagesSet").map {
        EC2Image(
          imageID: $0.string("imageId") ?? "", name: $0.string("name") ?? "",
          ownerID: $0.string("imageOwnerId") ?? "",
          architecture: $0.string("architecture") ?? "", state: $0.string("imageState") ?? "",
          creationDate: $0.string("creationDate"), deprecationTime: $0.string("deprecationTime"),
          rootDeviceName: $0.string("rootDeviceName"), tags: EC2Parse.tags($0))
      }
      return (images, root.string("nextToken"))
    }
  }

  /// Adds or overwrites tags on resources.
  public func createTags(resourceIDs: [String], tags: [AWSTag]) async throws {
    var p = QueryParameters()
    p.set(list: "ResourceId", resourceIDs)
    p.set(tags: tags)
    _ = try await query.call("CreateTags", p)
  }

  /// Capacity reservations by id and filters.
  public func describeCapacityReservations(ids: [String] = [], filters: [EC2Filter] = []) async throws
    -> [EC2CapacityReservation]
  {
    try await collectPages { token in
      var p = QueryParameters()
      p.set(list: "CapacityReservationId", ids)
      p.set(filters: filters)
      p.set("NextToken", token)
      let root = try await query.call("DescribeCapacityReservations", p)
      let items = root.list("capacityReservationSet").map {
        EC2CapacityReservation(
          capacityReservationID: $0.string("capacityReservationId") ?? "",
          instanceType: $0.string("instanceType") ?? "",
          availabilityZone: $0.string("availabilityZone") ?? "",
          availableInstanceCount: $0.int("availableInstanceCount") ?? 0,
          totalInstanceCount: $0.int("totalInstanceCount") ?? 0, state: $0.string("state") ?? "",
          instanceMatchCriteria: $0.string("instanceMatchCriteria"), ownerID: $0.string("ownerId"),
          endDate: $0.string("endDate"), tags: EC2Parse.tags($0))
      }
      return (items, root.string("nextToken"))
    }
  }
}

/// One page of a paginated EC2 list.
public struct EC2Page<Item: Sendable>: Sendable {
  public var items: [Item]
  public var nextToken: String?

  public init(
    items: [Item] = [], nextToken: String? = nil
  ) {
    self.items = items
    self.nextToken = nextToken
  }
}

/// Reading shapes EC2 repeats across answers.
enum EC2Parse {
  /// `<tagSet><item><key>…</key><value>…</value></item></tagSet>`.
  static func tags(_ node: XMLNode, path: String = "tagSet") -> [AWSTag] {
    node.list(path).compactMap { item in
      item.string("key").map { AWSTag(key: $0, value: item.string("value") ?? "") }
    }
  }
}
