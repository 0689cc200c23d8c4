import Scheduling

/// An offering as the cloud names it: an instance type in a zone with a capacity type. It is
/// what a launch fails on and what upstream's unavailable-offerings cache is keyed by; price
/// and availability are left out because they change while the name does not.
public struct OfferingKey: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var instanceType: String
  public var zone: String
  public var capacityType: String

  public init(instanceType: String, zone: String, capacityType: String) {
    self.instanceType = instanceType
    self.zone = zone
    self.capacityType = capacityType
  }

  /// The key of one of an instance type's offerings.
  public init(_ type: InstanceType, _ offering: Offering) {
    self.init(instanceType: type.name, zone: offering.zone, capacityType: offering.capacityType)
  }

  /// "m5.large/us-east-1a/spot".
  public var description: String { "\(instanceType)/\(zone)/\(capacityType)" }

  /// By instance type, then zone, then capacity type.
  public static func < (a: OfferingKey, b: OfferingKey) -> Bool {
    (a.instanceType, a.zone, a.capacityType) < (b.instanceType, b.zone, b.capacityType)
  }
}
