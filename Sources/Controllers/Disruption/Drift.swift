import KarpenterAPI
import KubernetesAPI
import Scheduling

/// Drift (the NodePool template, its requirements, its EC2NodeClass, a deleted NodePool) and
/// emptiness: the disruption methods that run before consolidation.
extension DisruptionController {
  /// Drift: a node whose NodePool template changed (hash), whose labels no longer meet the
  /// NodePool's requirements, or whose NodePool is gone. Replaced, within "Drifted" budgets.
  mutating func driftCommand() -> DisruptionCommand? {
    var classHashes: [String: String?] = [:]
    func classHash(_ pool: NodePool) -> String? {
      if let known = classHashes[pool.name] { return known }
      let hash = NodePoolHashes.nodeClass(pool, nodeClasses: store.nodeClasses)
      classHashes[pool.name] = hash
      return hash
    }
    for name in store.nodeNames {
      let node = store[node: name]!
      guard node.ready, node.initializedAt != nil, node.disruption == nil, let poolName = node.nodePool,
        node.annotations[WellKnown.doNotDisruptAnnotation] != "true"
      else { continue }
      let pool = store.nodePools.first { $0.name == poolName }
      var why: String?
      if let pool {
        if let before = node.driftedBefore {
          why = before
        } else if let hash = node.templateHash, hash != hashes.template(pool) {
          why = "its NodePool's template changed"
        } else if let hash = node.nodeClassHash, hash != classHash(pool) {
          why =
            "its EC2NodeClass \(pool.spec?.template?.spec?.nodeClassRef?.name ?? "") changed (provider drift)"
        } else if let problem = Requirements(labels: node.labels).compatibilityProblem(
          Requirements(nodePoolRequirements: pool.spec?.template?.spec?.requirements ?? []))
        {
          why = "it no longer meets its NodePool's requirements (\(problem))"
        }
      } else {
        why = "its NodePool \(poolName) was deleted"
      }
      guard let why else {
        clearExplanation(Self.driftSlot, name: name)
        continue
      }
      if let pool, allowedDisruptions(pool: pool, reason: .drifted) < 1 {
        explainDrift(
          name, "Drifted (\(why)), but no allowed disruptions for disruption reason Drifted due to blocking budget")
        continue
      }
      // A node holding a pod that may not be evicted now is not a drift candidate this pass,
      // unless its NodePool sets terminationGracePeriod: drift is eventual disruption, and the
      // drain evicts such pods when the grace period ends (upstream's eventual disruption).
      let gracePeriod = pool?.spec?.template?.spec?.terminationGracePeriod.flatMap(Durations.seconds)
      if gracePeriod == nil, let refusal = firstEvictionRefusal(on: name) {
        explainDrift(name, "Drifted (\(why)), but \(refusal)")
        continue
      }
      if let pool, pool.isStatic {
        // Replaced one for one from the template, whatever its pods need.
        if let command = staticDriftCommand(name, pool: pool, why: why) { return command }
        continue
      }
      let probe = ReschedulingProbe(store.clusterSchedulingInput(packing: options.packing))
      let plan = simulate([name], probe: probe)
      guard plan.unschedulable.isEmpty else {
        explainDrift(name, "Drifted (\(why)), but not all pods would schedule: \(plan.unschedulable.count) would stay pending")
        continue
      }
      clearExplanation(Self.driftSlot, name: name)
      return DisruptionCommand(
        id: 0, reason: .drifted, nodes: [name], replacements: plan.claims, replacementPods: plan.claimPods,
        message:
          "\(name) drifted: \(why); \(plan.podCount) pods move\(plan.claims.isEmpty ? " to other nodes" : " to \(plan.claims.count) new node(s)")"
      )
    }
    return nil
  }

  /// Why the first pod on the node that may not be evicted now may not (nil when all may).
  func firstEvictionRefusal(on name: String) -> String? {
    for key in store.reschedulablePods(on: name) {
      if let refusal = store[pod: key].flatMap(evictionRefusal) { return refusal }
    }
    return nil
  }

  /// The slot of drift's "why not" explanation, apart from consolidation's DisruptionBlocked.
  static let driftSlot = "DisruptionBlocked/Drifted"

  /// Posts why a drifted node is left alone this pass (once while it holds).
  mutating func explainDrift(_ name: String, _ message: String) {
    explainOnce("DisruptionBlocked", name: name, message: message, slot: Self.driftSlot)
  }

  /// Emptiness: candidates without pods (DaemonSet pods aside) are deleted, within "Empty"
  /// budgets.
  func emptinessCommand(_ candidates: [Candidate]) -> DisruptionCommand? {
    var chosen: [String] = []
    var used: [String: Int] = [:]
    var saved = 0.0
    var budgets = AllowedDisruptions()
    for c in candidates where c.pods.isEmpty {
      let allowed = budgets.count(c.pool, .empty, in: self)
      if used[c.pool.name, default: 0] >= allowed { continue }
      used[c.pool.name, default: 0] += 1
      chosen.append(c.name)
      saved += c.price
    }
    guard !chosen.isEmpty else { return nil }
    return DisruptionCommand(
      id: 0, reason: .empty, nodes: chosen, replacements: [], replacementPods: [],
      message: "\(chosen.count) empty node(s) deleted, saving $\(formatPrice(saved))/h")
  }

  /// Upstream's static drift: a drifted node of a static pool is replaced one for one by a
  /// NodeClaim from the template, within the "Drifted" budgets, while the pool is not scaled
  /// beyond its replicas and `limits.nodes` leaves room for the replacement. Nil when the
  /// node must wait.
  func staticDriftCommand(_ name: String, pool: NodePool, why: String) -> DisruptionCommand? {
    let count = store.staticCount(pool.name, marked: executingNodes)
    guard count.active + count.pendingDisruption <= Int(clamping: pool.spec?.replicas ?? 0),
      store.staticRoom(pool, marked: executingNodes) >= 1, let claim = store.staticNodeClaim(pool)
    else { return nil }
    return DisruptionCommand(
      id: 0, reason: .drifted, nodes: [name], replacements: [claim],
      replacementPods: [store.reschedulablePods(on: name)],
      message:
        "\(name) drifted: \(why); replaced by a new node of static NodePool \(pool.name), then drained (\(store.reschedulablePods(on: name).count) pods move)"
    )
  }
}
