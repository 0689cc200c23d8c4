import KarpenterAPI
import KubernetesAPI

/// The cost-aware pass of the default packing: after first-fit-decreasing, each NodeClaim is
/// replaced by a cheaper set of NodeClaims holding the same pods when one can be found.
///
/// First-fit fills a NodeClaim until no instance type can take more, then buys the cheapest
/// type that fits what it got; the last, partly filled NodeClaim of a group and NodeClaims whose
/// pods only fit an oversized type are where it overpays. Splitting a NodeClaim's pods over
/// smaller nodes in the same zone and pool keeps every constraint: hostname spreads and
/// anti-affinity only get looser, zonal counts and requirements do not change, and NodeClaims
/// whose pods need each other on one host (hostname pod affinity) are left alone.
extension SchedulerRun {
  mutating func improveCost() {
    repackFreePods()
    var improved: [Claim] = []
    var planners: [PlannerKey: SplitPlanner] = [:]
    let hostnameAffinities = topology.groups.indices.filter {
      topology.groups[$0].kind == .affinity && topology.groups[$0].key == WellKnown.hostnameLabel
    }
    for claim in claims {
      if let parts = cheaperSplit(of: claim, hostnameAffinities: hostnameAffinities, planners: &planners) {
        improved += parts
      } else {
        improved.append(claim)
      }
    }
    claims = improved
  }

  /// Whether the claim holds a pod with hostname pod affinity, or one that such an affinity
  /// group (`hostnameAffinities`) selects.
  private func keepsTogether(_ claim: Claim, hostnameAffinities: [Int]) -> Bool {
    for i in claim.pods {
      let pod = pods[i]
      if pod.constraints.affinityTerms.contains(where: { $0.topologyKey == WellKnown.hostnameLabel }) {
        return true
      }
      if hostnameAffinities.contains(where: {
        topology.groups[$0].selects(namespace: pod.namespace, labels: pod.labels)
      }) {
        return true
      }
    }
    return false
  }

  struct PlannerKey: Hashable {
    var pool: Int
    var requirements: Requirements
    var classes: [Int]
  }

  private mutating func cheaperSplit(
    of claim: Claim, hostnameAffinities: [Int], planners: inout [PlannerKey: SplitPlanner]
  ) -> [Claim]? {
    guard claim.pods.count >= 2, !claim.regrouped,
      !keepsTogether(claim, hostnameAffinities: hostnameAffinities)
    else { return nil }
    let pool = pools[claim.pool]
    let key = PlannerKey(
      pool: claim.pool, requirements: claim.requirements,
      classes: Set(claim.pods.map { compatibilityClass(ofPod: $0) }).sorted())
    let planner: SplitPlanner
    if let cached = planners[key] {
      planner = cached
    } else {
      // Types every pod of the claim may use under the claim's requirements, whatever their size.
      var base = Bitset(count: pool.types.count, full: true)
      for cls in key.classes { base.formIntersection(compatibilityTypes(cls, pool: claim.pool)) }
      for position in base.members {
        let type = instanceTypes[pool.types[position]]
        if !type.requirements.intersects(claim.requirements)
          || !type.hasOffering(allowedBy: claim.requirements)
        {
          base.remove(position)
        }
      }
      planner = SplitPlanner(run: self, pool: pool, base: base, requirements: claim.requirements)
      planners[key] = planner
    }
    guard let current = planner.price(claim.types) else { return nil }
    // No split beats the cheapest node that holds the largest pod alone.
    let largest = claim.pods.max { pods[$0].requests.cpuMilli < pods[$1].requests.cpuMilli }!
    if let floor = planner.price(planner.fitting(pods[largest].requests)), current <= floor * 1.001 {
      return nil
    }
    let ordered = claim.pods.sorted { a, b in
      let x = pods[a].requests, y = pods[b].requests
      if x.cpuMilli != y.cpuMilli { return x.cpuMilli > y.cpuMilli }
      if x.memory != y.memory { return x.memory > y.memory }
      return pods[a].key < pods[b].key
    }
    var search = planner
    guard let plan = search.plan(ordered, depth: 0), plan.cost < current * 0.999 else { return nil }
    guard plan.parts.count > 1 else { return nil }
    // Limits: the parts together may not reserve more than the claim did.
    var reserved = Resources()
    var parts: [Claim] = []
    for part in plan.parts {
      var c = claim
      c.pods = part.pods
      c.types = planner.types(for: part)
      c.requests = part.pods.reduce(Resources()) { $0 + pods[$1].requests }
      c.hostPorts = part.pods.flatMap { pods[$0].constraints.hostPorts }
      c.reserved = pool.largestCapacity.largest(in: c.types)
      reserved += c.reserved
      parts.append(c)
    }
    if pool.remaining != nil && !reserved.fits(in: claim.reserved) { return nil }
    if let nodes = pool.remainingNodes, nodes < plan.parts.count - 1 { return nil }
    if pool.remainingNodes != nil { pools[claim.pool].remainingNodes! -= plan.parts.count - 1 }
    return parts
  }
}

/// Searches for a cheaper way to host an ordered set of pods on several nodes: fill one
/// well-priced type first-fit, plan the rest the same way, keep the cheapest plan found.
struct SplitPlanner {
  let run: SchedulerRun
  let pool: PoolState
  let base: Bitset
  let requirements: Requirements
  static let branching = 3
  static let maxDepth = 6

