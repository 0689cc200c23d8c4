import Foundation
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// A disruption the controller decided on: the nodes, why, what replaces them, and the
/// explanation reported with it.
struct DisruptionCommand {
  var id: Int
  var reason: String
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

extension Simulation {
  static let disruptionPeriod = 10.0
  static let validationDelay = 15.0

  mutating func scheduleDisruption(at time: Double) {
    guard !disruptionScheduled else { return }
    disruptionScheduled = true
    queue.schedule(.disruption, at: time)
  }

  /// One pass of the disruption controller, in upstream's order: drift, emptiness, multi-node
  /// consolidation, single-node consolidation; at most one new command per pass. First-fit
  /// takes a multi-node move whenever there is one, as upstream; cost-aware weighs the best
  /// multi-node move against the best single-node one and takes the one saving more per pod
  /// disrupted (fewer evictions for the same money).
  mutating func runDisruption() {
    defer { scheduleDisruption(at: now + Self.disruptionPeriod) }
    guard commands.isEmpty else { return }  // one decision at a time, carried out before the next
    // While nodes drain or pods wait for capacity the cluster is in flux; decide once it settles.
    if nodes.values.contains(where: { $0.disruption != nil }) { return }
    if pods.values.contains(where: {
      $0.node == nil && !$0.isDaemon && ($0.nominated != nil || $0.awaitingProvisioner)
    }) {
      return
    }
    // Nothing changed and no timer ran out: the last pass's answer still holds.
    guard clusterVersion != evaluatedVersion || now >= nextTimedCheck else { return }
    evaluatedVersion = clusterVersion
    nextTimedCheck = nextConsolidateAfterTime()
    takeDisruptionSnapshot()
    explainBlockedNodes()
    if let command = driftCommand() { propose(command); return }
    let candidates = consolidationCandidates()
    explainBlockingBudgets(candidates)
    if let command = emptinessCommand(candidates) { propose(command); return }
    let underused = candidates.filter {
      ($0.pool.spec?.disruption?.consolidationPolicy ?? NodePool.defaultConsolidationPolicy) != "WhenEmpty"
    }
    if underused.isEmpty { return }
    let probe = ReschedulingProbe(clusterSchedulingInput())
    let multi = multiNodePlan(underused, probe: probe)
    if let multi, options.packing == .firstFit { propose(multi.command); return }
    var rejected: [(node: String, why: String)] = []
    let single = singleNodePlan(underused, probe: probe, rejected: &rejected)
    let unconsolidatable = Set(rejected.map(\.node))
    for (node, why) in rejected { explainOnce("Unconsolidatable", name: node, message: why) }
    for c in underused where !unconsolidatable.contains(c.name) { clearExplanation("Unconsolidatable", name: c.name) }
    let best = [multi, single].compactMap { $0 }.max { $0.efficiency < $1.efficiency }
    if let plan = best { propose(plan.command) }
  }

  // MARK: Candidates and budgets

  /// Managed, Ready nodes that are not being disrupted, whose consolidateAfter has passed,
  /// with no do-not-disrupt pod and no pod a PodDisruptionBudget protects right now.
  func consolidationCandidates() -> [Candidate] {
    var out: [Candidate] = []
    for name in nodes.keys.sorted() {
      if case .candidate(let candidate) = candidacy(name) { out.append(candidate) }
    }
    return out.sorted { ($0.disruptionCost, $0.name) < ($1.disruptionCost, $1.name) }
  }

  enum Candidacy {
    case candidate(Candidate)
    /// Not a candidate because of something the user set (do-not-disrupt, a PodDisruptionBudget,
    /// a pod no controller would recreate): the explanation posted as DisruptionBlocked.
    case blocked(String)
    /// Not a candidate for now (not managed, not Ready, already disrupted, consolidateAfter).
    case notEligible
  }

