import APIServer
import Foundation
import KubernetesAPI

/// The other components of a cluster, as pure logic over the API store: the workload
/// controllers (Deployment, ReplicaSet, StatefulSet, Job, DaemonSet), kube-scheduler, a
/// kwok-style kubelet, and pod garbage collection. The sandbox calls ``reconcile(_:now:)``
/// after every write and on a timer; each call reads the changes since the last one from the
/// store's watch history and acts only on what they touch, so a quiet cluster costs nothing
/// and a busy one costs what changed, not what exists.
///
/// Every write goes through the store's own operations (create, update of `status`, delete,
/// bind, the kubelet's finish of a pod), so clients see watch events, resource versions and
/// admission as if another client had written. Everything is deterministic: objects are
/// visited in name order and addresses are handed out in order.
///
/// The namespace controller and the garbage collector of owned objects are the store's own
/// (it deletes a terminating namespace's contents and dependents of removed owners itself);
/// the stand-ins' part is to finish the pods those deletions leave terminating on nodes.
public struct StandIns: Sendable {
  private var cache = ClusterCache()
  private var kubelet = KubeletStandIn()
  /// The store version of the last full pass; nothing to do while it has not moved.
  private var lastSeenVersion = -1
  /// The scheduler's Events, kept to expire them.
  private var events = SchedulingEvents()
  /// Workloads with `minReadySeconds` whose ready pods become available later, with when.
  private var availabilityWakeUps: [WorkloadKey: Date] = [:]
  /// What the writes of the last call ran into, newest last, at most ``problemLimit``.
  public internal(set) var problems: [StandInProblem] = []
  static let problemLimit = 100

  /// The most pods the stand-ins let the cluster hold: a workload asking for more (a typo of
  /// `replicas: 2000000`) gets what fits and a problem saying why, not unbounded memory.
  public let podLimit: Int

  public init(podLimit: Int = 100_000) { self.podLimit = podLimit }

  /// Brings the cluster one step closer to what its objects ask for. Returns true when it
  /// wrote something: the caller runs it again (with a bound on rounds) until it returns
  /// false, since its own writes are changes it reacts to on the next call.
  @discardableResult
  public mutating func reconcile(_ store: inout APIStore, now: Date) -> Bool {
    let dueCompletions = kubelet.nextCompletion.map { $0 <= now } ?? false
    let dueAvailability = availabilityWakeUps.filter { $0.value <= now }.keys
    let dueEvents = events.nextExpiry.map { $0 <= now } ?? false
    if store.resourceVersion == lastSeenVersion && !dueCompletions && dueAvailability.isEmpty && !dueEvents {
      return false
    }
    sync(from: store)
    lastSeenVersion = store.resourceVersion
    var writes: [StandInWrite] = []
    var changes = cache.changes
    cache.changes = ClusterCache.Changes()
    for key in dueAvailability {
      availabilityWakeUps[key] = nil
      changes.workloads.insert(key)
    }

    writes += podLifecycle(changes, now: now)
    let registering = writes.contains {
      if case .patchStatus(_, "nodes", _, _, _) = $0 { return true } else { return false }
    }
    writes += workloads(changes, now: now)
    // Nodes registering now are Ready on the next round, which schedules (their change wakes
    // it): judged now, pending pods would be told of a not-ready taint for one round.
    if !registering { writes += schedule(changes, now: now) }
    writes += events.expired(now: now)

    var wrote = false
    var pods = cache.pods.count
    var lastBindFailed = false
    for write in writes {
      switch write {
      case .create(_, "pods", _, _):
        guard pods < podLimit else {
          record(
            StandInProblem(write: write.description, reason: "the sandbox holds at most \(podLimit) pods"))
          continue
        }
        pods += 1
      case .create(_, "events", _, _) where lastBindFailed:
        // No `Scheduled` event for a binding that did not happen.
        lastBindFailed = false
        continue
      default: break
      }
      let changed = perform(write, on: &store, now: now)
      if changed { wrote = true }
      if case .bind = write { lastBindFailed = !changed }
    }
    // The disruption controller: budgets follow the health of the pods they select.
    for namespace in changes.budgetNamespaces.sorted() {
      let before = store.resourceVersion
      store.refreshDisruptionBudgets(namespace: namespace, now: now)
      if store.resourceVersion != before { wrote = true }
    }
    return wrote
  }

  /// Runs ``reconcile(_:now:)`` until it writes nothing more or `maxRounds` have run; returns
  /// the number of rounds that wrote. A bound is needed because a workload whose pods keep
  /// failing admission would otherwise be retried forever.
  @discardableResult
  public mutating func reconcileUntilQuiet(_ store: inout APIStore, now: Date, maxRounds: Int = 64) -> Int {
    var rounds = 0
    while rounds < maxRounds, reconcile(&store, now: now) { rounds += 1 }
    return rounds
  }

