import KarpenterAPI
import KubernetesAPI
import Scheduling

/// A disruption the controller decided on: the nodes, why, what replaces them, and the
/// explanation reported with it.
struct DisruptionCommand {
  var id: Int
  var reason: NodeRemovalReason
  var nodes: [String]
  var replacements: [PlannedNodeClaim]
  /// The pods (keys) each replacement was planned for.
  var replacementPods: [[String]]
  var message: String
  var launched: [String] = []
  var executing = false
}

/// A node Karpenter may disrupt voluntarily, with what disrupting it costs the workloads.
struct Candidate {
  var name: String
  var pool: NodePool
  var price: Double
  var pods: [String]
  /// Upstream's ordering cost: the pods' eviction costs times the share of the node's
  /// lifetime (expireAfter) that remains.
  var disruptionCost: Double
  var capacityType: String?
  /// Balanced's disruption cost: 1 for the node plus its pods' eviction costs floored at 0.
  var balancedDisruption: Double
}

extension DisruptionController {
  mutating func scheduleDisruption(at time: Double) {
    guard !disruptionScheduled else { return }
    disruptionScheduled = true
    reconcile.wake(at: time, .disruption)
  }

  /// One pass of the disruption controller, in upstream's order: drift, emptiness, multi-node
  /// consolidation, single-node consolidation; at most one new command per pass. First-fit
  /// takes a multi-node move whenever there is one, as upstream; cost-aware weighs the best
  /// multi-node move against the best single-node one and takes the one saving more per pod
  /// disrupted (fewer evictions for the same money).
  mutating func runDisruption() {
    defer { scheduleDisruption(at: now + Self.disruptionPeriod) }
    if !staleMarksReleased {
      releaseStaleTaints()
      staleMarksReleased = true
    }
    guard commands.isEmpty else { return }  // one decision at a time, carried out before the next
    // While nodes drain or pods wait for capacity the cluster is in flux; decide once it settles.
    if store.nodes.values.contains(where: { $0.disruption != nil }) { return }
    if store.unboundPods.contains(where: {
      let pod = store.pods[$0]!
      return !pod.isDaemon && (pod.nominated != nil || pod.awaitingProvisioner)
    }) {
      return
    }
    // Nothing changed and no timer ran out: the last pass's answer still holds.
    guard store.generation != evaluatedVersion || now >= nextTimedCheck else { return }
    evaluatedVersion = store.generation
    nextTimedCheck = nextConsolidateAfterTime()
    takeDisruptionSnapshot()
    let candidacies = store.nodeNames.map { ($0, candidacy($0)) }
    explainBlockedNodes(candidacies)
    if let command = driftCommand() { propose(command); return }
    let candidates = Self.candidates(candidacies)
    explainBlockingBudgets(candidates)
    // A node that is no consolidation candidate now has no current consolidation verdict.
    let underusedNames = Set(candidates.filter(Self.consolidates).map(\.name))
    for (name, _) in candidacies where !underusedNames.contains(name) {
      clearExplanation("Unconsolidatable", name: name)
    }
    if let command = emptinessCommand(candidates) { propose(command); return }
    let underused = candidates.filter(Self.consolidates)
    if underused.isEmpty { return }
    let probe = ReschedulingProbe(store.clusterSchedulingInput(packing: options.packing))
    let multi = multiNodePlan(underused, probe: probe)
    if let multi, options.packing == .firstFit { propose(multi.command); return }
    var rejected: [(node: String, why: String)] = []
    var evaluated = Set<String>()
    let single = singleNodePlan(
      underused, probe: probe, rejected: &rejected, evaluated: &evaluated, mustBeat: multi?.efficiency)
    let unconsolidatable = Set(rejected.map(\.node))
    for (node, why) in rejected { explainOnce("Unconsolidatable", name: node, message: why) }
    for name in evaluated.subtracting(unconsolidatable).sorted() {
      clearExplanation("Unconsolidatable", name: name)
    }
    let best = [multi, single].compactMap { $0 }.max { $0.efficiency < $1.efficiency }
    if let plan = best { propose(plan.command) }
  }

  /// At the first pass after the controller started: a node tainted `karpenter.sh/disrupted` or
  /// marked for a disruption that no command holds, and that is not being deleted, loses the
  /// taint and the mark. Such nodes are what a restarted controller finds of the decisions it no
  /// longer remembers (or a cluster dump taken in the middle of one). Upstream repeats this at
  /// every pass because its cache and the API server can disagree; here the controller's own
  /// marks stay consistent once it runs (a dropped or undone command releases its nodes), and a
  /// scan of every node at every pass cost the 20,000-pod run 0.5% of its instructions.
  mutating func releaseStaleTaints() {
    let held = Set(commands.values.flatMap(\.nodes))
    for node in store.sortedNodes
    where node.terminatingSince == nil && !held.contains(node.name)
      && (node.disruption != nil || node.taints.contains(where: { $0.key == WellKnown.disruptedTaintKey }))
    {
      emit(.unmarkDisrupted(node: node.name))
    }
  }

