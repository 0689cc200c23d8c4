import KarpenterAPI
import KubernetesAPI

/// Decides where pending pods go: existing nodes first, then NodeClaims already planned in
/// this run, then new NodeClaims from the NodePools by weight. Pure: values in, a decision out.
public enum Scheduler {
  /// `input` is consumed: the run then owns the only copy of its pods and relaxes them in place
  /// (a shared copy would be duplicated, every pod, at the first relaxation).
  public static func solve(_ input: consuming SchedulingInput) -> SchedulingResult {
    let packing = input.packing
    var run = SchedulerRun(input)
    run.schedule()
    if packing == .costAware { run.improveCost() }
    return run.result()
  }
}

struct SchedulerRun {
  let instanceTypes: [InstanceType]
  var pods: [SchedulingPod]
  var pools: [PoolState]
  var slots: [NodeSlot]
  var claims: [Claim] = []
  var topology = Topology()
  var unschedulable: [Int: String] = [:]
  var existingPlacements: [Int: String] = [:]
  let nominations: [Int: String]
  /// Existing nodes that are going away: no pod may be placed there. A bitset over the slots:
  /// consolidation's questions test it for every node each pod passes.
  var excludedSlots = Bitset(count: 0)
  /// Names of the resource slots, for messages.
  var resourceNames: [String]
  let packing: PackingStrategy
  /// Cost-aware packing returns limit reservations as NodeClaims narrow; first-fit keeps
  /// upstream's behaviour.
  let givesBackReservations: Bool
  private(set) var slotByName: [String: Int] = [:]

  /// Compatibility classes (requirements + tolerations) numbered as first seen.
  private(set) var classIDs: [CompatibilityKey: Int] = [:]
  private(set) var compatibility: [Int: [PoolCompatibility]] = [:]
  /// Pods of the same shape skip the places a monotone rejection proved useless.
  private var shapeIDs: [Shape: Int] = [:]
  private var cursors: [Int: Int] = [:]
  /// Per ``SizedShape``: NodeClaims that rejected such a pod for a reason that only gets worse
  /// as pods are added (no room, pinned to other domains, anti-affinity, hostname spread, host
  /// ports, requirements), so later such pods skip them without evaluating anything; and the
  /// first NodeClaim that did not reject it.
  private var excluded: [SizedShape: GrowableBitset] = [:]
  private var claimCursors: [SizedShape: Int] = [:]
  /// The compatibility class each pod was placed on a NodeClaim with.
  private var classOfPlacedPod: [Int: Int] = [:]
  /// ``typesAllowed(pool:by:)``'s answers.
  private var allowedTypesCache: [PoolRequirements: Bitset] = [:]
  /// Per pod shape: the topology keys its placement depends on, and the groups selecting it.
  private var keysByShape: [Int: [String]] = [:]
  private var selectionByShape: [Int: Bitset] = [:]

  /// What decides that a NodeClaim rejects a pod for good: its shape, its requests (a claim
  /// without room for them never gets room back) and the domains its topology allows now (a
  /// claim pinned outside them stays outside).
  struct SizedShape: Hashable {
    var shape: Int
    var requests: Resources
    var allowed: [String: Set<String>]
  }

  struct Shape: Hashable {
    var compatibilityClass: Int
    var namespace: String
    var labels: [String: String]
    var constraints: PodConstraints
  }

  init(_ input: SchedulingInput) {
    instanceTypes = input.instanceTypes
    pods = input.pods
    pools = input.nodePools
      .sorted { ($0.weight, $1.name) > ($1.weight, $0.name) }
      .map { PoolState(template: $0, instanceTypes: input.instanceTypes, daemonSets: input.daemonSets) }
    slots = input.existingNodes.sorted { $0.name < $1.name }.map {
      NodeSlot(
        node: $0, requirements: $0.requirements ?? Requirements(labels: $0.labels), requested: $0.requested,
        hostPorts: $0.hostPorts)
    }
    excludedSlots = Bitset(count: slots.count)
    nominations = input.nominations
    resourceNames = input.resourceNames
    packing = input.packing
    givesBackReservations = input.packing == .costAware
    for (s, slot) in slots.enumerated() { slotByName[slot.node.name] = s }
    prepareTopology(input)
  }

