import Controllers
import KarpenterAPI
import Scheduling

/// The provider's side of the simulated cloud: what Karpenter's AWS provider is to EC2, this is
/// to `SimulatedEC2`. It owns what the AWS provider owns, the instance types it sells to each
/// NodePool (the catalog) and the unavailable-offerings cache, and launches as the AWS
/// provider does: the cheapest available spot offering when spot is allowed and offered, else
/// the cheapest on-demand one; ties go to the instance type, then the zone, that sorts first.
///
/// Its methods are synchronous and throw ``CloudProviderError`` by type: the in-memory world
/// calls them directly from the `simulate` loop, which stays synchronous (no task and no
/// suspension per launch, for speed). The same methods make it a ``CloudProvider``: Swift lets
/// a synchronous method witness an `async throws` requirement, wrapping it for callers that
/// await the protocol, so nothing is written twice.
struct SimulatedCloudProvider: CloudProvider {
  let name = "simulated"
  /// The world's side, which the timeline also disturbs.
  var ec2 = SimulatedEC2()
  /// The instance types sold, with each offering's availability as of the last
  /// `refreshOfferings(at:)`; the scheduler reads them by index.
  var catalog: CloudCatalog
  /// Offerings a launch found without capacity (upstream's 3-minute cache).
  private(set) var unavailableOfferings = UnavailableOfferings()

  init(catalog: CloudCatalog) {
    self.catalog = catalog
  }

  /// Launches the NodeClaim on the cheapest offering its instance types mark available. When
  /// EC2 has no capacity for it, the offering goes into the unavailable-offerings cache and the
  /// error says which it was.
  mutating func create(_ claim: PlannedNodeClaim, name: String, at time: Double) throws(CloudProviderError)
    -> CloudInstance
  {
    guard let (type, offering) = claim.cheapestLaunch() else {
      throw .noOfferingAvailable(instanceTypes: claim.instanceTypes.count, nodeClaim: name)
    }
    do {
      try ec2.runInstance(name, type: type, offering: offering, at: time)
    } catch {
      unavailableOfferings.markUnavailable(error.offering, at: time)
      throw .insufficientCapacity(error.offering, nodeClaim: name, cause: error)
    }
    return CloudInstance(name: name, instanceType: type, offering: offering)
  }

  /// Terminates the NodeClaim's instance.
  mutating func delete(_ name: String) throws(CloudProviderError) {
    guard ec2.terminateInstance(name) != nil else { throw .nodeClaimNotFound(name) }
  }

  func get(_ name: String) throws(CloudProviderError) -> CloudInstance {
    guard let instance = ec2.instances[name] else { throw .nodeClaimNotFound(name) }
    return CloudInstance(name: name, instanceType: instance.instanceType, offering: instance.offering)
  }

  func list() -> [CloudInstance] {
    ec2.instances.keys.sorted().map {
      let instance = ec2.instances[$0]!
      return CloudInstance(name: $0, instanceType: instance.instanceType, offering: instance.offering)
    }
  }

  /// The NodePool's instance types (every type of the catalog when the catalog has no list
  /// for it), each offering available unless the cache holds it at `time`.
  func instanceTypes(for nodePool: NodePool, at time: Double) -> [InstanceType] {
    let indices = catalog.indicesByNodePool[nodePool.name] ?? Array(catalog.instanceTypes.indices)
    return indices.map { index in
      var type = catalog.instanceTypes[index]
      for o in type.offerings.indices {
        type.offerings[o].available = type.offerings[o].available && isAvailable(type.name, type.offerings[o], at: time)
      }
      return type
    }
  }

  /// An instance has drifted when the EC2NodeClass it was launched from has changed (its
  /// hash, stamped on the node at launch, no longer matches) or is gone.
  func isDrifted(_ node: StateNode, nodeClass: EC2NodeClass?) -> DriftReason? {
    guard let launchedFrom = node.nodeClassHash else { return nil }
    let current = nodeClass.map(NodePoolHashes.nodeClass)
    return launchedFrom == current ? nil : .nodeClassDrift
  }

  /// Forgets the cache's expired entries and returns the offerings it still holds, which
  /// Karpenter's view of the instance types (`ClusterStore.instanceTypes`) leaves out. The
  /// catalog itself keeps what the cloud sells.
  mutating func refreshOfferings(at time: Double) -> Set<OfferingKey> {
    unavailableOfferings.expire(at: time)
    return unavailableOfferings.offerings
  }

  /// Karpenter's view of an offering: available unless a launch on it failed within the TTL
  /// (the timeline's capacity windows are the world's and unknown to it).
  private func isAvailable(_ typeName: String, _ offering: Offering, at time: Double) -> Bool {
    let key = OfferingKey(instanceType: typeName, zone: offering.zone, capacityType: offering.capacityType)
    return !unavailableOfferings.isUnavailable(key, at: time)
  }
}
