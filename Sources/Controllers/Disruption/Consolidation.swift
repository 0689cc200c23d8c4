import Foundation
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// Multi-node and single-node consolidation: which nodes can go, what replaces them, whether
/// it is worth it (savings, spot-to-spot, Balanced), and why not.
extension DisruptionController {
  /// Multi-node consolidation: the longest prefix of candidates (cheapest to disrupt first)
  /// whose pods fit on the rest of the cluster plus at most one new, cheaper node. Every
  /// candidate is considered (upstream stops at 100), found by binary search.
  func multiNodePlan(_ candidates: [Candidate], probe: ReschedulingProbe) -> ConsolidationPlan? {
    // Respect budgets: keep candidates while their pool still allows one more.
    var used: [String: Int] = [:]
    var eligible: [Candidate] = []
    var allowed = AllowedDisruptions()
    for c in candidates {
      if used[c.pool.name, default: 0] >= allowed.count(c.pool, .underutilized, in: self) {
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

  /// Single-node consolidation: every candidate is considered; the one saving the most per pod
  /// it disrupts is taken, so money is saved with as few evictions as possible. Candidates are
  /// tried best bound first (what deleting it outright would save per pod disrupted), and the
  /// search stops once no remaining candidate could beat the best move found or `mustBeat`;
  /// the answer is the one evaluating all of them gives. `exhaustive` evaluates every
  /// candidate anyway (the consolidation benchmark's worst case).
  /// The first-fit baseline does as upstream: the first candidate (cheapest to disrupt) that
  /// saves anything. `rejected` collects why evaluated candidates were not worth it,
  /// `evaluated` which candidates were evaluated.
  func singleNodePlan(
    _ candidates: [Candidate], probe: ReschedulingProbe, rejected: inout [(node: String, why: String)],
    evaluated: inout Set<String>, mustBeat: Double? = nil, exhaustive: Bool = false
  ) -> ConsolidationPlan? {
    func bound(_ c: Candidate) -> Double { c.price / Self.disruptionWeight([c]) }
    var order = Array(candidates.indices)
    if options.packing == .costAware && !exhaustive {
      order.sort { (bound(candidates[$0]), -$0) > (bound(candidates[$1]), -$1) }
    }
    var best: (plan: ConsolidationPlan, index: Int)?
    var allowed = AllowedDisruptions()
    for i in order {
      let c = candidates[i]
      if options.packing == .costAware && !exhaustive {
        let floor = max(best?.plan.efficiency ?? -.infinity, mustBeat ?? -.infinity)
        if bound(c) < floor { break }
      }
      guard allowed.count(c.pool, .underutilized, in: self) >= 1 else { continue }
      evaluated.insert(c.name)
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
        // Ties go to the candidate that comes first (cheapest to disrupt).
        if best == nil || (plan.efficiency, -i) > (best!.plan.efficiency, -best!.index) { best = (plan, i) }
      }
    }
    return best?.plan
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
      balanced.map {
        $0.pool.spec?.disruption?.consolidationThreshold ?? Disruption.defaultConsolidationThreshold
      }
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
      format:
        "Balanced: score %.2f < threshold %.2f (consolidationThreshold: %.1f, savings %.1f%%, disruption %.1f%%)",
      score, 1 / k, k, savedShare * 100, disruptedShare * 100)
  }

  static let upstreamMultiNodeLimit = 100
  static let spotToSpotMinimumOptions = 15
  static let minimumSavingsPerPod = 0.01

  /// What a move's savings are divided by to rank it: 1 plus its disruption cost, floored at 0
  /// (pods cheap to evict make a move no less attractive than an empty node does).
  static func disruptionWeight(_ set: [Candidate]) -> Double {
    1 + max(0, set.reduce(0) { $0 + $1.disruptionCost })
  }

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
      guard let launch = claim.cheapestLaunch() else {
        return .rejected("No available offering for a replacement")
      }
      // Spot-to-spot consolidation is behind a feature gate upstream (off by default): spot
      // nodes are only deleted, never replaced by another spot node. With the gate on, only a
      // single node, and only with at least 15 cheaper spot instance types to launch from.
      if set.allSatisfy({ $0.capacityType == WellKnown.capacityTypeSpot })
        && launch.offering.capacityType == WellKnown.capacityTypeSpot
      {
        guard options.spotToSpotConsolidation else {
          return .rejected("SpotToSpotConsolidation is disabled, can't replace a spot node with a spot node")
        }
        guard set.count == 1 else {
          return .rejected("Spot-to-spot consolidation replaces a single node only")
        }
        let current = set[0].price
        let cheaper = claim.instanceTypes.filter { type in
          type.offerings.contains {
            $0.available && $0.capacityType == WellKnown.capacityTypeSpot && $0.price < current
          }
        }
        guard !cheaper.isEmpty else { return .rejected("Can't replace spot node with a cheaper spot node") }
        guard cheaper.count >= Self.spotToSpotMinimumOptions else {
          return .rejected(
            "SpotToSpotConsolidation requires \(Self.spotToSpotMinimumOptions) cheaper instance type options than the current candidate to consolidate, got \(cheaper.count)"
          )
        }
      }
      // Replacing several nodes by one of a type they already run is never better than deleting
      // all but one of them (upstream's filterOutSameInstanceType).
      if set.count > 1 && set.contains(where: { store[node: $0.name]?.instanceType == launch.type.name }) {
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
    return .plan(
      ConsolidationPlan(
        command: DisruptionCommand(
          id: 0, reason: .underutilized, nodes: names, replacements: plan.claims,
          replacementPods: plan.claimPods,
          message: message),
        efficiency: savings / Self.disruptionWeight(set)))
  }

  struct ReschedulingPlan {
    var claims: [PlannedNodeClaim]
    var claimPods: [[String]]
    var unschedulable: [Int: String]
    var podCount: Int
  }

  /// Where the pods of `names` would go without those nodes.
  func simulate(_ names: [String], probe: ReschedulingProbe) -> ReschedulingPlan {
    var keys: [String] = []
    var schedulingPods: [SchedulingPod] = []
    for name in names {
      store.forEachReschedulablePod(on: name) { key, p in
        var pod = p.pod
        pod.spec?.nodeName = nil
        schedulingPods.append(
          SchedulingPod(
            index: keys.count, pod: pod, requests: p.requests, volumeRequirements: p.volumeRequirements))
        keys.append(key)
      }
    }
    let result = probe.simulate(removing: Set(names), pods: schedulingPods)
    return ReschedulingPlan(
      claims: result.newNodeClaims, claimPods: result.newNodeClaims.map { $0.pods.map { keys[$0] } },
      unschedulable: result.unschedulable, podCount: keys.count)
  }
}