  // MARK: Setup

  private mutating func prepareTopology(_ input: SchedulingInput) {
    for pod in pods { _ = topology.groups(of: pod) }
    var existingGroups: [(slot: Int, pod: Int, groups: Topology.PodGroups)] = []
    for s in slots.indices {
      for p in slots[s].node.pods.indices {
        // Every rule the running pod carries, so that it can be moved (consolidation) and so
        // that its required anti-affinity keeps matching pods away.
        existingGroups.append((s, p, topology.groups(ofRunning: slots[s].node.pods[p])))
      }
    }
    // Every value each topology key can take.
    var universe: [String: Set<String>] = [:]
    let keys = Set(topology.groups.map(\.key))
    for key in keys where key != WellKnown.hostnameLabel {
      var values = Set<String>()
      for slot in slots { if let v = slot.node.labels[key] { values.insert(v) } }
      for pool in pools {
        let poolRequirement = pool.requirements[key]
        if let r = poolRequirement, !r.complement { values.formUnion(r.values); continue }
        for t in pool.types {
          if let r = instanceTypes[t].requirements[key], !r.complement {
            values.formUnion(r.values.filter { poolRequirement?.has($0) ?? true })
          }
        }
      }
      universe[key] = values
    }
    topology.universe = universe.mapValues { $0.sorted() }
    if input.skewRule == .kubeScheduler {
      topology.useKubeSchedulerSkew(nodes: slots.map { ($0.node.name, $0.node.labels) })
    }
    // Without any group there is nothing to count (most clusters' pods carry no topology rule).
    for entry in existingGroups where !topology.groups.isEmpty {
      let slot = slots[entry.slot]
      let metadata = slot.node.pods[entry.pod].metadata
      topology.recordExisting(
        namespace: metadata.namespace ?? "default", labels: metadata.labels ?? [:],
        own: entry.groups, node: slot.node.name, nodeLabels: slot.node.labels)
    }

  }

  /// The compatibility class of a pod already seen.
  func compatibilityClass(of pod: SchedulingPod) -> Int { classIDs[pod.constraints.compatibilityKey]! }

  /// The compatibility class of pod `i`: the one it was placed on a NodeClaim with, which the
  /// cost-aware passes ask for again and again, else worked out from its constraints.
  func compatibilityClass(ofPod i: Int) -> Int { classOfPlacedPod[i] ?? compatibilityClass(of: pods[i]) }

  func compatibilityTypes(_ cls: Int, pool: Int) -> Bitset { compatibility[cls]![pool].types }

  /// Works out ahead of time what copies of this run (a ``ReschedulingProbe``'s questions)
  /// would each find again for a pod of this shape: its compatibility class, and the existing
  /// nodes at the front that can never take it whatever is removed (a taint it does not
  /// tolerate, requirements it does not meet, a host port in use). A question then starts
  /// after them, as a run does once it has been rejected there.
  mutating func prepare(_ pod: SchedulingPod) {
    let cls = classID(pod)
    let shape = shapeID(pod, class: cls)
    guard cursors[shape] == nil else { return }
    var s = 0
    while s < slots.count && rejectsForGood(pod, slot: s) { s += 1 }
    cursors[shape] = s
  }

  /// True when the existing node rejects the pod for a reason no removal or placement changes.
  private func rejectsForGood(_ pod: SchedulingPod, slot s: Int) -> Bool {
    let c = pod.constraints
    if c.untolerated(slots[s].node.taints) != nil { return true }
    if slots[s].requirements.compatibilityProblem(c.requirements) != nil { return true }
    return !c.hostPorts.isEmpty
      && c.hostPorts.contains(where: { p in slots[s].hostPorts.contains { $0.conflicts(with: p) } })
  }

  private mutating func classID(_ pod: SchedulingPod) -> Int {
    let key = pod.constraints.compatibilityKey
    if let id = classIDs[key] { return id }
    let id = classIDs.count
    classIDs[key] = id
    compatibility[id] = pools.map { poolCompatibility($0, pod.constraints) }
    return id
  }

