import Controllers
import InstanceCatalogs
import KarpenterAPI
import Scheduling

/// Prices as the pricing API and the spot price history reported them.
public struct InstanceTypePrices: Sendable, Hashable {
  /// Instance type → USD per hour.
  public var onDemand: [String: Double]
  /// Instance type → zone → USD per hour.
  public var spot: [String: [String: Double]]

  public init(onDemand: [String: Double] = [:], spot: [String: [String: Double]] = [:]) {
    self.onDemand = onDemand
    self.spot = spot
  }
}

/// A reserved offering's reservation: which one a launch into `reserved` capacity targets.
public struct ReservedCapacity: Sendable, Hashable {
  public var instanceType: String
  public var zone: String
  public var reservationID: String
  /// Instances the reservation can still take.
  public var availableCount: Int
  public var reservationType: CapacityReservation.ReservationType
  public var interruptible: Bool

  public init(
    instanceType: String, zone: String, reservationID: String, availableCount: Int,
    reservationType: CapacityReservation.ReservationType = .default, interruptible: Bool = false
  ) {
    self.instanceType = instanceType
    self.zone = zone
    self.reservationID = reservationID
    self.availableCount = availableCount
    self.reservationType = reservationType
    self.interruptible = interruptible
  }
}

/// What the provider sells one EC2NodeClass: its instance types, and the reservations behind
/// their `reserved` offerings.
public struct AWSInstanceTypeList: Sendable {
  public var instanceTypes: [InstanceType]
  public var reservations: [ReservedCapacity]
}

/// Upstream's instance type provider (`instancetype.DefaultProvider.List` with its offering
/// resolvers), over what EC2 reported: each type shaped as ``AWSInstanceTypes/shape`` computes it
/// for the class's kubelet, AMI family and disks, with an offering per zone the class's subnets
/// cover and the type is offered in, per capacity type, labelled with the provider's region; an
/// offering without a price, held in the
/// unavailable-offerings cache, or of a capacity type marked unavailable is unavailable.
/// Reservations add `reserved` offerings priced at the on-demand price / 10,000,000, as upstream
/// prices them so that the scheduler prefers them.
public enum InstanceTypeProvider {
  public static func list(
    facts: [AWSInstanceTypeFacts], offeringZones: [String: Set<String>]? = nil, prices: InstanceTypePrices,
    capacityReservations: [CapacityReservation] = [], nodeClass spec: EC2NodeClassSpec,
    subnetZones: Set<String>, region: String = AWSInstanceTypes.region,
    vmMemoryOverheadPercent: Double = 0.075, reservedENIs: Int = 0,
    unavailable: UnavailableOfferings = UnavailableOfferings(), unavailableCapacityTypes: Set<String> = [],
    at time: Double, schema: inout ResourceSchema
  ) throws -> AWSInstanceTypeList {
    let family = AMIFamily(nodeClass: spec)
    let options = AWSShapeOptions(
      vmMemoryOverheadPercent: vmMemoryOverheadPercent, reservedENIs: reservedENIs,
      blockDeviceMappings: spec.blockDeviceMappings, instanceStorePolicy: spec.instanceStorePolicy)
    var result = AWSInstanceTypeList(instanceTypes: [], reservations: [])
    for facts in facts.sorted(by: { $0.name < $1.name }) {
      guard
        let shape = AWSInstanceTypes.shape(
          for: facts, kubelet: spec.kubelet, amiFamily: family.rawValue, options: options)
      else { continue }
      let offered = offeringZones?[facts.name] ?? Set(facts.zones)
      // The pricing API's price, else the published one the facts carry (upstream seeds its
      // pricing provider with static prices the same way); none at all leaves it unavailable.
      let onDemandPrice = prices.onDemand[facts.name] ?? (facts.onDemandPrice > 0 ? facts.onDemandPrice : nil)
      let zones = offered.intersection(subnetZones).sorted()
      var offerings: [Offering] = []
      func add(_ zone: String, _ capacityType: String, _ price: Double?) {
        let key = OfferingKey(instanceType: facts.name, zone: zone, capacityType: capacityType)
        let available =
          price != nil && !unavailable.isUnavailable(key, at: time)
          && !unavailableCapacityTypes.contains(capacityType)
        offerings.append(
          Offering(zone: zone, capacityType: capacityType, price: price ?? 0, available: available))
      }
      for zone in zones {
        if facts.usageClasses.contains(WellKnown.capacityTypeOnDemand) {
          add(zone, WellKnown.capacityTypeOnDemand, onDemandPrice)
        }
        if facts.usageClasses.contains(WellKnown.capacityTypeSpot) {
          add(zone, WellKnown.capacityTypeSpot, prices.spot[facts.name]?[zone])
        }
      }
      for reservation in capacityReservations where reservation.instanceType == facts.name {
        guard subnetZones.contains(reservation.zone) else { continue }
        let price = (onDemandPrice ?? 0) / 10_000_000
        let available =
          reservation.availableInstanceCount > 0 && offered.contains(reservation.zone)
          && reservation.state != .expiring
        offerings.append(
          Offering(
            zone: reservation.zone, capacityType: WellKnown.capacityTypeReserved, price: price,
            available: available))
        result.reservations.append(
          ReservedCapacity(
            instanceType: facts.name, zone: reservation.zone, reservationID: reservation.id,
            availableCount: reservation.availableInstanceCount, reservationType: reservation.reservationType,
            interruptible: reservation.interruptible))
      }
      guard !offerings.isEmpty else { continue }
      var labels = shape.labels
      labels[WellKnown.regionLabel] = region
      result.instanceTypes.append(
        InstanceType(
          name: shape.name, labels: labels, offerings: offerings,
          capacity: try schema.vector(baseUnits: shape.capacity),
          overhead: try schema.vector(baseUnits: shape.overhead)))
    }
    return result
  }
}