  // MARK: Candidates and budgets

  /// Managed, Ready nodes that are not being disrupted, whose consolidateAfter has passed,
  /// with no do-not-disrupt pod and no pod a PodDisruptionBudget protects right now.
  func consolidationCandidates() -> [Candidate] {
    Self.candidates(store.nodeNames.map { ($0, candidacy($0)) })
  }

  /// Which of the named nodes (all in the store) are candidates now, cheapest to disrupt first:
  /// a decision's validation judges its own nodes only.
  func candidates(among names: [String]) -> [Candidate] {
    Self.candidates(names.map { ($0, candidacy($0)) })
  }

  /// The candidates among judged nodes, cheapest to disrupt first.
  static func candidates(_ candidacies: [(String, Candidacy)]) -> [Candidate] {
    let out = candidacies.compactMap { _, candidacy -> Candidate? in
      if case .candidate(let candidate) = candidacy { return candidate }
      return nil
    }
    return out.sorted { ($0.disruptionCost, $0.name) < ($1.disruptionCost, $1.name) }
  }

  enum Candidacy {
    case candidate(Candidate)
    /// Not a candidate because of something the user set (do-not-disrupt, a PodDisruptionBudget):
    /// the explanation posted as DisruptionBlocked.
    case blocked(String)
    /// Not a candidate for now (not managed, not Ready, already disrupted, consolidateAfter).
    case notEligible
  }

  func candidacy(_ name: String) -> Candidacy {
    let node = store[node: name]!
    guard node.ready, node.initializedAt != nil, node.disruption == nil, let poolName = node.nodePool,
      let pool = store.nodePools.first(where: { $0.name == poolName })
    else { return .notEligible }
    // Static NodePools are never consolidated (emptiness included), as upstream.
    if pool.isStatic { return .notEligible }
    if node.annotations[WellKnown.doNotDisruptAnnotation] == "true" {
      return .blocked("Node has \"karpenter.sh/do-not-disrupt\" annotation")
    }
    let after = pool.spec?.disruption?.consolidateAfter ?? NodePool.defaultConsolidateAfter
    guard after != "Never", let seconds = Durations.seconds(after), now - node.lastPodEvent >= seconds else {
      return .notEligible
    }
    let pods = nodePods(name)
    if let refusal = pods.refusal { return .blocked(refusal) }
    return .candidate(
      Candidate(
        name: name, pool: pool, price: node.price, pods: pods.keys,
        disruptionCost: pods.evictionCost * lifetimeRemaining(node, pool),
        capacityType: node.capacityType, balancedDisruption: pods.balancedDisruption))
  }

  /// The share of the node's expireAfter still ahead of it (1 without expireAfter): nodes close
  /// to expiry are cheaper to disrupt, as upstream orders them.
  func lifetimeRemaining(_ node: StateNode, _ pool: NodePool) -> Double {
    DisruptionCosts.lifetimeRemaining(node, pool, at: now)
  }

  /// Whether the candidate's NodePool consolidates underused nodes (not only empty ones).
  static func consolidates(_ c: Candidate) -> Bool {
    (c.pool.spec?.disruption?.consolidationPolicy ?? NodePool.defaultConsolidationPolicy) != "WhenEmpty"
  }

  /// Posts DisruptionBlocked on each NodePool whose budgets allow no disruption now for a reason
  /// that one of its candidates would be disrupted for; clears it where that no longer holds.
  mutating func explainBlockingBudgets(_ candidates: [Candidate]) {
    let withCandidates = Set(candidates.map(\.pool.name))
    for pool in store.nodePools where !withCandidates.contains(pool.name) {
      for reason in [NodeRemovalReason.empty, .underutilized] {
        clearExplanation("DisruptionBlocked/\(reason)", name: pool.name, kind: "NodePool")
      }
    }
    var seen = Set<String>()
    for c in candidates where seen.insert(c.pool.name).inserted {
      for reason in [NodeRemovalReason.empty, .underutilized] {
        guard allowedDisruptions(pool: c.pool, reason: reason) < 1 else {
          clearExplanation("DisruptionBlocked/\(reason)", name: c.pool.name, kind: "NodePool")
          continue
        }
        explainOnce(
          "DisruptionBlocked", name: c.pool.name,
          message: "No allowed disruptions for disruption reason \(reason) due to blocking budget",
          kind: "NodePool",
          slot: "DisruptionBlocked/\(reason)")
      }
    }
  }

  /// Posts DisruptionBlocked for every node that the user's settings keep from being disrupted
  /// (once per distinct explanation).
  mutating func explainBlockedNodes(_ candidacies: [(String, Candidacy)]) {
    for (name, candidacy) in candidacies {
      switch candidacy {
      case .blocked(let why): explainOnce("DisruptionBlocked", name: name, message: why)
      case .candidate: clearExplanation("DisruptionBlocked", name: name)
      case .notEligible: break  // not looked at closely enough to know
      }
    }
  }