  /// When the stand-ins next have something to do without any write: the earliest pod due to
  /// succeed or to become available, or Event to expire. Nil when only a change can wake them.
  public var nextDeadline: Date? {
    ([kubelet.nextCompletion, events.nextExpiry].compactMap { $0 } + availabilityWakeUps.values).min()
  }

  /// How many objects the stand-ins have decoded from the store since they started; the cost
  /// of a call follows what changed, and this is how tests see it.
  var decodedObjects: Int { cache.decodedObjects }

  /// Objects the stand-ins could not read, by resource and key, with the reason.
  public var undecodableObjects: [String: String] { cache.undecodable }

  // MARK: - Reading the store

  /// Applies the store's changes since the last sync to the cache, or relists when the
  /// history no longer reaches back that far.
  private mutating func sync(from store: APIStore) {
    // A store whose version went backwards is another store (a sandbox reset): start over.
    var relist = cache.resourceVersion == 0 || store.resourceVersion < cache.resourceVersion
    var events: [WatchEvent] = []
    if !relist {
      switch store.changes(since: cache.resourceVersion) {
      case .success(let changes): events = changes
      case .failure: relist = true
      }
    }
    if relist {
      cache.reset()
      for (group, plural) in ClusterCache.followed {
        guard let type = store.registry.type(group: group, version: "v1", plural: plural),
          let list = try? store.list(type)
        else { continue }
        for object in list.items {
          cache.apply(
            group: group, plural: plural, name: object.metadataName, namespace: object.metadataNamespace,
            object: object)
        }
      }
    } else {
      // Only each object's last change counts: an object created, bound and started since the
      // last call is decoded once, in its final state.
      let followed = Set(ClusterCache.followed.map { "\($0.group)/\($0.plural)" })
      var last: [String: Int] = [:]
      for (i, event) in events.enumerated() where followed.contains("\(event.group)/\(event.plural)") {
        let ns = event.object.metadataNamespace ?? ""
        last["\(event.group)/\(event.plural)/\(ns)/\(event.object.metadataName)"] = i
      }
      for i in last.values.sorted() {
        let event = events[i]
        cache.apply(
          group: event.group, plural: event.plural, name: event.object.metadataName,
          namespace: event.object.metadataNamespace,
          object: event.type == .deleted ? nil : event.object)
      }
    }
    cache.resourceVersion = max(store.resourceVersion, 1)
  }

  // MARK: - Deciding

  /// The kubelet (node registration, pods starting, finishing and succeeding) and pod GC.
  private mutating func podLifecycle(_ changes: ClusterCache.Changes, now: Date) -> [StandInWrite] {
    var writes: [StandInWrite] = []
    for name in changes.nodes.sorted() {
      guard let node = cache.nodes[name], let write = kubelet.register(node, now: now) else { continue }
      writes.append(write)
    }
    for key in changes.boundPods.sorted() {
      guard let pod = cache.pods[key], let nodeName = pod.spec?.nodeName, !nodeName.isEmpty else { continue }
      guard let node = cache.nodes[nodeName] else {
        // Pod GC: a pod bound to a node that no longer exists is deleted at once.
        writes.append(.deletePod(pod.namespace, pod.name, gracePeriodSeconds: 0))
        continue
      }
      if let write = kubelet.handle(key: key, pod: pod, on: node, now: now) { writes.append(write) }
    }
    for key in kubelet.dueCompletions(now: now) {
      guard let pod = cache.pods[key], pod.status?.phase == "Running", !pod.isTerminating else { continue }
      writes.append(KubeletStandIn.succeed(pod, now: now))
    }
    return writes
  }

  /// The workload controllers, for the workloads the changes touch, in kind and name order.
  private mutating func workloads(_ changes: ClusterCache.Changes, now: Date) -> [StandInWrite] {
    var keys = changes.workloads
    if changes.nodeSet {
      for key in cache.daemonSets.keys {
        let ds = cache.daemonSets[key]!.object
        keys.insert(WorkloadKey(kind: .daemonSet, namespace: ds.namespace, name: ds.name))
      }
    }
    var writes: [StandInWrite] = []
    for key in keys.sorted() {
      switch key.kind {
      case .deployment: writes += DeploymentController.reconcile(key, cache: cache, now: now)
      case .replicaSet: writes += ReplicaSetController.reconcile(key, cache: cache, now: now)
      case .statefulSet: writes += StatefulSetController.reconcile(key, cache: cache, now: now)
      case .job: writes += JobController.reconcile(key, cache: cache, now: now)
      case .daemonSet: writes += DaemonSetController.reconcile(key, cache: cache, now: now)
      }
      availabilityWakeUps[key] = nextAvailability(key, now: now)
    }
    return writes
  }

