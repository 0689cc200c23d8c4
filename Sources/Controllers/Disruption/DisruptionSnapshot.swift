import KarpenterAPI
import KubernetesAPI
import Scheduling

/// Which pods PodDisruptionBudgets protect right now, computed once per disruption pass.
public struct PDBStatus: Sendable {
  /// For each budget: the pods it selects and how many of them may still be disrupted.
  var budgets: [(namespace: String, selector: LabelSelector, allowed: Int)] = []

  public init() {}

  public init(_ store: ClusterStore) {
    for pdb in store.podDisruptionBudgets {
      guard let selector = pdb.spec?.selector,
        !(selector.matchLabels ?? [:]).isEmpty || !(selector.matchExpressions ?? []).isEmpty
      else { continue }
      let namespace = pdb.namespace
      var expected = 0
      var healthy = 0
      for pod in store.pods.values
      where (pod.pod.metadata.namespace ?? "default") == namespace
        && selector.matches(pod.pod.metadata.labels ?? [:])
      {
        expected += 1
        if pod.node.flatMap({ store[node: $0]?.ready }) ?? false { healthy += 1 }
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

  /// Whether a budget selecting the pod allows no more disruptions now.
  public func blocks(_ pod: StatePod) -> Bool {
    let namespace = pod.pod.metadata.namespace ?? "default"
    let labels = pod.pod.metadata.labels ?? [:]
    return budgets.contains { $0.namespace == namespace && $0.allowed < 1 && $0.selector.matches(labels) }
  }
}

/// Each NodePool's cost per hour and Balanced disruption cost (1 per node plus its pods'
/// eviction costs floored at 0; summed only when a NodePool is Balanced), over all its nodes,
/// taken once per disruption pass.
struct PoolTotals {
  var cost = 0.0
  var disruption = 0.0
}

/// A node's reschedulable pods as a disruption pass weighs them: worked out by the snapshot
/// when a Balanced NodePool needs them for every node, and then read again by each node's
/// candidacy instead of walking its pods a second time.
struct NodePods {
  /// In name order.
  var keys: [String]
  /// Why the first pod that may not be evicted now may not (do-not-disrupt, a budget).
  var refusal: String?
  /// The pods' eviction costs, summed.
  var evictionCost: Double
  /// Balanced's disruption cost: 1 for the node plus the eviction costs floored at 0.
  var balancedDisruption: Double
}

/// The snapshot's ``NodePods``, valid for the store generation and time it was taken at.
struct NodePodsSnapshot {
  var generation = -1
  var time = -Double.infinity
  var nodes: [String: NodePods] = [:]
}

extension DisruptionController {
  /// What a disruption pass decides against: PodDisruptionBudgets, the NodePools' totals and
  /// each node's pods.
  mutating func takeDisruptionSnapshot() {
    disruptionBudgets = PDBStatus(store)
    var totals: [String: PoolTotals] = [:]
    var weighed: [String: NodePods] = [:]
    // Only Balanced weighs a move against its pools' disruption totals; without such a pool
    // each node's pods are weighed when its candidacy asks (a validation asks for a few).
    let balanced = store.nodePools.contains { $0.spec?.disruption?.consolidationPolicy == "Balanced" }
    for name in store.nodeNames {
      let node = store[node: name]!
      guard let pool = node.nodePool else { continue }
      totals[pool, default: PoolTotals()].cost += node.price
      guard balanced else { continue }
      let pods = nodePods(name)
      weighed[name] = pods
      totals[pool, default: PoolTotals()].disruption += pods.balancedDisruption
    }
    poolTotals = totals
    nodePodsSnapshot = NodePodsSnapshot(generation: store.generation, time: now, nodes: weighed)
  }

  /// The node's reschedulable pods, weighed: from the snapshot when it was taken of this store
  /// at this time, else worked out now.
  func nodePods(_ name: String) -> NodePods {
    if nodePodsSnapshot.generation == store.generation, nodePodsSnapshot.time == now,
      let known = nodePodsSnapshot.nodes[name]
    {
      return known
    }
    var weighed = NodePods(keys: [], refusal: nil, evictionCost: 0, balancedDisruption: 1)
    store.forEachReschedulablePod(on: name) { key, pod in
      weighed.keys.append(key)
      if weighed.refusal == nil { weighed.refusal = evictionRefusal(pod) }
      let cost = evictionCost(pod)
      weighed.evictionCost += cost
      weighed.balancedDisruption += max(0, cost)
    }
    return weighed
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
    let probe = ReschedulingProbe(store.clusterSchedulingInput(packing: options.packing))
    // Both methods run in full, so the figure covers every candidate being evaluated alone too.
    let multi = multiNodePlan(underused, probe: probe)
    var rejected: [(node: String, why: String)] = []
    var evaluated = Set<String>()
    let single = singleNodePlan(
      underused, probe: probe, rejected: &rejected, evaluated: &evaluated, exhaustive: true)
    // The choice runDisruption makes: first-fit takes a multi-node move first; cost-aware the
    // one saving most per pod disrupted.
    let best =
      options.packing == .firstFit
      ? (multi ?? single) : [multi, single].compactMap { $0 }.max { $0.efficiency < $1.efficiency }
    return (best?.command.message, candidates.count)
  }
}
