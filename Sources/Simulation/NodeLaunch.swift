import Controllers
import Foundation
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// The API server's and the cloud's side of a launch: the NodeClaim is created (its name from
/// generateName), launched through the cloud provider, and its Node record created.
extension Simulation {
  /// Creates a NodeClaim and launches it through the cloud provider, which picks the offering
  /// (see `SimulatedCloudProvider`), and creates its Node, which joins after `nodeStartup`
  /// (the kubelet stand-in) unless the timeline broke instances of that offering. On
  /// insufficient capacity the provider has marked the offering unavailable for 3 minutes, and
  /// Karpenter's view of the instance types follows.
  mutating func launch(_ claim: PlannedNodeClaim) -> LaunchOutcome {
    let name = namer.name(prefix: claim.nodePool)
    let instance: CloudInstance
    do throws(CloudProviderError) {
      instance = try cloud.create(claim, name: name, at: now)
    } catch {
      if case .insufficientCapacity = error.kind {
        queue.schedule(.offeringsChanged, at: now + UnavailableOfferings.ttl)
        refreshOfferings()
      }
      return .failed(name: name, error)
    }
    // An instance the provider created names both.
    guard let type = instance.instanceType, let offering = instance.offering else {
      preconditionFailure("the cloud provider created \(name) without its instance type and offering")
    }
    var labels = claim.labels
    for (k, v) in type.requirements.singleValueLabels { labels[k] = v }
    labels[WellKnown.zoneLabel] = offering.zone
    labels[WellKnown.capacityTypeLabel] = offering.capacityType
    labels[WellKnown.instanceTypeLabel] = type.name
    labels[WellKnown.hostnameLabel] = name
    labels[WellKnown.nodePoolLabel] = claim.nodePool
    store[node: name] = StateNode(
      name: name, nodePool: claim.nodePool, instanceType: type.name, zone: offering.zone,
      capacityType: offering.capacityType, price: offering.price, labels: labels, taints: claim.taints,
      startupTaints: claim.startupTaints, allocatable: type.allocatable, createdAt: now, ready: false,
      launchedAt: now)
    stampFromNodePool(name, launched: true)
    awaitingInitialization += 1
    store[node: name]!.lastPodEvent = now
    if cloud.ec2.joins(name) { queue.schedule(.nodeReady(name), at: now + nodeStartup) }
    lastActivity = now
    return .launched(
      LaunchedInstance(
        name: name, instanceType: type.name, zone: offering.zone, capacityType: offering.capacityType,
        price: offering.price))
  }

  /// What a node takes from its NodePool when its NodeClaim is created (or, for an input Node,
  /// at time 0): the template and EC2NodeClass hashes drift is judged by; Karpenter then tracks
  /// its expiry (and, for a NodeClaim it `launched`, its registration).
  mutating func stampFromNodePool(_ name: String, launched: Bool = false) {
    guard let pool = store.nodePool(named: store[node: name]?.nodePool) else {
      if launched { deliver(.nodeClaimCreated(name, launched: true)) }  // its NodePool is gone
      return
    }
    store[node: name]!.templateHash = hashes.template(pool)
    store[node: name]!.nodeClassHash = NodePoolHashes.nodeClass(pool, nodeClasses: store.nodeClasses)
    deliver(.nodeClaimCreated(name, launched: launched))
  }
}
