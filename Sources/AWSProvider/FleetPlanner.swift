import Controllers
import KarpenterAPI
import Scheduling

/// Upstream's instance provider `Create` up to the CreateFleet call
/// (`pkg/providers/instance/instance.go`), as a pure function of the NodeClaim and what the
/// provider knows: which capacity type, which instance types (the cheapest 60), which launch
/// template and subnet for each, and the tags.
public enum FleetPlanner {
  /// Upstream's `maxInstanceTypes`: more overrides than this slow CreateFleet down for no gain.
  public static let maxInstanceTypes = 60

  /// What the launch draws on besides the NodeClaim.
  public struct Context: Sendable {
    public var clusterName: String
    public var nodeClassName: String
    public var nodeClassSpec: EC2NodeClassSpec
    /// The class's images, as resolved (newest first).
    public var amis: [ResolvedAMI]
    /// Image id → the launch template made for it.
    public var launchTemplates: [String: String]
    /// Zone → the subnet to launch in (``ZonalSubnets/forLaunch(_:excluding:)``).
    public var zonalSubnets: [String: Subnet]
    /// The reservations behind `reserved` offerings.
    public var reservations: [ReservedCapacity]
    public var unavailable: UnavailableOfferings

    public init(
      clusterName: String, nodeClassName: String, nodeClassSpec: EC2NodeClassSpec, amis: [ResolvedAMI],
      launchTemplates: [String: String], zonalSubnets: [String: Subnet], reservations: [ReservedCapacity] = [],
      unavailable: UnavailableOfferings = UnavailableOfferings()
    ) {
      self.clusterName = clusterName
      self.nodeClassName = nodeClassName
      self.nodeClassSpec = nodeClassSpec
      self.amis = amis
      self.launchTemplates = launchTemplates
      self.zonalSubnets = zonalSubnets
      self.reservations = reservations
      self.unavailable = unavailable
    }
  }

  public static func plan(_ claim: PlannedNodeClaim, nodeClaimName: String, context c: Context, at time: Double)
    throws -> FleetRequestPlan
  {
    let requirements = claim.requirements
    func allowed(_ type: InstanceType, _ o: Offering, capacityType: String? = nil) -> Bool {
      guard o.available,
        !c.unavailable.isUnavailable(OfferingKey(type, o), at: time),
        requirements[WellKnown.zoneLabel]?.has(o.zone) ?? true,
        requirements[WellKnown.capacityTypeLabel]?.has(o.capacityType) ?? true
      else { return false }
      return capacityType.map { $0 == o.capacityType } ?? true
    }
    var types = claim.instanceTypes.filter { t in t.offerings.contains { allowed(t, $0) } }
    guard !types.isEmpty else {
      throw FleetPlanError(description: "all requested instance types were unavailable during launch")
    }

    // Reserved if allowed and offered, then spot, else on-demand (upstream's getCapacityType).
    var capacityType = WellKnown.capacityTypeOnDemand
    for candidate in [WellKnown.capacityTypeReserved, WellKnown.capacityTypeSpot]
    where requirements[WellKnown.capacityTypeLabel]?.has(candidate) ?? true {
      if types.contains(where: { t in t.offerings.contains { allowed(t, $0, capacityType: candidate) } }) {
        capacityType = candidate
        break
      }
    }

    // Cheapest first (by the cheapest allowed offering), at most 60.
    func cheapest(_ t: InstanceType) -> Double {
      t.offerings.filter { allowed(t, $0) }.map(\.price).min() ?? .infinity
    }
    types.sort { (cheapest($0), $0.name) < (cheapest($1), $1.name) }
    types = Array(types.prefix(maxInstanceTypes))

    var configs: [String: [FleetOverride]] = [:]
    for type in types {
      guard let ami = AMIResolver.image(for: type, amis: c.amis), let template = c.launchTemplates[ami.id]
      else { continue }
      var zones = Set<String>()
      for o in type.offerings.sorted(by: { ($0.price, $0.zone) < ($1.price, $1.zone) })
      where allowed(type, o, capacityType: capacityType) {
        guard let subnet = c.zonalSubnets[o.zone], zones.insert(o.zone).inserted else { continue }
        var reservationID: String?
        if capacityType == WellKnown.capacityTypeReserved {
          guard
            let r = c.reservations.first(where: {
              $0.instanceType == type.name && $0.zone == o.zone && $0.availableCount > 0
            })
          else { continue }
          reservationID = r.reservationID
        }
        configs[template, default: []].append(
          FleetOverride(
            instanceType: type.name, zone: subnet.zone, subnetID: subnet.id, imageID: ami.id, priority: o.price,
            capacityReservationID: reservationID))
      }
    }
    guard !configs.isEmpty else {
      throw FleetPlanError(description: "no capacity offerings are currently available given the constraints")
    }

    var defaultType = capacityType
    var strategy: FleetAllocationStrategy? =
      capacityType == WellKnown.capacityTypeSpot ? .priceCapacityOptimized : .lowestPrice
    if capacityType == WellKnown.capacityTypeReserved {
      let used = Set(configs.values.flatMap { $0.compactMap(\.capacityReservationID) })
      let reservations = c.reservations.filter { used.contains($0.reservationID) }
      if reservations.contains(where: { $0.reservationType == .capacityBlock }) {
        defaultType = "capacity-block"
        strategy = nil
      } else if reservations.contains(where: \.interruptible) {
        defaultType = "reserved-capacity"
        strategy = nil
      } else {
        defaultType = WellKnown.capacityTypeOnDemand
      }
    }
    return FleetRequestPlan(
      capacityType: capacityType, defaultTargetCapacityType: defaultType, allocationStrategy: strategy,
      targetCapacity: 1,
      launchTemplateConfigs: configs.keys.sorted().map {
        FleetLaunchTemplateConfig(launchTemplateName: $0, overrides: configs[$0] ?? [])
      },
      tags: tags(claim, nodeClaimName: nodeClaimName, context: c), context: c.nodeClassSpec.context)
  }

  /// The class's `spec.tags` with Karpenter's own over them (upstream's `GetTags` plus the
  /// NodeClaim tag the tagging controller adds).
  public static func tags(_ claim: PlannedNodeClaim, nodeClaimName: String, context c: Context) -> [String: String] {
    var tags = c.nodeClassSpec.tags ?? [:]
    tags[AWSTags.cluster(c.clusterName)] = "owned"
    tags[AWSTags.nodePool] = claim.nodePool
    tags[AWSTags.nodeClass] = c.nodeClassName
    tags[AWSTags.eksClusterName] = c.clusterName
    tags[AWSTags.nodeClaim] = nodeClaimName
    return tags
  }
}