  private func poolCompatibility(_ pool: PoolState, _ c: PodConstraints) -> PoolCompatibility {
    var types = Bitset(count: pool.types.count)
    if let taint = c.untolerated(pool.template.taints) {
      return PoolCompatibility(
        problem: "it does not tolerate the taint \(taint.key)=\(taint.value ?? ""):\(taint.effect)",
        types: types)
    }
    if let problem = pool.requirements.compatibilityProblem(
      c.requirements, allowUndefined: WellKnown.wellKnownLabels)
    {
      return PoolCompatibility(problem: "its requirements do not match: \(problem)", types: types)
    }
    let merged = pool.requirements.adding(c.requirements)
    for (position, t) in pool.types.enumerated() {
      let type = instanceTypes[t]
      if type.requirements.intersects(merged) && type.hasOffering(allowedBy: merged) {
        types.insert(position)
      }
    }
    if types.isEmpty {
      return PoolCompatibility(
        problem:
          "no instance type satisfies \(c.requirements.isEmpty ? "the pool's requirements" : c.requirements.description)",
        types: types)
    }
    return PoolCompatibility(problem: nil, types: types)
  }

  private mutating func shapeID(_ pod: SchedulingPod, class id: Int) -> Int {
    let shape = Shape(
      compatibilityClass: id, namespace: pod.namespace, labels: pod.labels, constraints: pod.constraints)
    if let s = shapeIDs[shape] { return s }
    shapeIDs[shape] = shapeIDs.count
    return shapeIDs.count - 1
  }

  // MARK: The loop

  mutating func schedule() {
    // Largest first by CPU, then memory, then key; the sort keys are read once, not per
    // comparison (a pod is a large value, and its key is built from two strings).
    let sortKeys = pods.map { (cpu: $0.requests.cpuMilli, memory: $0.requests.memory, key: $0.key) }
    let order = pods.indices.sorted { a, b in
      let x = sortKeys[a], y = sortKeys[b]
      if x.cpu != y.cpu { return x.cpu > y.cpu }
      if x.memory != y.memory { return x.memory > y.memory }
      return x.key < y.key
    }
    // Pods of one shape that could not be placed: an identical pod fails the same way as long
    // as nothing was placed since (the state it is judged against is the same), so it is
    // rejected at once. 100,000 replicas too big for any instance type cost one evaluation.
    var failed: [FailedShape: String] = [:]
    for i in order {
      let nominated = nominations[pods[i].index] != nil
      if !nominated, !failed.isEmpty, let failure = failed[FailedShape(pods[i])] {
        unschedulable[i] = failure
        continue
      }
      // The pod as it came, before any relaxation: worked out on its first failure only.
      var shape: FailedShape?
      while true {
        if let failure = place(i) {
          if shape == nil && !nominated { shape = FailedShape(pods[i]) }
          if !pods[i].relax() {
            unschedulable[i] = failure
            if let shape { failed[shape] = failure }
            break
          }
        } else {
          if !failed.isEmpty { failed.removeAll(keepingCapacity: true) }
          break
        }
      }
    }
  }

  /// What the scheduler judges a pod by: two pods that agree on it are placed, or rejected, alike.
  struct FailedShape: Hashable {
    var namespace: String
    var labels: [String: String]
    var requests: Resources
    var constraints: PodConstraints
    /// The preferences still to relax, in upstream's order, come from here.
    var affinity: Affinity?

    init(_ pod: SchedulingPod) {
      namespace = pod.namespace
      labels = pod.labels
      requests = pod.requests
      constraints = pod.constraints
      affinity = pod.pod.spec?.affinity
    }
  }

