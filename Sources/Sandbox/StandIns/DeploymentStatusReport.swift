import APIServer
import Foundation
import KubernetesAPI

/// A Deployment's `status` as the Deployment controller reports it, and the patch that brings
/// the stored one there (nil when it is there already, so a quiet Deployment is not rewritten).
enum DeploymentStatusReport {
  static func patch(
    _ deployment: ClusterCache.Cached<Deployment>, desired: Int, current: ReplicaSet, all: [ReplicaSet],
    maxUnavailable: Int, now: Date
  ) -> JSON? {
    let specReplicas = all.reduce(0) { $0 + Int($1.spec?.replicas ?? 1) }
    let replicas = all.reduce(0) { $0 + Int($1.status?.replicas ?? 0) }
    let ready = all.reduce(0) { $0 + Int($1.status?.readyReplicas ?? 0) }
    let available = all.reduce(0) { $0 + Int($1.status?.availableReplicas ?? 0) }
    let updated = Int(current.status?.replicas ?? 0)
    let generation = deployment.object.metadata.generation ?? 0
    var counts: JSON = [
      "observedGeneration": .int(generation), "replicas": .int(Int64(replicas)),
      "updatedReplicas": .int(Int64(updated)), "readyReplicas": .int(Int64(ready)),
      "availableReplicas": .int(Int64(available)),
      "unavailableReplicas": .int(Int64(max(0, specReplicas - available))),
    ]
    let complete = updated == desired && replicas == desired && available == desired
    let availableCondition =
      available >= desired - maxUnavailable
      ? condition("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.")
      : condition(
        "Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.")
    let progressing =
      complete
      ? condition(
        "Progressing", "True", "NewReplicaSetAvailable",
        "ReplicaSet \"\(current.name)\" has successfully progressed.")
      : condition(
        "Progressing", "True", "ReplicaSetUpdated", "ReplicaSet \"\(current.name)\" is progressing.")
    let stored = deployment.json["status"] ?? [:]
    let storedConditions = stored["conditions"]?.array ?? []
    let time = JSON.string(Timestamp.format(now))
    var conditions: [JSON] = []
    var changed = false
    for var c in [availableCondition, progressing] {
      let type = c["type"]?.string
      let before = storedConditions.first { $0["type"]?.string == type }
      if let before, before["status"] == c["status"], before["reason"] == c["reason"],
        before["message"] == c["message"]
      {
        conditions.append(before)
        continue
      }
      changed = true
      let transitioned = before?["status"] != c["status"]
      c["lastUpdateTime"] = time
      c["lastTransitionTime"] = transitioned ? time : (before?["lastTransitionTime"] ?? time)
      conditions.append(c)
    }
    for (field, value) in counts.object ?? [:] where (stored[field] ?? .int(0)) != value { changed = true }
    guard changed else { return nil }
    counts["conditions"] = .array(conditions)
    return ["status": counts]
  }

  static func condition(_ type: String, _ status: String, _ reason: String, _ message: String) -> JSON {
    [
      "type": .string(type), "status": .string(status), "reason": .string(reason),
      "message": .string(message),
    ]
  }
}
