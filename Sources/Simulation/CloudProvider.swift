import Controllers
import KarpenterAPI
import Scheduling

/// What the controllers ask of a cloud, in the shape of upstream's cloud-provider interface:
/// create an instance for a NodeClaim, delete it, and list which NodeClaims have one. The
/// controllers only use this; `SimulatedCloud` is the implementation `simulate` and
/// `controller --in-memory` run against (an AWS one would be the other).
public protocol CloudProvider: Sendable {
  /// Launches the NodeClaim `name` on one of the claim's instance types and available
  /// offerings, or says why it could not.
  mutating func create(_ claim: PlannedNodeClaim, name: String, at time: Double) -> Result<
    CloudInstance, CloudProviderError
  >
  /// Terminates the NodeClaim's instance (nothing when it has none).
  mutating func delete(_ name: String)
  /// The NodeClaims that have an instance right now.
  func instances() -> Set<String>
}

/// An instance the cloud launched for a NodeClaim.
public struct CloudInstance: Sendable {
  public var name: String
  public var instanceType: InstanceType
  public var offering: Offering
}

public enum CloudProviderError: Error, Sendable, Equatable {
  /// None of the claim's instance types has an offering Karpenter believes available.
  case noOffering(instanceTypes: Int)
  /// The chosen offering has no capacity now (EC2's InsufficientInstanceCapacity).
  case insufficientCapacity(instanceType: String, zone: String, capacityType: String)
}

/// The simulated cloud: launches as Karpenter's AWS provider does (the cheapest available spot
/// offering when spot is allowed and offered, else the cheapest on-demand one; ties to the
/// instance type, then the zone, that sorts first), and misbehaves as the Scenario's timeline
/// says: offerings without capacity, instances whose node never joins, instances that vanish.
public struct SimulatedCloud: CloudProvider {
  /// Offerings ("type/zone/capacityType") without capacity, until a time.
  var withoutCapacity: [String: Double] = [:]
  /// Offerings whose instances boot but never join the cluster, until a time.
  var neverJoining: [String: Double] = [:]
  var running: Set<String> = []
  /// Instances launched while their offering never joins.
  var broken: Set<String> = []

  public init() {}

  static func key(_ type: String, _ zone: String, _ capacityType: String) -> String {
    "\(type)/\(zone)/\(capacityType)"
  }

  public mutating func create(_ claim: PlannedNodeClaim, name: String, at time: Double) -> Result<
    CloudInstance, CloudProviderError
  > {
    guard let (type, offering) = claim.cheapestLaunch() else {
      return .failure(.noOffering(instanceTypes: claim.instanceTypes.count))
    }
    let key = Self.key(type.name, offering.zone, offering.capacityType)
    if let until = withoutCapacity[key], until > time {
      return .failure(
        .insufficientCapacity(
          instanceType: type.name, zone: offering.zone, capacityType: offering.capacityType))
    }
    running.insert(name)
    if let until = neverJoining[key], until > time { broken.insert(name) }
    return .success(CloudInstance(name: name, instanceType: type, offering: offering))
  }

  public mutating func delete(_ name: String) {
    running.remove(name)
    broken.remove(name)
  }

  public func instances() -> Set<String> { running }

  // MARK: The world's side (the Scenario), not part of the provider interface

  /// An instance that exists before the run (an input Node managed by a NodePool).
  mutating func adopt(_ name: String) { running.insert(name) }

  /// Whether the instance's node will join the cluster.
  func joins(_ name: String) -> Bool { !broken.contains(name) }

  /// The instance disappears without Karpenter (terminated from outside, no notice).
  mutating func lose(_ name: String) { running.remove(name) }

  /// How an offering fails.
  enum OfferingFailure: String {
    /// Launches fail with insufficient capacity.
    case launch
    /// Instances launch but their node never joins the cluster.
    case registration
  }

  /// Matching offerings fail as `failure` says until `until`.
  mutating func disturb(_ keys: [String], failure: OfferingFailure, until: Double) {
    for key in keys {
      switch failure {
      case .launch: withoutCapacity[key] = until
      case .registration: neverJoining[key] = until
      }
    }
  }

  /// Forgets windows that are over.
  mutating func expire(at time: Double) {
    withoutCapacity = withoutCapacity.filter { $0.value > time }
    neverJoining = neverJoining.filter { $0.value > time }
  }
}