  /// When a ready pod of the workload has been ready for its `minReadySeconds` and so turns
  /// available, if that is still to come: the workload is looked at again then.
  private func nextAvailability(_ key: WorkloadKey, now: Date) -> Date? {
    let id = ClusterCache.key(namespace: key.namespace, name: key.name)
    let minReady: Int32?
    let uid: String?
    switch key.kind {
    case .replicaSet:
      (minReady, uid) = (
        cache.replicaSets[id]?.object.spec?.minReadySeconds, cache.replicaSets[id]?.object.metadata.uid
      )
    case .statefulSet:
      (minReady, uid) = (
        cache.statefulSets[id]?.object.spec?.minReadySeconds, cache.statefulSets[id]?.object.metadata.uid
      )
    case .daemonSet:
      (minReady, uid) = (
        cache.daemonSets[id]?.object.spec?.minReadySeconds, cache.daemonSets[id]?.object.metadata.uid
      )
    case .deployment, .job: return nil
    }
    guard let minReady, minReady > 0 else { return nil }
    return cache.pods(ownedBy: key, uid: uid).compactMap { entry -> Date? in
      guard PodRanking.isActive(entry.pod), let ready = entry.pod.status?.condition("Ready"),
        ready.status == "True",
        let since = ready.lastTransitionTime.flatMap(Timestamp.parse)
      else { return nil }
      let available = since.addingTimeInterval(TimeInterval(minReady))
      return available > now ? available : nil
    }.min()
  }

  /// kube-scheduler: binds what fits and reports the rest as unschedulable, writing a pod's
  /// condition only when its message changes.
  private mutating func schedule(_ changes: ClusterCache.Changes, now: Date) -> [StandInWrite] {
    guard changes.scheduling || !changes.newPending.isEmpty, !cache.pending.isEmpty else { return [] }
    var scheduler = KubeSchedulerStandIn(
      nodes: cache.nodes.keys.compactMap { cache.usage(of: $0) }, placed: cache.placedPods)
    var writes: [StandInWrite] = []
    // Every pending pod when the cluster changed; else only the pods new to the queue.
    let queue = changes.scheduling ? cache.pendingPods : cache.pendingPods(among: changes.newPending)
    for (pod, decision) in scheduler.schedule(queue) {
      switch decision {
      case .bind(let node):
        writes.append(.bind(namespace: pod.namespace, pod: pod.name, node: node))
        writes.append(
          events.event(
            for: pod, type: "Normal", reason: "Scheduled",
            message: "Successfully assigned \(pod.namespace)/\(pod.name) to \(node)", now: now))
      case .unschedulable(let message):
        let current = pod.status?.condition("PodScheduled")
        if current?.status == "False", current?.reason == "Unschedulable", current?.message == message {
          continue
        }
        writes.append(
          .patchPodStatus(pod.namespace, pod.name, Self.unschedulableStatus(pod, message: message, now: now)))
        writes.append(
          events.event(for: pod, type: "Warning", reason: "FailedScheduling", message: message, now: now))
      }
    }
    return writes
  }

  /// The pod's status with `PodScheduled` False, reason `Unschedulable`, and the message; the
  /// other conditions are kept.
  static func unschedulableStatus(_ pod: Pod, message: String, now: Date) -> JSON {
    let before = pod.status?.condition("PodScheduled")
    let since = before?.status == "False" ? before?.lastTransitionTime : nil
    var conditions: [JSON] = []
    for c in pod.status?.conditions ?? [] where c.type != "PodScheduled" {
      if let json = try? JSON(encoding: c) { conditions.append(json) }
    }
    conditions.append([
      "type": "PodScheduled", "status": "False", "reason": "Unschedulable", "message": .string(message),
      "lastProbeTime": nil,
      "lastTransitionTime": .string(since ?? Timestamp.format(now)),
    ])
    return ["conditions": .array(conditions)]
  }
}

extension JSON {
  /// `metadata.name`, or "" when absent.
  var metadataName: String { self[path: ["metadata", "name"]]?.string ?? "" }
  /// `metadata.namespace`, or nil for a cluster-scoped object.
  var metadataNamespace: String? {
    guard let ns = self[path: ["metadata", "namespace"]]?.string, !ns.isEmpty else { return nil }
    return ns
  }
}
