import KarpenterAPI
import KubernetesAPI

/// A NodePool as the scheduler sees it.
public struct NodePoolTemplate: Sendable {
  public var name: String
  public var weight: Int
  /// The template's requirements.
  public var requirements: Requirements
  /// The template's labels, which every node of the pool gets.
  public var labels: [String: String]
  public var taints: [Taint]
  public var startupTaints: [Taint]
  /// What the pool may still launch (limits less what it already runs); nil when unlimited.
  public var remainingResources: Resources?
  /// How many more nodes the pool may launch (`limits.nodes`); nil when unlimited.
  public var remainingNodes: Int?
  /// Which of the run's instance types the pool may launch (its NodeClass's variant); nil for
  /// all of them.
  public var instanceTypeIndices: [Int]?

  public init(
    name: String, weight: Int = 0, requirements: Requirements, labels: [String: String] = [:],
    taints: [Taint] = [], startupTaints: [Taint] = [], remainingResources: Resources? = nil,
    remainingNodes: Int? = nil, instanceTypeIndices: [Int]? = nil
  ) {
    self.instanceTypeIndices = instanceTypeIndices
    self.name = name
    self.weight = weight
    self.requirements = requirements
    self.labels = labels
    self.taints = taints
    self.startupTaints = startupTaints
    self.remainingResources = remainingResources
    self.remainingNodes = remainingNodes
  }

  /// Requirements a node of this pool satisfies: the template's, its labels, and its name.
  var nodeRequirements: Requirements {
    var r = requirements
    r.add(Requirements(labels: labels))
    r.add(.exactly(WellKnown.nodePoolLabel, name))
    return r
  }
}

/// A node that already exists (or a NodeClaim already launched), with what its pods use.
public struct ExistingNode: Sendable {
  public var name: String
  public var labels: [String: String]
  /// `Requirements(labels: labels)`, when the caller keeps it made already; nil to have the
  /// scheduler make it.
  public var requirements: Requirements?
  public var taints: [Taint]
  public var allocatable: Resources
  public var requested: Resources
  public var hostPorts: [HostPort]
  /// Pods on the node, for topology counts.
  public var pods: [Pod]

  public init(
    name: String, labels: [String: String], requirements: Requirements? = nil, taints: [Taint],
    allocatable: Resources, requested: Resources, hostPorts: [HostPort] = [], pods: [Pod] = []
  ) {
    self.name = name
    self.labels = labels
    self.requirements = requirements
    self.taints = taints
    self.allocatable = allocatable
    self.requested = requested
    self.hostPorts = hostPorts
    self.pods = pods
  }
}

/// A DaemonSet's pod, which runs on every compatible node and so reduces what a new node
/// offers to other pods.
public struct DaemonSetPod: Sendable {
  public var pod: Pod
  public var requests: Resources

  public init(pod: Pod, requests: Resources) {
    self.pod = pod
    self.requests = requests
  }
}

/// How NodeClaims are packed.
public enum PackingStrategy: String, Sendable, CaseIterable {
  /// Upstream Karpenter's first-fit-decreasing; price compared only at launch.
  case firstFit = "first-fit"
  /// First-fit-decreasing, then each NodeClaim is split into cheaper ones where that lowers
  /// the price without bending a constraint.
  case costAware = "cost-aware"
}

/// How a hostname topology spread finds its global minimum.
public enum SkewRule: Sendable {
  /// Karpenter's: a new node can always be launched, so the minimum is 0 and a node holds at
  /// most maxSkew matching pods.
  case karpenter
  /// The kube-scheduler's: the minimum over the existing nodes the pod is eligible for, so a
  /// node may hold more once every eligible node holds some.
  case kubeScheduler
}

public struct SchedulingInput: Sendable {
  public var nodePools: [NodePoolTemplate]
  public var instanceTypes: [InstanceType]
  public var existingNodes: [ExistingNode]
  public var pods: [SchedulingPod]
  public var daemonSets: [DaemonSetPod]
  public var packing: PackingStrategy
  /// Pod index -> the node it was nominated for, tried before any other node.
  public var nominations: [Int: String]
  /// The names of the resource slots (``ResourceSchema/names``), for messages.
  public var resourceNames: [String] = ResourceSchema().names
  /// Whose rule a hostname topology spread follows.
  public var skewRule: SkewRule = .karpenter

