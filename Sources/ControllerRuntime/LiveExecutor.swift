import Controllers
import Foundation
import KarpenterAPI
import KarpenterMetrics
import KubernetesAPI
import Scheduling

/// The live executor: hands Karpenter's controllers their inputs and carries out the effects
/// they return through the API server and the cloud provider, in the order they return them,
/// as `simulate`'s in-memory executor does. An effect with an answer (a launch, an eviction, a
/// list of instances) is answered when the call returns, and the effects of that answer are
/// carried out before the next effect of the list.
///
/// Writes go to the API first; the store follows at once where the controllers' next step
/// depends on it (a mark, a launch, an eviction), and the informers' echo agrees with it later.
/// One task owns the executor: inputs never interleave.
public struct LiveExecutor<Provider: CloudProvider>: Sendable {
  public internal(set) var cluster: LiveCluster
  public internal(set) var karpenter: Karpenter
  var cloud: Provider
  let api: any ClusterAPI
  /// Wake-ups the controllers asked for, by time then order of asking.
  var wakes = WakeQueue()
  /// Where log lines and Kubernetes Events go as they happen (JSON lines on standard output).
  let report: @Sendable (LogRecord?, KubernetesEventRecord?) -> Void
  /// The wall clock (a test passes its own).
  let clock: @Sendable () -> Date
  /// Nodes Karpenter removed: late reports of their objects are ignored.
  var removed: Set<String> = []
  var hashes = NodePoolHashes()
  /// NodeClaims whose registration or initialization writes did not all land.
  var lifecycleRetries: [String: LifecycleStep] = [:]
  var lastLifecycleRetry = Date.distantPast
  /// What the controllers do, counted for `/metrics` (nil: not counted).
  public var metrics: ControllerMetrics?

  enum LifecycleStep: Sendable { case register, initialize }

  public init(
    cluster: LiveCluster, settings: KarpenterSettings, cloud: Provider, api: any ClusterAPI,
    clock: @escaping @Sendable () -> Date = Date.init,
    report: @escaping @Sendable (LogRecord?, KubernetesEventRecord?) -> Void
  ) {
    self.cluster = cluster
    self.karpenter = Karpenter(settings: settings)
    self.cloud = cloud
    self.api = api
    self.clock = clock
    self.report = report
  }

  /// The controllers' time now.
  public var now: Double { cluster.time(clock()) }

  /// When the next wake-up is due (controllers' time).
  public var nextWake: Double? { wakes.nextTime }

  /// Applies an informer's change and hands the controllers what it means.
  public mutating func apply(_ change: LiveCluster.ObjectChange, deliverInputs: Bool = true) async {
    if case .nodeClaim(let claim) = change, removed.contains(claim.name) { return }
    if case .node(let node) = change, removed.contains(cluster.key(ofNode: node.name) ?? node.name) { return }
    if case .nodeClaimDeleted(let name) = change { removed.remove(name) }
    let inputs = cluster.apply(change, at: clock())
    guard deliverInputs else { return }
    for input in inputs { await deliver(input) }
  }

  /// Hands the input to the controllers and carries out what they ask.
  public mutating func deliver(_ input: ControllerInput) async {
    let started = ContinuousClock.now
    let effects = karpenter.handle(input, now: now, store: cluster.store)
    if metrics != nil {
      metrics!.delivered(input, store: cluster.store, seconds: Self.seconds(since: started))
    }
    for effect in effects {
      if metrics != nil { metrics!.willExecute(effect, store: cluster.store, karpenter: karpenter, now: now) }
      await execute(effect)
    }
    if case .nodeRegistered(let key) = input, !(await register(key)) { lifecycleRetries[key] = .register }
    if case .nodeInitialized(let key) = input, !(await initialize(key)) {
      // Registration first, if it is still owed.
      if lifecycleRetries[key] == nil { lifecycleRetries[key] = .initialize }
    }
  }

  /// Hands the controllers every wake-up that is due.
  public mutating func wakeDue() async {
    while let wake = wakes.popDue(at: now) { await deliver(.wake(wake)) }
    await retryLifecycle()
  }