  /// Places pod `i`; returns why it could not be placed.
  private mutating func place(_ i: Int) -> String? {
    let pod = pods[i]
    let groups = topology.groups(of: pod)
    let cls = classID(pod)
    let shape = shapeID(pod, class: cls)
    let selected: Bitset
    if let known = selectionByShape[shape], known.count == topology.groups.count {
      selected = known
    } else {
      selected = topology.selection(namespace: pod.namespace, labels: pod.labels)
      selectionByShape[shape] = selected
      keysByShape[shape] = nil
    }
    let keys: [String]
    if let cached = keysByShape[shape] {
      keys = cached
    } else {
      keys = topology.relevantKeys(selected: selected, own: groups)
      keysByShape[shape] = keys
    }
    var cursor = cursors[shape] ?? 0
    defer { cursors[shape] = cursor }

    // The node the pod was nominated for, then the other existing nodes.
    if let nominated = nominations[pod.index], let s = slotByName[nominated],
      case .success(let domains) = tryExisting(pod, groups: groups, keys: keys, selected: selected, slot: s)
    {
      commitExisting(i, selected: selected, groups: groups, slot: s, domains: domains)
      return nil
    }
    var prefix = true
    var s = cursor
    while s < slots.count {
      // tryExisting's first two checks, without building a rejection (consolidation's probes
      // step over a thousand nodes per pod).
      if excludedSlots.contains(s) {
        if prefix { cursor = s + 1 }
        s += 1
        continue
      }
      if !(slots[s].requested + pod.requests).fits(in: slots[s].node.allocatable) {
        prefix = false
        s += 1
        continue
      }
      switch tryExisting(pod, groups: groups, keys: keys, selected: selected, slot: s) {
      case .success(let domains):
        commitExisting(i, selected: selected, groups: groups, slot: s, domains: domains)
        return nil
      case .failure(let rejection):
        if prefix && rejection.monotone { cursor = s + 1 } else { prefix = false }
      }
      s += 1
    }
    // NodeClaims planned so far. Those known to reject pods of this shape and size are
    // stepped over a word of the set at a time.
    prefix = true
    let allowed = topology.allowedDomains(pod, groups: groups, selected: selected)
    let sized = SizedShape(shape: shape, requests: pod.requests, allowed: allowed)
    var claimCursor = claimCursors[sized] ?? 0
    var skip = excluded.removeValue(forKey: sized) ?? GrowableBitset()
    defer {
      claimCursors[sized] = claimCursor
      excluded[sized] = skip
    }
    var c = claimCursor
    while true {
      c = skip.firstAbsent(from: c)
      if prefix { claimCursor = c }
      guard c < claims.count else { break }
      // A NodeClaim without room for the pod's requests never gets room back while pods are
      // being placed (its types only narrow and its requests only grow).
      if !pod.requests.fits(in: claims[c].maxFree) {
        skip.insert(c)
        if prefix { claimCursor = c + 1 }
        c += 1
        continue
      }
      // A NodeClaim pinned outside the domains the pod's spread or affinity allows stays
      // pinned there (its requirements only narrow).
      if !allowed.isEmpty && !Self.mayTake(claims[c].requirements, allowed) {
        skip.insert(c)
        if prefix { claimCursor = c + 1 }
        c += 1
        continue
      }
      switch tryClaim(pod, class: cls, groups: groups, keys: keys, selected: selected, claim: claims[c]) {
      case .success(var update):
        if givesBackReservations, pools[update.claim.pool].remaining != nil,
          update.claim.types != claims[c].types
        {
          // The NodeClaim's types narrowed and its largest may have shrunk: give the difference
          // back to the pool's limits (upstream keeps the first, pessimistic reservation).
          let reserve = pools[update.claim.pool].largestCapacity.largest(in: update.claim.types)
          pools[update.claim.pool].remaining! += update.claim.reserved - reserve
          update.claim.reserved = reserve
        }
        claims[c] = update.claim
        classOfPlacedPod[i] = cls
        commitClaim(i, selected: selected, groups: groups, claim: c, domains: update.domains)
        return nil
      case .failure(let rejection):
        if rejection.monotone {
          skip.insert(c)
          if prefix { claimCursor = c + 1 }
        } else {
          prefix = false
        }
      }
      c += 1
    }
    // A new NodeClaim.
    var reasons: [String] = []
    for p in pools.indices {
      let pool = pools[p]
      let compat = compatibility[cls]![p]
      if let problem = compat.problem {
        reasons.append("NodePool \"\(pool.template.name)\": \(problem)")
        continue
      }
      if let n = pool.remainingNodes, n <= 0 {
        reasons.append("NodePool \"\(pool.template.name)\": its limit on nodes is reached")
        continue
      }
      var compacted = false
      while true {
        var types = compat.types
        var limitedByLimits = false
        if pools[p].remaining != nil {
          types = withinLimits(compat.types, pool: p)
          limitedByLimits = types.cardinality < compat.types.cardinality
        }
        var failure: String
        if types.isEmpty {
          failure = "every instance type would exceed its limits"
        } else {
          var claim = Claim(id: claims.count, pool: p, requirements: pool.requirements, types: types)
          claim.refreshMaxFree(pools[p])
          switch tryClaim(pod, class: cls, groups: groups, keys: keys, selected: selected, claim: claim) {
          case .success(let update):
            var opened = update.claim
            opened.reserved = pool.largestCapacity.largest(in: opened.types)
            if pools[p].remaining != nil { pools[p].remaining! -= opened.reserved }
            if pools[p].remainingNodes != nil { pools[p].remainingNodes! -= 1 }
            claims.append(opened)
            classOfPlacedPod[i] = cls
            commitClaim(
              i, selected: selected, groups: groups, claim: claims.count - 1, domains: update.domains)
            return nil
          case .failure(let rejection):
            failure =
              rejection.reason
              + (limitedByLimits ? " among the instance types its remaining limits allow" : "")
          }
        }
        if limitedByLimits && givesBackReservations && !compacted {
          compactReservations(pool: p)
          compacted = true
          continue
        }
        reasons.append("NodePool \"\(pool.template.name)\": \(failure)")
        break
      }
    }
    if pools.isEmpty { reasons.append("no NodePool can launch nodes and no existing node has room") }
    var message = reasons.joined(separator: "; ")
    if !slots.isEmpty { message += reasons.isEmpty ? "" : "; " }
    if !slots.isEmpty { message += "no existing node can host it" }
    return message
  }

