import Foundation

/// A CreateFleet request of type `instant`, as Karpenter's launches make it.
public struct EC2CreateFleetRequest: Sendable, Hashable {
  /// Where one candidate (type, subnet) may launch.
  public struct Override: Sendable, Hashable {
    public var instanceType: String
    public var subnetID: String?
    public var availabilityZone: String?
    /// Lower is preferred with the `prioritized` strategies.
    public var priority: Double?
    public var imageID: String?

    public init(
      instanceType: String, subnetID: String? = nil, availabilityZone: String? = nil, priority: Double? = nil,
      imageID: String? = nil
    ) {
      self.instanceType = instanceType
      self.subnetID = subnetID
      self.availabilityZone = availabilityZone
      self.priority = priority
      self.imageID = imageID
    }
  }

  /// One launch template with the candidates that use it.
  public struct LaunchTemplateConfig: Sendable, Hashable {
    public var launchTemplateName: String?
    public var launchTemplateID: String?
    /// `$Latest`, `$Default` or a number.
    public var version: String
    public var overrides: [Override]

    public init(
      launchTemplateName: String? = nil, launchTemplateID: String? = nil, version: String = "$Latest",
      overrides: [Override]
    ) {
      self.launchTemplateName = launchTemplateName
      self.launchTemplateID = launchTemplateID
      self.version = version
      self.overrides = overrides
    }
  }

  public var launchTemplateConfigs: [LaunchTemplateConfig]
  public var totalTargetCapacity: Int
  /// `on-demand`, `spot` or `capacity-block`.
  public var defaultTargetCapacityType: String
  /// `price-capacity-optimized`, `capacity-optimized-prioritized`, … for spot.
  public var spotAllocationStrategy: String?
  /// `lowest-price` or `prioritized` for on-demand.
  public var onDemandAllocationStrategy: String?
  /// Use open capacity reservations first (`use-capacity-reservations-first`).
  public var onDemandCapacityReservationUsageStrategy: String?
  public var tagSpecifications: [EC2TagSpecification]
  public var context: String?

  public init(
    launchTemplateConfigs: [LaunchTemplateConfig], totalTargetCapacity: Int = 1,
    defaultTargetCapacityType: String,
    spotAllocationStrategy: String? = nil, onDemandAllocationStrategy: String? = nil,
    onDemandCapacityReservationUsageStrategy: String? = nil, tagSpecifications: [EC2TagSpecification] = [],
    context: String? = nil
  ) {
    self.launchTemplateConfigs = launchTemplateConfigs
    self.totalTargetCapacity = totalTargetCapacity
    self.defaultTargetCapacityType = defaultTargetCapacityType
    self.spotAllocationStrategy = spotAllocationStrategy
    self.onDemandAllocationStrategy = onDemandAllocationStrategy
    self.onDemandCapacityReservationUsageStrategy = onDemandCapacityReservationUsageStrategy
    self.tagSpecifications = tagSpecifications
    self.context = context
  }

  var parameters: QueryParameters {
    var p = QueryParameters()
    p.set("Type", "instant")
    for (i, config) in launchTemplateConfigs.enumerated() {
      let base = "LaunchTemplateConfigs.\(i + 1)"
      p.set("\(base).LaunchTemplateSpecification.LaunchTemplateName", config.launchTemplateName)
      p.set("\(base).LaunchTemplateSpecification.LaunchTemplateId", config.launchTemplateID)
      p.set("\(base).LaunchTemplateSpecification.Version", config.version)
      for (j, o) in config.overrides.enumerated() {
        let ob = "\(base).Overrides.\(j + 1)"
        p.set("\(ob).InstanceType", o.instanceType)
        p.set("\(ob).SubnetId", o.subnetID)
        p.set("\(ob).AvailabilityZone", o.availabilityZone)
        p.set("\(ob).Priority", o.priority.map { String($0) })
        p.set("\(ob).ImageId", o.imageID)
      }
    }
    p.set("TargetCapacitySpecification.TotalTargetCapacity", totalTargetCapacity)
    p.set("TargetCapacitySpecification.DefaultTargetCapacityType", defaultTargetCapacityType)
    p.set("SpotOptions.AllocationStrategy", spotAllocationStrategy)
    p.set("OnDemandOptions.AllocationStrategy", onDemandAllocationStrategy)
    p.set(
      "OnDemandOptions.CapacityReservationOptions.UsageStrategy", onDemandCapacityReservationUsageStrategy)
    p.set(tagSpecifications: tagSpecifications, prefix: "TagSpecification")
    p.set("Context", context)
    // Like the SDKs: one idempotency token per call, reused by its retries, so a retried
    // CreateFleet whose first answer was lost does not launch twice.
    p.set("ClientToken", UUID().uuidString)
    return p
  }
}

