import KarpenterAPI

/// Where and how an instance type can be bought, and for how much.
public struct Offering: Hashable, Sendable {
  public var zone: String
  public var capacityType: String
  public var price: Double
  public var available: Bool

  public init(zone: String, capacityType: String, price: Double, available: Bool = true) {
    self.zone = zone
    self.capacityType = capacityType
    self.price = price
    self.available = available
  }
}

/// A machine shape the cloud can launch: its labels (as requirements), what it offers where,
/// its capacity and what the system keeps of it.
public struct InstanceType: Sendable {
  public var name: String
  /// Single-value requirements for every label a node of this type gets, plus the zones and
  /// capacity types its offerings cover.
  public var requirements: Requirements
  public var offerings: [Offering]
  public var capacity: Resources
  /// kube-reserved + system-reserved + eviction threshold.
  public var overhead: Resources

  public init(
    name: String, labels: [String: String], offerings: [Offering], capacity: Resources,
    overhead: Resources
  ) {
    self.name = name
    self.offerings = offerings
    self.capacity = capacity
    self.overhead = overhead
    var requirements = Requirements(labels: labels)
    // Well-known labels the type does not have are "DoesNotExist", as upstream's providers
    // declare them, so that `Exists` or a value on them rules the type out.
    for key in WellKnown.wellKnownLabels where labels[key] == nil && !Self.offeringKeys.contains(key) {
      requirements.add(Requirement(key: key, operator: "DoesNotExist"))
    }
    requirements.add(.exactly(WellKnown.instanceTypeLabel, name))
    let zones = Set(offerings.map(\.zone)).sorted()
    let capacityTypes = Set(offerings.map(\.capacityType)).sorted()
    requirements.add(Requirement(key: WellKnown.zoneLabel, complement: false, values: zones))
    requirements.add(
      Requirement(key: WellKnown.capacityTypeLabel, complement: false, values: capacityTypes))
    self.requirements = requirements
  }

  /// Keys the offerings decide, or the NodePool.
  static let offeringKeys: Set<String> = [
    WellKnown.zoneLabel, WellKnown.capacityTypeLabel, WellKnown.instanceTypeLabel, WellKnown.nodePoolLabel,
    "topology.k8s.aws/zone-id", WellKnown.regionLabel,
  ]

  /// What pods may use: capacity less overhead.
  public var allocatable: Resources { capacity - overhead }

  /// The cheapest available offering that `requirements` allow (zone and capacity type),
  /// preferring spot when spot is allowed and offered, as Karpenter's AWS provider launches.
  public func cheapestOffering(allowedBy requirements: Requirements) -> Offering? {
    let zone = requirements[WellKnown.zoneLabel]
    let capacityType = requirements[WellKnown.capacityTypeLabel]
    var best: Offering?
    var bestIsSpot = false
    for o in offerings where o.available {
      if let zone, !zone.has(o.zone) { continue }
      if let capacityType, !capacityType.has(o.capacityType) { continue }
      let isSpot = o.capacityType == WellKnown.capacityTypeSpot
      if let b = best {
        if bestIsSpot && !isSpot { continue }
        if isSpot == bestIsSpot && (o.price > b.price || (o.price == b.price && o.zone >= b.zone)) {
          continue
        }
      }
      best = o
      bestIsSpot = isSpot
    }
    return best
  }

  /// The price the cheapest allowed offering asks, or nil when none is allowed and available.
  public func price(allowedBy requirements: Requirements) -> Double? {
    cheapestOffering(allowedBy: requirements)?.price
  }

  /// True when some available offering is allowed by `requirements` (the first one found
  /// answers: no need to find the cheapest).
  public func hasOffering(allowedBy requirements: Requirements) -> Bool {
    let zone = requirements[WellKnown.zoneLabel]
    let capacityType = requirements[WellKnown.capacityTypeLabel]
    return offerings.contains { o in
      o.available && (zone?.has(o.zone) ?? true) && (capacityType?.has(o.capacityType) ?? true)
    }
  }
}
