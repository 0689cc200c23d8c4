import Controllers
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// How a static NodePool's NodeClaims stand, as upstream's NodePoolState counts them: active
/// (launching or running, not marked), pending disruption (a drift command's nodes waiting for
/// their replacement) and deleting (terminating).
struct StaticPoolCount: Equatable {
  var active = 0
  var pendingDisruption = 0
  var deleting = 0

  /// Every NodeClaim of the pool: what `limits.nodes` caps.
  var total: Int { active + pendingDisruption + deleting }
}

/// Static NodePools (`spec.replicas`, behind the staticCapacity feature gate): upstream's static
/// provisioning and deprovisioning controllers. A static pool keeps exactly `replicas` nodes
/// whatever the pods: it launches NodeClaims from its template alone (the cloud picks the
/// cheapest offering the requirements allow), never within `limits.nodes` of its NodeClaims
/// counting those being disrupted or deleted, and on scale-down deletes the surplus (empty
/// nodes first, then the cheapest to disrupt), bypassing disruption budgets; the drain still
/// honours PodDisruptionBudgets and do-not-disrupt until terminationGracePeriod. The dynamic
/// provisioner and consolidation leave static pools alone; drift and expiration replace their
/// nodes (Drift.swift, Termination.swift).
extension Simulation {
  /// Upstream's reason for the NodeClaims a scale-down deletes.
  static let scaleDownReason = NodeRemovalReason.overprovisioned

  var staticCapacityEnabled: Bool { input.scenario.spec?.featureGates?.staticCapacity == true }

  /// Runs the static controllers at the current time (once, however many things asked).
  /// Upstream's controllers reconcile a static NodePool when it changes and when one of its
  /// NodeClaims is created or deleted; nothing happens without the feature gate.
  mutating func requestStaticCapacity() {
    guard staticCapacityEnabled, !staticCapacityScheduled,
      store.nodePools.contains(where: \.isStatic)
    else { return }
    staticCapacityScheduled = true
    queue.schedule(.staticCapacity, at: now)
  }

  func staticCount(_ pool: String) -> StaticPoolCount {
    let marked = Set(commands.values.filter(\.executing).flatMap(\.nodes))
    var count = StaticPoolCount()
    for node in store.nodes.values where node.nodePool == pool {
      if marked.contains(node.name) {
        count.pendingDisruption += 1
      } else if node.disruption != nil {
        count.deleting += 1
      } else {
        count.active += 1
      }
    }
    return count
  }

  /// `limits.nodes` of the pool, nil when it has none.
  static func nodeLimit(_ pool: NodePool) -> Int? {
    (pool.spec?.limits?["nodes"]).map { Int(clamping: $0.value) }
  }

  /// How many more NodeClaims the pool's `limits.nodes` lets it have now (Int.max without one).
  func staticRoom(_ pool: NodePool) -> Int {
    guard let limit = Self.nodeLimit(pool) else { return Int.max }
    return max(0, limit - staticCount(pool.name).total)
  }

  /// Both static controllers, for every static NodePool in name order.
  mutating func reconcileStaticCapacity() {
    guard staticCapacityEnabled else { return }
    for pool in store.nodePools where pool.isStatic {
      let desired = Int(clamping: pool.spec?.replicas ?? 0)
      let count = staticCount(pool.name)
      if count.active > desired {
        scaleDown(pool, by: count.active - desired, count: count)
      } else if count.active + count.pendingDisruption < desired {
        // Upstream asks for desired - active (nodes pending disruption are not subtracted),
        // within what limits.nodes leaves.
        scaleUp(pool, by: min(desired - count.active, staticRoom(pool)), count: count)
      }
    }
  }

  // MARK: Scale-up

  private mutating func scaleUp(_ pool: NodePool, by wanted: Int, count: StaticPoolCount) {
    let desired = Int(clamping: pool.spec?.replicas ?? 0)
    guard wanted > 0 else {
      log(
        "static.provisioning", "nodepool node limit reached",
        ["NodePool": pool.name, "current": String(count.active), "desired": String(desired)])
      return
    }
    log(
      "static.provisioning", "provisioning nodeclaims to satisfy replica count",
      [
        "NodePool": pool.name, "current": String(count.active), "desired": String(desired),
        "provision-count": String(wanted),
      ])
    // One NodeClaim shape serves every launch until a launch fails (the offerings changed).
    var claim = staticNodeClaim(pool)
    var launched = 0
    while launched < wanted, let planned = claim {
      let why = "static NodePool \(pool.name) (\(count.active + launched) of \(desired) replicas)"
      if launch(planned, pods: [], reason: why) != nil {
        launched += 1
      } else if planned.cheapestLaunch() == nil {
        // No offering is available now: the launch failure is reported once; the controller
        // tries again when offerings change or a NodeClaim of the pool goes.
        break
      } else {
        // The offering had no capacity: it is marked unavailable for 3 minutes and the next
        // NodeClaim goes to another one, as upstream's replacement NodeClaim would.
        claim = staticNodeClaim(pool)
      }
    }
  }