/// What CreateFleet did: instances launched and the candidates that failed.
public struct EC2CreateFleetResult: Sendable, Hashable {
  public struct Instances: Sendable, Hashable {
    public var instanceIDs: [String]
    public var instanceType: String
    /// `on-demand` or `spot`.
    public var lifecycle: String?
    public var overrides: EC2CreateFleetRequest.Override?

    public init(
      instanceIDs: [String] = [], instanceType: String, lifecycle: String? = nil,
      overrides: EC2CreateFleetRequest.Override? = nil
    ) {
      self.instanceIDs = instanceIDs
      self.instanceType = instanceType
      self.lifecycle = lifecycle
      self.overrides = overrides
    }
  }

  public struct FleetError: Sendable, Hashable {
    /// `InsufficientInstanceCapacity`, `UnfulfillableCapacity`, `MaxSpotInstanceCountExceeded`…
    public var errorCode: String
    public var errorMessage: String
    public var lifecycle: String?
    public var overrides: EC2CreateFleetRequest.Override?

    public init(
      errorCode: String, errorMessage: String, lifecycle: String? = nil,
      overrides: EC2CreateFleetRequest.Override? = nil
    ) {
      self.errorCode = errorCode
      self.errorMessage = errorMessage
      self.lifecycle = lifecycle
      self.overrides = overrides
    }
  }

  public var fleetID: String?
  public var instances: [Instances]
  public var errors: [FleetError]

  public init(
    fleetID: String? = nil, instances: [Instances] = [], errors: [FleetError] = []
  ) {
    self.fleetID = fleetID
    self.instances = instances
    self.errors = errors
  }

  /// Every launched instance id.
  public var instanceIDs: [String] { instances.flatMap(\.instanceIDs) }

  static func parseOverrides(_ n: XMLNode) -> EC2CreateFleetRequest.Override? {
    guard let o = n["launchTemplateAndOverrides", "overrides"] else { return nil }
    return EC2CreateFleetRequest.Override(
      instanceType: o.string("instanceType") ?? "", subnetID: o.string("subnetId"),
      availabilityZone: o.string("availabilityZone"), priority: o.double("priority"),
      imageID: o.string("imageId"))
  }
}

extension EC2Client {
  /// Launches with an `instant` fleet. Capacity failures are in the result's `errors`, not thrown.
  public func createFleet(_ request: EC2CreateFleetRequest) async throws -> EC2CreateFleetResult {
    let root = try await query.call("CreateFleet", request.parameters)
    let instances = root.list("fleetInstanceSet").map {
      EC2CreateFleetResult.Instances(
        instanceIDs: $0.strings("instanceIds"), instanceType: $0.string("instanceType") ?? "",
        lifecycle: $0.string("lifecycle"), overrides: EC2CreateFleetResult.parseOverrides($0))
    }
    let errors = root.list("errorSet").map {
      EC2CreateFleetResult.FleetError(
        errorCode: $0.string("errorCode") ?? "", errorMessage: $0.string("errorMessage") ?? "",
        lifecycle: $0.string("lifecycle"), overrides: EC2CreateFleetResult.parseOverrides($0))
    }
    return EC2CreateFleetResult(fleetID: root.string("fleetId"), instances: instances, errors: errors)
  }
}
