import KarpenterAPI
import KubernetesAPI

/// The first pass of the cost-aware packing: pods that no topology rule, host port or
/// affinity ties to others are taken off the NodeClaims first-fit gave them and packed again,
/// choosing for each node the instance type that buys their resources cheapest and filling it
/// with the pods whose mix of cpu and memory matches it.
///
/// First-fit-decreasing orders pods by cpu, so memory-heavy pods come last and end up together
/// on memory-optimised nodes whose cpu is wasted; a fleet's cost is mostly that waste. Packing
/// by resource mix keeps each node's cpu and memory used together.
extension SchedulerRun {
  /// True when nothing but the pod's own requirements and tolerations decides where it goes.
  func isFree(_ i: Int) -> Bool {
    let pod = pods[i]
    let c = pod.constraints
    guard c.spreads.isEmpty, c.affinityTerms.isEmpty, c.antiAffinityTerms.isEmpty, c.hostPorts.isEmpty else {
      return false
    }
    return !topology.groups.contains { $0.selects(namespace: pod.namespace, labels: pod.labels) }
  }

  mutating func regroupFreePods() {
    // NodeClaims whose pods are all free and of one compatibility class, by (pool, class).
    var batches: [BatchKey: [Int]] = [:]
    for (c, claim) in claims.enumerated() {
      guard let first = claim.pods.first, claim.pods.allSatisfy(isFree) else { continue }
      let cls = compatibilityClass(of: pods[first])
      guard claim.pods.allSatisfy({ compatibilityClass(of: pods[$0]) == cls }) else { continue }
      batches[BatchKey(pool: claim.pool, cls: cls), default: []].append(c)
    }
    var replaced = Set<Int>()
    var added: [Claim] = []
    for key in batches.keys.sorted(by: { ($0.pool, $0.cls) < ($1.pool, $1.cls) }) {
      let members = batches[key]!
      guard pools[key.pool].remaining == nil && pools[key.pool].remainingNodes == nil else { continue }
      let pool = pools[key.pool]
      var requirements = pool.requirements
      requirements.add(pods[claims[members[0]].pods[0]].constraints.requirements)
      let current = members.compactMap { launchPrice(claims[$0].types, pool: pool, requirements: claims[$0].requirements) }
      guard current.count == members.count else { continue }
      var base = compatibilityTypes(key.cls, pool: key.pool)
      for position in base.members {
        let type = instanceTypes[pool.types[position]]
        if !type.requirements.intersects(requirements) || !type.hasOffering(allowedBy: requirements) { base.remove(position) }
      }
      let podIndices = members.flatMap { claims[$0].pods }
      var packer = MixPacker(run: self, pool: pool, base: base, requirements: requirements)
      guard let parts = packer.pack(podIndices), parts.cost < current.reduce(0, +) * 0.999 else { continue }
      replaced.formUnion(members)
      for part in parts.parts {
        var claim = Claim(
          id: claims.count + added.count, pool: key.pool, requirements: requirements, types: packer.planner.types(for: part))
        claim.pods = part.pods
        claim.requests = part.pods.reduce(Resources()) { $0 + pods[$1].requests }
        claim.applied = [key.cls]
        claim.regrouped = true
        claim.refreshMaxFree(pool)
        added.append(claim)
      }
    }
    guard !replaced.isEmpty else { return }
    claims = claims.enumerated().filter { !replaced.contains($0.offset) }.map(\.element) + added
  }

  struct BatchKey: Hashable {
    var pool: Int
    var cls: Int
  }
}

/// Packs interchangeable pods by resource mix: repeatedly picks the instance type whose fill
/// buys the pods' resources cheapest, fills it by the dot-product rule (the pod whose demand
/// best matches the room left), and plans the small remainder with ``SplitPlanner``.
struct MixPacker {
  let run: SchedulerRun
  let pool: PoolState
  let base: Bitset
  let requirements: Requirements
  var planner: SplitPlanner
  /// USD per unit of each resource slot, fitted to the types' prices.
  let unitPrice: [Double]

  init(run: SchedulerRun, pool: PoolState, base: Bitset, requirements: Requirements) {
    self.run = run
    self.pool = pool
    self.base = base
    self.requirements = requirements
    planner = SplitPlanner(run: run, pool: pool, base: base, requirements: requirements)
    unitPrice = Self.fitUnitPrices(pool: pool, base: base, planner: planner)
  }

  /// Least-squares fit of price ≈ a·cpu + b·memory over the candidate types (non-negative), so
  /// that a pod's worth is what its resources cost to buy.
  static func fitUnitPrices(pool: PoolState, base: Bitset, planner: SplitPlanner) -> [Double] {
    var sxx = 0.0, sxy = 0.0, syy = 0.0, sxp = 0.0, syp = 0.0
    base.forEach { position in
      guard let price = planner.price(single: position) else { return }
      let x = Double(max(0, pool.allocatable[position].cpuMilli))
      let y = Double(max(0, pool.allocatable[position].memory))
      sxx += x * x; sxy += x * y; syy += y * y; sxp += x * price; syp += y * price
    }
    var out = Array(repeating: 0.0, count: ResourceSchema.slotCount)
    let det = sxx * syy - sxy * sxy
    if det > 0 {
      let a = (sxp * syy - syp * sxy) / det
      let b = (syp * sxx - sxp * sxy) / det
      if a >= 0 && b >= 0 {
        out[ResourceSchema.cpu] = a
        out[ResourceSchema.memory] = b
        return out
      }
    }
    if sxx > 0 { out[ResourceSchema.cpu] = max(0, sxp / sxx) }
    return out
  }

