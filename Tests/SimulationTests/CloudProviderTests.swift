import Controllers
import KarpenterAPI
import KubernetesAPI
import Testing

@testable import Scheduling
@testable import Simulation

/// The simulated cloud provider driven through the `CloudProvider` protocol, as a controller
/// would drive any provider: every call below awaits the protocol's async requirements (see
/// `Through`), while the world's side (`SimulatedEC2`) is disturbed directly, as the timeline
/// does.
@Suite struct CloudProviderTests {
  static let spot = WellKnown.capacityTypeSpot
  static let onDemand = WellKnown.capacityTypeOnDemand
  static let smallSpotA = OfferingKey(instanceType: "small", zone: "zone-a", capacityType: spot)
  static let smallSpotB = OfferingKey(instanceType: "small", zone: "zone-b", capacityType: spot)

  /// Two instance types; the cheapest launch is small spot in zone-a, then small spot in zone-b.
  static func provider() -> SimulatedCloudProvider {
    func type(_ name: String, _ offerings: [(String, String, Double)]) -> InstanceType {
      InstanceType(
        name: name, labels: [:],
        offerings: offerings.map { Offering(zone: $0.0, capacityType: $0.1, price: $0.2) },
        capacity: Resources(cpuMilli: 4000, memory: 8 << 30, pods: 110), overhead: Resources())
    }
    let catalog = CloudCatalog(
      zones: ["zone-a", "zone-b"],
      instanceTypes: [
        type("large", [("zone-a", spot, 0.2), ("zone-a", onDemand, 0.4)]),
        type("small", [("zone-a", spot, 0.1), ("zone-b", spot, 0.12), ("zone-a", onDemand, 0.2)]),
      ])
    return SimulatedCloudProvider(catalog: catalog)
  }

  @Test func theCheapestAvailableOfferingIsLaunched() async throws {
    var provider = Self.provider()
    let instance = try await Through.launch(&provider, "default-1", at: 0)
    #expect(instance.name == "default-1")
    #expect(instance.instanceType?.name == "small")
    #expect(instance.offering == Offering(zone: "zone-a", capacityType: Self.spot, price: 0.1))
  }

  @Test func insufficientCapacityMarksTheOfferingAndTheNextLaunchPicksAnother() async throws {
    var provider = Self.provider()
    provider.ec2.disturb([Self.smallSpotA], failure: .launch, until: 3600)

    let error = try #require(await Through.launchError(&provider, "default-1", at: 10))
    #expect(error.kind == .insufficientCapacity(Self.smallSpotA))
    #expect(error.cause is SimulatedEC2.InsufficientInstanceCapacity)
    #expect(
      error.description
        == "Insufficient capacity: NodeClaim default-1 could not launch on small spot in zone-a, which is unavailable for 3m (InsufficientInstanceCapacity: no capacity for small/zone-a/spot now)"
    )
    #expect(try await Through.isAvailable(provider, Self.smallSpotA, at: 10) == false)
    #expect(try await Through.list(provider).isEmpty)

    let next = try await Through.launch(&provider, "default-2", at: 10)
    #expect(next.offering.map { OfferingKey(next.instanceType!, $0) } == Self.smallSpotB)
  }

  @Test func anUnavailableOfferingIsTriedAgainAfterThreeMinutes() async throws {
    var provider = Self.provider()
    provider.ec2.disturb([Self.smallSpotA], failure: .launch, until: 60)
    _ = await Through.launchError(&provider, "default-1", at: 10)

    #expect(provider.unavailableOfferings.expiry(of: Self.smallSpotA) == 190)
    #expect(try await Through.isAvailable(provider, Self.smallSpotA, at: 189.9) == false)
    #expect(try await Through.launch(&provider, "default-2", at: 189.9).offering?.zone == "zone-b")
    #expect(try await Through.isAvailable(provider, Self.smallSpotA, at: 190))
    #expect(try await Through.launch(&provider, "default-3", at: 190).offering?.zone == "zone-a")
  }

  @Test func aClaimWithNoAvailableOfferingIsRefused() async throws {
    var provider = Self.provider()
    var types = provider.catalog.instanceTypes
    for t in types.indices {
      for o in types[t].offerings.indices { types[t].offerings[o].available = false }
    }
    let error = try #require(await Through.createError(&provider, Through.claim(types), "default-1", at: 0))
    #expect(error.kind == .noOfferingAvailable(instanceTypes: 2))
    #expect(error.cause == nil)
    #expect(
      await Through.createError(&provider, Through.claim([]), "default-2", at: 0)?.kind
        == .noOfferingAvailable(instanceTypes: 0))
    #expect(try await Through.list(provider).isEmpty)
  }

  @Test func deletingAnInstanceThatIsNotThereThrowsNodeClaimNotFound() async throws {
    var provider = Self.provider()
    #expect(
      await Through.deleteError(&provider, "never-launched")?.kind == .nodeClaimNotFound("never-launched"))

    _ = try await Through.launch(&provider, "default-1", at: 0)
    #expect(await Through.deleteError(&provider, "default-1") == nil)
    #expect(await Through.deleteError(&provider, "default-1")?.kind == .nodeClaimNotFound("default-1"))
  }

  @Test func getAndListAnswerFromTheRunningInstances() async throws {
    var provider = Self.provider()
    _ = try await Through.launch(&provider, "default-2", at: 0)
    _ = try await Through.launch(&provider, "default-1", at: 0)
    provider.ec2.adopt("input-node", type: nil, offering: nil)
    #expect(try await Through.list(provider).map(\.name) == ["default-1", "default-2", "input-node"])
    #expect(try await Through.get(provider, "default-1").offering?.price == 0.1)
    #expect(try await Through.get(provider, "input-node").instanceType == nil)

    _ = await Through.deleteError(&provider, "default-1")
    provider.ec2.lose("input-node")  // terminated from outside Karpenter
    #expect(try await Through.list(provider).map(\.name) == ["default-2"])
    do {
      _ = try await Through.get(provider, "input-node")
      Issue.record("a lost instance was found")
    } catch let error as CloudProviderError {
      #expect(error.kind == .nodeClaimNotFound("input-node"))
      #expect(error.description == "NodeClaim not found: NodeClaim input-node has no instance in the cloud")
    }
  }

  @Test func instancesLaunchedInANeverJoiningWindowRunButNeverJoin() async throws {
    var provider = Self.provider()
    provider.ec2.disturb([Self.smallSpotA], failure: .registration, until: 600)

    _ = try await Through.launch(&provider, "default-1", at: 0)
    #expect(try await Through.list(provider).map(\.name) == ["default-1"])
    #expect(!provider.ec2.joins("default-1"))
    // The provider cannot tell: the offering stays available to Karpenter.
    #expect(try await Through.isAvailable(provider, Self.smallSpotA, at: 0))

    provider.ec2.expire(at: 600)
    _ = try await Through.launch(&provider, "default-2", at: 600)
    #expect(provider.ec2.joins("default-2"))
  }

  @Test func anInstanceDriftsWhenItsEC2NodeClassChangesOrGoes() async throws {
    let provider = Self.provider()
    let nodeClass = EC2NodeClass(
      metadata: ObjectMeta(name: "default"), spec: EC2NodeClassSpec(amiFamily: "AL2023"))
    var node = StateNode(
      name: "default-1", nodePool: "default", instanceType: "small", zone: "zone-a", capacityType: Self.spot,
      price: 0.1, labels: [:], taints: [], allocatable: Resources(), createdAt: 0, ready: true)
    #expect(try await Through.isDrifted(provider, node, nodeClass) == nil)  // nothing stamped

    node.nodeClassHash = NodePoolHashes.nodeClass(nodeClass)
    #expect(try await Through.isDrifted(provider, node, nodeClass) == nil)
    var changed = nodeClass
    changed.spec?.amiFamily = "Bottlerocket"
    #expect(try await Through.isDrifted(provider, node, changed) == .nodeClassDrift)
    #expect(try await Through.isDrifted(provider, node, nil) == .nodeClassDrift)
  }
}

