import KarpenterAPI
import KubernetesAPI
import Scheduling

/// Static NodePools (`spec.replicas`, behind the staticCapacity feature gate): upstream's static
/// provisioning and deprovisioning controllers. A static pool keeps exactly `replicas` nodes
/// whatever the pods: it launches NodeClaims from its template alone (the cloud picks the
/// cheapest offering the requirements allow), never within `limits.nodes` of its NodeClaims
/// counting those being disrupted or deleted, and on scale-down deletes the surplus (empty
/// nodes first, then the cheapest to disrupt), bypassing disruption budgets; the drain still
/// honours PodDisruptionBudgets and do-not-disrupt until terminationGracePeriod. The dynamic
/// provisioner and consolidation leave static pools alone; drift and expiration replace their
/// nodes (Drift.swift, Termination.swift).
struct StaticCapacityController: Sendable {
  /// Upstream's reason for the NodeClaims a scale-down deletes.
  static let scaleDownReason = NodeRemovalReason.overprovisioned

  /// A scale-up waiting for its launches' answers.
  struct ScaleUp: Sendable {
    var pool: NodePool
    var wanted: Int
    var launched = 0
    var claim: PlannedNodeClaim
    var activeAtStart: Int
    var desired: Int
  }

  /// Whether a pass is due (or under way: it ends when its last launch has answered).
  var scheduled = false
  /// The pools of the pass still to reconcile, and the scale-up under way.
  var remaining: [NodePool] = []
  var scalingUp: ScaleUp?
  /// The nodes of disruption commands being carried out (lent with the reconcile).
  var marked: Set<String> = []
  var reconcile = Reconcile(now: 0, store: ClusterStore())

  mutating func lend(_ r: inout Reconcile, marked: Set<String>) {
    swap(&reconcile, &r)
    self.marked = marked
  }
  mutating func giveBack(_ r: inout Reconcile) { swap(&reconcile, &r) }

  var store: ClusterStore { reconcile.store }
  var now: Double { reconcile.now }

  /// Runs the static controllers at the current time (once, however many things asked).
  /// Upstream's controllers reconcile a static NodePool when it changes and when one of its
  /// NodeClaims is created or deleted; nothing happens without the feature gate.
  mutating func request() {
    guard reconcile.settings.staticCapacity, !scheduled, store.nodePools.contains(where: \.isStatic) else { return }
    scheduled = true
    reconcile.wake(at: now, .staticCapacity)
  }

  func staticCount(_ pool: String) -> StaticPoolCount { store.staticCount(pool, marked: marked) }
  func staticRoom(_ pool: NodePool) -> Int { store.staticRoom(pool, marked: marked) }

  /// Both static controllers, for every static NodePool in name order.
  mutating func run() {
    guard reconcile.settings.staticCapacity else {
      scheduled = false
      return
    }
    remaining = store.nodePools.filter(\.isStatic)
    next()
  }

  /// Reconciles the next pool of the pass; the pass ends when none is left and no launch is
  /// awaited (what the pass itself asked for is then done).
  private mutating func next() {
    while scalingUp == nil, !remaining.isEmpty {
      let pool = remaining.removeFirst()
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
    if scalingUp == nil { scheduled = false }
  }

  // MARK: Scale-up

  private mutating func scaleUp(_ pool: NodePool, by wanted: Int, count: StaticPoolCount) {
    let desired = Int(clamping: pool.spec?.replicas ?? 0)
    guard wanted > 0 else {
      reconcile.log(
        "static.provisioning", "nodepool node limit reached",
        ["NodePool": pool.name, "current": String(count.active), "desired": String(desired)])
      return
    }
    reconcile.log(
      "static.provisioning", "provisioning nodeclaims to satisfy replica count",
      [
        "NodePool": pool.name, "current": String(count.active), "desired": String(desired),
        "provision-count": String(wanted),
      ])
    // One NodeClaim shape serves every launch until a launch fails (the offerings changed).
    guard let claim = store.staticNodeClaim(pool) else { return }
    scalingUp = ScaleUp(pool: pool, wanted: wanted, claim: claim, activeAtStart: count.active, desired: desired)
    launchNext()
  }

  private mutating func launchNext() {
    guard let s = scalingUp else { return }
    let why = "static NodePool \(s.pool.name) (\(s.activeAtStart + s.launched) of \(s.desired) replicas)"
    reconcile.effects.append(.launch(LaunchRequest(claim: s.claim, pods: [], reason: why, origin: .staticPool(s.pool.name))))
  }

  /// A scale-up launch answered.
  mutating func launched(_ name: String?) {
    guard var s = scalingUp else { return }
    if name != nil {
      s.launched += 1
    } else if s.claim.cheapestLaunch() == nil {
      // No offering is available now: the launch failure is reported once; the controller
      // tries again when offerings change or a NodeClaim of the pool goes.
      scalingUp = nil
      next()
      return
    } else {
      // The offering had no capacity: it is marked unavailable for 3 minutes and the next
      // NodeClaim goes to another one, as upstream's replacement NodeClaim would.
      guard let claim = store.staticNodeClaim(s.pool) else {
        scalingUp = nil
        next()
        return
      }
      s.claim = claim
    }
    if s.launched < s.wanted {
      scalingUp = s
      launchNext()
    } else {
      scalingUp = nil
      next()
    }
  }

  // MARK: Scale-down

  private mutating func scaleDown(_ pool: NodePool, by surplus: Int, count: StaticPoolCount) {
    let chosen = scaleDownCandidates(pool, count: surplus)
    reconcile.log(
      "static.deprovisioning", "deprovisioning nodeclaims to satisfy replica count",
      [
        "NodePool": pool.name, "current": String(count.active),
        "desired": String(pool.spec?.replicas ?? 0), "deprovision-count": String(surplus),
        "NodeClaims": chosen.joined(separator: ","),
      ])
    for name in chosen {
      reconcile.effects.append(.deleteNodeClaim(Deletion(node: name, reason: Self.scaleDownReason)))
    }
  }

  /// Upstream's choice of the NodeClaims a scale-down deletes: empty nodes first (no pods but
  /// DaemonSet pods, none of them do-not-disrupt; not yet registered ones included), then nodes
  /// without do-not-disrupt pods before those with, each cheapest to disrupt first (the pods'
  /// eviction costs times the share of expireAfter left). Ties go by name.
  func scaleDownCandidates(_ pool: NodePool, count: Int) -> [String] {
    var empty: [String] = []
    var occupied: [(name: String, doNotDisrupt: Bool, cost: Double)] = []
    for name in store.nodeNames {
      let node = store[node: name]!
      guard node.nodePool == pool.name, node.disruption == nil, !marked.contains(name) else { continue }
      let podsOnNode = node.pods.sorted().compactMap { store[pod: $0] }
      let doNotDisrupt = podsOnNode.contains(where: { DisruptionCosts.doNotDisrupt($0, at: now) })
      if !doNotDisrupt && podsOnNode.allSatisfy(\.isDaemon) {
        empty.append(name)
        continue
      }
      let cost = podsOnNode.reduce(0.0) { $0 + DisruptionCosts.evictionCost($1) } * DisruptionCosts.lifetimeRemaining(node, pool, at: now)
      occupied.append((name, doNotDisrupt, cost))
    }
    occupied.sort {
      ($0.doNotDisrupt ? 1 : 0, $0.cost, $0.name) < ($1.doNotDisrupt ? 1 : 0, $1.cost, $1.name)
    }
    return Array((empty + occupied.map(\.name)).prefix(count))
  }

}