  /// A NodeClaim from the pool's template, with the instance types and offerings as Karpenter
  /// knows them now.
  func staticNodeClaim(_ pool: NodePool) -> PlannedNodeClaim? {
    guard let templateSpec = pool.spec?.template?.spec else { return nil }
    let template = NodePoolTemplate(
      name: pool.name, requirements: Requirements(nodePoolRequirements: templateSpec.requirements ?? []),
      labels: pool.spec?.template?.metadata?.labels ?? [:], taints: templateSpec.taints ?? [],
      startupTaints: templateSpec.startupTaints ?? [],
      instanceTypeIndices: store.instanceTypes.indicesByNodePool[pool.name])
    return PlannedNodeClaim(staticFrom: template, instanceTypes: store.instanceTypes.all)
  }

  // MARK: Scale-down

  private mutating func scaleDown(_ pool: NodePool, by surplus: Int, count: StaticPoolCount) {
    let chosen = scaleDownCandidates(pool, count: surplus)
    log(
      "static.deprovisioning", "deprovisioning nodeclaims to satisfy replica count",
      [
        "NodePool": pool.name, "current": String(count.active),
        "desired": String(pool.spec?.replicas ?? 0), "deprovision-count": String(surplus),
        "NodeClaims": chosen.joined(separator: ","),
      ])
    for name in chosen {
      deliver(.delete(Deletion(node: name, reason: Self.scaleDownReason)))
    }
  }

  /// Upstream's choice of the NodeClaims a scale-down deletes: empty nodes first (no pods but
  /// DaemonSet pods, none of them do-not-disrupt; not yet registered ones included), then nodes
  /// without do-not-disrupt pods before those with, each cheapest to disrupt first (the pods'
  /// eviction costs times the share of expireAfter left). Ties go by name.
  func scaleDownCandidates(_ pool: NodePool, count: Int) -> [String] {
    let marked = Set(commands.values.filter(\.executing).flatMap(\.nodes))
    var empty: [String] = []
    var occupied: [(name: String, doNotDisrupt: Bool, cost: Double)] = []
    for name in store.nodeNames {
      let node = store[node: name]!
      guard node.nodePool == pool.name, node.disruption == nil, !marked.contains(name) else { continue }
      let podsOnNode = node.pods.sorted().compactMap { store[pod: $0] }
      let doNotDisrupt = podsOnNode.contains(where: doNotDisrupt)
      if !doNotDisrupt && podsOnNode.allSatisfy(\.isDaemon) {
        empty.append(name)
        continue
      }
      let cost = podsOnNode.reduce(0.0) { $0 + evictionCost($1) } * lifetimeRemaining(node, pool)
      occupied.append((name, doNotDisrupt, cost))
    }
    occupied.sort {
      ($0.doNotDisrupt ? 1 : 0, $0.cost, $0.name) < ($1.doNotDisrupt ? 1 : 0, $1.cost, $1.name)
    }
    return Array((empty + occupied.map(\.name)).prefix(count))
  }

  // MARK: Drift

  /// Upstream's static drift: a drifted node of a static pool is replaced one for one by a
  /// NodeClaim from the template, within the "Drifted" budgets, while the pool is not scaled
  /// beyond its replicas and `limits.nodes` leaves room for the replacement. Nil when the
  /// node must wait.
  func staticDriftCommand(_ name: String, pool: NodePool, why: String) -> DisruptionCommand? {
    let count = staticCount(pool.name)
    guard count.active + count.pendingDisruption <= Int(clamping: pool.spec?.replicas ?? 0),
      staticRoom(pool) >= 1, let claim = staticNodeClaim(pool)
    else { return nil }
    return DisruptionCommand(
      id: 0, reason: .drifted, nodes: [name], replacements: [claim],
      replacementPods: [store.reschedulablePods(on: name)],
      message:
        "\(name) drifted: \(why); replaced by a new node of static NodePool \(pool.name), then drained (\(store.reschedulablePods(on: name).count) pods move)"
    )
  }
}