  func worth(_ r: Resources) -> Double {
    Double(r.cpuMilli) * unitPrice[ResourceSchema.cpu] + Double(r.memory) * unitPrice[ResourceSchema.memory]
  }

  mutating func pack(_ podIndices: [Int]) -> SplitPlanner.Plan? {
    // Pods by identical requests, largest first.
    var shapes: [Resources: [Int]] = [:]
    for i in podIndices { shapes[run.pods[i].requests, default: []].append(i) }
    var groups = shapes.map { (requests: $0.key, pods: $0.value.sorted { run.pods[$0].key < run.pods[$1].key }) }
    groups.sort { ($0.requests.cpuMilli, $0.requests.memory) > ($1.requests.cpuMilli, $1.requests.memory) }
    var parts: [SplitPlanner.Part] = []
    var cost = 0.0
    while true {
      let remaining = groups.flatMap(\.pods)
      if remaining.isEmpty { break }
      var total = Resources()
      for g in groups { total += g.requests * Int64(g.pods.count) }
      if !planner.fitting(total).isEmpty {
        guard let rest = planner.plan(remaining, depth: 0) else { return nil }
        parts += rest.parts
        cost += rest.cost
        break
      }
      // The type whose dot-product fill buys resources cheapest.
      var best: (density: Double, position: Int, taken: [Int: Int])?
      for position in candidateTypes() {
        let taken = fill(position, groups: groups)
        var used = Resources()
        var count = 0
        for (g, n) in taken { used += groups[g].requests * Int64(n); count += n }
        guard count > 0, let price = planner.price(single: position) else { continue }
        let density = worth(used) / price
        if best == nil || density > best!.density + 1e-12 { best = (density, position, taken) }
      }
      guard let chosen = best else { return nil }
      var partPods: [Int] = []
      for (g, n) in chosen.taken.sorted(by: { $0.key < $1.key }) {
        partPods += groups[g].pods.prefix(n)
        groups[g].pods.removeFirst(n)
      }
      groups.removeAll { $0.pods.isEmpty }
      let partTotal = partPods.reduce(Resources()) { $0 + run.pods[$1].requests }
      let types = planner.fitting(partTotal)
      guard let price = planner.price(types) else { return nil }
      parts.append(SplitPlanner.Part(pods: partPods))
      cost += price
    }
    return SplitPlanner.Plan(cost: cost, parts: parts)
  }

  /// For each distinct memory-per-cpu ratio, the type that offers the most worth per dollar
  /// (the largest on ties): the few shapes worth filling.
  func candidateTypes() -> [Int] {
    var bestByRatio: [Int: (score: Double, position: Int)] = [:]
    base.forEach { position in
      let alloc = pool.allocatable[position]
      guard alloc.cpuMilli > 0, alloc.memory > 0, let price = planner.price(single: position) else { return }
      let r = Double(alloc.memory) / Double(alloc.cpuMilli)
      let ratio = Int((r * r * r * r).exponent)  // quarter steps of log2
      let score = worth(alloc) / price + Double(alloc.cpuMilli) * 1e-15
      if bestByRatio[ratio] == nil || score > bestByRatio[ratio]!.score { bestByRatio[ratio] = (score, position) }
    }
    return bestByRatio.values.map(\.position).sorted()
  }

  /// How many pods of each group the dot-product rule puts on one node of the type.
  func fill(_ position: Int, groups: [(requests: Resources, pods: [Int])]) -> [Int: Int] {
    let capacity = pool.allocatable[position]
    var room = capacity
    var left = groups.map(\.pods.count)
    var taken: [Int: Int] = [:]
    let scale = (0..<ResourceSchema.slotCount).map { capacity[$0] > 0 ? 1 / Double(capacity[$0]) : 0 }
    while true {
      var best: (score: Double, g: Int)?
      for (g, group) in groups.enumerated() where left[g] > 0 && group.requests.fits(in: room) {
        var score = 0.0
        for slot in 0..<3 { score += Double(group.requests[slot]) * scale[slot] * Double(room[slot]) * scale[slot] }
        if best == nil || score > best!.score { best = (score, g) }
      }
      guard let pick = best else { break }
      // Take as many of that group as keep the same choice reasonable: one at a time keeps the
      // rule exact; groups are few, so this stays cheap.
      room -= groups[pick.g].requests
      left[pick.g] -= 1
      taken[pick.g, default: 0] += 1
    }
    return taken
  }
}

extension Resources {
  static func * (r: Resources, n: Int64) -> Resources { Resources(r.values &* SIMD16(repeating: n)) }
}

extension SplitPlanner {
  /// The launch price of one type alone.
  func price(single position: Int) -> Double? {
    let p = spotPrice[position].isFinite ? spotPrice[position] : otherPrice[position]
    return p.isFinite ? p : nil
  }
}
