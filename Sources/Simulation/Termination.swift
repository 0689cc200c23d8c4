import KarpenterAPI
import KubernetesAPI
import Scheduling

extension Simulation {
  static let drainRetry = 10.0
  static let unavailableOfferingTTL = 180.0
  static let interruptionNotice = 120.0

  /// Starts removing a node: it is tainted `karpenter.sh/disrupted:NoSchedule` so nothing new
  /// lands on it, then drained in upstream's order, then its instance and finalizer go.
  /// `forceful` drains ignore PodDisruptionBudgets and do-not-disrupt (expiration past its
  /// grace period, interruption at its deadline, a deleted Node).
  mutating func startTermination(_ name: String, reason: String, forceful: Bool = false) {
    guard var node = nodes[name], node.disruption == nil || forceful else { return }
    node.disruption = reason
    let taint = Taint(key: WellKnown.disruptedTaintKey, effect: "NoSchedule")
    if !node.taints.contains(where: { $0.matches(taint) }) { node.taints.append(taint) }
    if node.drainDeadline == nil,
      let pool = node.nodePool.flatMap({ p in input.nodePools.first { $0.name == p } }),
      let grace = pool.spec?.template?.spec?.terminationGracePeriod.flatMap(Scenario.seconds)
    {
      node.drainDeadline = now + grace
    }
    if forceful { node.drainDeadline = now }
    // Pods nominated for it look elsewhere.
    for key in node.nominated.sorted() {
      if pods[key] != nil {
        pods[key]!.nominated = nil
        pods[key]!.awaitingProvisioner = true
        node.requested -= pods[key]!.requests
      }
    }
    node.nominated = []
    nodes[name] = node
    clusterVersion += 1
    lastActivity = now
    drain(name)
    requestProvisioning()
  }

  /// One drain step: evicts what may be evicted now, in upstream's order (pods that are not
  /// critical, then DaemonSet pods that are not critical, then critical pods, then critical
  /// DaemonSet pods; a group waits for the one before), and retries in 10 s while a
  /// PodDisruptionBudget or do-not-disrupt holds pods back.
  mutating func drain(_ name: String) {
    guard let node = nodes[name] else { return }
    let forced = node.drainDeadline.map { now >= $0 } ?? false
    var groups: [[String]] = [[], [], [], []]
    for key in node.pods.sorted() {
      guard let pod = pods[key] else { continue }
      let cls = pod.pod.spec?.priorityClassName ?? ""
      let critical = cls == "system-cluster-critical" || cls == "system-node-critical"
      groups[(critical ? 2 : 0) + (pod.isDaemon ? 1 : 0)].append(key)
    }
    var blocked = 0
    for group in groups {
      for key in group {
        guard let pod = pods[key] else { continue }
        if !forced {
          if pod.pod.annotations[WellKnown.doNotDisruptAnnotation] == "true"
            && node.disruption != "Interrupted"
          {
            blocked += 1
            continue
          }
          if evictionBlocked(pod) {
            blocked += 1
            continue
          }
        }
        record(SimulationEvent(time: now, type: "PodEvicted", node: name, pod: key, reason: node.disruption))
        lastActivity = now
        evict(key)
      }
      if blocked > 0 { break }  // the next group waits for this one
    }
    if blocked > 0 {
      explainOnce(
        "FailedDraining", node: name,
        message: "Failed to drain node, \(blocked) pods are waiting to be evicted (PodDisruptionBudget or do-not-disrupt)",
        type: "Warning")
      queue.schedule(.drain(name), at: now + Self.drainRetry)
      if let deadline = node.drainDeadline, deadline > now { queue.schedule(.drain(name), at: deadline) }
      return
    }
    terminate(name)
  }

  /// The instance goes: remaining pods (DaemonSet pods) die with it, the node's cost stops.
  mutating func terminate(_ name: String) {
    guard let node = nodes.removeValue(forKey: name) else { return }
    cloud.delete(name, at: now)
    for key in node.pods.sorted() {
      if let pod = pods[key], pod.isDaemon { pods.removeValue(forKey: key) } else { evict(key) }
    }
    let instanceEnd = min(now, node.instanceGoneAt ?? now)
    if node.nodePool != nil { finishedCost += node.price * max(0, instanceEnd - node.createdAt) / 3600 }
    record(SimulationEvent(time: now, type: "NodeTerminated", node: name, reason: node.disruption))
    lastActivity = now
    clusterVersion += 1
    lastExplanation.removeValue(forKey: "Node/\(name)")
    if options.keepsHistory {
      nodeHistory.append(
        NodeLifetime(
          name: name, nodePool: node.nodePool, capacityType: node.capacityType, price: node.price,
          from: node.createdAt, to: instanceEnd))
    }
    scheduleKubeScheduler(at: now)
  }

  // MARK: PodDisruptionBudgets

  /// Whether a PodDisruptionBudget forbids evicting `pod` now: one selecting it whose healthy
  /// pods would drop below what it requires. Counted afresh, as each eviction changes it.
  func evictionBlocked(_ pod: SimPod) -> Bool {
    PDBStatus(self).blocks(pod)
  }

  // MARK: Expiration and interruption

  /// expireAfter elapsed: the node is disrupted whatever the budgets say; its pods are drained
  /// (PodDisruptionBudgets are honoured until the NodePool's terminationGracePeriod).
  mutating func expire(_ name: String) {
    guard let node = nodes[name], node.disruption == nil else { return }
    record(
      SimulationEvent(
        time: now, type: "DisruptionDecided", node: name, reason: "Expired",
        message:
          "\(name) reached its NodePool's expireAfter; its \(reschedulablePods(name).count) pods move to other or new nodes"
      ))
    startTermination(name, reason: "Expired")
  }

  /// A spot interruption notice: Karpenter drains the node at once (its pods go pending and get
  /// new capacity from the provisioner); the instance is reclaimed after two minutes.
  mutating func interrupt(_ name: String) {
    guard let node = nodes[name] else { return }
    // Only spot capacity receives spot interruption notices.
    guard node.capacityType == WellKnown.capacityTypeSpot else { return }
    record(
      SimulationEvent(
        time: now, type: "DisruptionDecided", node: name, reason: "Interrupted",
        message:
          "spot interruption notice for \(name); the instance is reclaimed at \(Int(now + Self.interruptionNotice))s; \(reschedulablePods(name).count) pods move now"
      ))
    queue.schedule(.interruptionDeadline(name), at: now + Self.interruptionNotice)
    startTermination(name, reason: "Interrupted")
  }

  /// A scheduled maintenance event or an instance state change (stopping, terminating):
  /// Karpenter drains the node at once, as for a spot interruption, without a 2-minute deadline.
  mutating func instanceEvent(_ name: String, kind: String) {
    guard nodes[name] != nil else { return }
    let what = kind == "maintenance" ? "a scheduled maintenance event" : "an instance state change"
    record(
      SimulationEvent(
        time: now, type: "DisruptionDecided", node: name, reason: "Interrupted",
        message: "\(what) for \(name); \(reschedulablePods(name).count) pods move now"))
    startTermination(name, reason: "Interrupted")
  }

  mutating func interruptionDeadline(_ name: String) {
    guard nodes[name] != nil else { return }
    terminate(name)
  }

  func reschedulablePods(_ name: String) -> [String] {
    (nodes[name]?.pods ?? []).sorted().filter { !(pods[$0]?.isDaemon ?? true) }
  }
}

/// A node's life, for the report and the total cost.
struct NodeLifetime {
  var name: String
  var nodePool: String?
  var capacityType: String?
  var price: Double
  var from: Double
  var to: Double
}
