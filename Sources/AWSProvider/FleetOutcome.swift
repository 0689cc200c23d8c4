import Controllers
import KarpenterAPI

/// One error of a CreateFleet answer: what failed, for which override.
public struct FleetError: Sendable, Hashable, CustomStringConvertible {
  public var code: String
  public var message: String
  public var instanceType: String
  public var zone: String
  public var subnetID: String?

  public init(code: String, message: String, instanceType: String, zone: String, subnetID: String? = nil) {
    self.code = code
    self.message = message
    self.instanceType = instanceType
    self.zone = zone
    self.subnetID = subnetID
  }

  /// "InsufficientInstanceCapacity: We currently do not have sufficient capacity".
  public var description: String { "\(code): \(message)" }
}

/// What CreateFleet answered: the instance it launched, if any, and its errors.
public struct FleetResult: Sendable, Hashable {
  public var instanceID: String?
  public var instanceType: String?
  public var zone: String?
  public var errors: [FleetError]

  public init(
    instanceID: String? = nil, instanceType: String? = nil, zone: String? = nil, errors: [FleetError] = []
  ) {
    self.instanceID = instanceID
    self.instanceType = instanceType
    self.zone = zone
    self.errors = errors
  }
}

/// What the provider does with a CreateFleet answer (upstream's
/// `updateUnavailableOfferingsCache` and `combineFleetErrors`): the caller marks the offerings,
/// subnets, capacity types and reservations, then returns the instance or throws the error.
public struct FleetOutcome: Sendable {
  /// The launched instance's id, type and zone.
  public var launched: (id: String, instanceType: String, zone: String)?
  /// Offerings to hold unavailable for the cache's TTL (not for reserved launches).
  public var unavailableOfferings: [OfferingKey]
  /// Subnets that ran out of addresses.
  public var unavailableSubnets: [String]
  /// `spot` when the spot service-linked role cannot be created.
  public var unavailableCapacityTypes: Set<String>
  /// Reservations found full (reserved launches).
  public var unavailableReservations: [String]
  /// Set when nothing launched.
  public var error: CloudProviderError?

  /// Interprets the answer to `plan` for the NodeClaim `nodeClaim`.
  public init(_ result: FleetResult, plan: FleetRequestPlan, nodeClaim: String) {
    let errors = result.errors
    unavailableSubnets = Array(
      Set(errors.filter { AWSErrorCode.isInsufficientFreeAddressesInSubnet($0.code) }.compactMap(\.subnetID))
    ).sorted()
    unavailableOfferings = []
    unavailableCapacityTypes = []
    unavailableReservations = []
    if plan.capacityType == WellKnown.capacityTypeReserved {
      let overrides = plan.launchTemplateConfigs.flatMap(\.overrides)
      var ids = Set<String>()
      for e in errors where AWSErrorCode.isUnfulfillableCapacity(e.code) {
        if let id = overrides.first(where: { $0.instanceType == e.instanceType && $0.zone == e.zone })?
          .capacityReservationID
        {
          ids.insert(id)
        }
      }
      unavailableReservations = ids.sorted()
    } else {
      var keys = Set<OfferingKey>()
      for e in errors {
        if AWSErrorCode.isUnfulfillableCapacity(e.code) {
          keys.insert(
            OfferingKey(instanceType: e.instanceType, zone: e.zone, capacityType: plan.capacityType))
        }
        if AWSErrorCode.isServiceLinkedRoleCreationNotPermitted(e.code) {
          unavailableCapacityTypes.insert(WellKnown.capacityTypeSpot)
        }
      }
      unavailableOfferings = keys.sorted()
    }

    if let id = result.instanceID, let type = result.instanceType, let zone = result.zone {
      launched = (id, type, zone)
      error = nil
      return
    }
    launched = nil
    let combined = FleetErrors(Array(Set(errors.map(\.description))).sorted())
    let allCapacity = errors.allSatisfy {
      AWSErrorCode.isUnfulfillableCapacity($0.code)
        || AWSErrorCode.isServiceLinkedRoleCreationNotPermitted($0.code)
    }
    let firstOffering =
      errors.sorted { ($0.instanceType, $0.zone) < ($1.instanceType, $1.zone) }.first.map {
        OfferingKey(instanceType: $0.instanceType, zone: $0.zone, capacityType: plan.capacityType)
      }
    if allCapacity, let offering = firstOffering {
      error = .insufficientCapacity(offering, nodeClaim: nodeClaim, cause: combined)
    } else {
      let (reason, message) = AWSErrorCode.reasonMessage(combined.description)
      error = CloudProviderError(
        .failed, message: "NodeClaim \(nodeClaim) could not be launched: \(reason): \(message)",
        cause: combined)
    }
  }
}

/// The distinct errors of one fleet answer, as one error.
public struct FleetErrors: Error, Hashable, CustomStringConvertible {
  public var messages: [String]
  public init(_ messages: [String]) { self.messages = messages }
  public var description: String {
    messages.isEmpty
      ? "CreateFleet launched no instance and reported no error" : messages.joined(separator: "; ")
  }
}
