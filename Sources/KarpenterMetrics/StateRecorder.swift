import Controllers
import Foundation
import KarpenterAPI
import Synchronization

/// Records the gauges read off a snapshot of the cluster (`StateMetrics`), the objects' status
/// conditions (`ConditionMetrics`) and the pods' times to be bound and ready. Safe to run on a
/// task of its own: the live controller hands it the store as it is (a value, copied for free)
/// every few seconds and goes on, so that 0.3 s of gauges at 20,000 pods do not hold the
/// controllers up. A snapshot handed over while one is being recorded is skipped.
public final class StateRecorder: Sendable {
  /// The cluster as the controllers see it at one moment.
  public struct Snapshot: Sendable {
    public var store: ClusterStore
    /// The controllers, for the NodePools' allowed disruptions (nil: not recorded).
    public var karpenter: Karpenter?
    /// Controllers' time.
    public var now: Double
    public var synced: Bool
    /// The NodeClaims (the store keeps nodes, not their NodeClaim objects) and the wall clock
    /// (seconds since 1970) for the conditions; nil: conditions not recorded.
    public var nodeClaims: [NodeClaim]?
    public var unixTime: Double

    public init(
      store: ClusterStore, karpenter: Karpenter?, now: Double, synced: Bool, nodeClaims: [NodeClaim]? = nil,
      unixTime: Double = 0
    ) {
      self.store = store
      self.karpenter = karpenter
      self.now = now
      self.synced = synced
      self.nodeClaims = nodeClaims
      self.unixTime = unixTime
    }
  }

  private struct Memory {
    /// Pods whose time to be bound, and to be ready, was observed.
    var podsBound: Set<String> = []
    var podsStarted: Set<String> = []
    var conditions = ConditionMetrics()
    var recording = false
  }

  private let registry: MetricsRegistry
  private let memory = Mutex(Memory())

  init(registry: MetricsRegistry) { self.registry = registry }

  /// Records the snapshot; false (and nothing done) when another is being recorded.
  @discardableResult
  public func record(_ snapshot: Snapshot) -> Bool {
    let started = memory.withLock { memory -> Bool in
      guard !memory.recording else { return false }
      memory.recording = true
      return true
    }
    guard started else { return false }
    defer { memory.withLock { $0.recording = false } }
    let store = snapshot.store
    observeStartups(store)
    for (name, samples) in StateMetrics.gauges(store: store, now: snapshot.now, synced: snapshot.synced) {
      registry.replaceGauge(name, with: samples)
    }
    for (name, series) in StateMetrics.largeGauges(store: store, now: snapshot.now) {
      registry.replaceGauge(name, ordered: series)
    }
    if let karpenter = snapshot.karpenter {
      registry.replaceGauge(
        "karpenter_nodepools_allowed_disruptions",
        with: karpenter.allowedDisruptions(now: snapshot.now, store: store).map {
          (["nodepool": $0.nodePool, "reason": $0.reason.rawValue.lowercased()], Double(min($0.allowed, Int(Int32.max))))
        })
    }
    if let claims = snapshot.nodeClaims { recordConditions(claims, store, at: snapshot.unixTime) }
    return true
  }

  /// The status conditions of the NodeClaims, NodePools and EC2NodeClasses.
  private func recordConditions(_ nodeClaims: [NodeClaim], _ store: ClusterStore, at unixTime: Double) {
    var conditions = memory.withLock { $0.conditions }
    conditions.record(
      .nodeClaim,
      nodeClaims.map {
        .init(name: $0.name, conditions: $0.status?.conditions ?? [], extra: ConditionMetrics.nodeClaimLabels($0))
      }, now: unixTime, into: registry)
    conditions.record(
      .nodePool, store.nodePools.map { .init(name: $0.name, conditions: $0.status?.conditions ?? []) },
      now: unixTime, into: registry)
    conditions.record(
      .ec2NodeClass,
      store.nodeClasses.sorted { $0.key < $1.key }.map {
        .init(name: $0.key, conditions: $0.value.status?.conditions ?? [])
      }, now: unixTime, into: registry)
    memory.withLock { $0.conditions = conditions }
  }

  /// Each pod's time from creation to bound (PodScheduled) and to ready (Ready), observed once,
  /// from the times its conditions record.
  private func observeStartups(_ store: ClusterStore) {
    var (bound, started) = memory.withLock { ($0.podsBound, $0.podsStarted) }
    bound.formIntersection(store.pods.keys)
    started.formIntersection(store.pods.keys)
    for (key, pod) in store.pods where pod.node != nil && !pod.isDaemon {
      guard let created = ControllerMetrics.time(pod.pod.metadata.creationTimestamp) else { continue }
      let conditions = pod.pod.status?.conditions ?? []
      if !bound.contains(key), let scheduled = conditions.first(where: { $0.type == "PodScheduled" && $0.status == "True" }),
        let at = ControllerMetrics.time(scheduled.lastTransitionTime)
      {
        bound.insert(key)
        registry.observe("karpenter_pods_bound_duration_seconds", [:], max(0, at - created))
      }
      if !started.contains(key), let ready = conditions.first(where: { $0.type == "Ready" && $0.status == "True" }),
        let at = ControllerMetrics.time(ready.lastTransitionTime)
      {
        started.insert(key)
        registry.observe("karpenter_pods_startup_duration_seconds", [:], max(0, at - created))
      }
    }
    memory.withLock {
      $0.podsBound = bound
      $0.podsStarted = started
    }
  }
}
