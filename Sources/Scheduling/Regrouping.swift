import KarpenterAPI
import KubernetesAPI

/// The first pass of the cost-aware packing: pods that no topology rule, host port or
/// affinity ties to others are taken off the NodeClaims first-fit gave them, put into the room
/// other NodeClaims' instance types leave unused, and the rest packed again, choosing for each
/// node the instance type that buys their resources cheapest and filling it with the pods whose
/// mix of cpu and memory matches it.
///
/// First-fit-decreasing orders pods by cpu, so memory-heavy pods come last and end up together
/// on memory-optimised nodes whose cpu is wasted; a fleet's cost is mostly that waste. Packing
/// by resource mix keeps each node's cpu and memory used together.
extension SchedulerRun {
  /// True when nothing but the pod's own requirements and tolerations decides where it goes.
  func isFree(_ i: Int) -> Bool {
    let c = pods[i].constraints
    guard c.spreads.isEmpty, c.affinityTerms.isEmpty, c.antiAffinityTerms.isEmpty, c.hostPorts.isEmpty else {
      return false
    }
    return !topology.groups.contains { $0.selects(namespace: pods[i].namespace, labels: pods[i].labels) }
  }

  /// Takes every free pod off its NodeClaim, puts free pods into the room the cheapest type of
  /// each remaining NodeClaim leaves (for nothing: that type still fits), and packs the rest by
  /// resource mix. Kept only when the fleet gets cheaper.
  mutating func repackFreePods() {
    var prices = PriceTables()
    let movable = { (_: Int) in true }
    var before = 0.0
    for claim in claims {
      guard
        let price = prices.launchPrice(
          claim.types, pool: claim.pool, requirements: claim.requirements, run: self)
      else { return }
      before += price
    }
    var next = claims
    var free: [BatchKey: [Int]] = [:]
    for c in next.indices where movable(next[c].pool) {
      let taken = next[c].pods.filter { isFree($0) }
      guard !taken.isEmpty else { continue }
      for i in taken {
        free[BatchKey(pool: next[c].pool, cls: compatibilityClass(ofPod: i)), default: []].append(i)
      }
      let takenSet = Set(taken)
      next[c].pods.removeAll { takenSet.contains($0) }
      for i in taken { next[c].requests -= pods[i].requests }
    }
    guard !free.isEmpty else { return }
    next.removeAll { $0.pods.isEmpty }
    // A NodeClaim that lost pods may now fit smaller types than those its pods had left it.
    var bases: [PlannerKey: Bitset] = [:]
    for c in next.indices {
      let classes = Set(next[c].pods.map { compatibilityClass(ofPod: $0) }).sorted()
      let key = PlannerKey(pool: next[c].pool, requirements: next[c].requirements, classes: classes)
      let base =
        bases[key] ?? allowedTypes(pool: next[c].pool, requirements: next[c].requirements, classes: classes)
      bases[key] = base
      var types = base
      let pool = pools[next[c].pool]
      base.forEach { if !next[c].requests.fits(in: pool.allocatable[$0]) { types.remove($0) } }
      if !types.isEmpty && minValuesProblem(next[c].requirements, types: types, pool: pool) == nil {
        next[c].types = types
      }
    }
    let keys = free.keys.sorted { ($0.pool, $0.cls) < ($1.pool, $1.cls) }
    for key in keys {
      free[key]!.sort { a, b in
        let x = pods[a].requests, y = pods[b].requests
        return (x.cpuMilli, x.memory, pods[b].key) > (y.cpuMilli, y.memory, pods[a].key)
      }
    }
    // Fill the room each remaining NodeClaim's cheapest type leaves, taking free pods in the
    // order above. They are held as runs of identical requests: a room takes the first pods
    // of each run that fit, which is what taking them one by one takes, at the cost of a run
    // rather than of every free pod for every NodeClaim.
    var runs = free.mapValues { FreeRuns($0, pods: pods) }
    for c in next.indices where movable(next[c].pool) {
      let pool = pools[next[c].pool]
      guard !next[c].requirements.all.contains(where: { $0.minValues != nil }),
        let cheapest = prices.cheapestPosition(
          next[c].types, pool: next[c].pool, requirements: next[c].requirements, run: self)
      else { continue }
      var room = pool.allocatable[cheapest] - next[c].requests
      for key in keys where key.pool == next[c].pool && !runs[key]!.isEmpty {
        let compat = compatibilityTypes(key.cls, pool: key.pool)
        guard compat.contains(cheapest) else { continue }
        let classRequirements = pods[free[key]![0]].constraints.requirements
        guard
          next[c].requirements.compatibilityProblem(
            classRequirements, allowUndefined: WellKnown.wellKnownLabels) == nil
        else { continue }
        let moved = runs[key]!.take(into: &room)
        guard !moved.isEmpty else { continue }
        next[c].pods += moved
        for i in moved { next[c].requests += pods[i].requests }
        next[c].requirements.add(classRequirements)
        next[c].applied.insert(key.cls)
        next[c].types.formIntersection(compat)
        for position in next[c].types.members where !next[c].requests.fits(in: pool.allocatable[position]) {
          next[c].types.remove(position)
        }
        next[c].refreshMaxFree(pool)
      }
    }
    for key in keys { free[key] = runs[key]!.remaining }
    // Pack what is left by resource mix.
    for key in keys where !free[key]!.isEmpty {
      let pool = pools[key.pool]
      var requirements = pool.requirements
      requirements.add(pods[free[key]![0]].constraints.requirements)
      var base = compatibilityTypes(key.cls, pool: key.pool)
      for position in base.members {
        let type = instanceTypes[pool.types[position]]
        if !type.requirements.intersects(requirements) || !type.hasOffering(allowedBy: requirements) {
          base.remove(position)
        }
      }
      var packer = MixPacker(run: self, pool: pool, base: base, requirements: requirements)
      guard let plan = packer.pack(free[key]!) else { return }
      for part in plan.parts {
        var claim = Claim(
          id: -1, pool: key.pool, requirements: requirements, types: packer.planner.types(for: part))
        claim.pods = part.pods
        claim.requests = part.pods.reduce(Resources()) { $0 + pods[$1].requests }
        claim.applied = [key.cls]
        claim.regrouped = true
        claim.refreshMaxFree(pool)
        next.append(claim)
      }
    }
    var after = 0.0
    for claim in next {
      guard
        let price = prices.launchPrice(
          claim.types, pool: claim.pool, requirements: claim.requirements, run: self)
      else { return }
      after += price
    }
    guard after < before * 0.999 else { return }
    // Limits: what the new NodeClaims reserve must fit in what the old ones reserved plus what
    // the pool still had.
    var reservedBefore = Array(repeating: Resources(), count: pools.count)
    var nodesBefore = Array(repeating: 0, count: pools.count)
    for claim in claims {
      reservedBefore[claim.pool] += claim.reserved
      nodesBefore[claim.pool] += 1
    }
    var reservedAfter = Array(repeating: Resources(), count: pools.count)
    var nodesAfter = Array(repeating: 0, count: pools.count)
    for c in next.indices {
      next[c].reserved = pools[next[c].pool].largestCapacity.largest(in: next[c].types)
      reservedAfter[next[c].pool] += next[c].reserved
      nodesAfter[next[c].pool] += 1
    }
    for p in pools.indices {
      if let remaining = pools[p].remaining, !reservedAfter[p].fits(in: reservedBefore[p] + remaining) {
        return
      }
      if let nodes = pools[p].remainingNodes, nodesAfter[p] - nodesBefore[p] > nodes { return }
    }
    for p in pools.indices {
      if pools[p].remaining != nil { pools[p].remaining! += reservedBefore[p] - reservedAfter[p] }
      if pools[p].remainingNodes != nil { pools[p].remainingNodes! -= nodesAfter[p] - nodesBefore[p] }
    }
    claims = next
  }