  private mutating func execute(_ effect: Effect) async {
    switch effect {
    case .record:
      break  // `simulate`'s report; a live run has its log lines and Events
    case .log(let line):
      report(line, nil)
    case .post(let event):
      report(nil, event)
      await post(event)
    case .taint(let key, let taint):
      guard let node = cluster.store[node: key], !node.taints.contains(where: { $0.matches(taint) }) else { return }
      cluster.withStore { $0[node: key]!.taints.append(taint) }
      await patchNodeTaints(key) { taints in taints.append(taint) }
    case .markDisrupted(let key, let reason, let deadline):
      await mark(key, reason: reason, deadline: deadline, terminating: false)
    case .markTerminating(let key, let reason, let deadline):
      await mark(key, reason: reason, deadline: deadline, terminating: true)
    case .unmarkDisrupted(let key):
      guard cluster.store[node: key] != nil else { return }
      cluster.withStore {
        $0[node: key]!.disruption = nil
        $0[node: key]!.taints.removeAll { $0.key == WellKnown.disruptedTaintKey }
      }
      await patchNodeTaints(key) { taints in taints.removeAll { $0.key == WellKnown.disruptedTaintKey } }
      await setClaimCondition(key, LiveCluster.disruptionReasonCondition, to: nil)
    case .launch(let request):
      let outcome = await launch(request)
      await deliver(.launched(request, outcome))
    case .nominate(let pod, let node):
      cluster.withStore { store in
        guard store[pod: pod] != nil, store[node: node] != nil else { return }
        store[pod: pod]!.nominated = node
        store[pod: pod]!.pendingReason = nil
        store[node: node]!.hold(pod, store[pod: pod]!.requests)
      }
    case .setPendingReason(let pod, let reason):
      cluster.withStore { $0[pod: pod]?.pendingReason = reason }
    case .seenByProvisioner(let pods):
      cluster.withStore { store in for key in pods { store[pod: key]?.awaitingProvisioner = false } }
    case .returnToProvisioner(let pods):
      cluster.withStore { store in for key in pods { store[pod: key]?.awaitingProvisioner = true } }
    case .releaseNominations(let key):
      cluster.withStore { store in
        guard let nominated = store[node: key]?.nominated else { return }
        for pod in nominated.sorted() where store[pod: pod] != nil {
          store[pod: pod]!.nominated = nil
          store[pod: pod]!.awaitingProvisioner = true
          store[node: key]!.unhold(pod, store[pod: pod]!.requests)
        }
        store[node: key]!.nominated = []
      }
    case .deleteNodeClaim(let deletion):
      await deleteNodeClaim(deletion.node)
      await deliver(.delete(deletion))
    case .evict(let pod, let node, let reason, let honouringBudgets):
      let result = await evict(pod, honouringBudgets: honouringBudgets, reason: reason)
      if result != .refusedByBudget {
        cluster.podGone(pod, at: clock())
        metrics?.podDrained(reason: reason)
      }
      await deliver(.evicted(pod: pod, node: node, result))
    case .removeNode(let key):
      await removeNode(key)
    case .listInstances:
      let started = ContinuousClock.now
      do {
        let instances = try await cloud.list()
        metrics?.cloudCall(controller: "garbagecollection", method: "List", seconds: Self.seconds(since: started))
        await deliver(.instancesListed(Set(instances.map(\.name))))
      } catch {
        metrics?.cloudCall(
          controller: "garbagecollection", method: "List", seconds: Self.seconds(since: started),
          error: ControllerMetrics.errorName(error))
        log("ERROR", "garbagecollection", "listing instances failed", ["error": "\(error)"])
      }
    case .wake(let time, let wake):
      wakes.schedule(wake, at: time)
    case .requestProvisioning:
      await deliver(.provisioningRequested)
    case .requestStaticCapacity:
      await deliver(.staticCapacityRequested)
    }
  }

  /// The cluster as the controllers see it now, for the state gauges (nil: no metrics).
  public func metricsSnapshot() -> (StateRecorder, StateRecorder.Snapshot)? {
    guard let metrics else { return nil }
    let claims = cluster.nodeClaims.keys.sorted().compactMap { cluster.nodeClaims[$0] }
    return (
      metrics.state,
      StateRecorder.Snapshot(
        store: cluster.store, karpenter: karpenter, now: now, synced: true, nodeClaims: claims,
        unixTime: clock().timeIntervalSince1970)
    )
  }

  static func seconds(since start: ContinuousClock.Instant) -> Double {
    (ContinuousClock.now - start) / .seconds(1)
  }

  func log(_ level: String, _ controller: String, _ message: String, _ fields: [String: String]) {
    report(LogRecord(time: now, level: level, controller: controller, message: message, fields: fields), nil)
  }
}

/// Wake-ups ordered by time, then by the order they were asked for.
struct WakeQueue: Sendable {
  private var entries: [(time: Double, seq: Int, wake: Wake)] = []
  private var seq = 0

  var nextTime: Double? { entries.first?.time }

  mutating func schedule(_ wake: Wake, at time: Double) {
    seq += 1
    let entry = (time, seq, wake)
    let i = entries.firstIndex { ($0.time, $0.seq) > (time, seq) } ?? entries.count
    entries.insert(entry, at: i)
  }

  mutating func popDue(at now: Double) -> Wake? {
    guard let first = entries.first, first.time <= now else { return nil }
    entries.removeFirst()
    return first.wake
  }
}
