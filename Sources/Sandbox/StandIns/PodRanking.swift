import APIServer
import Foundation
import KubernetesAPI

/// How controllers judge the pods they own: which are active, ready, and which go first when
/// there are too many.
enum PodRanking {
  /// Kubernetes' `IsPodActive`: not finished and not being deleted. Only active pods count
  /// towards a controller's replicas.
  static func isActive(_ pod: Pod) -> Bool { !pod.isTerminal && !pod.isTerminating }

  /// True when the pod's `Ready` condition is `True`.
  static func isReady(_ pod: Pod) -> Bool { pod.status?.condition("Ready")?.status == "True" }

  /// The order in which the ReplicaSet controller deletes surplus pods (upstream's
  /// `ActivePodsWithRanks`, without the co-location rank): unassigned before assigned, pending
  /// before unknown before running, not ready before ready, then the newest first; ties by
  /// name, last first, so the order is total.
  static func deletesBefore(_ a: Pod, _ b: Pod) -> Bool {
    if a.isScheduled != b.isScheduled { return !a.isScheduled }
    let (pa, pb) = (phaseRank(a), phaseRank(b))
    if pa != pb { return pa < pb }
    let (ra, rb) = (isReady(a), isReady(b))
    if ra != rb { return !ra }
    let (ca, cb) = (a.metadata.creationTimestamp ?? "", b.metadata.creationTimestamp ?? "")
    if ca != cb { return ca > cb }
    return a.name > b.name
  }

  private static func phaseRank(_ pod: Pod) -> Int {
    switch pod.status?.phase {
    case "Running": return 2
    case "Unknown": return 1
    default: return 0
    }
  }
}

extension PodRanking {
  /// Ready for at least `minReadySeconds` (upstream's `IsPodAvailable`), judged by the `Ready`
  /// condition's `lastTransitionTime`.
  static func isAvailable(_ pod: Pod, minReadySeconds: TimeInterval, now: Date) -> Bool {
    guard let ready = pod.status?.condition("Ready"), ready.status == "True" else { return false }
    guard minReadySeconds > 0 else { return true }
    guard let since = ready.lastTransitionTime.flatMap(Timestamp.parse) else { return false }
    return since.addingTimeInterval(minReadySeconds) <= now
  }
}