  func candidacy(_ name: String) -> Candidacy {
    let node = nodes[name]!
    guard node.ready, node.disruption == nil, let poolName = node.nodePool,
      let pool = input.nodePools.first(where: { $0.name == poolName })
    else { return .notEligible }
    if node.annotations[WellKnown.doNotDisruptAnnotation] == "true" {
      return .blocked("Node has \"karpenter.sh/do-not-disrupt\" annotation")
    }
    let after = pool.spec?.disruption?.consolidateAfter ?? NodePool.defaultConsolidateAfter
    guard after != "Never", let seconds = Scenario.seconds(after), now - node.lastPodEvent >= seconds else {
      return .notEligible
    }
    let podKeys = reschedulablePods(name)
    var cost = 0.0
    for key in podKeys {
      guard let pod = pods[key] else { continue }
      // A pod no controller would recreate is never disrupted voluntarily: it would be gone.
      if doNotDisrupt(pod) { return .blocked("Pod \(key) has \"karpenter.sh/do-not-disrupt\" annotation") }
      if pod.pod.controllerOwner == nil { return .blocked("Pod \(key) has no controller that would recreate it") }
      if disruptionBudgets.blocks(pod) { return .blocked("A PodDisruptionBudget prevents evicting pod \(key)") }
      cost += evictionCost(pod)
    }
    let balanced = balancedDisruption(of: podKeys)
    return .candidate(
      Candidate(
        name: name, pool: pool, price: node.price, pods: podKeys, disruptionCost: cost * lifetimeRemaining(node, pool),
        capacityType: node.capacityType, balancedDisruption: balanced))
  }

  /// Balanced's disruption cost of a node holding `podKeys`: 1 for the node plus the pods'
  /// eviction costs floored at 0.
  func balancedDisruption(of podKeys: [String]) -> Double {
    podKeys.reduce(1.0) { $0 + max(0, pods[$1].map(evictionCost) ?? 0) }
  }

  /// The share of the node's expireAfter still ahead of it (1 without expireAfter): nodes close
  /// to expiry are cheaper to disrupt, as upstream orders them.
  func lifetimeRemaining(_ node: SimNode, _ pool: NodePool) -> Double {
    guard let lifetime = Self.expireAfter(pool), lifetime > 0 else { return 1 }
    return min(1, max(0, 1 - (now - node.createdAt) / lifetime))
  }

  /// Posts DisruptionBlocked on each NodePool whose budgets allow no disruption now for a reason
  /// that one of its candidates would be disrupted for.
  mutating func explainBlockingBudgets(_ candidates: [Candidate]) {
    var seen = Set<String>()
    for c in candidates where seen.insert(c.pool.name).inserted {
      for reason in ["Empty", "Underutilized"] {
        guard allowedDisruptions(pool: c.pool, reason: reason) < 1 else {
          clearExplanation("DisruptionBlocked/\(reason)", name: c.pool.name, kind: "NodePool")
          continue
        }
        explainOnce(
          "DisruptionBlocked", name: c.pool.name,
          message: "No allowed disruptions for disruption reason \(reason) due to blocking budget", kind: "NodePool",
          slot: "DisruptionBlocked/\(reason)")
      }
    }
  }

  /// Posts DisruptionBlocked for every node that the user's settings keep from being disrupted
  /// (once per distinct explanation).
  mutating func explainBlockedNodes() {
    for name in nodes.keys.sorted() {
      switch candidacy(name) {
      case .blocked(let why): explainOnce("DisruptionBlocked", name: name, message: why)
      case .candidate: clearExplanation("DisruptionBlocked", name: name)
      case .notEligible: break  // not looked at closely enough to know
      }
    }
  }

  func doNotDisrupt(_ pod: SimPod) -> Bool {
    guard let value = pod.pod.annotations[WellKnown.doNotDisruptAnnotation] else { return false }
    if value == "true" { return true }
    if let seconds = Scenario.seconds(value) { return now - pod.createdAt < seconds }
    return false
  }

  /// Upstream's eviction cost: 1 + deletion cost / 2^27 + priority / 2^25, clamped to ±10.
  func evictionCost(_ pod: SimPod) -> Double {
    var cost = 1.0
    if let deletion = pod.pod.annotations["controller.kubernetes.io/pod-deletion-cost"].flatMap(Double.init) {
      cost += deletion / pow(2, 27)
    }
    if let priority = pod.pod.spec?.priority { cost += Double(priority) / pow(2, 25) }
    return min(10, max(-10, cost))
  }

