import KarpenterAPI
import KubernetesAPI

/// Karpenter's controllers as one state machine: an input and the store in, effects out. It
/// holds only what Karpenter keeps in memory (drains and disruption commands under way, the
/// explanations it posted, whether garbage collection or a static pass is due); everything else
/// it reads from the store, and everything it changes it changes through effects, so the same
/// controllers run against any world.
public struct Karpenter: Sendable {
  public let settings: KarpenterSettings
  var termination = TerminationController()
  var garbageCollection = GarbageCollector()
  var disruption = DisruptionController()
  var staticCapacity = StaticCapacityController()
  var provisioner = Provisioner()
  /// The "why not" explanations that hold now, as posted.
  public private(set) var explanations = Explanations()

  public init(settings: KarpenterSettings = KarpenterSettings()) {
    self.settings = settings
  }

  public mutating func handle(_ input: ControllerInput, now: Double, store: ClusterStore) -> [Effect] {
    var r = Reconcile(now: now, store: store, settings: settings)
    swap(&r.explanations, &explanations)
    switch input {
    case .started:
      withDisruption(&r) { $0.scheduleDisruption(at: now + DisruptionController.disruptionPeriod) }
    case .wake(.disruption):
      withDisruption(&r) {
        $0.disruptionScheduled = false
        $0.runDisruption()
      }
    case .wake(.validate(let id)): withDisruption(&r) { $0.validateCommand(id) }
    case .wake(.replacementTimeout(let id)): withDisruption(&r) { $0.replacementTimeout(id) }
    case .launched(let request, let outcome):
      LaunchLifecycle.answered(request, outcome, &r, &provisioner)
      switch request.origin {
      case .provisioner: break
      case .disruption(let id): withDisruption(&r) { $0.replacementLaunched(id, as: outcome.name) }
      case .staticPool: withStaticCapacity(&r) { $0.launched(outcome.name) }
      }
    case .wake(.provision): provisioner.provision(&r)
    case .provisioningRequested: provisioner.request(&r)
    case .nodeRegistered(let name):
      r.log("nodeclaim.lifecycle", "registered nodeclaim", ["NodeClaim": name, "Node": name])
    case .nodeInitialized(let name):
      r.log("nodeclaim.lifecycle", "initialized nodeclaim", ["NodeClaim": name, "Node": name])
      withDisruption(&r) { $0.replacementReady(name) }
    case .wake(.staticCapacity): withStaticCapacity(&r) { $0.run() }
    case .staticCapacityRequested: withStaticCapacity(&r) { $0.request() }
    case .wake(.drain(let name)): termination.drain(name, &r)
    case .wake(.expire(let name)): Expiration.expire(name, &r, &termination)
    case .wake(.registrationTimeout(let name)): Liveness.registrationTimeout(name, &r, &termination)
    case .wake(.garbageCollect): garbageCollection.collect(&r)
    case .evicted(let pod, let node, let result): termination.evicted(pod, from: node, result, &r)
    case .instancesListed(let instances): garbageCollection.listed(instances, &r)
    case .nodeClaimCreated(let name, let launched):
      Expiration.track(name, &r)
      if launched { Liveness.track(name, &r) }
    case .instanceLost: garbageCollection.instanceLost(&r)
    case .interruption(let node, let kind):
      InterruptionHandler.handle(kind, node: node, &r, &termination, &disruption)
    case .delete(let deletion): termination.start(deletion, &r)
    case .nodeRemoved(let name, let reason):
      r.log("node.termination", "deleted node", ["Node": name, "reason": reason?.rawValue ?? ""])
      termination.forget(name)
      r.explanations.forget(kind: "Node", name: name)
    case .restarted: rebuild(&r)
    }
    swap(&r.explanations, &explanations)
    return r.effects
  }

  /// One full consolidation evaluation of the cluster as it is (every candidate, multi-node
  /// then single-node), for the consolidation benchmark: the decision's explanation, if any,
  /// and how many candidates there were.
  public func consolidationPass(now: Double, store: ClusterStore) -> (decision: String?, candidates: Int) {
    var controller = disruption
    var r = Reconcile(now: now, store: store, settings: settings)
    controller.lend(&r)
    controller.takeDisruptionSnapshot()
    return controller.evaluateEveryCandidate()
  }

  private mutating func withDisruption(_ r: inout Reconcile, _ body: (inout DisruptionController) -> Void) {
    disruption.lend(&r)
    body(&disruption)
    disruption.giveBack(&r)
  }

  private mutating func withStaticCapacity(_ r: inout Reconcile, _ body: (inout StaticCapacityController) -> Void) {
    staticCapacity.lend(&r, marked: disruption.executingNodes)
    body(&staticCapacity)
    staticCapacity.giveBack(&r)
  }
}

extension Karpenter {
  /// After a restart: everything Karpenter kept in memory is rebuilt from the store, as
  /// upstream's controllers do when they start and list the cluster.
  mutating func rebuild(_ r: inout Reconcile) {
    r.log("controller", "starting controllers", ["reason": "restarted; rebuilding state from the cluster"])
    let firstPass = r.now + DisruptionController.disruptionPeriod
    withDisruption(&r) { $0.scheduleDisruption(at: firstPass) }
    var pending = false
    for node in r.store.sortedNodes {
      let name = node.name
      // Nominations lived in the old controller's memory: the pods are scheduled again (onto the
      // same in-flight nodes, which still have room for them).
      if !node.nominated.isEmpty { r.effects.append(.releaseNominations(node: name)) }
      if node.terminatingSince != nil {
        r.wake(at: r.now, .drain(name))  // the termination controller resumes the drain
        continue
      }
      guard node.nodePool != nil else { continue }
      if let pool = r.store.nodePool(named: node.nodePool), let lifetime = Durations.expireAfter(pool) {
        r.wake(at: max(r.now, node.createdAt + lifetime), .expire(name))
      }
      if let launched = node.launchedAt, node.registeredAt == nil, node.instanceGoneAt == nil {
        r.wake(at: max(r.now, launched + Liveness.registrationTTL), .registrationTimeout(name))
      }
      if node.instanceGoneAt != nil { garbageCollection.instanceLost(&r) }
    }
    // Pending pods (those whose nominations were just released among them) go to the
    // provisioner's first batch.
    if r.store.unboundPods.contains(where: { !r.store.pods[$0]!.isDaemon }) { pending = true }
    if pending { provisioner.request(&r) }
    withStaticCapacity(&r) { $0.request() }
  }
}