  /// One node of a plan; its instance types are all those of `base` that fit its pods.
  struct Part {
    var pods: [Int]
  }

  struct Plan {
    var cost: Double
    var parts: [Part]
  }

  /// Per pool position: the cheapest allowed spot price, and the cheapest other price, of the
  /// type (infinity when it has none), so that pricing a candidate set is a few lookups.
  let spotPrice: [Double]
  let otherPrice: [Double]

  init(run: SchedulerRun, pool: PoolState, base: Bitset, requirements: Requirements) {
    self.run = run
    self.pool = pool
    self.base = base
    self.requirements = requirements
    var spot = Array(repeating: Double.infinity, count: pool.types.count)
    var other = spot
    base.forEach { position in
      guard let offering = run.instanceTypes[pool.types[position]].cheapestOffering(allowedBy: requirements)
      else { return }
      if offering.capacityType == WellKnown.capacityTypeSpot {
        spot[position] = offering.price
      } else {
        other[position] = offering.price
      }
    }
    spotPrice = spot
    otherPrice = other
    spotOrder = base.members.filter { spot[$0].isFinite }.sorted { (spot[$0], $0) < (spot[$1], $1) }
    otherOrder = base.members.filter { other[$0].isFinite }.sorted { (other[$0], $0) < (other[$1], $1) }
    hasMinValues = requirements.all.contains { $0.minValues != nil }
  }

  /// Positions with a spot (and with another) price, cheapest first.
  let spotOrder: [Int]
  let otherOrder: [Int]
  let hasMinValues: Bool

  /// The launch price of the cheapest types that can hold `total` (spot first), found by
  /// walking the types in price order.
  func cheapestPrice(holding total: Resources) -> Double? {
    for position in spotOrder where total.fits(in: pool.allocatable[position]) { return spotPrice[position] }
    for position in otherOrder where total.fits(in: pool.allocatable[position]) {
      return otherPrice[position]
    }
    return nil
  }

  /// What the cloud would pay for a NodeClaim with these types (spot first, as it launches).
  func price(_ types: Bitset) -> Double? {
    var bestSpot = Double.infinity
    var bestOther = Double.infinity
    types.forEach { position in
      bestSpot = min(bestSpot, spotPrice[position])
      bestOther = min(bestOther, otherPrice[position])
    }
    if bestSpot.isFinite { return bestSpot }
    return bestOther.isFinite ? bestOther : nil
  }

  /// Types of `base` that can hold `total`.
  func fitting(_ total: Resources) -> Bitset {
    var out = base
    base.forEach { if !total.fits(in: pool.allocatable[$0]) { out.remove($0) } }
    return out
  }

  func single(_ podsToPlace: [Int]) -> Plan? {
    let total = podsToPlace.reduce(Resources()) { $0 + run.pods[$1].requests }
    guard let price = cheapestPrice(holding: total) else { return nil }
    if hasMinValues && run.minValuesProblem(requirements, types: fitting(total), pool: pool) != nil {
      return nil
    }
    return Plan(cost: price, parts: [Part(pods: podsToPlace)])
  }

  /// The instance types for a planned node: every base type that holds its pods.
  func types(for part: Part) -> Bitset {
    fitting(part.pods.reduce(Resources()) { $0 + run.pods[$1].requests })
  }

  mutating func plan(_ podsToPlace: [Int], depth: Int) -> Plan? {
    var best = single(podsToPlace)
    guard podsToPlace.count >= 2, depth < Self.maxDepth else { return best }
    let total = podsToPlace.reduce(Resources()) { $0 + run.pods[$1].requests }
    let largest = run.pods[podsToPlace[0]].requests
    // Rank the types that cannot hold everything by price per share of the demand they cover.
    var ranked: [(score: Double, position: Int)] = []
    base.forEach { position in
      let alloc = pool.allocatable[position]
      guard largest.fits(in: alloc), !total.fits(in: alloc) else { return }
      var share = 1.0
      for slot in 0..<ResourceSchema.slotCount where total[slot] > 0 {
        share = min(share, Double(max(0, alloc[slot])) / Double(total[slot]))
      }
      guard share > 0 else { return }
      ranked.append((pool.prices[position] / share, position))
    }
    ranked.sort { ($0.score, $0.position) < ($1.score, $1.position) }
    for (_, position) in ranked.prefix(Self.branching) {
      let capacity = pool.allocatable[position]
      var used = Resources()
      var taken: [Int] = []
      var rest: [Int] = []
      for i in podsToPlace {
        let r = run.pods[i].requests
        if (used + r).fits(in: capacity) {
          used += r
          taken.append(i)
        } else {
          rest.append(i)
        }
      }
      guard !taken.isEmpty, !rest.isEmpty, let first = single(taken) else { continue }
      if let b = best, first.cost >= b.cost { continue }
      guard let remainder = plan(rest, depth: depth + 1) else { continue }
      let cost = first.cost + remainder.cost
      if best == nil || cost < best!.cost - 1e-9 {
        best = Plan(cost: cost, parts: first.parts + remainder.parts)
      }
    }
    return best
  }
}