  /// How many more nodes of the pool may be disrupted for `reason` now: the smallest of the
  /// budgets that apply (a count, or a percentage of the pool's nodes rounded up; a scheduled
  /// budget only inside its window), less the nodes already being disrupted.
  func allowedDisruptions(pool: NodePool, reason: String) -> Int {
    let poolNodes = nodes.values.lazy.filter { $0.nodePool == pool.name }
    let disrupting =
      poolNodes.filter { $0.disruption != nil }.count
      + commands.values.filter { !$0.executing }.flatMap(\.nodes).filter { nodes[$0]?.nodePool == pool.name }
      .count
    var allowed = Int.max
    for budget in pool.spec?.disruption?.budgets ?? [Budget(nodes: NodePool.defaultBudgetNodes)] {
      if let reasons = budget.reasons, !reasons.contains(reason) { continue }
      if let schedule = budget.schedule, let duration = budget.duration.flatMap(Scenario.seconds),
        let cron = try? CronSchedule(parsing: schedule)
      {
        let t = options.epoch + Int64(now)
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
    for node in nodes.values where node.nodePool != nil && node.disruption == nil {
      guard let pool = input.nodePools.first(where: { $0.name == node.nodePool }),
        let seconds = Scenario.seconds(pool.spec?.disruption?.consolidateAfter ?? "0s")
      else { continue }
      let t = node.lastPodEvent + seconds
      if t > now { next = min(next, t) }
    }
    if input.nodePools.contains(where: {
      ($0.spec?.disruption?.budgets ?? []).contains { $0.schedule != nil }
    }) {
      next = min(next, now + 60)
    }
    // A pod's do-not-disrupt duration running out frees its node.
    for pod in pods.values where pod.node != nil {
      if let value = pod.pod.annotations[WellKnown.doNotDisruptAnnotation],
        let seconds = Scenario.seconds(value),
        pod.createdAt + seconds > now
      {
        next = min(next, pod.createdAt + seconds)
      }
    }
    // Nothing else changes the answer: with the cluster unchanged the evaluation is
    // deterministic, so no periodic re-check is needed (upstream polls; the result is the same).
    return next
  }

  // MARK: Methods

  func templateHash(_ pool: NodePool) -> String {
    if let cached = templateHashes[pool.name], cached.spec == pool.spec?.template { return cached.hash }
    return computeTemplateHash(pool)
  }

  func computeTemplateHash(_ pool: NodePool) -> String {
    Self.hash(pool.spec?.template)
  }

  /// The hash of the EC2NodeClass the pool's nodes are launched from (nil when the class is
  /// not in the input): when it changes, the nodes have drifted from their provider settings.
  func nodeClassHash(_ pool: NodePool) -> String? {
    guard let ref = pool.spec?.template?.spec?.nodeClassRef, ref.kind == nil || ref.kind == EC2NodeClass.kind,
      let name = ref.name, let nodeClass = input.nodeClasses[name]
    else { return nil }
    return "\(name)/" + Self.hash(nodeClass.spec)
  }

  static func hash<T: Encodable>(_ value: T?) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data = (try? encoder.encode(value)) ?? Data()
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return String(hash, radix: 16)
  }

  /// Drift: a node whose NodePool template changed (hash), whose labels no longer meet the
  /// NodePool's requirements, or whose NodePool is gone. Replaced, within "Drifted" budgets.
  mutating func driftCommand() -> DisruptionCommand? {
    for pool in input.nodePools where templateHashes[pool.name]?.spec != pool.spec?.template {
      templateHashes[pool.name] = (pool.spec?.template, computeTemplateHash(pool))
    }
    var classHashes: [String: String?] = [:]
    func classHash(_ pool: NodePool) -> String? {
      if let known = classHashes[pool.name] { return known }
      let hash = nodeClassHash(pool)
      classHashes[pool.name] = hash
      return hash
    }
    for name in nodes.keys.sorted() {
      let node = nodes[name]!
      guard node.ready, node.disruption == nil, let poolName = node.nodePool,
        node.annotations[WellKnown.doNotDisruptAnnotation] != "true"
      else { continue }
      let pool = input.nodePools.first { $0.name == poolName }
      var why: String?
      if let pool {
        if let hash = node.templateHash, hash != templateHash(pool) {
          why = "its NodePool's template changed"
        } else if let hash = node.nodeClassHash, hash != classHash(pool) {
          why = "its EC2NodeClass \(pool.spec?.template?.spec?.nodeClassRef?.name ?? "") changed (provider drift)"
        } else if let problem = Requirements(labels: node.labels).compatibilityProblem(
          Requirements(nodePoolRequirements: pool.spec?.template?.spec?.requirements ?? []))
        {
          why = "it no longer meets its NodePool's requirements (\(problem))"
        }
      } else {
        why = "its NodePool \(poolName) was deleted"
      }
      guard let why else { continue }
      if let pool, allowedDisruptions(pool: pool, reason: "Drifted") < 1 { continue }
      if reschedulablePods(name).contains(where: { pods[$0].map(doNotDisrupt) ?? false }) { continue }
      let probe = ReschedulingProbe(clusterSchedulingInput())
      let plan = simulate([name], probe: probe)
      guard plan.unschedulable.isEmpty else { continue }
      return DisruptionCommand(
        id: 0, reason: "Drifted", nodes: [name], replacements: plan.claims, replacementPods: plan.claimPods,
        message:
          "\(name) drifted: \(why); \(plan.podCount) pods move\(plan.claims.isEmpty ? " to other nodes" : " to \(plan.claims.count) new node(s)")"
      )
    }
    return nil
  }

  /// Emptiness: candidates without pods (DaemonSet pods aside) are deleted, within "Empty"
  /// budgets.
  func emptinessCommand(_ candidates: [Candidate]) -> DisruptionCommand? {
    var chosen: [String] = []
    var used: [String: Int] = [:]
    var saved = 0.0
    for c in candidates where c.pods.isEmpty {
      let allowed = allowedDisruptions(pool: c.pool, reason: "Empty")
      if used[c.pool.name, default: 0] >= allowed { continue }
      used[c.pool.name, default: 0] += 1
      chosen.append(c.name)
      saved += c.price
    }
    guard !chosen.isEmpty else { return nil }
    return DisruptionCommand(
      id: 0, reason: "Empty", nodes: chosen, replacements: [], replacementPods: [],
      message: "\(chosen.count) empty node(s) deleted, saving $\(formatPrice(saved))/h")
  }

  /// Multi-node consolidation: the longest prefix of candidates (cheapest to disrupt first)
  /// whose pods fit on the rest of the cluster plus at most one new, cheaper node. Every
  /// candidate is considered (upstream stops at 100), found by binary search.
  func multiNodePlan(_ candidates: [Candidate], probe: ReschedulingProbe) -> ConsolidationPlan? {
    // Respect budgets: keep candidates while their pool still allows one more.
    var used: [String: Int] = [:]
    var eligible: [Candidate] = []
    for c in candidates {
      if used[c.pool.name, default: 0] >= allowedDisruptions(pool: c.pool, reason: "Underutilized") {
        continue
      }
      used[c.pool.name, default: 0] += 1
      eligible.append(c)
    }
    // The first-fit baseline does as upstream: at most 100 candidates.
    if options.packing == .firstFit { eligible = Array(eligible.prefix(Self.upstreamMultiNodeLimit)) }
    guard eligible.count >= 2 else { return nil }
    var low = 2
    var high = eligible.count
    var best: (Int, ConsolidationPlan)?
    while low <= high {
      let mid = (low + high) / 2
      let set = Array(eligible.prefix(mid))
      if let plan = consolidation(set, probe: probe) {
        best = (mid, plan)
        low = mid + 1
      } else {
        high = mid - 1
      }
    }
    return best?.1
  }

  /// Single-node consolidation: every candidate is evaluated; the one saving the most per pod it
  /// disrupts is taken, so money is saved with as few evictions as possible.
  /// The first-fit baseline does as upstream: the first candidate (cheapest to disrupt) that
  /// saves anything.
  /// `rejected` collects why each candidate evaluated alone was not worth it.
  func singleNodePlan(
    _ candidates: [Candidate], probe: ReschedulingProbe, rejected: inout [(node: String, why: String)]
  ) -> ConsolidationPlan? {
    var best: ConsolidationPlan?
    for c in candidates {
      guard allowedDisruptions(pool: c.pool, reason: "Underutilized") >= 1 else { continue }
      // Balanced: when even deleting the node outright scores too low, no move of it can pass.
      if let why = balancedRejection([c], savings: c.price) {
        rejected.append((c.name, why + " even if deleted"))
        continue
      }
      switch evaluateConsolidation([c], probe: probe) {
      case .rejected(let why):
        rejected.append((c.name, why))
      case .plan(let plan):
        if options.packing == .firstFit { return plan }
        if best == nil || plan.efficiency > best!.efficiency { best = plan }
      }
    }
    return best
  }

  /// Balanced, as upstream's scored consolidation: the move's share of its pools' cost saved,
  /// divided by its share of their disruption cost (1 per node plus the pods' eviction costs),
  /// must reach 1/k (k = consolidationThreshold, default 2; the strictest of the Balanced pools
  /// involved).
  /// Pool totals are the snapshot taken at the start of the pass. Nil when the move passes or
  /// no Balanced pool is involved.
  func balancedRejection(_ set: [Candidate], savings: Double) -> String? {
    let balanced = set.filter { $0.pool.spec?.disruption?.consolidationPolicy == "Balanced" }
    guard !balanced.isEmpty else { return nil }
    let k =
      balanced.map { $0.pool.spec?.disruption?.consolidationThreshold ?? Disruption.defaultConsolidationThreshold }
      .min()!
    // The move's savings and disruption cover the whole set, so the totals cover every pool the
    // set draws from.
    var poolCost = 0.0
    var poolDisruption = 0.0
    for name in Set(set.map(\.pool.name)).sorted() {
      poolCost += poolTotals[name]?.cost ?? 0
      poolDisruption += poolTotals[name]?.disruption ?? 0
    }
    let moveDisruption = set.reduce(0) { $0 + $1.balancedDisruption }
    guard poolCost > 0, poolDisruption > 0 else { return nil }
    let savedShare = savings / poolCost
    let disruptedShare = moveDisruption / poolDisruption
    let score = savedShare / disruptedShare
    if score >= 1 / k { return nil }
    return String(
      format: "Balanced: score %.2f < threshold %.2f (consolidationThreshold: %.1f, savings %.1f%%, disruption %.1f%%)",
      score, 1 / k, k, savedShare * 100, disruptedShare * 100)
  }

  static let upstreamMultiNodeLimit = 100
  static let spotToSpotMinimumOptions = 15
  static let minimumSavingsPerPod = 0.01

  struct ConsolidationPlan {
    var command: DisruptionCommand
    /// Dollars per hour saved per unit of disruption cost (about one per pod evicted).
    var efficiency: Double
  }

  /// Whether deleting `set` (moving its pods elsewhere, with at most one new node that costs
  /// less than the set) saves money, honouring the consolidation policy.
  func consolidation(_ set: [Candidate], probe: ReschedulingProbe) -> ConsolidationPlan? {
    if case .plan(let plan) = evaluateConsolidation(set, probe: probe) { return plan }
    return nil
  }

  enum ConsolidationOutcome {
    case plan(ConsolidationPlan)
    /// Why not, in the words of upstream's Unconsolidatable events where it has them.
    case rejected(String)
  }

  func evaluateConsolidation(_ set: [Candidate], probe: ReschedulingProbe) -> ConsolidationOutcome {
    let names = set.map(\.name)
    let plan = simulate(names, probe: probe)
    if let reason = plan.unschedulable.values.sorted().first {
      return .rejected("Not all pods would schedule, \(reason)")
    }
    guard plan.claims.count <= 1 else {
      return .rejected("Can't remove without creating \(plan.claims.count) nodes")
    }
    let current = set.reduce(0) { $0 + $1.price }
    var newPrice = 0.0
    var newDescription = ""
    if let claim = plan.claims.first {
      guard let launch = claim.cheapestLaunch() else { return .rejected("No available offering for a replacement") }
      // Spot-to-spot consolidation is behind a feature gate upstream (off by default): spot
      // nodes are only deleted, never replaced by another spot node. With the gate on, only a
      // single node, and only with at least 15 cheaper spot instance types to launch from.
      if set.allSatisfy({ $0.capacityType == WellKnown.capacityTypeSpot })
        && launch.offering.capacityType == WellKnown.capacityTypeSpot
      {
        guard input.scenario.spec?.featureGates?.spotToSpotConsolidation == true else {
          return .rejected("SpotToSpotConsolidation is disabled, can't replace a spot node with a spot node")
        }
        guard set.count == 1 else { return .rejected("Spot-to-spot consolidation replaces a single node only") }
        let current = set[0].price
        let cheaper = claim.instanceTypes.filter { type in
          type.offerings.contains {
            $0.available && $0.capacityType == WellKnown.capacityTypeSpot && $0.price < current
          }
        }
        guard cheaper.count >= Self.spotToSpotMinimumOptions else {
          return .rejected(
            "SpotToSpotConsolidation requires \(Self.spotToSpotMinimumOptions) cheaper instance type options than the current candidate to consolidate, got \(cheaper.count)"
          )
        }
      }
      // Replacing several nodes by one of a type they already run is never better than deleting
      // all but one of them (upstream's filterOutSameInstanceType).
      if set.count > 1 && set.contains(where: { nodes[$0.name]?.instanceType == launch.type.name }) {
        return .rejected("Can't replace several nodes by one of a type they already run")
      }
      newPrice = launch.offering.price
      newDescription =
        " and 1 new \(launch.type.name) \(launch.offering.capacityType) node at $\(formatPrice(newPrice))/h"
    }
    let savings = current - newPrice
    guard savings > 1e-9 else { return .rejected("Can't replace with a cheaper node") }
    // Cost-aware: a move must save at least a cent per hour for every pod it evicts,
    // so the fleet does not churn workloads for pennies (first-fit keeps upstream's any-saving).
    if options.packing == .costAware && savings < Self.minimumSavingsPerPod * Double(plan.podCount) {
      return .rejected(
        "Saving $\(formatPrice(savings))/h is less than $\(formatPrice(Self.minimumSavingsPerPod))/h for each of the \(plan.podCount) pods it would evict"
      )
    }
    if let why = balancedRejection(set, savings: savings) { return .rejected(why) }
    let message =
      "\(names.joined(separator: ", ")) (\(set.count) node\(set.count == 1 ? "" : "s"), $\(formatPrice(current))/h) replaced by the rest of the cluster\(newDescription); \(plan.podCount) pods move; saves $\(formatPrice(savings))/h"
    return .plan(ConsolidationPlan(
      command: DisruptionCommand(
        id: 0, reason: "Underutilized", nodes: names, replacements: plan.claims,
        replacementPods: plan.claimPods,
        message: message),
      efficiency: savings / (1 + set.reduce(0) { $0 + $1.disruptionCost })))
  }

  struct ReschedulingPlan {
    var claims: [PlannedNodeClaim]
    var claimPods: [[String]]
    var unschedulable: [Int: String]
    var podCount: Int
  }

  /// Where the pods of `names` would go without those nodes.
  func simulate(_ names: [String], probe: ReschedulingProbe) -> ReschedulingPlan {
    let keys = names.flatMap { reschedulablePods($0) }
    let schedulingPods = keys.enumerated().map { i, key in
      let p = pods[key]!
      var pod = p.pod
      pod.spec?.nodeName = nil
      return SchedulingPod(index: i, pod: pod, requests: p.requests, volumeRequirements: p.volumeRequirements)
    }
    let result = probe.simulate(removing: Set(names), pods: schedulingPods)
    return ReschedulingPlan(
      claims: result.newNodeClaims, claimPods: result.newNodeClaims.map { $0.pods.map { keys[$0] } },
      unschedulable: result.unschedulable, podCount: keys.count)
  }

  /// The cluster as the scheduler sees it for disruption: every initialized node that is not
  /// going away, with what runs on it (and what is nominated to it), and the NodePools. Pods
  /// are never moved onto a node that has not initialized (it may never), as upstream refuses
  /// a consolidation that would schedule against an uninitialized NodeClaim.
  func clusterSchedulingInput() -> SchedulingInput {
    let existing = nodes.keys.sorted().compactMap { name -> ExistingNode? in
      let node = nodes[name]!
      guard node.disruption == nil, node.initializedAt != nil, node.instanceGoneAt == nil else { return nil }
      return existingNode(node, includeNominated: true)
    }
    var input = SchedulingInput(
      nodePools: nodePoolTemplates(), instanceTypes: catalog.instanceTypes, existingNodes: existing, pods: [],
      daemonSets: daemonSetPods(), packing: options.packing)
    input.resourceNames = schema.names
    return input
  }

  // MARK: Commands

  /// Holds a decision for the validation delay, as upstream does before acting.
  mutating func propose(_ command: DisruptionCommand) {
    var c = command
    c.id = nextCommandID
    nextCommandID += 1
    commands[c.id] = c
    queue.schedule(.validate(c.id), at: now + Self.validationDelay)
  }

  /// Re-checks a decision after the delay and carries it out: replacements first, the nodes
  /// drained and deleted once the replacements are Ready.
  mutating func validateCommand(_ id: Int) {
    guard var command = commands[id] else { return }
    let stillThere = command.nodes.allSatisfy { nodes[$0] != nil && nodes[$0]!.disruption == nil }
    var valid = stillThere
    if valid && command.reason == "Underutilized" {
      let candidates = consolidationCandidates().filter { command.nodes.contains($0.name) }
      valid =
        candidates.count == command.nodes.count
        && consolidation(candidates, probe: ReschedulingProbe(clusterSchedulingInput())) != nil
    }
    guard valid else {
      commands.removeValue(forKey: id)
      return
    }
    for (claim, podKeys) in zip(command.replacements, command.replacementPods) {
      if let launched = launch(
        claim, pods: [],
        reason:
          "replacement for \(command.nodes.joined(separator: ", ")) (\(command.reason)) for \(podKeys.count) pods"
      ) {
        command.launched.append(launched)
      } else {
        // A replacement could not be launched: the decision is dropped and the nodes stay.
        // Replacements already launched are left to consolidation as ordinary capacity.
        commands.removeValue(forKey: id)
        return
      }
    }
    for name in command.nodes {
      record(
        SimulationEvent(
          time: now, type: "DisruptionDecided", node: name, reason: command.reason, message: command.message))
      nodes[name]!.disruption = command.reason
      taintDisrupted(name)
    }
    logDecision(command.reason, nodes: command.nodes, message: command.message)
    command.executing = true
    lastActivity = now
    clusterVersion += 1
    commands[id] = command
    if command.launched.isEmpty {
      carryOut(id)
    } else {
      for replacement in command.launched {
        kubernetesEvent(
          "Normal", "DisruptionLaunching", kind: "NodeClaim", name: replacement,
          message: "Launching NodeClaim: \(command.reason)")
      }
      for name in command.nodes {
        kubernetesEvent(
          "Normal", "DisruptionWaitingReadiness", kind: "Node", name: name,
          message: "Waiting on readiness to continue disruption")
      }
      queue.schedule(.replacementTimeout(id), at: now + Self.replacementTTL)
    }
  }

  /// Called when a node becomes Ready: a command whose replacements are all Ready drains its
  /// nodes now.
  mutating func replacementReady(_ name: String) {
    for id in commands.keys.sorted() where commands[id]!.launched.contains(name) {
      if commands[id]!.launched.allSatisfy({ nodes[$0]?.ready ?? false }) { carryOut(id) }
    }
  }

  /// Drains and deletes a command's nodes (its replacements, if any, are Ready).
  mutating func carryOut(_ id: Int) {
    guard let command = commands.removeValue(forKey: id) else { return }
    for name in command.nodes where nodes[name] != nil {
      nodes[name]!.disruption = nil  // let startTermination set it
      startTermination(name, reason: command.reason)
    }
  }

  func daemonSetPods() -> [DaemonSetPod] {
    var schema = self.schema
    return input.daemonSets.compactMap { ds -> DaemonSetPod? in
      guard let template = ds.spec?.template, let spec = template.spec else { return nil }
      let pod = Pod(
        metadata: ObjectMeta(name: ds.name, namespace: ds.namespace, labels: template.metadata?.labels),
        spec: spec)
      var list = pod.effectiveRequests
      list[ResourceName.pods] = (list[ResourceName.pods] ?? .zero) + Quantity(1)
      guard let requests = try? schema.vector(list) else { return nil }
      return DaemonSetPod(pod: pod, requests: requests)
    }
  }
}

/// Which pods PodDisruptionBudgets protect right now, computed once per disruption pass.
struct PDBStatus {
  /// For each budget: the pods it selects and how many of them may still be disrupted.
  var budgets: [(namespace: String, selector: LabelSelector, allowed: Int)] = []