  /// The pool's types that pods of these classes may use under `requirements`, whatever
  /// their size.
  mutating func allowedTypes(pool p: Int, requirements: Requirements, classes: [Int]) -> Bitset {
    var base = typesAllowed(pool: p, by: requirements)
    for cls in classes { base.formIntersection(compatibilityTypes(cls, pool: p)) }
    return base
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
    var groups = shapes.map {
      (requests: $0.key, pods: $0.value.sorted { run.pods[$0].key < run.pods[$1].key })
    }
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
      if bestByRatio[ratio] == nil || score > bestByRatio[ratio]!.score {
        bestByRatio[ratio] = (score, position)
      }
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
        for slot in 0..<3 {
          score += Double(group.requests[slot]) * scale[slot] * Double(room[slot]) * scale[slot]
        }
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

/// Launch prices per instance type for each (pool, requirements) met, so that pricing a
/// NodeClaim is a few lookups instead of walking every offering.
struct PriceTables {
  struct Key: Hashable {
    var pool: Int
    var requirements: Requirements
  }

  struct Table {
    var spot: [Double]
    var other: [Double]
  }

  private var tables: [Key: Table] = [:]

  mutating func table(pool: Int, requirements: Requirements, run: SchedulerRun) -> Table {
    let key = Key(pool: pool, requirements: requirements)
    if let t = tables[key] { return t }
    let state = run.pools[pool]
    var t = Table(
      spot: Array(repeating: .infinity, count: state.types.count),
      other: Array(repeating: .infinity, count: state.types.count))
    for (position, index) in state.types.enumerated() {
      guard let o = run.instanceTypes[index].cheapestOffering(allowedBy: requirements) else { continue }
      if o.capacityType == WellKnown.capacityTypeSpot {
        t.spot[position] = o.price
      } else {
        t.other[position] = o.price
      }
    }
    tables[key] = t
    return t
  }

  /// What the cloud would pay: the cheapest spot price if any type has one, else the cheapest
  /// other price.
  mutating func launchPrice(_ types: Bitset, pool: Int, requirements: Requirements, run: SchedulerRun)
    -> Double?
  {
    let t = table(pool: pool, requirements: requirements, run: run)
    var spot = Double.infinity
    var other = Double.infinity
    types.forEach {
      spot = min(spot, t.spot[$0]); other = min(other, t.other[$0])
    }
    if spot.isFinite { return spot }
    return other.isFinite ? other : nil
  }

  /// The position the cloud would launch (spot first, then price, then position).
  mutating func cheapestPosition(_ types: Bitset, pool: Int, requirements: Requirements, run: SchedulerRun)
    -> Int?
  {
    let t = table(pool: pool, requirements: requirements, run: run)
    var best: (spot: Bool, price: Double, position: Int)?
    types.forEach { position in
      let spot = t.spot[position].isFinite
      let price = spot ? t.spot[position] : t.other[position]
      guard price.isFinite else { return }
      if let b = best, (b.spot && !spot) || (b.spot == spot && (b.price, b.position) <= (price, position)) {
        return
      }
      best = (spot, price, position)
    }
    return best?.position
  }
}

/// Free pods of one batch in packing order, as runs of pods with identical requests.
struct FreeRuns {
  private var requests: [Resources] = []
  private var runs: [[Int]] = []
  /// How many pods of each run are taken.
  private var taken: [Int] = []
  private var left = 0

  init(_ order: [Int], pods: [SchedulingPod]) {
    for i in order {
      if requests.last != pods[i].requests {
        requests.append(pods[i].requests)
        runs.append([])
        taken.append(0)
      }
      runs[runs.count - 1].append(i)
    }
    left = order.count
  }

  var isEmpty: Bool { left == 0 }

  /// Takes, in order, every pod that still fits in `room`, and takes its requests off it.
  mutating func take(into room: inout Resources) -> [Int] {
    var moved: [Int] = []
    for r in runs.indices where taken[r] < runs[r].count && requests[r].fits(in: room) {
      while taken[r] < runs[r].count && requests[r].fits(in: room) {
        room -= requests[r]
        moved.append(runs[r][taken[r]])
        taken[r] += 1
      }
    }
    left -= moved.count
    return moved
  }

  /// The pods not taken, in order.
  var remaining: [Int] { runs.indices.flatMap { runs[$0][taken[$0]...] } }
}
