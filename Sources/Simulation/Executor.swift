import Controllers
import KarpenterAPI
import KubernetesAPI

/// The in-memory executor: hands Karpenter's controllers their inputs and carries out the
/// effects they return, in the order they return them. An effect with an answer (an eviction,
/// a list of instances) is answered at once, and the effects of that answer are carried out
/// before the next effect of the list, so one step runs as a single controller would run it.
extension Simulation {
  /// Hands the input to the controllers and carries out what they ask.
  mutating func deliver(_ input: ControllerInput) {
    let effects = karpenter.handle(input, now: now, store: store)
    execute(effects)
  }

  mutating func execute(_ effects: [Effect]) {
    for effect in effects { execute(effect) }
  }

  private mutating func execute(_ effect: Effect) {
    switch effect {
    case .record(let event):
      record(event)
    case .log(let line):
      logs.append(line)
    case .post(let event):
      kubernetesEvents.append(event)
    case .taint(let name, let taint):
      if store[node: name]?.taints.contains(where: { $0.matches(taint) }) == false {
        store[node: name]!.taints.append(taint)
      }
    case .markDisrupted(let name, let reason, let deadline):
      guard store[node: name] != nil else { return }
      store[node: name]!.disruption = reason
      store[node: name]!.drainDeadline = deadline
      lastActivity = now
    case .markTerminating(let name, let reason, let deadline):
      guard store[node: name] != nil else { return }
      store[node: name]!.disruption = reason
      store[node: name]!.drainDeadline = deadline
      if store[node: name]!.terminatingSince == nil { store[node: name]!.terminatingSince = now }
      lastActivity = now
    case .unmarkDisrupted(let name):
      guard store[node: name] != nil else { return }
      store[node: name]!.disruption = nil
      store[node: name]!.taints.removeAll { $0.key == WellKnown.disruptedTaintKey }
      lastActivity = now
      scheduleKubeScheduler(at: now)
    case .launch(let request):
      deliver(.launched(request, launch(request.claim)))
    case .nominate(let key, let node):
      guard store[pod: key] != nil, store[node: node] != nil else { return }
      store[pod: key]!.nominated = node
      store[pod: key]!.pendingReason = nil
      store[node: node]!.hold(key, store[pod: key]!.requests)
      if store[node: node]!.ready { scheduleKubeScheduler(at: now) }
    case .setPendingReason(let key, let reason):
      store[pod: key]?.pendingReason = reason
    case .seenByProvisioner(let keys):
      for key in keys { store[pod: key]?.awaitingProvisioner = false }
    case .returnToProvisioner(let keys):
      for key in keys { store[pod: key]?.awaitingProvisioner = true }
    case .deleteNodeClaim(let deletion):
      deliver(.delete(deletion))
    case .releaseNominations(let name):
      releaseNominations(name)
    case .evict(let key, let node, let reason, let honouringBudgets):
      deliver(.evicted(pod: key, node: node, evictPod(key, from: node, reason: reason, honouringBudgets: honouringBudgets)))
    case .removeNode(let name):
      terminate(name)
    case .listInstances:
      deliver(.instancesListed(Set(cloud.list().lazy.map(\.name))))
    case .wake(let time, let wake):
      queue.schedule(.karpenter(wake, incarnation: karpenterIncarnation), at: time)
    case .requestProvisioning:
      requestProvisioning()
    case .requestStaticCapacity:
      requestStaticCapacity()
    }
  }

  /// Pods are pending that Karpenter's provisioner has not looked at.
  mutating func requestProvisioning() {
    deliver(.provisioningRequested)
  }

  /// Something a static NodePool depends on changed: Karpenter's static controllers look again.
  mutating func requestStaticCapacity() {
    deliver(.staticCapacityRequested)
  }

  /// The Eviction subresource: refused (429) while a PodDisruptionBudget forbids it, unless the
  /// caller deletes the pod regardless; the pod's controller recreates it.
  private mutating func evictPod(
    _ key: String, from node: String, reason: NodeRemovalReason?, honouringBudgets: Bool
  ) -> EvictionResult {
    guard let pod = store.pods[key] else { return .gone }
    if honouringBudgets && evictionBlocked(pod) { return .refusedByBudget }
    record(SimulationEvent(time: now, type: .podEvicted, node: node, pod: key, reason: reason?.rawValue))
    lastActivity = now
    evict(key)
    return .evicted
  }
}

extension Simulation {
  /// Karpenter's controller restarts (a crash, a new leader): it forgets everything it kept in
  /// memory, and its pending wake-ups die with it; the new one rebuilds from the cluster.
  public mutating func restartKarpenter() {
    karpenter = Karpenter(settings: karpenter.settings)
    karpenterIncarnation += 1
    deliver(.restarted)
  }

  /// One full consolidation evaluation of the cluster as it is now (every candidate,
  /// multi-node then single-node), for the consolidation benchmark. Returns the decision's
  /// explanation, if any, and how many candidates there were.
  public func consolidationPass() -> (decision: String?, candidates: Int) {
    karpenter.consolidationPass(now: now, store: store)
  }

  /// Karpenter's view of the cluster now and its controllers, for the metrics benchmark.
  public var view: (store: ClusterStore, karpenter: Karpenter, now: Double) { (store, karpenter, now) }
}
