import Controllers
import InstanceCatalogs
import KarpenterAPI
import Scheduling
import Testing

@testable import AWSProvider

@Suite struct InstanceTypeAndFleetTests {
  static let prices = InstanceTypePrices(
    onDemand: ["m5.large": 0.096, "m5.xlarge": 0.192, "m6g.large": 0.077],
    spot: [
      "m5.large": ["us-east-1a": 0.04, "us-east-1b": 0.03],
      "m5.xlarge": ["us-east-1a": 0.08, "us-east-1b": 0.07],
    ])

  static func list(
    unavailable: UnavailableOfferings = UnavailableOfferings(), reservations: [CapacityReservation] = [],
    spec: EC2NodeClassSpec = EC2NodeClassSpec(amiSelectorTerms: [AMISelectorTerm(alias: "al2023@latest")])
  ) throws -> AWSInstanceTypeList {
    var schema = ResourceSchema()
    let facts = try ["m5.large", "m5.xlarge", "m6g.large"].map {
      try #require(AWSInstanceTypes.facts(named: $0))
    }
    return try InstanceTypeProvider.list(
      facts: facts, prices: prices, capacityReservations: reservations, nodeClass: spec,
      subnetZones: ["us-east-1a", "us-east-1b"], unavailable: unavailable, at: 100, schema: &schema)
  }