  /// Why a voluntary disruption (drift, consolidation) may not evict `pod` now, as upstream's
  /// candidate filter says it (do-not-disrupt, a PodDisruptionBudget). Nil when it may be
  /// evicted; a pod without a controller may, as upstream evicts it, and the decision says it
  /// will not come back (``orphanNote(_:)``).
  func evictionRefusal(_ pod: StatePod) -> String? {
    if doNotDisrupt(pod) { return "Pod \(pod.key) has \"karpenter.sh/do-not-disrupt\" annotation" }
    if disruptionBudgets.blocks(pod) { return "A PodDisruptionBudget prevents evicting pod \(pod.key)" }
    return nil
  }

  /// What a decision adds about the pods on its nodes that no controller would recreate, or
  /// nil when there are none.
  func orphanNote(_ nodeNames: [String]) -> String? {
    let orphans = nodeNames.flatMap { store.reschedulablePods(on: $0) }.filter { store[pod: $0]?.pod.controllerOwner == nil }.sorted()
    guard !orphans.isEmpty else { return nil }
    let shown = orphans.prefix(5).joined(separator: ", ") + (orphans.count > 5 ? " and \(orphans.count - 5) more" : "")
    return "\(orphans.count) pod(s) without a controller will be evicted and not come back (\(shown))"
  }

  func doNotDisrupt(_ pod: StatePod) -> Bool { DisruptionCosts.doNotDisrupt(pod, at: now) }

  func evictionCost(_ pod: StatePod) -> Double { DisruptionCosts.evictionCost(pod) }

  /// How many more nodes of the pool may be disrupted for `reason` now: the smallest of the
  /// budgets that apply (a count, or a percentage of the pool's nodes rounded up; a scheduled
  /// budget only inside its window), less the nodes already being disrupted.
  /// Each pool's allowed disruptions, counted once per plan: counting walks every node, and a
  /// plan asks for every candidate.
  struct AllowedDisruptions {
    private var counts: [String: Int] = [:]

    mutating func count(_ pool: NodePool, _ reason: NodeRemovalReason, in controller: DisruptionController) -> Int {
      let key = pool.name + "\u{0}" + reason.rawValue
      if let n = counts[key] { return n }
      let n = controller.allowedDisruptions(pool: pool, reason: reason)
      counts[key] = n
      return n
    }
  }

  func allowedDisruptions(pool: NodePool, reason: NodeRemovalReason) -> Int {
    let poolNodes = store.nodes.values.lazy.filter { $0.nodePool == pool.name }
    let disrupting =
      poolNodes.filter { $0.disruption != nil }.count
      + commands.values.filter { !$0.executing }.flatMap(\.nodes).filter { store[node: $0]?.nodePool == pool.name }
      .count
    var allowed = Int.max
    for budget in pool.spec?.disruption?.budgets ?? [Budget(nodes: NodePool.defaultBudgetNodes)] {
      if let reasons = budget.reasons, !reasons.contains(reason.rawValue) { continue }
      if let schedule = budget.schedule, let duration = budget.duration.flatMap(Durations.seconds),
        let cron = try? CronSchedule(parsing: schedule)
      {
        let t = epoch + Int64(now)
        if cron.lastFiring(atOrBefore: t, within: Int64(duration) - 1) == nil { continue }
      }
      let spec = budget.nodes ?? NodePool.defaultBudgetNodes
      let n: Int
      if spec.hasSuffix("%"), let p = Int(spec.dropLast()) {
        n = (p * poolNodes.count + 99) / 100  // counted once per budget
      } else {
        n = Int(spec) ?? 0
      }
      allowed = min(allowed, n)
    }
    return allowed == Int.max ? Int.max : max(0, allowed - disrupting)
  }

  /// The next moment a node's consolidateAfter runs out (re-evaluate then even if nothing
  /// changed), and budget windows are checked every minute.
  func nextConsolidateAfterTime() -> Double {
    var next = Double.infinity
    for node in store.nodes.values where node.nodePool != nil && node.disruption == nil {
      guard let pool = store.nodePools.first(where: { $0.name == node.nodePool }), !pool.isStatic,
        let seconds = Durations.seconds(pool.spec?.disruption?.consolidateAfter ?? "0s")
      else { continue }
      let t = node.lastPodEvent + seconds
      if t > now { next = min(next, t) }
    }
    if store.nodePools.contains(where: {
      ($0.spec?.disruption?.budgets ?? []).contains { $0.schedule != nil }
    }) {
      next = min(next, now + 60)
    }
    // A pod's do-not-disrupt duration running out frees its node.
    for key in store.podsWithDoNotDisrupt {
      guard let pod = store[pod: key], pod.node != nil else { continue }
      if let value = pod.pod.annotations[WellKnown.doNotDisruptAnnotation],
        let seconds = Durations.seconds(value),
        pod.createdAt + seconds > now
      {
        next = min(next, pod.createdAt + seconds)
      }
    }
    // Nothing else changes the answer: with the cluster unchanged the evaluation is
    // deterministic, so no periodic re-check is needed (upstream polls; the result is the same).
    return next
  }
}
