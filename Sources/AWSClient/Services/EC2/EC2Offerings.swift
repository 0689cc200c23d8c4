import Foundation

/// Where a type is offered: a zone (or region, or zone id) per row.
public struct EC2InstanceTypeOffering: Sendable, Hashable {
  public var instanceType: String
  /// `availability-zone`, `availability-zone-id` or `region`.
  public var locationType: String
  public var location: String

  public init(
    instanceType: String, locationType: String, location: String
  ) {
    self.instanceType = instanceType
    self.locationType = locationType
    self.location = location
  }
}

/// One spot price observation.
public struct EC2SpotPrice: Sendable, Hashable {
  public var instanceType: String
  public var availabilityZone: String
  public var productDescription: String
  /// USD per hour.
  public var price: Double
  public var timestamp: Date?

  public init(
    instanceType: String, availabilityZone: String, productDescription: String, price: Double,
    timestamp: Date? = nil
  ) {
    self.instanceType = instanceType
    self.availabilityZone = availabilityZone
    self.productDescription = productDescription
    self.price = price
    self.timestamp = timestamp
  }
}

extension EC2Client {
  /// Offerings per `locationType` (Karpenter asks for `availability-zone`).
  public func describeInstanceTypeOfferings(
    locationType: String = "availability-zone", filters: [EC2Filter] = []
  ) async throws -> [EC2InstanceTypeOffering] {
    try await collectPages { token in
      var p = QueryParameters()
      p.set("LocationType", locationType)
      p.set(filters: filters)
      p.set("MaxResults", 1000)
      p.set("NextToken", token)
      let root = try await query.call("DescribeInstanceTypeOfferings", p)
      let offerings = root.list("instanceTypeOfferingSet").map {
        EC2InstanceTypeOffering(
          instanceType: $0.string("instanceType") ?? "",
          locationType: $0.string("locationType") ?? locationType,
          location: $0.string("location") ?? "")
      }
      return (offerings, root.string("nextToken"))
    }
  }

  /// Spot prices, by default for Linux/UNIX since `startTime` (Karpenter asks for the latest).
  public func describeSpotPriceHistory(
    instanceTypes: [String] = [], productDescriptions: [String] = ["Linux/UNIX"], startTime: Date? = nil,
    filters: [EC2Filter] = []
  ) async throws -> [EC2SpotPrice] {
    try await collectPages { token in
      var p = QueryParameters()
      p.set(list: "InstanceType", instanceTypes)
      p.set(list: "ProductDescription", productDescriptions)
      p.set("StartTime", startTime.map(ISO8601.format))
      p.set(filters: filters)
      p.set("NextToken", token)
      let root = try await query.call("DescribeSpotPriceHistory", p)
      let prices = root.list("spotPriceHistorySet").map {
        EC2SpotPrice(
          instanceType: $0.string("instanceType") ?? "",
          availabilityZone: $0.string("availabilityZone") ?? "",
          productDescription: $0.string("productDescription") ?? "", price: $0.double("spotPrice") ?? 0,
          timestamp: $0.string("timestamp").flatMap(ISO8601.parse))
      }
      return (prices, root.string("nextToken"))
    }
  }
}