  /// The pool's types whose capacity still fits its remaining limits.
  private func withinLimits(_ types: Bitset, pool p: Int) -> Bitset {
    guard let remaining = pools[p].remaining else { return types }
    // Usually the largest of them fits (limits far above one node): nothing to take out.
    if pools[p].largestCapacity.largest(in: types).fits(in: remaining) { return types }
    var out = types
    for position in types.members where !pools[p].capacity[position].fits(in: remaining) {
      out.remove(position)
    }
    return out
  }

  /// Upstream reserves, for each NodeClaim, the largest capacity among all its instance types,
  /// which exhausts limits long before the nodes it launches would. When that blocks a new
  /// NodeClaim, the cost-aware packing keeps each open NodeClaim of the pool to its 60 cheapest
  /// types (upstream launches from the 60 cheapest anyway) and gives back the difference.
  static let launchOptions = 60

  private mutating func compactReservations(pool p: Int) {
    let pool = pools[p]
    for c in claims.indices where claims[c].pool == p {
      let members = claims[c].types.members
      guard members.count > Self.launchOptions else { continue }
      var types = claims[c].types
      for position in members.dropFirst(Self.launchOptions) { types.remove(position) }
      let reserve = pool.largestCapacity.largest(in: types)
      pools[p].remaining! += claims[c].reserved - reserve
      claims[c].reserved = reserve
      claims[c].types = types
      claims[c].refreshMaxFree(pool)
    }
  }

  /// False when a NodeClaim is pinned (by a finite requirement) to domains the pod's spread or
  /// affinity does not allow now.
  static func mayTake(_ requirements: Requirements, _ allowed: [String: Set<String>]) -> Bool {
    for (key, domains) in allowed {
      guard let r = requirements[key], !r.complement else { continue }
      if !r.values.contains(where: domains.contains) { return false }
    }
    return true
  }

  // MARK: Existing nodes

  private func tryExisting(
    _ pod: SchedulingPod, groups: Topology.PodGroups, keys: [String], selected: Bitset, slot s: Int
  ) -> Result<[String: [String]], RejectionError> {
    // Reads go through `slots[s]` rather than a copy of the slot: copying it retains every
    // array it holds, which dominated consolidation's thousands of probes.
    let c = pod.constraints
    if excludedSlots.contains(s) {
      return .failure(RejectionError(reason: "the node is going away", monotone: true))
    }
    if !(slots[s].requested + pod.requests).fits(in: slots[s].node.allocatable) {
      return .failure(RejectionError(reason: "not enough room", monotone: false))
    }
    if let taint = c.untolerated(slots[s].node.taints) {
      return .failure(RejectionError(.taintNotTolerated(taint.key), monotone: true))
    }
    if let incompatibility = slots[s].requirements.incompatibility(c.requirements) {
      return .failure(RejectionError(.incompatible(incompatibility), monotone: true))
    }
    if !c.hostPorts.isEmpty
      && c.hostPorts.contains(where: { p in slots[s].hostPorts.contains { $0.conflicts(with: p) } })
    {
      return .failure(RejectionError(reason: "host port in use", monotone: true))
    }
    if keys.isEmpty { return .success([:]) }
    switch topology.evaluate(
      pod, groups: groups, keys: keys, selected: selected,
      at: .node(name: slots[s].node.name, labels: slots[s].node.labels))
    {
    case .rejected(let rejection, let monotone):
      return .failure(RejectionError(.topology(rejection), monotone: monotone))
    case .accepted(let domains): return .success(domains)
    }
  }

