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
    /// Instance type → its launch template and image, when templates differ within an image
    /// (``LaunchTemplateResolver`` splits them by max pods); wins over ``launchTemplates``.
    public var launchTemplatesByInstanceType: [String: (name: String, imageID: String)] = [:]
    /// Zone → the subnet to launch in (``ZonalSubnets/forLaunch(_:excluding:)``).
    public var zonalSubnets: [String: Subnet]
    /// The reservations behind `reserved` offerings.
    public var reservations: [ReservedCapacity]
    public var unavailable: UnavailableOfferings

    public init(
      clusterName: String, nodeClassName: String, nodeClassSpec: EC2NodeClassSpec, amis: [ResolvedAMI],
      launchTemplates: [String: String], zonalSubnets: [String: Subnet],
      reservations: [ReservedCapacity] = [],
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

    /// A context whose templates are those ``LaunchTemplateResolver`` resolved.
    public init(
      clusterName: String, nodeClassName: String, nodeClassSpec: EC2NodeClassSpec,
      launchTemplates resolved: [ResolvedLaunchTemplate], zonalSubnets: [String: Subnet],
      reservations: [ReservedCapacity] = [], unavailable: UnavailableOfferings = UnavailableOfferings()
    ) {
      self.init(
        clusterName: clusterName, nodeClassName: nodeClassName, nodeClassSpec: nodeClassSpec, amis: [],
        launchTemplates: [:], zonalSubnets: zonalSubnets, reservations: reservations, unavailable: unavailable
      )
      for template in resolved {
        for type in template.instanceTypes {
          launchTemplatesByInstanceType[type] = (template.spec.name, template.imageID)
        }
      }
    }

    /// The template and image an instance type launches with.
    func template(for type: InstanceType) -> (name: String, imageID: String)? {
      if let byType = launchTemplatesByInstanceType[type.name] { return byType }
      guard let ami = AMIResolver.image(for: type, amis: amis), let name = launchTemplates[ami.id] else {
        return nil
      }
      return (name, ami.id)
    }
  }

  public static func plan(
    _ claim: PlannedNodeClaim, nodeClaimName: String, context c: Context, at time: Double
  )
    throws -> FleetRequestPlan
  {
    let requirements = claim.requirements
    func allows(_ capacityType: String) -> Bool {
      requirements[WellKnown.capacityTypeLabel]?.has(capacityType) ?? true
    }
    // Each type with only the offerings it may launch on now (upstream's compatible-available filter).
    var types: [InstanceType] = claim.instanceTypes.compactMap { type in
      var t = type
      t.offerings = type.offerings.filter { o in
        o.available && !c.unavailable.isUnavailable(OfferingKey(type, o), at: time)
          && (requirements[WellKnown.zoneLabel]?.has(o.zone) ?? true) && allows(o.capacityType)
      }
      return t.offerings.isEmpty ? nil : t
    }
    guard !types.isEmpty else {
      throw FleetPlanError(description: "all requested instance types were unavailable during launch")
    }
    types = filterReserved(types, allowed: allows(WellKnown.capacityTypeReserved))
    let hasMinValues = requirements.all.contains { $0.minValues != nil }
    if !hasMinValues {
      types = filterExotic(types)
      if allows(WellKnown.capacityTypeOnDemand) && allows(WellKnown.capacityTypeSpot) {
        types = filterSpot(types)
      }
    }

    // Reserved if allowed and offered, then spot, else on-demand (upstream's getCapacityType).
    var capacityType = WellKnown.capacityTypeOnDemand
    for candidate in [WellKnown.capacityTypeReserved, WellKnown.capacityTypeSpot]
    where types.contains(where: { $0.offerings.contains { $0.capacityType == candidate } }) {
      capacityType = candidate
      break
    }
    func allowed(_ type: InstanceType, _ o: Offering, capacityType: String) -> Bool {
      o.capacityType == capacityType
    }

    // Cheapest first (by the cheapest remaining offering), at most 60.
    func cheapest(_ t: InstanceType) -> Double { t.offerings.map(\.price).min() ?? .infinity }
    types.sort { (cheapest($0), $0.name) < (cheapest($1), $1.name) }
    types = Array(types.prefix(maxInstanceTypes))

    var configs: [String: [FleetOverride]] = [:]
    for type in types {
      guard let (template, imageID) = c.template(for: type) else { continue }
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
            instanceType: type.name, zone: subnet.zone, subnetID: subnet.id, imageID: imageID,
            priority: o.price,
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

  /// Upstream's reserved-offering filter: when reserved capacity is allowed and some type has it,
  /// only those types, each with only its reserved offerings.
  static func filterReserved(_ types: [InstanceType], allowed: Bool) -> [InstanceType] {
    guard allowed else { return types }
    let reserved: [InstanceType] = types.compactMap { type in
      var t = type
      t.offerings = type.offerings.filter { $0.capacityType == WellKnown.capacityTypeReserved }
      return t.offerings.isEmpty ? nil : t
    }
    return reserved.isEmpty ? types : reserved
  }

  /// Upstream's exotic-instance filter: leave out metal sizes and GPU or accelerator types
  /// when any other type will do, so that a plain pod does not land on a GPU by price alone.
  static func filterExotic(_ types: [InstanceType]) -> [InstanceType] {
    func exotic(_ t: InstanceType) -> Bool {
      if t.requirements["karpenter.k8s.aws/instance-size"]?.values.contains(where: { $0.contains("metal") })
        == true
      {
        return true
      }
      return [AMIVariant.gpuCountLabel, AMIVariant.acceleratorCountLabel].contains { key in
        guard let r = t.requirements[key] else { return false }
        return !r.complement && !r.values.isEmpty && r.values != ["0"]
      }
    }
    let generic = types.filter { !exotic($0) }
    return generic.isEmpty ? types : generic
  }

  /// Upstream's spot-offering filter: when both spot and on-demand are allowed, spot offerings
  /// dearer than the cheapest on-demand one are dropped (and types left with none).
  static func filterSpot(_ types: [InstanceType]) -> [InstanceType] {
    let all = types.flatMap(\.offerings)
    guard all.contains(where: { $0.capacityType == WellKnown.capacityTypeSpot }),
      let cheapestOnDemand = all.filter({ $0.capacityType == WellKnown.capacityTypeOnDemand }).map(\.price)
        .min()
    else { return types }
    return types.compactMap { type in
      var t = type
      t.offerings = type.offerings.filter {
        $0.capacityType != WellKnown.capacityTypeSpot || $0.price <= cheapestOnDemand
      }
      return t.offerings.isEmpty ? nil : t
    }
  }

  /// The class's `spec.tags` with Karpenter's own over them (upstream's `GetTags` plus the
  /// NodeClaim tag the tagging controller adds).
  public static func tags(_ claim: PlannedNodeClaim, nodeClaimName: String, context c: Context) -> [String:
    String]
  {
    var tags = c.nodeClassSpec.tags ?? [:]
    tags[AWSTags.cluster(c.clusterName)] = "owned"
    tags[AWSTags.nodePool] = claim.nodePool
    tags[AWSTags.nodeClass] = c.nodeClassName
    tags[AWSTags.eksClusterName] = c.clusterName
    tags[AWSTags.nodeClaim] = nodeClaimName
    return tags
  }
}
