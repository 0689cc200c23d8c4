import Controllers
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
  mutating func startTermination(_ name: String, reason: NodeRemovalReason, forceful: Bool = false) {
    guard store[node: name] != nil, store[node: name]!.disruption == nil || forceful else { return }
    taintDisrupted(name)
    var node = store[node: name]!
    node.disruption = reason
    if node.drainDeadline == nil,
      let pool = node.nodePool.flatMap({ p in store.nodePools.first { $0.name == p } }),
      let grace = pool.spec?.template?.spec?.terminationGracePeriod.flatMap(Scenario.seconds)
    {
      node.drainDeadline = now + grace
    }
    if forceful { node.drainDeadline = now }
    store[node: name] = node
    releaseNominations(name)
    lastActivity = now
    drain(name)
    requestProvisioning()
    if node.nodePool != nil { requestStaticCapacity() }
  }

  /// Adds `karpenter.sh/disrupted:NoSchedule` to the node unless it has it already.
  mutating func taintDisrupted(_ name: String) {
    let taint = Taint(key: WellKnown.disruptedTaintKey, effect: "NoSchedule")
    if store[node: name]?.taints.contains(where: { $0.matches(taint) }) == false {
      store[node: name]!.taints.append(taint)
    }
  }

  /// Pods nominated to the node look for capacity elsewhere.
  mutating func releaseNominations(_ name: String) {
    guard let nominated = store[node: name]?.nominated else { return }
    for key in nominated.sorted() where store[pod: key] != nil {
      store[pod: key]!.nominated = nil
      store[pod: key]!.awaitingProvisioner = true
      store[node: name]!.unhold(key, store[pod: key]!.requests)
    }
    store[node: name]!.nominated = []  // holds of pods no longer in the cluster
  }

  /// One drain step: evicts what may be evicted now, in upstream's order (pods that are not
  /// critical, then DaemonSet pods that are not critical, then critical pods, then critical
  /// DaemonSet pods; a group waits for the one before), and retries in 10 s while a
  /// PodDisruptionBudget or do-not-disrupt holds pods back.
  mutating func drain(_ name: String) {
    guard let node = store[node: name] else { return }
    let forced = node.drainDeadline.map { now >= $0 } ?? false
    var groups: [[String]] = [[], [], [], []]
    let disrupted = Taint(key: WellKnown.disruptedTaintKey, effect: "NoSchedule")
    for key in node.pods.sorted() {
      guard let pod = store[pod: key] else { continue }
      // As upstream: a pod that tolerates the disrupted taint would only come back; it stays
      // until the node goes.
      if (pod.pod.spec?.tolerations ?? []).contains(where: { $0.tolerates(disrupted) }) { continue }
      let cls = pod.pod.spec?.priorityClassName ?? ""
      let critical = cls == "system-cluster-critical" || cls == "system-node-critical"
      groups[(critical ? 2 : 0) + (pod.isDaemon ? 1 : 0)].append(key)
    }
    var blocked = 0
    for group in groups {
      for key in group {
        guard let pod = store[pod: key] else { continue }
        if !forced {
          if pod.pod.annotations[WellKnown.doNotDisruptAnnotation] == "true"
            && node.disruption != .interrupted
          {
            blocked += 1
            continue
          }
          if evictionBlocked(pod) {
            blocked += 1
            continue
          }
        }
        record(SimulationEvent(time: now, type: .podEvicted, node: name, pod: key, reason: node.disruption?.rawValue))
        lastActivity = now
        evict(key)
      }
      if blocked > 0 { break }  // the next group waits for this one
    }
    if blocked > 0 {
      explainOnce(
        "FailedDraining", name: name,
        message:
          "Failed to drain node, \(blocked) pods are waiting to be evicted (PodDisruptionBudget or do-not-disrupt)",
        type: "Warning")
      queue.schedule(.drain(name), at: now + Self.drainRetry)
      if let deadline = node.drainDeadline, deadline > now { queue.schedule(.drain(name), at: deadline) }
      return
    }
    terminate(name)
  }

  /// The instance goes: remaining pods (DaemonSet pods) die with it, the node's cost stops.
  mutating func terminate(_ name: String) {
    releaseNominations(name)
    guard let node = store.remove(node: name) else { return }
    try? cloud.delete(name)  // NodeClaim not found: its instance is gone already
    if node.initializedAt == nil && node.instanceGoneAt == nil { awaitingInitialization -= 1 }
    for key in node.pods.sorted() {
      if let pod = store[pod: key], pod.isDaemon { store.remove(pod: key) } else { evict(key) }
    }
    let instanceEnd = node.instanceEnd(now)
    if node.nodePool != nil { finishedCost += node.cost(until: now) }
    record(SimulationEvent(time: now, type: .nodeTerminated, node: name, reason: node.disruption?.rawValue))
    lastActivity = now
    explanations.removeValue(forKey: "Node/\(name)")
    if node.nodePool != nil { requestStaticCapacity() }  // limits.nodes counts it until now
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
  func evictionBlocked(_ pod: StatePod) -> Bool {
    PDBStatus(self).blocks(pod)
  }

  // MARK: Expiration and interruption

  /// expireAfter elapsed: the node is disrupted whatever the budgets say; its pods are drained
  /// (PodDisruptionBudgets are honoured until the NodePool's terminationGracePeriod).
  mutating func expire(_ name: String) {
    guard let node = store[node: name], node.disruption == nil else { return }
    let message =
      "\(name) reached its NodePool's expireAfter; its \(reschedulablePods(name).count) pods move to other or new nodes"
    record(
      SimulationEvent(time: now, type: .disruptionDecided, node: name, reason: NodeRemovalReason.expired.rawValue, message: message))
    logDecision(.expired, nodes: [name], message: message)
    startTermination(name, reason: .expired)
  }

  /// A spot interruption notice: Karpenter drains the node at once (its pods go pending and get
  /// new capacity from the provisioner); the instance is reclaimed after two minutes.
  mutating func interrupt(_ name: String) {
    guard let node = store[node: name], node.disruption != .interrupted, node.instanceGoneAt == nil else { return }
    // Only spot capacity receives spot interruption notices.
    guard node.capacityType == WellKnown.capacityTypeSpot else { return }
    log(
      "interruption", "initiating delete from interruption message",
      ["Node": name, "NodeClaim": name, "messageKind": "SpotInterruptionKind"])
    kubernetesEvent(
      "Warning", "SpotInterrupted", kind: "Node", name: name,
      message: "Spot interruption warning was triggered")
    takeOverForInterruption(name)
    let message =
      "spot interruption notice for \(name); the instance is reclaimed at \(Int(now + Self.interruptionNotice))s; \(reschedulablePods(name).count) pods move now"
    record(
      SimulationEvent(
        time: now, type: .disruptionDecided, node: name, reason: NodeRemovalReason.interrupted.rawValue, message: message))
    logDecision(.interrupted, nodes: [name], message: message)
    queue.schedule(.interruptionDeadline(name), at: now + Self.interruptionNotice)
    startTermination(name, reason: .interrupted)
  }

  /// A scheduled maintenance event or an instance state change (stopping, terminating):
  /// Karpenter drains the node at once, as for a spot interruption, without a 2-minute deadline.
  mutating func instanceEvent(_ name: String, kind: String) {
    guard let node = store[node: name], node.disruption != .interrupted, node.instanceGoneAt == nil else { return }
    let what = kind == "maintenance" ? "a scheduled maintenance event" : "an instance state change"
    log(
      "interruption", "initiating delete from interruption message",
      [
        "Node": name, "NodeClaim": name,
        "messageKind": kind == "maintenance" ? "ScheduledChangeKind" : "StateChangeKind",
      ])
    kubernetesEvent(
      "Warning", kind == "maintenance" ? "InstanceUnhealthy" : "InstanceTerminating", kind: "Node",
      name: name,
      message: kind == "maintenance"
        ? "A scheduled maintenance event was received" : "Instance is stopping or terminating")
    takeOverForInterruption(name)
    let message = "\(what) for \(name); \(reschedulablePods(name).count) pods move now"
    record(
      SimulationEvent(
        time: now, type: .disruptionDecided, node: name, reason: NodeRemovalReason.interrupted.rawValue, message: message))
    logDecision(.interrupted, nodes: [name], message: message)
    startTermination(name, reason: .interrupted)
  }

  /// An interruption overrides a voluntary disruption in progress: a command waiting for the
  /// node's replacements is dropped (its other nodes are released), and a drain already under
  /// way continues as an interruption.
  mutating func takeOverForInterruption(_ name: String) {
    for id in commands.keys.sorted() where commands[id]!.nodes.contains(name) {
      let command = commands.removeValue(forKey: id)!
      for other in command.nodes where other != name { releaseFromCommand(other, reason: command.reason) }
    }
    if store[node: name]?.disruption != nil { store[node: name]!.disruption = nil }
  }

  mutating func interruptionDeadline(_ name: String) {
    guard store[node: name] != nil else { return }
    terminate(name)
  }

  func reschedulablePods(_ name: String) -> [String] {
    (store[node: name]?.pods ?? []).sorted().filter { !(store[pod: $0]?.isDaemon ?? true) }
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