  private mutating func commitExisting(
    _ i: Int, selected: Bitset, groups: Topology.PodGroups, slot s: Int, domains: [String: [String]]
  ) {
    slots[s].requested += pods[i].requests
    slots[s].hostPorts += pods[i].constraints.hostPorts
    existingPlacements[i] = slots[s].node.name
    topology.record(selected: selected, own: groups, domains: domains)
  }

  // MARK: NodeClaims

  /// Tries to add the pod to `claim`; returns the claim with the pod's requirements and
  /// topology applied and its instance types narrowed, without the pod recorded yet.
  private mutating func tryClaim(
    _ pod: SchedulingPod, class cls: Int, groups: Topology.PodGroups, keys: [String], selected: Bitset,
    claim: Claim
  ) -> Result<ClaimUpdate, RejectionError> {
    // The pool is read in place (a copy of its state is a dozen reference counts, and a pod
    // is tried against thousands of NodeClaims).
    let compat = compatibility[cls]![claim.pool]
    if let problem = compat.problem { return .failure(RejectionError(reason: problem, monotone: true)) }
    if !pod.requests.fits(in: claim.maxFree) {
      return .failure(RejectionError(noRoom(pod, claim: claim), monotone: false))
    }
    let c = pod.constraints
    var requirements = claim.requirements
    if !claim.applied.contains(cls) {
      if let incompatibility = claim.requirements.incompatibility(
        c.requirements, allowUndefined: WellKnown.wellKnownLabels)
      {
        return .failure(RejectionError(.incompatible(incompatibility), monotone: true))
      }
      requirements.add(c.requirements)
    }
    if c.hostPorts.contains(where: { p in claim.hostPorts.contains { $0.conflicts(with: p) } }) {
      return .failure(RejectionError(reason: "host port in use", monotone: true))
    }
    var domains: [String: [String]]
    switch topology.evaluate(
      pod, groups: groups, keys: keys, selected: selected,
      at: .claim(hostname: claim.hostname, requirements: requirements))
    {
    case .rejected(let rejection, let monotone):
      return .failure(RejectionError(.topology(rejection), monotone: monotone))
    case .accepted(let d): domains = d
    }
    for (key, values) in domains where key != WellKnown.hostnameLabel {
      let current = requirements[key]
      if current == nil || current!.complement || current!.values != values {
        requirements.add(Requirement(key: key, complement: false, values: values))
      }
    }
    var types = claim.types.intersection(compat.types)
    let requests = claim.requests + pod.requests
    var tooSmall = 0
    // Requests within the smallest of every resource fit every type: no pass needed.
    if !requests.fits(in: pools[claim.pool].largestAllocatable.smallest(in: types)) {
      types.forEach { position in
        if !requests.fits(in: pools[claim.pool].allocatable[position]) {
          types.remove(position)
          tooSmall += 1
        }
      }
    }
    if requirements != claim.requirements {
      types.formIntersection(typesAllowed(pool: claim.pool, by: requirements))
    }
    if types.isEmpty {
      return .failure(
        RejectionError(tooSmall > 0 ? noRoom(pod, claim: claim) : .unsatisfiable(requirements), monotone: false))
    }
    if let problem = minValuesProblem(requirements, types: types, pool: pools[claim.pool]) {
      return .failure(RejectionError(reason: problem, monotone: false))
    }
    var updated = claim
    updated.requirements = requirements
    updated.types = types
    updated.requests = requests
    updated.applied.insert(cls)
    updated.hostPorts += c.hostPorts
    updated.pods.append(pod.index)
    // With the same types the largest allocatable is the same: only the pod's requests come off.
    if types == claim.types {
      updated.maxFree = claim.maxFree - pod.requests
    } else {
      updated.refreshMaxFree(pools[claim.pool])
    }
    return .success(ClaimUpdate(claim: updated, domains: domains))
  }

