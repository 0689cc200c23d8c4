import Controllers
import KarpenterAPI
import Scheduling

/// How EC2 Fleet picks among the overrides (upstream's allocation strategies).
public enum FleetAllocationStrategy: String, Sendable, Hashable {
  /// Spot: the pools with the most capacity at the lowest prices.
  case priceCapacityOptimized = "price-capacity-optimized"
  /// On-demand and reservations: the cheapest override.
  case lowestPrice = "lowest-price"
}

/// One override of a CreateFleet launch template config: an instance type in a zone's subnet,
/// with its price as the priority.
public struct FleetOverride: Sendable, Hashable {
  public var instanceType: String
  public var zone: String
  public var subnetID: String
  public var imageID: String
  public var priority: Double
  /// Set when the override launches into a capacity reservation.
  public var capacityReservationID: String?
}

/// A launch template and the overrides that launch with it.
public struct FleetLaunchTemplateConfig: Sendable, Hashable {
  public var launchTemplateName: String
  public var overrides: [FleetOverride]
}

/// An instant CreateFleet request for one NodeClaim, as upstream's `CreateFleetInputBuilder`
/// builds it: target capacity 1 of the chosen capacity type.
public struct FleetRequestPlan: Sendable, Hashable {
  /// `reserved`, `spot` or `on-demand`.
  public var capacityType: String
  /// EC2's `DefaultTargetCapacityType`: `spot`, `on-demand`, `capacity-block` or
  /// `reserved-capacity` (interruptible reservations).
  public var defaultTargetCapacityType: String
  /// Spot's strategy for spot, on-demand's otherwise; nil for capacity blocks.
  public var allocationStrategy: FleetAllocationStrategy?
  public var targetCapacity: Int
  public var launchTemplateConfigs: [FleetLaunchTemplateConfig]
  /// For the instance, its volumes and the fleet.
  public var tags: [String: String]
  /// The class's `spec.context`, when set.
  public var context: String?

  /// The instance types the request may launch, in price order.
  public var instanceTypes: [String] {
    var seen = Set<String>()
    return launchTemplateConfigs.flatMap(\.overrides).sorted {
      ($0.priority, $0.instanceType) < ($1.priority, $1.instanceType)
    }
    .map(\.instanceType).filter { seen.insert($0).inserted }
  }
}

/// Why no request could be planned: reads as a sentence and converts to the provider error the
/// controllers act on.
public struct FleetPlanError: Error, Hashable, CustomStringConvertible {
  public var description: String

  public func cloudProviderError(nodeClaim: String, instanceTypes: Int) -> CloudProviderError {
    CloudProviderError(
      .noOfferingAvailable(instanceTypes: instanceTypes), message: "NodeClaim \(nodeClaim): \(description)")
  }
}