  public init(
    nodePools: [NodePoolTemplate], instanceTypes: [InstanceType], existingNodes: [ExistingNode] = [],
    pods: [SchedulingPod], daemonSets: [DaemonSetPod] = [], packing: PackingStrategy = .costAware,
    nominations: [Int: String] = [:]
  ) {
    self.nominations = nominations
    self.nodePools = nodePools
    self.instanceTypes = instanceTypes
    self.existingNodes = existingNodes
    self.pods = pods
    self.daemonSets = daemonSets
    self.packing = packing
  }
}

/// A NodeClaim the scheduler wants launched.
public struct PlannedNodeClaim: Sendable {
  public var nodePool: String
  /// The NodeClaim's requirements: the pool's, narrowed by its pods and topology.
  public var requirements: Requirements
  /// Instance types that can host all its pods, cheapest first.
  public var instanceTypes: [InstanceType]
  /// Indices into the input's `pods`.
  public var pods: [Int]
  /// The pods' requests plus DaemonSet overhead.
  public var requests: Resources
  public var labels: [String: String]
  public var taints: [Taint]
  public var startupTaints: [Taint]
}

public struct SchedulingResult: Sendable {
  public var newNodeClaims: [PlannedNodeClaim] = []
  /// Pod index -> existing node name.
  public var existingPlacements: [Int: String] = [:]
  /// Pod index -> why it cannot be placed.
  public var unschedulable: [Int: String] = [:]

  public init() {}
}

extension PlannedNodeClaim {
  /// What Karpenter's AWS provider launches for this NodeClaim: the cheapest available spot
  /// offering when spot is allowed and some type offers it, else the cheapest on-demand one;
  /// ties go to the instance type, then the zone, that sorts first. Nil when nothing is
  /// available.
  public func cheapestLaunch() -> (type: InstanceType, offering: Offering)? {
    let spotAllowed = requirements[WellKnown.capacityTypeLabel]?.has(WellKnown.capacityTypeSpot) ?? true
    let zone = requirements[WellKnown.zoneLabel]
    let capacityType = requirements[WellKnown.capacityTypeLabel]
    let spot = WellKnown.capacityTypeSpot
    let onDemand = WellKnown.capacityTypeOnDemand
    // One pass for both capacity types, over positions rather than copies (an instance type is
    // hundreds of bytes, an offering holds two strings, and a claim has hundreds of types). An
    // offering dearer than both bests so far is passed over on its price alone; names and
    // zones are compared only when prices tie.
    var bestPrice = (spot: Double.infinity, onDemand: Double.infinity)
    var best: [(type: Int, offering: Int)?] = [nil, nil]  // spot, on-demand
    instanceTypes.withUnsafeBufferPointer { types in
      for t in types.indices {
        types[t].offerings.withUnsafeBufferPointer { offerings in
          for i in offerings.indices {
            let price = offerings[i].price
            guard offerings[i].available, price <= bestPrice.spot || price <= bestPrice.onDemand else {
              continue
            }
            let slot: Int
            if offerings[i].capacityType == spot {
              guard spotAllowed, price <= bestPrice.spot else { continue }
              slot = 0
            } else if offerings[i].capacityType == onDemand {
              guard price <= bestPrice.onDemand else { continue }
              slot = 1
            } else {
              continue
            }
            if let zone, !zone.has(offerings[i].zone) { continue }
            if let capacityType, !capacityType.has(offerings[i].capacityType) { continue }
            if let b = best[slot], price == types[b.type].offerings[b.offering].price,
              (types[b.type].name, types[b.type].offerings[b.offering].zone) <= (
                types[t].name, offerings[i].zone
              )
            {
              continue
            }
            best[slot] = (t, i)
            if slot == 0 { bestPrice.spot = price } else { bestPrice.onDemand = price }
          }
        }
      }
    }
    guard let chosen = best[0] ?? best[1] else { return nil }
    return (instanceTypes[chosen.type], instanceTypes[chosen.type].offerings[chosen.offering])
  }
}