  init() {}

  init(_ sim: Simulation) {
    for pdb in sim.input.podDisruptionBudgets {
      guard let selector = pdb.spec?.selector,
        !(selector.matchLabels ?? [:]).isEmpty || !(selector.matchExpressions ?? []).isEmpty
      else { continue }
      let namespace = pdb.namespace
      var expected = 0
      var healthy = 0
      for pod in sim.pods.values
      where (pod.pod.metadata.namespace ?? "default") == namespace
        && selector.matches(pod.pod.metadata.labels ?? [:])
      {
        expected += 1
        if pod.node.flatMap({ sim.nodes[$0]?.ready }) ?? false { healthy += 1 }
      }
      let desired: Int
      if let min = pdb.spec?.minAvailable {
        desired = min.scaled(total: expected, roundUp: true) ?? expected
      } else if let max = pdb.spec?.maxUnavailable {
        desired = expected - (max.scaled(total: expected, roundUp: true) ?? 0)
      } else {
        continue
      }
      budgets.append((namespace, selector, healthy - desired))
    }
  }

  func blocks(_ pod: SimPod) -> Bool {
    let namespace = pod.pod.metadata.namespace ?? "default"
    let labels = pod.pod.metadata.labels ?? [:]
    return budgets.contains { $0.namespace == namespace && $0.allowed < 1 && $0.selector.matches(labels) }
  }
}

/// Each NodePool's cost per hour and Balanced disruption cost (1 per node plus its pods'
/// eviction costs floored at 0), over all its nodes, taken once per disruption pass.
struct PoolTotals {
  var cost = 0.0
  var disruption = 0.0
}

extension Simulation {
  /// What a disruption pass decides against: PodDisruptionBudgets and the NodePools' totals.
  mutating func takeDisruptionSnapshot() {
    disruptionBudgets = PDBStatus(self)
    var totals: [String: PoolTotals] = [:]
    for name in nodes.keys.sorted() {
      let node = nodes[name]!
      guard let pool = node.nodePool else { continue }
      totals[pool, default: PoolTotals()].cost += node.price
      totals[pool, default: PoolTotals()].disruption += balancedDisruption(of: reschedulablePods(name))
    }
    poolTotals = totals
  }

  /// One full consolidation evaluation of the cluster as it is at time 0 (every candidate,
  /// multi-node then single-node), for the consolidation benchmark. Returns the decision's
  /// explanation, if any, and how many candidates there were.
  public func consolidationPass() -> (decision: String?, candidates: Int) {
    var simulation = self
    simulation.takeDisruptionSnapshot()
    return simulation.evaluateEveryCandidate()
  }

  func evaluateEveryCandidate() -> (decision: String?, candidates: Int) {
    let candidates = consolidationCandidates()
    let underused = candidates.filter {
      ($0.pool.spec?.disruption?.consolidationPolicy ?? NodePool.defaultConsolidationPolicy) != "WhenEmpty"
    }
    let probe = ReschedulingProbe(clusterSchedulingInput())
    // Both methods run in full, so the figure covers every candidate being evaluated alone too.
    let multi = multiNodePlan(underused, probe: probe)
    var rejected: [(node: String, why: String)] = []
    let single = singleNodePlan(underused, probe: probe, rejected: &rejected)
    return ((multi ?? single)?.command.message, candidates.count)
  }
}