  @Test func offeringsCoverTheSubnetZonesOnly() throws {
    let types = try Self.list().instanceTypes
    #expect(types.map(\.name) == ["m5.large", "m5.xlarge", "m6g.large"])
    let m5 = types[0]
    #expect(Set(m5.offerings.map(\.zone)) == ["us-east-1a", "us-east-1b"])
    #expect(m5.offerings.first { $0.zone == "us-east-1b" && $0.capacityType == "spot" }?.price == 0.03)
    // No spot price for m6g.large: its spot offerings are unavailable.
    let m6g = types[2]
    #expect(m6g.offerings.filter { $0.capacityType == "spot" }.allSatisfy { !$0.available })
    #expect(
      m6g.offerings.filter { $0.capacityType == "on-demand" }.allSatisfy { $0.available && $0.price == 0.077 }
    )
  }

  @Test func regionLabelAndPublishedPriceFallback() throws {
    var schema = ResourceSchema()
    let facts = try #require(AWSInstanceTypes.facts(named: "c5.large"))
    let list = try InstanceTypeProvider.list(
      facts: [facts], offeringZones: ["c5.large": ["eu-west-1a"]], prices: InstanceTypePrices(),
      nodeClass: EC2NodeClassSpec(),
      subnetZones: ["eu-west-1a"], region: "eu-west-1", at: 0, schema: &schema)
    let type = try #require(list.instanceTypes.first)
    #expect(type.requirements[WellKnown.regionLabel]?.values == ["eu-west-1"])
    #expect(
      type.offerings.first { $0.capacityType == "on-demand" }
        == Offering(zone: "eu-west-1a", capacityType: "on-demand", price: facts.onDemandPrice))
    #expect(type.offerings.first { $0.capacityType == "spot" }?.available == false)
  }

  @Test func unavailableOfferingsAreMarked() throws {
    var cache = UnavailableOfferings()
    cache.markUnavailable(
      OfferingKey(instanceType: "m5.large", zone: "us-east-1a", capacityType: "spot"), at: 0)
    let m5 = try Self.list(unavailable: cache).instanceTypes[0]
    #expect(m5.offerings.first { $0.zone == "us-east-1a" && $0.capacityType == "spot" }?.available == false)
    #expect(m5.offerings.first { $0.zone == "us-east-1b" && $0.capacityType == "spot" }?.available == true)
  }

  @Test func reservationsAddReservedOfferings() throws {
    let list = try Self.list(reservations: [
      CapacityReservation(
        id: "cr-1", instanceType: "m5.large", zone: "us-east-1a", availableInstanceCount: 2),
      CapacityReservation(
        id: "cr-2", instanceType: "m5.large", zone: "us-east-1c", availableInstanceCount: 2),
    ])
    let reserved = list.instanceTypes[0].offerings.filter { $0.capacityType == "reserved" }
    #expect(reserved == [Offering(zone: "us-east-1a", capacityType: "reserved", price: 0.096 / 10_000_000)])
    #expect(list.reservations.map(\.reservationID) == ["cr-1"])
  }

  static let amis = AMIResolver.resolve(
    [
      Image(id: "ami-x86", name: "x", architecture: "x86_64", creationDate: "2024-01-01T00:00:00Z"),
      Image(id: "ami-arm", name: "a", architecture: "arm64", creationDate: "2024-01-01T00:00:00Z"),
    ], now: .init(timeIntervalSince1970: 0))

  static func context(
    unavailable: UnavailableOfferings = UnavailableOfferings(), reservations: [ReservedCapacity] = []
  ) -> FleetPlanner.Context {
    var spec = EC2NodeClassSpec()
    spec.tags = ["team": "a", "karpenter.sh/nodepool": "spoofed"]
    return FleetPlanner.Context(
      clusterName: "c", nodeClassName: "default", nodeClassSpec: spec, amis: amis,
      launchTemplates: ["ami-x86": "karpenter.k8s.aws/x86", "ami-arm": "karpenter.k8s.aws/arm"],
      zonalSubnets: [
        "us-east-1a": Subnet(
          id: "subnet-a", zone: "us-east-1a", zoneID: "use1-az1", availableIPAddressCount: 10),
        "us-east-1b": Subnet(
          id: "subnet-b", zone: "us-east-1b", zoneID: "use1-az2", availableIPAddressCount: 10),
      ], reservations: reservations, unavailable: unavailable)
  }

  static func claim(_ types: [InstanceType], capacityTypes: [String]? = nil) -> PlannedNodeClaim {
    var requirements = Requirements()
    if let capacityTypes {
      requirements.add(Requirement(key: WellKnown.capacityTypeLabel, operator: "In", values: capacityTypes))
    }
    var claim = PlannedNodeClaim(
      staticFrom: NodePoolTemplate(name: "default", requirements: Requirements()), instanceTypes: [])
    claim.requirements = requirements
    claim.instanceTypes = types
    return claim
  }

  @Test func spotWhenAllowedAndOffered() throws {
    let types = try Self.list().instanceTypes
    let plan = try FleetPlanner.plan(
      Self.claim(types), nodeClaimName: "default-abc", context: Self.context(), at: 100)
    #expect(plan.capacityType == "spot")
    #expect(plan.allocationStrategy == .priceCapacityOptimized)
    #expect(plan.defaultTargetCapacityType == "spot")
    #expect(plan.targetCapacity == 1)
    // m6g.large has no spot price: only the x86 template is used.
    #expect(plan.launchTemplateConfigs.map(\.launchTemplateName) == ["karpenter.k8s.aws/x86"])
    let overrides = plan.launchTemplateConfigs[0].overrides
    // m5.xlarge's spot in us-east-1a (0.08) costs more than m6g.large on-demand (0.077): dropped.
    #expect(
      overrides.map { "\($0.instanceType)/\($0.subnetID)/\($0.priority)" } == [
        "m5.large/subnet-b/0.03", "m5.large/subnet-a/0.04", "m5.xlarge/subnet-b/0.07",
      ])
    #expect(plan.instanceTypes == ["m5.large", "m5.xlarge"])
    #expect(
      plan.tags == [
        "team": "a", "karpenter.sh/nodepool": "default", "karpenter.k8s.aws/ec2nodeclass": "default",
        "kubernetes.io/cluster/c": "owned", "eks:eks-cluster-name": "c",
        "karpenter.sh/nodeclaim": "default-abc",
      ])
  }

  @Test func onDemandUsesLowestPriceAndEveryArchitecture() throws {
    let types = try Self.list().instanceTypes
    let plan = try FleetPlanner.plan(
      Self.claim(types, capacityTypes: ["on-demand"]), nodeClaimName: "n", context: Self.context(), at: 100)
    #expect(plan.capacityType == "on-demand")
    #expect(plan.allocationStrategy == .lowestPrice)
    #expect(
      plan.launchTemplateConfigs.map(\.launchTemplateName) == [
        "karpenter.k8s.aws/arm", "karpenter.k8s.aws/x86",
      ])
    #expect(plan.instanceTypes == ["m6g.large", "m5.large", "m5.xlarge"])
  }

  @Test func reservedFirstWhenAvailable() throws {
    let list = try Self.list(reservations: [
      CapacityReservation(id: "cr-1", instanceType: "m5.large", zone: "us-east-1a", availableInstanceCount: 1)
    ])
    let plan = try FleetPlanner.plan(
      Self.claim(list.instanceTypes), nodeClaimName: "n",
      context: Self.context(reservations: list.reservations), at: 100)
    #expect(plan.capacityType == "reserved")
    #expect(plan.defaultTargetCapacityType == "on-demand")
    #expect(plan.launchTemplateConfigs.flatMap(\.overrides).map(\.capacityReservationID) == ["cr-1"])
  }

  @Test func spotFallsBackToOnDemandWhenSpotIsHeld() throws {
    var cache = UnavailableOfferings()
    for type in ["m5.large", "m5.xlarge"] {
      for zone in ["us-east-1a", "us-east-1b"] {
        cache.markUnavailable(OfferingKey(instanceType: type, zone: zone, capacityType: "spot"), at: 90)
      }
    }
    let types = try Self.list().instanceTypes
    let plan = try FleetPlanner.plan(
      Self.claim(types), nodeClaimName: "n", context: Self.context(unavailable: cache), at: 100)
    #expect(plan.capacityType == "on-demand")
  }

  @Test func nothingAvailableIsAnError() throws {
    let types = try Self.list().instanceTypes
    #expect(throws: FleetPlanError.self) {
      try FleetPlanner.plan(
        Self.claim(types, capacityTypes: ["reserved"]), nodeClaimName: "n", context: Self.context(), at: 100)
    }
  }

  @Test func capsAtSixtyTypes() throws {
    let base = try Self.list().instanceTypes[0]
    let many = (0..<80).map { i -> InstanceType in
      var t = base
      t.name = "type-\(i)"
      t.offerings = [Offering(zone: "us-east-1a", capacityType: "on-demand", price: Double(100 - i))]
      return t
    }
    let plan = try FleetPlanner.plan(Self.claim(many), nodeClaimName: "n", context: Self.context(), at: 100)
    #expect(plan.instanceTypes.count == 60)
    #expect(plan.instanceTypes.first == "type-79")
  }

  @Test func insufficientCapacityMarksOfferings() throws {
    let types = try Self.list().instanceTypes
    let plan = try FleetPlanner.plan(Self.claim(types), nodeClaimName: "n", context: Self.context(), at: 100)
    let outcome = FleetOutcome(
      FleetResult(errors: [
        FleetError(
          code: "InsufficientInstanceCapacity", message: "no capacity", instanceType: "m5.large",
          zone: "us-east-1b", subnetID: "subnet-b"),
        FleetError(
          code: "InsufficientFreeAddressesInSubnet", message: "full", instanceType: "m5.xlarge",
          zone: "us-east-1a", subnetID: "subnet-a"),
      ]), plan: plan, nodeClaim: "n")
    #expect(
      outcome.unavailableOfferings == [
        OfferingKey(instanceType: "m5.large", zone: "us-east-1b", capacityType: "spot"),
        OfferingKey(instanceType: "m5.xlarge", zone: "us-east-1a", capacityType: "spot"),
      ])
    #expect(outcome.unavailableSubnets == ["subnet-a"])
    let error = try #require(outcome.error)
    #expect(
      error.kind
        == .insufficientCapacity(
          OfferingKey(instanceType: "m5.large", zone: "us-east-1b", capacityType: "spot")))
  }

  @Test func otherErrorsFailTheLaunch() throws {
    let types = try Self.list().instanceTypes
    let plan = try FleetPlanner.plan(Self.claim(types), nodeClaimName: "n", context: Self.context(), at: 100)
    let outcome = FleetOutcome(
      FleetResult(errors: [
        FleetError(
          code: "AuthFailure.ServiceLinkedRoleCreationNotPermitted", message: "no SLR",
          instanceType: "m5.large", zone: "us-east-1a"),
        FleetError(
          code: "InvalidAMIID.NotFound", message: "gone", instanceType: "m5.large", zone: "us-east-1b"),
      ]), plan: plan, nodeClaim: "n")
    #expect(outcome.unavailableCapacityTypes == ["spot"])
    #expect(outcome.error?.kind == .failed)
    #expect(
      outcome.error?.message
        == "NodeClaim n could not be launched: SpotSLRCreationFailed: User does not have sufficient permission to create the Spot ServiceLinkedRole to launch spot instances"
    )
    let launched = FleetOutcome(
      FleetResult(instanceID: "i-1", instanceType: "m5.large", zone: "us-east-1b"), plan: plan, nodeClaim: "n"
    )
    #expect(launched.error == nil)
    #expect(launched.launched?.id == "i-1")
  }

  @Test func errorCodeClassification() {
    #expect(AWSErrorCode.isUnfulfillableCapacity("VcpuLimitExceeded"))
    #expect(!AWSErrorCode.isUnfulfillableCapacity("InvalidParameterValue"))
    #expect(AWSErrorCode.isLaunchTemplateNotFound("InvalidLaunchTemplateName.NotFoundException"))
    #expect(AWSErrorCode.isNotFound("InvalidInstanceID.NotFound"))
    #expect(
      AWSErrorCode.reasonMessage("VcpuLimitExceeded: You have requested more vCPU").reason
        == "VCPULimitExceeded")
    #expect(AWSErrorCode.reasonMessage("weird").reason == "LaunchFailed")
  }

  @Test func exoticTypesOnlyWhenNothingElseWill() throws {
    let base = try Self.list().instanceTypes[0]
    let gpu = InstanceType(
      name: "g4dn.xlarge", labels: [WellKnown.archLabel: "amd64", AMIVariant.gpuCountLabel: "1"],
      offerings: [Offering(zone: "us-east-1a", capacityType: "on-demand", price: 0.01)],
      capacity: Resources(), overhead: Resources())
    let plan = try FleetPlanner.plan(
      Self.claim([gpu, base], capacityTypes: ["on-demand"]), nodeClaimName: "n", context: Self.context(),
      at: 100)
    #expect(plan.instanceTypes == ["m5.large"])
    let onlyGPU = try FleetPlanner.plan(
      Self.claim([gpu], capacityTypes: ["on-demand"]), nodeClaimName: "n", context: Self.context(), at: 100)
    #expect(onlyGPU.instanceTypes == ["g4dn.xlarge"])
  }

  @Test func spotDearerThanOnDemandIsDropped() throws {
    func type(_ name: String, _ offerings: [Offering]) -> InstanceType {
      InstanceType(
        name: name, labels: [WellKnown.archLabel: "amd64"], offerings: offerings, capacity: Resources(),
        overhead: Resources())
    }
    let cheapOD = type("a", [Offering(zone: "us-east-1a", capacityType: "on-demand", price: 0.05)])
    let dearSpot = type("b", [Offering(zone: "us-east-1a", capacityType: "spot", price: 0.06)])
    let cheapSpot = type("c", [Offering(zone: "us-east-1b", capacityType: "spot", price: 0.02)])
    let plan = try FleetPlanner.plan(
      Self.claim([cheapOD, dearSpot, cheapSpot]), nodeClaimName: "n", context: Self.context(), at: 100)
    #expect(plan.capacityType == "spot")
    #expect(plan.instanceTypes == ["c"])
  }
}
