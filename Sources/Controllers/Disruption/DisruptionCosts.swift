import Foundation
import KarpenterAPI
import KubernetesAPI

/// What disrupting a pod or a node costs, as upstream orders candidates.
enum DisruptionCosts {
  /// Whether the pod's `karpenter.sh/do-not-disrupt` annotation holds at `time` (`true`, or a
  /// duration since the pod was created that has not run out).
  static func doNotDisrupt(_ pod: StatePod, at time: Double) -> Bool {
    guard let value = pod.pod.annotations[WellKnown.doNotDisruptAnnotation] else { return false }
    if value == "true" { return true }
    if let seconds = Durations.seconds(value) { return time - pod.createdAt < seconds }
    return false
  }

  /// Upstream's eviction cost: 1 + deletion cost / 2^27 + priority / 2^25, clamped to ±10.
  static func evictionCost(_ pod: StatePod) -> Double {
    var cost = 1.0
    if let deletion = pod.pod.annotations["controller.kubernetes.io/pod-deletion-cost"].flatMap(Double.init) {
      cost += deletion / pow(2, 27)
    }
    if let priority = pod.pod.spec?.priority { cost += Double(priority) / pow(2, 25) }
    return min(10, max(-10, cost))
  }

  /// The share of the node's expireAfter still ahead of it at `time` (1 without expireAfter):
  /// nodes close to expiry are cheaper to disrupt, as upstream orders them.
  static func lifetimeRemaining(_ node: StateNode, _ pool: NodePool, at time: Double) -> Double {
    guard let lifetime = Durations.expireAfter(pool), lifetime > 0 else { return 1 }
    return min(1, max(0, 1 - (time - node.createdAt) / lifetime))
  }
}
