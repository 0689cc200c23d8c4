import KarpenterAPI
import KubernetesAPI

/// Upstream's termination controller: a node whose NodeClaim is deleted is tainted
/// `karpenter.sh/disrupted:NoSchedule` so nothing new lands on it, drained in upstream's order,
/// and then its instance and finalizers go.
///
/// Drain order: pods that are not critical, then DaemonSet pods that are not critical, then
/// critical pods, then critical DaemonSet pods; a group waits until the one before is gone.
/// A pod that tolerates the disrupted taint stays until the node goes (it would only come back).
/// Until the node's drain deadline (its NodePool's terminationGracePeriod, or now for a forceful
/// deletion) evictions honour PodDisruptionBudgets and do-not-disrupt (except for an
/// interruption, which ignores do-not-disrupt); a drain held back is retried every 10 s.
struct TerminationController: Sendable {
  static let drainRetry = 10.0
  static let disruptedTaint = Taint(key: WellKnown.disruptedTaintKey, effect: "NoSchedule")

  /// A drain step waiting for the answers to its evictions.
  struct Step: Sendable {
    var reason: NodeRemovalReason?
    var deadline: Double?
    var forced: Bool
    var groups: [[String]]
    var group: Int
    var awaiting: Set<String> = []
    /// Pods of the group that may not go yet (refused by a budget, or do-not-disrupt).
    var heldBack = 0
  }

  /// Drain steps under way, by node.
  var steps: [String: Step] = [:]

  /// Starts deleting a node: taints it, marks its NodeClaim as terminating and drains it. A node
  /// already being disrupted is left alone, unless the deletion is forceful or supersedes that.
  mutating func start(_ deletion: Deletion, _ r: inout Reconcile) {
    let name = deletion.node
    guard let node = r.store.nodes[name],
      node.disruption == nil || deletion.forceful || deletion.supersedes
    else { return }
    var deadline = node.drainDeadline
    if deadline == nil, let grace = r.store.nodePool(named: node.nodePool).flatMap(Durations.terminationGracePeriod) {
      deadline = r.now + grace
    }
    if deletion.forceful { deadline = r.now }
    r.effects.append(.taint(node: name, Self.disruptedTaint))
    r.effects.append(.markTerminating(node: name, reason: deletion.reason, drainDeadline: deadline))
    r.effects.append(.releaseNominations(node: name))
    drain(name, reason: deletion.reason, deadline: deadline, &r)
    r.effects.append(.requestProvisioning)
    if node.nodePool != nil { r.effects.append(.requestStaticCapacity) }
  }

  /// A drain retry: the node as the store has it now.
  mutating func drain(_ name: String, _ r: inout Reconcile) {
    guard let node = r.store.nodes[name] else { return }
    drain(name, reason: node.disruption, deadline: node.drainDeadline, &r)
  }

  private mutating func drain(_ name: String, reason: NodeRemovalReason?, deadline: Double?, _ r: inout Reconcile) {
    guard let node = r.store.nodes[name] else { return }
    var groups: [[String]] = [[], [], [], []]
    for key in node.pods.sorted() {
      guard let pod = r.store.pods[key] else { continue }
      if (pod.pod.spec?.tolerations ?? []).contains(where: { $0.tolerates(Self.disruptedTaint) }) { continue }
      let cls = pod.pod.spec?.priorityClassName ?? ""
      let critical = cls == "system-cluster-critical" || cls == "system-node-critical"
      groups[(critical ? 2 : 0) + (pod.isDaemon ? 1 : 0)].append(key)
    }
    let forced = deadline.map { r.now >= $0 } ?? false
    evict(name, Step(reason: reason, deadline: deadline, forced: forced, groups: groups, group: 0), &r)
  }

  /// Evicts the step's group; the answers come back through `evicted`.
  private mutating func evict(_ name: String, _ step: Step, _ r: inout Reconcile) {
    var step = step
    for key in step.groups[step.group] {
      guard let pod = r.store.pods[key] else { continue }
      if !step.forced && step.reason != .interrupted
        && pod.pod.annotations[WellKnown.doNotDisruptAnnotation] == "true"
      {
        step.heldBack += 1
        continue
      }
      step.awaiting.insert(key)
    }
    let awaiting = step.awaiting
    steps[name] = step
    // Asked in name order; an answer may arrive before the next eviction is asked (in memory).
    for key in step.groups[step.group] where awaiting.contains(key) {
      r.effects.append(.evict(pod: key, node: name, reason: step.reason, honouringBudgets: !step.forced))
    }
    if awaiting.isEmpty { finishGroup(name, &r) }
  }

  /// The node is gone: a drain step still waiting for answers is dropped.
  mutating func forget(_ name: String) {
    steps.removeValue(forKey: name)
  }

  /// An eviction's answer.
  mutating func evicted(_ pod: String, from name: String, _ result: EvictionResult, _ r: inout Reconcile) {
    guard var step = steps[name], step.awaiting.remove(pod) != nil else { return }
    if result == .evicted {
      r.kubernetesEvent("Normal", "Evicted", kind: "Pod", name: pod, message: "Evicted pod: \(step.reason?.rawValue ?? "")")
    }
    if result == .refusedByBudget { step.heldBack += 1 }
    steps[name] = step
    if step.awaiting.isEmpty { finishGroup(name, &r) }
  }

  /// Every answer of the group is in: on to the next group, or retry later, or the node goes.
  private mutating func finishGroup(_ name: String, _ r: inout Reconcile) {
    guard var step = steps.removeValue(forKey: name) else { return }
    if step.heldBack > 0 {
      r.explainOnce(
        "FailedDraining", name: name,
        message:
          "Failed to drain node, \(step.heldBack) pods are waiting to be evicted (PodDisruptionBudget or do-not-disrupt)",
        type: "Warning")
      r.wake(at: r.now + Self.drainRetry, .drain(name))
      if let deadline = step.deadline, deadline > r.now { r.wake(at: deadline, .drain(name)) }
      return
    }
    step.group += 1
    while step.group < step.groups.count && step.groups[step.group].isEmpty { step.group += 1 }
    if step.group < step.groups.count {
      evict(name, step, &r)
    } else {
      r.removeNode(name)
    }
  }
}