  /// The pool's types whose labels and offerings `requirements` allow, worked out once per
  /// pool and requirements (a run's NodeClaims narrow to a handful of zone and capacity-type
  /// combinations, each tried thousands of times).
  mutating func typesAllowed(pool p: Int, by requirements: Requirements) -> Bitset {
    let key = PoolRequirements(pool: p, requirements: requirements)
    if let known = allowedTypesCache[key] { return known }
    var allowed = Bitset(count: pools[p].types.count)
    for (position, t) in pools[p].types.enumerated() {
      let type = instanceTypes[t]
      if type.requirements.intersects(requirements) && type.hasOffering(allowedBy: requirements) {
        allowed.insert(position)
      }
    }
    if allowedTypesCache.count < 10_000 { allowedTypesCache[key] = allowed }
    return allowed
  }

  struct PoolRequirements: Hashable {
    var pool: Int
    var requirements: Requirements
  }

  private mutating func commitClaim(
    _ i: Int, selected: Bitset, groups: Topology.PodGroups, claim c: Int, domains chosen: [String: [String]]
  ) {
    var domains = chosen
    domains[WellKnown.hostnameLabel] = [claims[c].hostname]
    topology.record(selected: selected, own: groups, domains: domains)
  }

  func minValuesProblem(_ requirements: Requirements, types: Bitset, pool: PoolState) -> String? {
    for r in requirements.all {
      guard let minValues = r.minValues else { continue }
      var seen = Set<String>()
      types.forEach { position in
        if let values = instanceTypes[pool.types[position]].requirements[r.key], !values.complement {
          for v in values.values where r.has(v) { seen.insert(v) }
        }
      }
      if seen.count < minValues {
        return
          "minValues \(minValues) of \(r.key) cannot be met: only \(seen.count) values remain among the instance types that fit"
      }
    }
    return nil
  }

  /// The claim's remaining types have no room for its pods and this one.
  private func noRoom(_ pod: SchedulingPod, claim: Claim) -> RejectionError.Why {
    .noRoom(
      need: claim.requests + pod.requests, types: claim.types, allocatable: pools[claim.pool].allocatable,
      resourceNames: resourceNames)
  }
}

/// A claim with one more pod, and the topology domains the pod took there.
struct ClaimUpdate {
  var claim: Claim
  var domains: [String: [String]]
}

/// A rejection carried through `Result`.
struct RejectionError: Error {
  /// Why, kept as data: a pod is tried against thousands of NodeClaims and the words are wanted
  /// only when it fits none of them.
  enum Why {
    case text(String)
    /// No remaining instance type has room for `need`.
    case noRoom(need: Resources, types: Bitset, allocatable: [Resources], resourceNames: [String])
    /// No remaining instance type satisfies the requirements.
    case unsatisfiable(Requirements)
    case taintNotTolerated(String)
    case topology(Topology.Rejection)
    case incompatible(Requirements.Incompatibility)
  }

  var why: Why
  var monotone: Bool

  init(reason: String, monotone: Bool) {
    self.why = .text(reason)
    self.monotone = monotone
  }

  init(_ why: Why, monotone: Bool) {
    self.why = why
    self.monotone = monotone
  }

  var reason: String {
    switch why {
    case .text(let text): return text
    case .noRoom(let need, let types, let allocatable, let names):
      let short = need.exceeding(types.largest(of: allocatable))
      let what = short.map { $0 < names.count ? names[$0] : "resource \($0)" }.joined(separator: ", ")
      return "no instance type has room for its requests (\(what.isEmpty ? "resources" : what))"
    case .unsatisfiable(let requirements): return "no instance type satisfies \(requirements)"
    case .taintNotTolerated(let key): return "taint \(key) not tolerated"
    case .topology(let rejection): return rejection.description
    case .incompatible(let incompatibility): return incompatibility.description
    }
  }
}
