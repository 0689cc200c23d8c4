import APIServer
import Foundation
import KubernetesAPI

/// The Events kube-scheduler posts, so that `kubectl describe pod` and `kubectl get events`
/// tell what happened: `Scheduled` when a pod is bound, `FailedScheduling` with the fit
/// error when it fits nowhere (only when that message changes, as its condition is written).
///
/// Events live an hour, the API server's default `--event-ttl`, and at most ``limit`` are
/// kept: the oldest go first, so a long sandbox run does not grow without bound.
struct SchedulingEvents: Sendable {
  static let component = "default-scheduler"
  static let timeToLive: TimeInterval = 3600
  static let limit = 10_000

  /// Events posted and not yet expired, oldest first: namespace, name, and when.
  private var posted: [(namespace: String, name: String, at: Date)] = []
  private var nextSuffix: UInt64 = 0

  /// The event for a pod, named `<pod>.<hex nanoseconds>` as client-go's recorder names them,
  /// from the time passed in (plus a count, so two events in one instant differ): runs repeat.
  mutating func event(for pod: Pod, type: String, reason: String, message: String, now: Date) -> StandInWrite
  {
    nextSuffix += 1
    let seconds = now.timeIntervalSince1970
    // Clamped so that no date can overflow the conversion (year 2255 and on share a value).
    let nanos = seconds.isFinite ? UInt64(min(max(0, seconds), 9e9) * 1_000_000_000) : 0
    let hex = String(nanos &+ nextSuffix, radix: 16)
    let name = "\(pod.name).\(String(repeating: "0", count: max(0, 16 - hex.count)))\(hex)"
    let time = JSON.string(Timestamp.format(now))
    var involved: JSON = [
      "apiVersion": "v1", "kind": "Pod", "namespace": .string(pod.namespace), "name": .string(pod.name),
    ]
    if let uid = pod.metadata.uid { involved["uid"] = .string(uid) }
    if let version = pod.metadata.resourceVersion { involved["resourceVersion"] = .string(version) }
    posted.append((pod.namespace, name, now))
    return .create(
      group: "", plural: "events", namespace: pod.namespace,
      object: [
        "apiVersion": "v1", "kind": "Event",
        "metadata": ["name": .string(name), "namespace": .string(pod.namespace)],
        "involvedObject": involved, "reason": .string(reason), "message": .string(message),
        "type": .string(type),
        "source": ["component": .string(Self.component)], "reportingComponent": .string(Self.component),
        "reportingInstance": .string(Self.component), "firstTimestamp": time, "lastTimestamp": time,
        "count": 1,
      ])
  }

  /// Deletions of the events past their time or beyond the limit, oldest first.
  mutating func expired(now: Date) -> [StandInWrite] {
    var out: [StandInWrite] = []
    var drop = 0
    while drop < posted.count,
      posted[drop].at.addingTimeInterval(Self.timeToLive) <= now || posted.count - drop > Self.limit
    {
      let e = posted[drop]
      out.append(
        .delete(group: "", plural: "events", namespace: e.namespace, name: e.name, gracePeriodSeconds: nil))
      drop += 1
    }
    posted.removeFirst(drop)
    return out
  }

  /// When the oldest event expires.
  var nextExpiry: Date? { posted.first.map { $0.at.addingTimeInterval(Self.timeToLive) } }
}