/// Calls through the `CloudProvider` protocol: generic over it, so each call awaits the
/// protocol's async requirement rather than the simulated provider's synchronous method.
enum Through {
  static let nodePool = NodePool(metadata: ObjectMeta(name: "default"), spec: NodePoolSpec())

  /// A NodeClaim of the default NodePool that may launch on `types`.
  static func claim(_ types: [InstanceType]) -> PlannedNodeClaim {
    PlannedNodeClaim(
      nodePool: "default", requirements: Requirements(), instanceTypes: types, pods: [],
      requests: Resources(),
      labels: [:], taints: [], startupTaints: [])
  }

  static func create<P: CloudProvider>(
    _ provider: inout P, _ claim: PlannedNodeClaim, _ name: String, at time: Double
  ) async throws -> CloudInstance {
    try await provider.create(claim, name: name, at: time)
  }

  /// The error a create fails with; nil when it succeeds.
  static func createError<P: CloudProvider>(
    _ provider: inout P, _ claim: PlannedNodeClaim, _ name: String, at time: Double
  ) async -> CloudProviderError? {
    do {
      _ = try await create(&provider, claim, name, at: time)
      return nil
    } catch {
      return error as? CloudProviderError
    }
  }

  /// What the provisioner does: plans on the NodePool's instance types as the provider gives
  /// them at `time` (all fit here), then launches.
  static func launch<P: CloudProvider>(_ provider: inout P, _ name: String, at time: Double) async throws
    -> CloudInstance
  {
    let types = try await provider.instanceTypes(for: nodePool, at: time)
    return try await create(&provider, claim(types), name, at: time)
  }

  /// The error a launch fails with; nil when it succeeds.
  static func launchError<P: CloudProvider>(_ provider: inout P, _ name: String, at time: Double) async
    -> CloudProviderError?
  {
    do {
      _ = try await launch(&provider, name, at: time)
      return nil
    } catch {
      return error as? CloudProviderError
    }
  }

  /// The error a delete fails with; nil when it succeeds.
  static func deleteError<P: CloudProvider>(_ provider: inout P, _ name: String) async -> CloudProviderError?
  {
    do {
      try await provider.delete(name)
      return nil
    } catch {
      return error as? CloudProviderError
    }
  }

  static func get(_ provider: some CloudProvider, _ name: String) async throws -> CloudInstance {
    try await provider.get(name)
  }

  static func list(_ provider: some CloudProvider) async throws -> [CloudInstance] {
    try await provider.list()
  }

  /// Whether the provider offers the offering as available at `time`.
  static func isAvailable(_ provider: some CloudProvider, _ key: OfferingKey, at time: Double) async throws
    -> Bool
  {
    let types = try await provider.instanceTypes(for: nodePool, at: time)
    let type = try #require(types.first { $0.name == key.instanceType })
    let offering = try #require(type.offerings.first { OfferingKey(type, $0) == key })
    return offering.available
  }

  static func isDrifted(_ provider: some CloudProvider, _ node: StateNode, _ nodeClass: EC2NodeClass?)
    async throws
    -> DriftReason?
  {
    try await provider.isDrifted(node, nodeClass: nodeClass)
  }
}
